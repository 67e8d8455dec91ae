// FollowTheMoney entities as JSON lines, including relationship schemata and the delta format. See
// docs/formats/ftm-json.md. Thread-compatible: a pure function of its inputs.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sources/parse_options.h"
#include "tamiz/entity.h"
#include "tamiz/status.h"

namespace tamiz::sources {

// Parses the list in version directory `dir` as dataset `dataset`. Returns kDataError naming
// file:line (or XML path) and record on malformed input, unless options.lenient.
Result<ParsedList> ParseFtmJson(const std::filesystem::path& dir, const std::string& dataset,
                                const ParseOptions& options);

// Parses FtM JSON-lines `files` in the given order as dataset `dataset`. Each line is either an
// entity `{"id","schema","properties",...}` or a delta `{"op":"ADD"|"MOD"|"DEL","entity":{...}}`
// applied on top of what earlier lines produced. Relationship schemata become Relations.
// Errors name file:line and the FtM id. version.sha256 is that of files[0].
Result<ParsedList> ParseFtmFiles(const std::vector<std::filesystem::path>& files,
                                 const std::string& dataset, const ParseOptions& options);

// The FtM `percentage` of an Ownership as a number in [0, 100]: "50", "50%", "50.5", "50,5";
// a range "25-50" or "25 - 50%" gives its lower bound. nullopt when unreadable or out of range.
std::optional<double> ParseOwnershipPercent(std::string_view text);

}  // namespace tamiz::sources
