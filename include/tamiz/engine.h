// The screening engine: loads a data directory into an immutable snapshot and answers
// screening queries against it. Thread-safe: Screen() may run on any number of threads
// while Reload() builds a new snapshot beside the old one and swaps it in atomically;
// in-flight calls finish on the snapshot they started with.
#pragma once

#include <atomic>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "tamiz/entity.h"
#include "tamiz/screen.h"
#include "tamiz/status.h"

namespace tamiz {

namespace index {
class Snapshot;
}
namespace graph {
class Exposure;
}

struct EngineOptions {
  std::filesystem::path data_dir;  // contains lists/<dataset>/<version>/
  bool lenient = false;            // skip (and report) malformed records instead of failing
};

// A snapshot and what is computed once from it (listing status, the OFAC 50% rule); the
// engine swaps both together so readers never see one without the other.
struct EngineState {
  std::shared_ptr<const index::Snapshot> snapshot;
  std::shared_ptr<const graph::Exposure> exposure;
};

// Hits plus the snapshot that owns the entities they point to.
struct ScreenResult {
  Query query;
  std::vector<Hit> hits;
  std::shared_ptr<const index::Snapshot> snapshot;
};

class Engine {
 public:
  // Loads every list under options.data_dir. kDataError (with file:line) on a bad list.
  static Result<std::unique_ptr<Engine>> Open(EngineOptions options);
  // Wraps an already-built snapshot (tests, benchmarks).
  explicit Engine(std::shared_ptr<const index::Snapshot> snapshot, EngineOptions options = {});

  // Screens one query against the current snapshot.
  ScreenResult Screen(const Query& query) const;

  // Re-reads the data directory and swaps the new snapshot in. On failure the old snapshot
  // keeps serving and the error is returned.
  Status Reload();

  std::shared_ptr<const index::Snapshot> snapshot() const { return state()->snapshot; }
  // The current snapshot with its exposure (graph/exposure.h); never null.
  std::shared_ptr<const EngineState> state() const { return state_.load(); }
  const EngineOptions& options() const { return options_; }

 private:
  EngineOptions options_;
  std::atomic<std::shared_ptr<const EngineState>> state_;
};

// Where the bundled data lives when no --data flag is given: $TAMIZ_DATA, then `data/`
// beside or above the executable, then the source tree's data/ compiled in.
std::filesystem::path DefaultDataDir();

}  // namespace tamiz
