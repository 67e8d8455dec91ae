#include "cli/commands.h"

namespace tamiz::cli {

void AddEvalCommand(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand("eval", "Measure accuracy on labelled data");
  cmd->callback(
      [&ctx] { ctx.exit_code = ReportError(Status::Unavailable("eval: not implemented yet")); });
}

}  // namespace tamiz::cli
