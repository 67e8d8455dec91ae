#include "graph/bench.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <ctime>
#include <random>

namespace tamiz::graph {

namespace {

using Clock = std::chrono::steady_clock;

// Wall-clock and CPU time of one measured step (CPU time is the honest figure on a shared
// machine; the benchmark is single-threaded).
struct Timer {
  Clock::time_point wall = Clock::now();
  std::clock_t cpu = std::clock();
  double WallMs() const {
    return std::chrono::duration<double, std::milli>(Clock::now() - wall).count();
  }
  double CpuMs() const { return 1000.0 * static_cast<double>(std::clock() - cpu) / CLOCKS_PER_SEC; }
};

double Round2(double v) { return std::round(v * 100.0) / 100.0; }

}  // namespace

SyntheticOwnership MakeSyntheticOwnership(size_t edges, uint64_t seed) {
  SyntheticOwnership g;
  g.nodes = std::max<size_t>(edges / 2, 2);
  std::mt19937_64 rng(seed);
  std::uniform_int_distribution<size_t> any(0, g.nodes - 1);
  std::geometric_distribution<size_t> hop(0.01);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  g.listed.assign(g.nodes, 0);
  for (size_t i = 0; i < g.nodes; ++i) g.listed[i] = unit(rng) < 0.01 ? 1 : 0;
  g.edges.reserve(edges);
  while (g.edges.size() < edges) {
    size_t owner = any(rng);
    size_t asset = unit(rng) < 0.02 ? any(rng) : (owner + 1 + hop(rng)) % g.nodes;
    if (asset == owner) continue;
    double r = unit(rng);
    double pct = r < 0.10   ? 100.0
                 : r < 0.30 ? 50.0 + std::floor(unit(rng) * 50.0)
                 : r < 0.80 ? 10.0 + std::floor(unit(rng) * 40.0)
                            : 0.5 + std::floor(unit(rng) * 95.0) / 10.0;
    g.edges.push_back({static_cast<uint32_t>(owner), static_cast<uint32_t>(asset), pct});
  }
  return g;
}

nlohmann::json RunOwnershipBenchmark(size_t edges) {
  SyntheticOwnership g = MakeSyntheticOwnership(edges);
  RuleResult fast;
  double propagate_ms = 1e300, propagate_cpu_ms = 1e300;
  for (int rep = 0; rep < 3; ++rep) {
    Timer t;
    fast = ApplyFiftyPercentRule(g.nodes, g.edges, g.listed);
    propagate_ms = std::min(propagate_ms, t.WallMs());
    propagate_cpu_ms = std::min(propagate_cpu_ms, t.CpuMs());
  }
  Timer ref_timer;
  RuleResult ref = ApplyFiftyPercentRuleReference(g.nodes, g.edges, g.listed);
  double reference_ms = ref_timer.WallMs(), reference_cpu_ms = ref_timer.CpuMs();
  bool agree = fast.blocked == ref.blocked && fast.wave == ref.wave;
  for (size_t i = 0; agree && i < g.nodes; ++i) {
    agree = std::abs(fast.share[i] - ref.share[i]) < 1e-6;
  }
  size_t listed = 0, by_rule = 0;
  for (size_t i = 0; i < g.nodes; ++i) {
    listed += g.listed[i];
    if (fast.blocked[i] != 0 && g.listed[i] == 0) ++by_rule;
  }

  // The same graph as the engine sees it: entities with string ids, Ownership relations.
  ParsedList list;
  list.version.dataset = "bench";
  list.entities.resize(g.nodes);
  for (size_t i = 0; i < g.nodes; ++i) {
    Entity& e = list.entities[i];
    e.dataset = "bench";
    e.record_id = std::to_string(i);
    e.id = "bench:" + e.record_id;
    e.schema = Schema::kCompany;
    if (g.listed[i] != 0) e.topics.push_back("sanction");
  }
  list.relations.reserve(g.edges.size());
  for (const auto& e : g.edges) {
    Relation r;
    r.source_id = "bench:" + std::to_string(e.owner);
    r.target_id = "bench:" + std::to_string(e.asset);
    r.type = RelationType::kOwnership;
    r.percent = e.percent;
    list.relations.push_back(std::move(r));
  }
  std::vector<ParsedList> lists;
  lists.push_back(std::move(list));
  Timer build_timer;
  auto snap = index::Snapshot::Build(std::move(lists));
  double build_ms = build_timer.WallMs();
  nlohmann::json snapshot_exposure_ms = nullptr, snapshot_exposure_cpu_ms = nullptr;
  size_t snapshot_blocked = 0;
  if (snap.ok()) {
    Timer t;
    auto exposure = Exposure::Compute(**snap);
    snapshot_exposure_ms = Round2(t.WallMs());
    snapshot_exposure_cpu_ms = Round2(t.CpuMs());
    snapshot_blocked = exposure->blocked_by_rule_count();
  }
  return {{"edges", g.edges.size()},
          {"nodes", g.nodes},
          {"listed", listed},
          {"blocked_by_rule", by_rule},
          {"rounds", fast.rounds},
          {"propagate_ms", Round2(propagate_ms)},
          {"propagate_cpu_ms", Round2(propagate_cpu_ms)},
          {"reference_ms", Round2(reference_ms)},
          {"reference_cpu_ms", Round2(reference_cpu_ms)},
          {"speedup_cpu", Round2(reference_cpu_ms / std::max(propagate_cpu_ms, 1e-3))},
          {"agree", agree},
          {"snapshot_build_ms", Round2(build_ms)},
          {"snapshot_exposure_ms", snapshot_exposure_ms},
          {"snapshot_exposure_cpu_ms", snapshot_exposure_cpu_ms},
          {"snapshot_blocked_by_rule", snapshot_blocked}};
}

}  // namespace tamiz::graph
