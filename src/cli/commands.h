// Subcommands of the `tamiz` binary. Each Add*Command registers one subcommand on `app`;
// its callback stores the process exit code in ctx.exit_code (DESIGN.md: 0 ok, 1 hits where
// the caller asked to fail on hits, 2 usage, 3 input/data error).
#pragma once

#include <CLI/CLI.hpp>
#include <filesystem>
#include <memory>
#include <string>

#include "tamiz/engine.h"
#include "tamiz/status.h"

namespace tamiz::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitHits = 1;
inline constexpr int kExitUsage = 2;
inline constexpr int kExitData = 3;

struct Context {
  std::string data_dir;  // --data; empty = DefaultDataDir()
  bool lenient = false;  // --lenient
  int exit_code = kExitOk;

  std::filesystem::path DataDir() const;
  // Opens the engine over DataDir(); on failure prints the error and returns nullptr with
  // exit_code set (3 for data errors).
  std::unique_ptr<Engine> OpenEngine();
};

// Exit code for a failed Status (kDataError/kIoError -> 3, kInvalidArgument -> 2, else 3).
int ExitCodeFor(const Status& s);
// Prints "tamiz: <message>" on stderr and returns ExitCodeFor(s).
int ReportError(const Status& s);

void AddScreenCommand(CLI::App& app, Context& ctx);
void AddListsCommand(CLI::App& app, Context& ctx);
void AddServeCommand(CLI::App& app, Context& ctx);
void AddScanCommand(CLI::App& app, Context& ctx);
void AddNetworkCommand(CLI::App& app, Context& ctx);
void AddEvalCommand(CLI::App& app, Context& ctx);
void AddBenchCommand(CLI::App& app, Context& ctx);
void AddUpdateCommand(CLI::App& app, Context& ctx);
void AddDiffCommand(CLI::App& app, Context& ctx);

}  // namespace tamiz::cli
