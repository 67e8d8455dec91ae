// OFAC legacy CSV set (sdn.csv/add.csv/alt.csv/sdn_comments.csv, or
// cons_prim.csv/cons_add.csv/cons_alt.csv/cons_comments.csv). See docs/formats/ofac-sdn-csv.md.
// Thread-compatible: a pure function of its inputs.
#pragma once

#include <filesystem>
#include <string>

#include "sources/parse_options.h"
#include "tamiz/entity.h"
#include "tamiz/status.h"

namespace tamiz::sources {

// Parses the list in version directory `dir` as dataset `dataset`. Returns kDataError naming
// file:line (or XML path) and record on malformed input, unless options.lenient.
Result<ParsedList> ParseOfacCsv(const std::filesystem::path& dir, const std::string& dataset,
                                const ParseOptions& options);

}  // namespace tamiz::sources
