#include "cli/commands.h"

namespace tamiz::cli {

void AddDiffCommand(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand("diff", "Compare two versions of a list");
  cmd->callback(
      [&ctx] { ctx.exit_code = ReportError(Status::Unavailable("diff: not implemented yet")); });
}

}  // namespace tamiz::cli
