#include <fmt/format.h>

#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "graph/bench.h"
#include "index/match_data.h"
#include "index/snapshot.h"
#include "match/bench.h"
#include "match/eval.h"
#include "scan/bench.h"
#include "util/file_io.h"

namespace tamiz::cli {

namespace {
struct BenchArgs {
  std::string queries_file;
  size_t count = 5000;
  uint64_t seed = 20260101;
  size_t bruteforce = 300;
  double threshold = kDefaultThreshold;
  bool json = false;
  size_t scan_megabytes = 20;
  std::string scan_write;
  size_t ownership_edges = 1'000'000;
};

void PrintBenchJson(const nlohmann::json& out, bool json) {
  if (json) {
    std::cout << out.dump(2) << "\n";
  } else {
    for (const auto& [k, v] : out.items()) fmt::print("{:<30} {}\n", k, v.dump());
  }
}
}  // namespace

void AddBenchCommand(CLI::App& app, Context& ctx) {
  static BenchArgs a;
  auto* cmd = app.add_subcommand("bench", "Run end-to-end benchmarks");
  cmd->require_subcommand(1);
  auto* screen = cmd->add_subcommand("screen", "Screening latency, throughput, index recall");
  screen->add_option("--queries", a.queries_file,
                     "CSV with full_name (or name); default: generated from the lists");
  screen->add_option("--count", a.count, "Generated queries (default 5000)");
  screen->add_option("--seed", a.seed, "Seed of the query generator");
  screen->add_option("--bruteforce", a.bruteforce, "Queries also run brute force (default 300)");
  screen->add_option("--threshold", a.threshold, "Match threshold")->check(CLI::Range(0.0, 1.0));
  screen->add_flag("--json", a.json, "Print JSON");
  screen->callback([&ctx] {
    auto engine = ctx.OpenEngine();
    if (!engine) return;
    auto snap = engine->snapshot();
    std::vector<match::BenchQuery> queries;
    if (!a.queries_file.empty()) {
      auto rows = match::ReadRetrievalCsv(a.queries_file);
      if (!rows.ok()) {
        ctx.exit_code = ReportError(rows.status());
        return;
      }
      for (const auto& r : *rows) queries.push_back({r.name, "file"});
    } else {
      queries = match::GenerateBenchQueries(*snap, a.count, a.seed);
    }
    auto r = match::RunScreenBench(*snap, queries, a.threshold, a.bruteforce);
    nlohmann::json out = {{"queries", r.queries},
                          {"p50_us", r.p50_us},
                          {"p99_us", r.p99_us},
                          {"qps_per_core", r.qps_per_core},
                          {"index_build_ms", r.index_build_ms},
                          {"rss_mb", r.rss_mb},
                          {"bruteforce_queries", r.bruteforce_queries},
                          {"bruteforce_p50_us", r.bruteforce_p50_us},
                          {"speedup_vs_bruteforce", r.speedup_vs_bruteforce},
                          {"index_recall", r.index_recall},
                          {"batch_screens_per_s_per_core", r.batch_screens_per_s},
                          {"names_indexed", snap->match_data().names.size()},
                          {"entities", snap->entities().size()}};
    if (a.json) {
      std::cout << out.dump(2) << "\n";
    } else {
      for (const auto& [k, v] : out.items()) fmt::print("{:<30} {}\n", k, v.dump());
      for (const auto& m : r.index_misses) fmt::print("  index miss: {}\n", m);
      for (const auto& m : r.slowest) fmt::print("  slow query: {}\n", m);
    }
  });

  auto* scan = cmd->add_subcommand(
      "scan", "Text scanning throughput with all lists loaded, against a naive scan");
  scan->add_option("--megabytes", a.scan_megabytes, "Generated text size (default 20)");
  scan->add_flag("--json", a.json, "Print JSON");
  scan->add_option("--write-text", a.scan_write,
                   "Only write the generated text (--megabytes MB) to this file, for timing "
                   "`tamiz scan FILE` on it");
  scan->callback([&ctx] {
    auto engine = ctx.OpenEngine();
    if (!engine) return;
    if (!a.scan_write.empty()) {
      if (a.scan_megabytes == 0 || a.scan_megabytes > 4096) {
        ctx.exit_code =
            ReportError(Status::InvalidArgument("bench scan: megabytes must be in [1, 4096]"));
        return;
      }
      const std::string text = scan::GenerateBenchText(*engine->snapshot(), a.scan_megabytes << 20);
      if (Status st = util::WriteFileAtomic(a.scan_write, text); !st.ok()) {
        ctx.exit_code = ReportError(st);
      }
      return;
    }
    auto r = scan::RunScanBenchmark(*engine->snapshot(), a.scan_megabytes);
    if (!r.ok()) {
      ctx.exit_code = ReportError(r.status());
      return;
    }
    PrintBenchJson(*r, a.json);
  });

  auto* own = cmd->add_subcommand(
      "ownership", "OFAC 50% rule over a synthetic ownership graph, against a naive recompute");
  own->add_option("--edges", a.ownership_edges, "Ownership edges (default 1,000,000)");
  own->add_flag("--json", a.json, "Print JSON");
  own->callback([] { PrintBenchJson(graph::RunOwnershipBenchmark(a.ownership_edges), a.json); });
}

}  // namespace tamiz::cli
