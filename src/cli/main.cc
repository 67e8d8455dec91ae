// The `tamiz` command: screening, lists, serving, scanning, networks, evaluation.
#include <CLI/CLI.hpp>

#include "cli/commands.h"

int main(int argc, char** argv) {
  CLI::App app{"tamiz — sanctions, PEP and adverse-media screening"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "tamiz " TAMIZ_VERSION);
  tamiz::cli::Context ctx;
  app.add_option("--data", ctx.data_dir, "Data directory holding lists/<dataset>/<version>/")
      ->envname("TAMIZ_DATA");
  app.add_flag("--lenient", ctx.lenient, "Skip and report malformed records instead of failing");
  tamiz::cli::AddScreenCommand(app, ctx);
  tamiz::cli::AddListsCommand(app, ctx);
  tamiz::cli::AddServeCommand(app, ctx);
  tamiz::cli::AddScanCommand(app, ctx);
  tamiz::cli::AddNetworkCommand(app, ctx);
  tamiz::cli::AddEvalCommand(app, ctx);
  tamiz::cli::AddBenchCommand(app, ctx);
  tamiz::cli::AddUpdateCommand(app, ctx);
  tamiz::cli::AddDiffCommand(app, ctx);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? 0 : tamiz::cli::kExitUsage;
  }
  return ctx.exit_code;
}
