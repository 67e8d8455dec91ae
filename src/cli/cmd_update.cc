// `tamiz update`: fetch, validate and install current lists (docs/UPDATE.md).
#include <fmt/format.h>

#include <cstdio>

#include "cli/commands.h"
#include "update/config.h"
#include "update/update.h"
#include "util/file_io.h"

namespace tamiz::cli {

namespace {

struct UpdateArgs {
  std::string config;
  std::string data;
  bool force = false;
  std::string only;
  std::string notify;
  std::string api_key_file;
};

std::filesystem::path DefaultConfig(const std::filesystem::path& data_dir) {
  std::error_code ec;
  if (auto p = data_dir / "sources.toml"; std::filesystem::is_regular_file(p, ec)) return p;
  return std::filesystem::path(TAMIZ_SOURCE_DATA_DIR) / "sources.toml";
}

int RunUpdateCommand(const UpdateArgs& args, Context& ctx) {
  std::filesystem::path data_dir =
      args.data.empty() ? ctx.DataDir() : std::filesystem::path(args.data);
  std::filesystem::path config_path =
      args.config.empty() ? DefaultConfig(data_dir) : std::filesystem::path(args.config);
  auto config = update::LoadUpdateConfig(config_path);
  if (!config.ok()) return ReportError(config.status());
  update::UpdateOptions options;
  options.data_dir = data_dir;
  options.force = args.force;
  options.only = args.only;
  options.notify_url = args.notify;
  if (!args.api_key_file.empty()) {
    auto key = util::ReadFile(args.api_key_file, 4096);
    if (!key.ok()) return ReportError(key.status());
    std::string k = std::move(key).value();
    while (!k.empty() && (k.back() == '\n' || k.back() == '\r' || k.back() == ' ')) k.pop_back();
    options.api_key = std::move(k);
  }
  options.progress = [](const std::string& line) { fmt::print(stderr, "{}\n", line); };
  auto report = update::RunUpdate(*config, options);
  if (!report.ok()) return ReportError(report.status());
  size_t counts[4] = {0, 0, 0, 0};
  for (const auto& l : report->lists) ++counts[static_cast<int>(l.outcome)];
  fmt::print(stderr, "update: {} unchanged, {} updated, {} refused, {} failed\n", counts[0],
             counts[1], counts[2], counts[3]);
  return report->ExitCode();
}

}  // namespace

void AddUpdateCommand(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand("update", "Download, validate and install current lists");
  auto args = std::make_shared<UpdateArgs>();
  cmd->add_option("--config", args->config,
                  "Update configuration (TOML); default <data>/sources.toml, else the bundled one");
  cmd->add_option("--data", args->data, "Data directory to update (default: the global --data)");
  cmd->add_flag("--force", args->force, "Accept a list whose entity count fell by more than 20%");
  cmd->add_option("--only", args->only, "Update only this dataset");
  cmd->add_option("--notify", args->notify,
                  "Base URL of a running tamiz server to reload (POST URL/admin/reload)");
  cmd->add_option("--api-key-file", args->api_key_file, "File holding the bearer key for --notify");
  cmd->callback([args, &ctx] { ctx.exit_code = RunUpdateCommand(*args, ctx); });
}

}  // namespace tamiz::cli
