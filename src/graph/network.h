// The network around an entity: relations both ways up to a depth, for `tamiz network` and
// GET /entities/{id}/network, as JSON or Graphviz DOT (docs/NETWORK.md).
// Thread-safe: reads the immutable snapshot and exposure only.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "graph/exposure.h"
#include "index/snapshot.h"
#include "tamiz/status.h"

namespace tamiz::graph {

inline constexpr int kDefaultDepth = 1;
inline constexpr int kMaxDepth = 4;
inline constexpr size_t kMaxNodes = 500;

// Entities within `depth` hops of a root (relations followed both ways), in breadth-first
// order, and the relations among them.
struct Network {
  uint32_t root = 0;
  int depth = kDefaultDepth;
  std::vector<uint32_t> nodes;       // entity indices; nodes[0] is the root
  std::vector<uint32_t> distance;    // hops from the root, parallel to nodes
  std::vector<uint32_t> edges;       // relation indices with both ends in nodes
  std::vector<uint32_t> unresolved;  // relations of expanded nodes whose other end is unknown
  bool truncated = false;            // max_nodes was reached; some neighbours are left out
  size_t max_nodes = kMaxNodes;
};

// Breadth-first walk from entity `id`. kNotFound for an unknown id; kInvalidArgument for a
// depth outside [0, kMaxDepth]. Stops adding nodes at max_nodes (and sets truncated).
Result<Network> CollectNetwork(const index::Snapshot& snapshot, std::string_view id, int depth,
                               size_t max_nodes = kMaxNodes);

// {"root": id, "depth": n, "nodes": [{"id","caption","schema","dataset","listed",
//  "distance", "blocked_by_50"?, "blocked_share"?, "explanation"?}],
//  "edges": [{"source","target","type","percent","role","provenance"}],
//  "unresolved": [...], "truncated": bool, "note"?: "..."}.
nlohmann::json NetworkToJson(const index::Snapshot& snapshot, const Exposure& exposure,
                             const Network& network);

// CollectNetwork + NetworkToJson with a precomputed exposure.
Result<nlohmann::json> NetworkToJson(const index::Snapshot& snapshot, const Exposure& exposure,
                                     std::string_view id, int depth);

// As above, computing the exposure of the whole snapshot first (O(entities + relations)).
Result<nlohmann::json> NetworkToJson(const index::Snapshot& snapshot, std::string_view id,
                                     int depth);

// Graphviz DOT: listed entities red and bold, entities blocked by the 50% rule orange, the
// root doubly outlined, each edge labelled with its type (and share, role).
std::string NetworkToDot(const index::Snapshot& snapshot, const Exposure& exposure,
                         const Network& network);

// Quotes `s` as a DOT string literal ("..." with \" and \\ escaped, control characters
// dropped, newlines as \n).
std::string DotQuote(std::string_view s);

}  // namespace tamiz::graph
