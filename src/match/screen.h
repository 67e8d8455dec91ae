// Screening one query against a Snapshot: candidate retrieval, scoring and explanation.
// Thread-safe: reads the immutable snapshot only.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "index/snapshot.h"
#include "tamiz/screen.h"
#include "text/analyze.h"

namespace tamiz::match {

// Tie-break rank of a dataset when several lists carry the same party with the same score:
// primary issuing authorities first (docs/MATCHING.md, "Ranking"). Lower ranks first.
int DatasetRank(std::string_view dataset);

inline constexpr double kReportFloor = 0.5;

// Ranked hits (best first), at most query.limit, each with score >= 0 and an explanation.
// Hits below query.threshold are returned with match=false only when they score at least
// kReportFloor, so callers can show near misses. Uses the candidate index.
std::vector<Hit> ScreenSnapshot(const index::Snapshot& snapshot, const Query& query);

// The obviously-correct reference: scores every listed name. Same results as
// ScreenSnapshot for every hit at or above the threshold, when the index keeps recall.
std::vector<Hit> ScreenSnapshotBruteForce(const index::Snapshot& snapshot, const Query& query);

// A query analysed once against a snapshot (names per path, weights, qualifiers), reusable
// across many screenings of the same query (benchmarks).
struct PreparedQuery {
  struct QueryName {
    std::string original;
    text::AnalyzedName analyzed;
  };
  std::vector<QueryName> names;          // every query name x every path it is screened on
  std::vector<std::string> countries;    // ISO alpha-2
  std::vector<std::string> identifiers;  // alphanumerics only, uppercase
  const Query* query = nullptr;
};

PreparedQuery PrepareQuery(const index::Snapshot& snapshot, const Query& query);

// Screens a prepared query; `brute_force` scores every name instead of the index candidates.
std::vector<Hit> ScreenPrepared(const index::Snapshot& snapshot, const PreparedQuery& prepared,
                                bool brute_force);

}  // namespace tamiz::match
