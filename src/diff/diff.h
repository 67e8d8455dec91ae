// Differences between two versions of one list: entities added, removed and changed, with
// field-level changes (an alias added, a program removed, a date of birth changed). Entities
// are matched by their record id. A field is compared only when both versions carry it (some
// entity on each side has a value), so a version without OFAC's alt.csv does not show every
// alias as removed. LoadDiffInputs goes further and parses both versions from the files both
// contain only. Thread-compatible.
#pragma once

#include <cstddef>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "sources/parse_options.h"
#include "tamiz/entity.h"
#include "tamiz/status.h"

namespace tamiz::diff {

// One field-level change. For multi-valued fields (aliases, programs, ids, ...) each added
// value is {field, "", value} and each removed one {field, value, ""}; single-valued fields
// (name, schema, gender, listed_on, remarks) give {field, old, new}.
struct FieldChange {
  std::string field;
  std::string old_value;
  std::string new_value;
};

struct EntityRef {
  std::string id;
  std::string caption;
};

struct EntityChange {
  std::string id;
  std::string caption;  // of the new version
  std::vector<FieldChange> changes;
};

struct ListDiff {
  std::vector<EntityRef> added;    // in new only, in new-file order
  std::vector<EntityRef> removed;  // in old only, in old-file order
  std::vector<EntityChange> changed;
  size_t unchanged = 0;
  std::vector<std::string> fields_compared;
  std::vector<std::string> fields_skipped;  // carried by only one version (or neither)
};

// Compares `older` to `newer`.
ListDiff DiffLists(const ParsedList& older, const ParsedList& newer);

// Two versions parsed for a diff, restricted to the files both contain.
struct DiffInputs {
  ParsedList older;
  ParsedList newer;
  std::vector<std::string> files_compared;  // file names present in both version directories
  std::vector<std::string> files_ignored;   // present in only one of them
};

// Parses the version directories `old_dir` and `new_dir` as `dataset`. When their file sets
// differ (OFAC's full CSV set against a copy of sdn.csv alone), each side is parsed from the
// files both contain only, so that data only one version carries (aliases from alt.csv,
// addresses from add.csv) is not reported as added or removed. version.path stays the
// directory given. Parse errors are returned as they are.
Result<DiffInputs> LoadDiffInputs(const std::filesystem::path& old_dir,
                                  const std::filesystem::path& new_dir, const std::string& dataset,
                                  const sources::ParseOptions& options);

// {"dataset","old":{"path","entities"},"new":{...},"added":[{"id","caption"}],"removed":[...],
//  "changed":[{"id","caption","changes":[{"field","old","new"}]}],
//  "summary":{"added","removed","changed","unchanged"},"fields_compared":[],"fields_skipped":[],
//  "files_compared":[],"files_ignored":[]}
nlohmann::json DiffToJson(const std::string& dataset, const DiffInputs& in, const ListDiff& d);

// A readable report: the summary first, then every added, removed and changed entity.
std::string DiffToText(const std::string& dataset, const DiffInputs& in, const ListDiff& d);

}  // namespace tamiz::diff
