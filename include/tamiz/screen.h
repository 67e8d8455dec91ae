// Screening queries and their results: the contract shared by `tamiz screen`, batch
// screening and the HTTP API (DESIGN.md, "JSON shapes"). Plain data, safe across threads.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "tamiz/entity.h"

namespace tamiz {

// Default decision threshold on the [0,1] score, the same for every schema (docs/MATCHING.md).
inline constexpr double kDefaultThreshold = 0.80;
inline constexpr int kDefaultLimit = 10;

struct Query {
  std::vector<std::string> names;  // at least one; first is the main name
  std::optional<Schema> schema;    // nullopt: any schema
  std::vector<PartialDate> birth_dates;
  std::vector<std::string> countries;    // ISO 3166-1 alpha-2 or country names
  std::string gender;                    // "male" / "female" / ""
  std::vector<std::string> identifiers;  // id numbers of any kind
  std::vector<std::string> datasets;     // restrict to these datasets; empty = all
  int limit = kDefaultLimit;
  double threshold = kDefaultThreshold;
};

struct FeatureScore {
  std::string feature;  // "name", "dob", "country", "gender", "identifier", ...
  double score = 0.0;   // contribution or similarity in [0,1] (see detail)
  std::string detail;   // human explanation: "query 'X' ~ listed 'Y'"
};

struct Hit {
  const Entity* entity = nullptr;  // owned by the Snapshot the hit came from
  double score = 0.0;              // final score in [0,1]
  bool match = false;              // score >= threshold
  std::string matched_name;        // the listed name that scored best
  std::string query_name;          // the query name that scored best
  std::vector<FeatureScore> explanation;
  std::vector<std::string> notes;  // network context: "linked to listed X", 50% rule path
};

}  // namespace tamiz
