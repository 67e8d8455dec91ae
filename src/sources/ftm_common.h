// Small helpers shared by the FollowTheMoney-family parsers (FtM JSON, OpenSanctions simple
// CSV, Senzing JSON, US CSL CSV, custom CSV): text splitting, bounded reading with UTF-8
// checks, JSON nesting limits and entity merging. Pure functions; thread-safe.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "sources/parse_options.h"
#include "tamiz/entity.h"
#include "tamiz/status.h"

namespace tamiz::sources::ftm {

// Trims ASCII blanks (space, tab, CR, LF) from both ends.
std::string Trim(std::string_view s);

// Splits `s` on `sep`, trims each part and drops empty parts.
std::vector<std::string> SplitTrim(std::string_view s, std::string_view sep);

// ASCII lowercase copy.
std::string Lower(std::string_view s);

// Appends `value` to `out` unless empty or already present.
void AddUnique(std::vector<std::string>& out, std::string value);

// "male" / "female" for the usual spellings (m, male, f, female, man, woman), else "".
std::string NormalizeGender(std::string_view s);

// Adds `name` to `e` unless empty or an equal (full, kind, script) name is present; sets the
// caption from the first primary name when the caption is empty.
void AddName(Entity& e, Name name);

// Merges `from` into `into` (same real-world entity listed twice): names not yet present are
// added (a second primary name becomes a strong alias), list fields are unioned, scalar fields
// are filled only where `into` has none.
void MergeEntity(Entity& into, const Entity& from);

// Appends `e` to `entities`, or merges it (MergeEntity) into the entity already there with the
// same id; `by_id` maps ids to positions in `entities` and is kept up to date.
void AddOrMergeEntity(std::vector<Entity>& entities, std::unordered_map<std::string, size_t>& by_id,
                      Entity e);

// Reads a list file with the size limit of `options` and checks its UTF-8. Invalid UTF-8 fails
// with kDataError "<file>:<line>: invalid UTF-8" unless options.lenient, where the bytes are
// replaced by U+FFFD and a warning is appended to `warnings`.
Result<std::string> ReadListFile(const std::filesystem::path& path, const ParseOptions& options,
                                 std::vector<std::string>& warnings);

// Deepest nesting of JSON arrays/objects in `text`, ignoring brackets inside strings. Stops
// counting (and returns a value > `limit`) as soon as `limit` is exceeded. O(n), no recursion.
size_t JsonNestingDepth(std::string_view text, size_t limit);

// Maximum JSON nesting accepted by the JSON-lines parsers.
inline constexpr size_t kMaxJsonDepth = 64;

// The physical lines of `data` (without the line terminator), each with its 1-based number.
struct Line {
  size_t number = 0;
  std::string_view text;
};
std::vector<Line> SplitLines(std::string_view data);

}  // namespace tamiz::sources::ftm
