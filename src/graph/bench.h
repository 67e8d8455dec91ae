// End-to-end benchmark of the OFAC 50% rule over a synthetic ownership graph, for
// `tamiz bench ownership` (docs/PERFORMANCE.md, "Network"). Measurements, not tests.
#pragma once

#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <vector>

#include "graph/exposure.h"

namespace tamiz::graph {

// A reproducible synthetic ownership graph: `edges` edges over edges / 2 nodes, 1% of the
// nodes listed, shares from 0.5% to 100%, mostly "downstream" holdings (deep chains) with 2%
// random ones (cycles). Deterministic for a given seed.
struct SyntheticOwnership {
  size_t nodes = 0;
  std::vector<OwnershipEdge> edges;
  std::vector<uint8_t> listed;
};
SyntheticOwnership MakeSyntheticOwnership(size_t edges, uint64_t seed = 20140813);

// Runs the propagation kernel (best of 3) and the recompute-from-scratch reference (the
// baseline, once) over MakeSyntheticOwnership(edges), then Exposure::Compute over a snapshot
// holding the same graph as entities and relations (the per-reload cost in the engine).
// Returns {"edges", "nodes", "listed", "blocked_by_rule", "rounds", "propagate_ms",
// "propagate_cpu_ms", "reference_ms", "reference_cpu_ms", "speedup_cpu", "agree",
// "snapshot_build_ms", "snapshot_exposure_ms", "snapshot_exposure_cpu_ms",
// "snapshot_blocked_by_rule"}; *_ms are wall clock, *_cpu_ms process CPU time.
nlohmann::json RunOwnershipBenchmark(size_t edges);

}  // namespace tamiz::graph
