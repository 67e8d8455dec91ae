// Sanctions exposure of every entity in a snapshot: which entities are listed, and which are
// blocked by the OFAC 50% rule through the ownership graph (docs/NETWORK.md).
//
// The rule follows OFAC's "Revised Guidance on Entities Owned by Persons Whose Property and
// Interests in Property Are Blocked" (13 Aug 2014): an entity owned 50% or more in the
// aggregate, directly or indirectly, by one or more blocked persons is itself blocked.
// Indirect ownership counts only through entities that are themselves blocked; holdings of
// several blocked owners are summed. Computed once per snapshot; the result is immutable and
// safe to read from any number of threads.
#pragma once

#include <cstdint>
#include <limits>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "index/snapshot.h"
#include "tamiz/entity.h"

namespace tamiz::graph {

// An entity reaching this aggregate share (percent) owned by blocked persons is blocked.
inline constexpr double kBlockingThreshold = 50.0;
// Tolerance for sums of decimal shares (33.33 + 16.67 must reach 50).
inline constexpr double kShareEpsilon = 1e-9;
inline constexpr uint32_t kNotBlocked = std::numeric_limits<uint32_t>::max();

// One deduplicated ownership edge: `owner` holds `percent` (0, 100] of `asset`.
struct OwnershipEdge {
  uint32_t owner = 0;
  uint32_t asset = 0;
  double percent = 0.0;
};

// Outcome of the rule over nodes 0..n-1.
struct RuleResult {
  std::vector<uint8_t> blocked;  // 1 when listed or blocked by the rule
  // Aggregate percent of each node owned by blocked owners (every blocked owner counted,
  // including owners blocked after the node itself). Not capped at 100.
  std::vector<double> share;
  // 0 for listed nodes, k >= 1 when the rule blocks the node in round k (its blocking owners
  // are all in rounds < k), kNotBlocked otherwise.
  std::vector<uint32_t> wave;
  size_t rounds = 0;  // rounds until the fixed point (deepest wave + 1)
};

// Applies the 50% rule by propagation from the listed nodes: each newly blocked node adds its
// holdings to the shares of its assets once. O(nodes + edges); terminates on cycles because
// a node is blocked at most once. REQUIRES: listed.size() == n, edge ends < n.
RuleResult ApplyFiftyPercentRule(size_t n, std::span<const OwnershipEdge> edges,
                                 std::span<const uint8_t> listed);

// Reference implementation: recomputes every share from scratch over all edges each round
// until no node changes (Jacobi iteration; at most n + 1 rounds). O(rounds * edges). Kept
// beside the fast kernel to property-test it and as the benchmark baseline.
RuleResult ApplyFiftyPercentRuleReference(size_t n, std::span<const OwnershipEdge> edges,
                                          std::span<const uint8_t> listed);

// True when `e` is a listed (sanctioned) entity: it carries the FtM topic "sanction". Every
// official list parser (OFAC, UN, EU, UK, Canada) sets it; FtM and custom lists set it from
// their data.
bool IsListed(const Entity& e);

// Short name of the list an entity is on, for notes: "SDN", "UN", "EU", ...; the dataset
// name when no short name is known.
std::string ListLabel(std::string_view dataset);

// Listing and 50% rule status of every entity of one snapshot, indexed like
// snapshot.entities().
class Exposure {
 public:
  // Builds the ownership graph of `snapshot` (Ownership relations with a share, both ends
  // known; duplicates of one owner/asset pair keep the largest share; shares outside (0, 100]
  // are clamped or ignored) and applies the rule.
  static std::shared_ptr<const Exposure> Compute(const index::Snapshot& snapshot);

  bool listed(uint32_t i) const { return i < listed_.size() && listed_[i] != 0; }
  // Listed, or blocked by the rule.
  bool blocked(uint32_t i) const { return i < rule_.blocked.size() && rule_.blocked[i] != 0; }
  // Blocked by the rule without being listed.
  bool blocked_by_rule(uint32_t i) const { return blocked(i) && !listed(i); }
  // Aggregate percent owned by blocked owners (0 when none).
  double blocked_share(uint32_t i) const { return i < rule_.share.size() ? rule_.share[i] : 0; }
  uint32_t wave(uint32_t i) const { return i < rule_.wave.size() ? rule_.wave[i] : kNotBlocked; }

  // Ownership edges into (owners of) / out of (assets held by) entity i.
  std::span<const OwnershipEdge> OwnersOf(uint32_t i) const;
  std::span<const OwnershipEdge> AssetsOf(uint32_t i) const;

  size_t listed_count() const { return listed_count_; }
  size_t blocked_by_rule_count() const { return blocked_by_rule_count_; }
  size_t ownership_edge_count() const { return by_asset_.size(); }
  size_t rounds() const { return rule_.rounds; }

 private:
  std::vector<uint8_t> listed_;
  RuleResult rule_;
  std::vector<OwnershipEdge> by_asset_, by_owner_;  // same edges, grouped
  std::vector<uint32_t> asset_offsets_, owner_offsets_;
  size_t listed_count_ = 0;
  size_t blocked_by_rule_count_ = 0;
};

// The ownership edges of `snapshot` as used by Exposure::Compute.
std::vector<OwnershipEdge> OwnershipEdges(const index::Snapshot& snapshot);

// "55%" / "49.9%" / "33.33%": a share with at most two decimals and no trailing zeros.
std::string FormatPercent(double percent);

// One-line explanation of why entity i is blocked by the rule, or of its sub-threshold
// exposure: "owned 30% by A (SDN) and 25% by B (SDN, via C); 55% in aggregate". Empty when
// no blocked owner holds a known share of i.
std::string ExplainOwnership(const index::Snapshot& snapshot, const Exposure& exposure, uint32_t i);

}  // namespace tamiz::graph
