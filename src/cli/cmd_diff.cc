// `tamiz diff OLD NEW`: what changed between two versions of a list.
#include <fmt/format.h>

#include <cstdio>

#include "cli/commands.h"
#include "diff/diff.h"

namespace tamiz::cli {

namespace fs = std::filesystem;

namespace {

struct DiffArgs {
  std::string old_path;
  std::string new_path;
  bool json = false;
  std::string dataset;
};

// A version directory; a file stands for the directory holding it.
fs::path VersionDir(const std::string& arg) {
  std::error_code ec;
  fs::path p(arg);
  return fs::is_regular_file(p, ec) ? p.parent_path() : p;
}

// "<...>/lists/<dataset>/<version>" names its dataset; other paths do not.
std::string DatasetOf(const fs::path& version_dir) {
  fs::path dir = version_dir;
  if (dir.filename().empty()) dir = dir.parent_path();
  fs::path dataset = dir.parent_path();
  if (dataset.parent_path().filename() == "lists") return dataset.filename().string();
  return "";
}

int RunDiff(const DiffArgs& args, const Context& ctx) {
  fs::path old_dir = VersionDir(args.old_path);
  fs::path new_dir = VersionDir(args.new_path);
  std::error_code ec;
  for (const auto& d : {old_dir, new_dir}) {
    if (!fs::is_directory(d, ec)) {
      return ReportError(Status::InvalidArgument(
          fmt::format("{}: not a version directory or a file inside one", d.string())));
    }
  }
  std::string dataset = args.dataset;
  if (dataset.empty()) dataset = DatasetOf(old_dir);
  if (dataset.empty()) dataset = DatasetOf(new_dir);
  if (dataset.empty()) dataset = "list";
  sources::ParseOptions options;
  options.lenient = ctx.lenient;
  auto in = diff::LoadDiffInputs(old_dir, new_dir, dataset, options);
  if (!in.ok()) return ReportError(in.status());
  diff::ListDiff d = diff::DiffLists(in->older, in->newer);
  if (args.json) {
    fmt::print("{}\n", diff::DiffToJson(dataset, *in, d).dump(2));
  } else {
    fmt::print("{}", diff::DiffToText(dataset, *in, d));
  }
  return kExitOk;
}

}  // namespace

void AddDiffCommand(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand("diff", "Compare two versions of a list");
  auto args = std::make_shared<DiffArgs>();
  cmd->add_option("OLD", args->old_path, "Older version directory (or a file inside it)")
      ->required();
  cmd->add_option("NEW", args->new_path, "Newer version directory (or a file inside it)")
      ->required();
  cmd->add_flag("--json", args->json, "Print the differences as JSON");
  cmd->add_option("--dataset", args->dataset,
                  "Dataset name for entity ids (default: from <data>/lists/<dataset>/<version>)");
  cmd->callback([args, &ctx] { ctx.exit_code = RunDiff(*args, ctx); });
}

}  // namespace tamiz::cli
