// Custom internal lists: CSV plus a column mapping in list.toml. See docs/formats/custom-csv.md.
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
Result<ParsedList> ParseCustomCsv(const std::filesystem::path& dir, const std::string& dataset,
                                  const ParseOptions& options);

}  // namespace tamiz::sources
