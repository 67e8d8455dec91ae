#include "cli/commands.h"

namespace tamiz::cli {

void AddScanCommand(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand("scan", "Find listed parties and risk topics in text");
  cmd->callback(
      [&ctx] { ctx.exit_code = ReportError(Status::Unavailable("scan: not implemented yet")); });
}

}  // namespace tamiz::cli
