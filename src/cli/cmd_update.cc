#include "cli/commands.h"

namespace tamiz::cli {

void AddUpdateCommand(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand("update", "Download and validate current lists");
  cmd->callback(
      [&ctx] { ctx.exit_code = ReportError(Status::Unavailable("update: not implemented yet")); });
}

}  // namespace tamiz::cli
