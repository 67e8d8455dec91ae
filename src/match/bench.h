// End-to-end screening benchmark (`tamiz bench screen`): a deterministic query mix built from
// the loaded lists (perturbed list names plus negatives), screened through the candidate index
// and through the brute-force reference in the same process. Measurements, not tests.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "index/snapshot.h"
#include "tamiz/screen.h"

namespace tamiz::match {

struct BenchQuery {
  std::string name;
  std::string kind;  // "exact", "typo", "reorder", "drop-middle", "case-accents", "negative"
};

// `count` queries from the names of `snapshot`, generated with a fixed-seed PRNG: 80% list
// names with one perturbation, 20% negatives (tokens of two unrelated listed persons mixed).
std::vector<BenchQuery> GenerateBenchQueries(const index::Snapshot& snapshot, size_t count,
                                             uint64_t seed);

struct BenchResult {
  size_t queries = 0;
  double p50_us = 0, p99_us = 0, qps_per_core = 0;
  double index_build_ms = 0;
  double rss_mb = 0;
  size_t bruteforce_queries = 0;
  double bruteforce_p50_us = 0;
  double speedup_vs_bruteforce = 0;  // brute-force p50 / index p50
  double index_recall = 0;  // share of brute-force matches (>= threshold) the index also finds
  double batch_screens_per_s = 0;         // one thread, back to back, prepared queries
  std::vector<std::string> index_misses;  // "query -> id 'name' score", first 20
  std::vector<std::string> slowest;       // "µs query (kind)", the 10 slowest, slowest first
};

// Runs the benchmark. `bruteforce_max` bounds how many queries are also run brute force.
BenchResult RunScreenBench(const index::Snapshot& snapshot, const std::vector<BenchQuery>& queries,
                           double threshold, size_t bruteforce_max);

// Resident set size of this process in MiB (Linux /proc), 0 when unknown.
double ResidentMegabytes();

}  // namespace tamiz::match
