// Custom ownership links: `ownership.csv` with a header row `owner_id,asset_id,percent[,source]`
// in a version directory (docs/NETWORK.md, "Ownership CSV"). A relation-only list: it adds
// Ownership relations between entities of other datasets (or of a custom list) and no
// entities of its own. Thread-compatible: a pure function of its inputs.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "sources/parse_options.h"
#include "tamiz/entity.h"
#include "tamiz/status.h"

namespace tamiz::sources {

inline constexpr const char* kOwnershipCsvFile = "ownership.csv";

// Parses `<dir>/ownership.csv` as dataset `dataset`. Returns kDataError naming
// ownership.csv:line and the row's owner/asset on a malformed row, unless options.lenient.
Result<ParsedList> ParseOwnershipCsv(const std::filesystem::path& dir, const std::string& dataset,
                                     const ParseOptions& options);

// Parses the CSV text itself; `file_name` is used in messages.
Result<ParsedList> ParseOwnershipCsvText(std::string_view data, const std::string& file_name,
                                         const std::string& dataset, const ParseOptions& options);

}  // namespace tamiz::sources
