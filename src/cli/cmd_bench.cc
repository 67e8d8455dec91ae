#include "cli/commands.h"

namespace tamiz::cli {

void AddBenchCommand(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand("bench", "Run end-to-end benchmarks");
  cmd->callback(
      [&ctx] { ctx.exit_code = ReportError(Status::Unavailable("bench: not implemented yet")); });
}

}  // namespace tamiz::cli
