// Screening one query against a Snapshot: candidate retrieval, scoring and explanation.
// Thread-safe: reads the immutable snapshot only.
#pragma once

#include <vector>

#include "index/snapshot.h"
#include "tamiz/screen.h"

namespace tamiz::match {

// Ranked hits (best first), at most query.limit, each with score >= 0 and an explanation.
// Hits below query.threshold are returned with match=false only when they score at least
// kReportFloor, so callers can show near misses.
std::vector<Hit> ScreenSnapshot(const index::Snapshot& snapshot, const Query& query);

inline constexpr double kReportFloor = 0.5;

}  // namespace tamiz::match
