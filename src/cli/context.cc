#include <fmt/format.h>

#include <cstdio>

#include "cli/commands.h"

namespace tamiz::cli {

std::filesystem::path Context::DataDir() const {
  return data_dir.empty() ? DefaultDataDir() : std::filesystem::path(data_dir);
}

std::unique_ptr<Engine> Context::OpenEngine() {
  EngineOptions o;
  o.data_dir = DataDir();
  o.lenient = lenient;
  auto engine = Engine::Open(o);
  if (!engine.ok()) {
    exit_code = ReportError(engine.status());
    return nullptr;
  }
  return std::move(engine).value();
}

int ExitCodeFor(const Status& s) {
  switch (s.code()) {
    case StatusCode::kOk:
      return kExitOk;
    case StatusCode::kInvalidArgument:
      return kExitUsage;
    default:
      return kExitData;
  }
}

int ReportError(const Status& s) {
  fmt::print(stderr, "tamiz: {}\n", s.message());
  return ExitCodeFor(s);
}

}  // namespace tamiz::cli
