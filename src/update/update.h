// `tamiz update`: fetches each configured list, validates it by parsing it fully, and swaps
// it in atomically, keeping the last good versions. On-disk layout and safety rules are in
// docs/UPDATE.md. One update per dataset at a time (an flock on <dataset>/.lock); different
// processes may update different datasets concurrently.
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "tamiz/status.h"
#include "update/config.h"

namespace tamiz::update {

enum class Outcome {
  kUnchanged,  // 304 Not Modified, or same bytes as the current version
  kUpdated,    // a new version directory is now current
  kRefused,    // parsed fine but the entity count collapsed (> max_drop) and not --force
  kFailed,     // download or validation failed; the current version stays
};
std::string_view OutcomeName(Outcome o);

struct ListResult {
  std::string dataset;
  Outcome outcome = Outcome::kFailed;
  std::string old_version;  // "" when the dataset had no version
  std::string new_version;  // the version now current (== old_version unless updated)
  size_t old_count = 0;
  size_t new_count = 0;
  std::string message;  // why (refused/failed) or how (unchanged: "not modified (304)")
};

struct UpdateOptions {
  std::filesystem::path data_dir;  // holds lists/<dataset>/<version>/
  bool force = false;              // accept an entity-count drop beyond max_drop
  std::string only;                // update just this dataset when not empty
  std::string notify_url;          // server base URL; POST {notify_url}/admin/reload
  std::string api_key;             // bearer key for the notification
  std::string today;               // "YYYY-MM-DD" for version names; "" = today (UTC)
  // Called with one line of progress or summary (without newline); may be empty.
  std::function<void(const std::string&)> progress;
};

struct UpdateReport {
  std::vector<ListResult> lists;
  bool notified = false;
  std::string notify_warning;  // why notifying the server failed ("" when it worked or n/a)

  // 0 when every list is unchanged or updated; 3 when any failed or was refused.
  int ExitCode() const;
};

// Runs the update. Fails (kInvalidArgument) only when `options.only` names no configured
// dataset; every per-list problem is reported in the ListResult and the others still update.
Result<UpdateReport> RunUpdate(const UpdateConfig& config, const UpdateOptions& options);

// The version directory of `dataset_dir` that loads today: the one named by its `current`
// file when that exists, else the newest (by name) directory not starting with '.'; empty
// when there is none. Mirrors sources::LoadDataDir.
std::filesystem::path CurrentVersionDir(const std::filesystem::path& dataset_dir);

}  // namespace tamiz::update
