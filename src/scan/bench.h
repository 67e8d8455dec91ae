// `tamiz bench scan`: scanning throughput on generated running text with every loaded list,
// measured against a naive scan (every listed form searched in the text) in the same run.
// Not thread-safe per call; reads the snapshot only.
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>

#include "index/snapshot.h"
#include "tamiz/status.h"

namespace tamiz::scan {

// Generates `megabytes` MB of English news-like text (sentences written for this benchmark,
// with listed names of the snapshot and unlisted people's names mixed in), then measures:
// the full scan (mentions, persons, topics) over the whole text in 8 MB chunks; the mention
// automaton alone; and the naive scan on a slice (it is too slow for the whole text).
// Returns {"megabytes", "scan_mb_per_s", "mentions_mb_per_s", "naive_mb_per_s" (wall clock),
// the same per CPU second of the scanning thread ("..._mb_per_cpu_s"),
// "speedup_vs_naive", "index_build_s", "patterns", "mentions", ...}.
Result<nlohmann::json> RunScanBenchmark(const index::Snapshot& snapshot, size_t megabytes);

// The generated text of RunScanBenchmark, `bytes` long (give or take a sentence).
std::string GenerateBenchText(const index::Snapshot& snapshot, size_t bytes);

}  // namespace tamiz::scan
