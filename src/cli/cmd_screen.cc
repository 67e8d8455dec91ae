#include <fmt/format.h>

#include <cstdio>
#include <iostream>
#include <optional>

#include "cli/commands.h"
#include "screen/json.h"
#include "screen/query_parse.h"

namespace tamiz::cli {

namespace {
struct ScreenArgs {
  std::string name;
  std::string schema;
  std::string dob;
  std::vector<std::string> countries;
  std::string gender;
  std::vector<std::string> ids;
  std::vector<std::string> datasets;
  int limit = kDefaultLimit;
  double threshold = kDefaultThreshold;
  bool json = false;
  bool fail_on_hit = false;
  std::string input;
  std::string output;
};

void PrintTable(const ScreenResult& r) {
  if (r.hits.empty()) {
    fmt::print("no hits for \"{}\"\n", r.query.names.empty() ? "" : r.query.names.front());
    return;
  }
  fmt::print("{:<3} {:<6} {:<5} {:<22} {:<12} {}\n", "#", "SCORE", "MATCH", "ID", "SCHEMA",
             "NAME (matched name)");
  int i = 1;
  for (const auto& h : r.hits) {
    fmt::print("{:<3} {:<6.3f} {:<5} {:<22} {:<12} {}", i++, h.score, h.match ? "yes" : "no",
               h.entity->id, SchemaName(h.entity->schema), h.entity->caption);
    if (h.matched_name != h.entity->caption) fmt::print("  (\"{}\")", h.matched_name);
    fmt::print("\n");
    for (const auto& f : h.explanation) {
      fmt::print("      {:<11} {:.3f}  {}\n", f.feature, f.score, f.detail);
    }
    for (const auto& n : h.notes) fmt::print("      note: {}\n", n);
  }
}
}  // namespace

// Batch mode lives in screen/batch (cmd_screen_batch.cc).
int RunBatchScreen(Context& ctx, const std::string& input, const std::string& output,
                   const Query& defaults);

void AddScreenCommand(CLI::App& app, Context& ctx) {
  static ScreenArgs a;
  auto* cmd = app.add_subcommand("screen", "Screen a name (or a batch file) against the lists");
  cmd->add_option("name", a.name, "Name to screen");
  cmd->add_option("--schema", a.schema,
                  "Person, Organization, Company, LegalEntity, Vessel, Airplane");
  cmd->add_option("--dob", a.dob, "Date of birth: YYYY, YYYY-MM or YYYY-MM-DD");
  cmd->add_option("--country", a.countries, "Country (ISO code or name); repeatable");
  cmd->add_option("--gender", a.gender, "male or female");
  cmd->add_option("--id", a.ids, "Identifier number (passport, tax id, IMO); repeatable");
  cmd->add_option("--dataset", a.datasets, "Restrict to these datasets; repeatable");
  cmd->add_option("--limit", a.limit, "Maximum results")->check(CLI::Range(1, 1000));
  cmd->add_option("--threshold", a.threshold, "Match threshold in [0,1]")
      ->check(CLI::Range(0.0, 1.0));
  cmd->add_flag("--json", a.json, "Print JSON");
  cmd->add_flag("--fail-on-hit", a.fail_on_hit, "Exit 1 when any result is a match");
  cmd->add_option("--input", a.input, "Batch input: CSV with header or JSONL of FtM entities");
  cmd->add_option("--output", a.output, "Batch output JSONL (default: stdout)");
  cmd->callback([&ctx] {
    Query q;
    q.limit = a.limit;
    q.threshold = a.threshold;
    q.datasets = a.datasets;
    q.countries = a.countries;
    q.gender = a.gender;
    q.identifiers = a.ids;
    if (!a.schema.empty()) {
      auto s = ParseSchema(a.schema);
      if (!s) {
        ctx.exit_code = ReportError(
            Status::InvalidArgument(fmt::format("--schema: unknown schema '{}'", a.schema)));
        return;
      }
      q.schema = *s;
    }
    if (!a.dob.empty()) {
      auto d = screen::ParseQueryDate(a.dob);
      if (!d.ok()) {
        ctx.exit_code = ReportError(d.status());
        return;
      }
      q.birth_dates.push_back(*d);
    }
    if (!a.input.empty()) {
      int rc = RunBatchScreen(ctx, a.input, a.output, q);
      ctx.exit_code = (rc == kExitHits && !a.fail_on_hit) ? kExitOk : rc;
      return;
    }
    if (a.name.empty()) {
      ctx.exit_code = ReportError(Status::InvalidArgument("screen: give a NAME or --input FILE"));
      return;
    }
    q.names.push_back(a.name);
    auto engine = ctx.OpenEngine();
    if (!engine) return;
    auto r = engine->Screen(q);
    if (a.json) {
      std::cout << screen::ScreenResultToJson(r).dump(2) << "\n";
    } else {
      PrintTable(r);
    }
    if (a.fail_on_hit) {
      for (const auto& h : r.hits) {
        if (h.match) ctx.exit_code = kExitHits;
      }
    }
  });
}

}  // namespace tamiz::cli
