#include "cli/commands.h"

namespace tamiz::cli {

void AddServeCommand(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand("serve", "Start the HTTP API");
  cmd->callback(
      [&ctx] { ctx.exit_code = ReportError(Status::Unavailable("serve: not implemented yet")); });
}

}  // namespace tamiz::cli
