#include "cli/commands.h"

namespace tamiz::cli {

void AddNetworkCommand(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand("network", "Show the network around an entity");
  cmd->callback(
      [&ctx] { ctx.exit_code = ReportError(Status::Unavailable("network: not implemented yet")); });
}

}  // namespace tamiz::cli
