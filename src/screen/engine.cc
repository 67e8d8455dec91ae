#include "tamiz/engine.h"

#include <malloc.h>
#include <unistd.h>

#include <cstdlib>

#include "graph/annotate.h"
#include "graph/exposure.h"
#include "index/snapshot.h"
#include "match/screen.h"
#include "sources/registry.h"

namespace tamiz {

namespace fs = std::filesystem;

namespace {
Result<std::shared_ptr<const index::Snapshot>> LoadSnapshot(const EngineOptions& options) {
  sources::ParseOptions popts;
  popts.lenient = options.lenient;
  auto lists = sources::LoadDataDir(options.data_dir, popts);
  if (!lists.ok()) return lists.status();
  return index::Snapshot::Build(std::move(lists).value());
}

std::shared_ptr<const EngineState> MakeState(std::shared_ptr<const index::Snapshot> snapshot) {
  auto state = std::make_shared<EngineState>();
  if (snapshot) state->exposure = graph::Exposure::Compute(*snapshot);
  state->snapshot = std::move(snapshot);
  return state;
}
}  // namespace

Result<std::unique_ptr<Engine>> Engine::Open(EngineOptions options) {
  auto snap = LoadSnapshot(options);
  if (!snap.ok()) return snap.status();
  return std::make_unique<Engine>(std::move(snap).value(), std::move(options));
}

Engine::Engine(std::shared_ptr<const index::Snapshot> snapshot, EngineOptions options)
    : options_(std::move(options)), state_(MakeState(std::move(snapshot))) {}

ScreenResult Engine::Screen(const Query& query) const {
  ScreenResult r;
  r.query = query;
  auto state = state_.load();
  r.snapshot = state->snapshot;
  r.hits = match::ScreenSnapshot(*r.snapshot, query);
  graph::AnnotateHits(*r.snapshot, *state->exposure, r.hits);
  return r;
}

Status Engine::Reload() {
  auto snap = LoadSnapshot(options_);
  if (!snap.ok()) return snap.status();
  // Swap, drop our reference to the old state (freed here unless a request still holds it)
  // and give freed pages back to the system: without the trim the process keeps up to two
  // snapshots' worth of freed heap in malloc's arenas after a reload.
  auto old = state_.exchange(MakeState(std::move(snap).value()));
  old.reset();
  malloc_trim(0);
  return Status::Ok();
}

fs::path DefaultDataDir() {
  if (const char* env = std::getenv("TAMIZ_DATA"); env != nullptr && *env != '\0') return env;
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    for (fs::path dir = exe.parent_path(); !dir.empty() && dir != dir.root_path();
         dir = dir.parent_path()) {
      if (fs::is_directory(dir / "data" / "lists", ec)) return dir / "data";
    }
  }
  return TAMIZ_SOURCE_DATA_DIR;
}

}  // namespace tamiz
