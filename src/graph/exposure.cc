#include "graph/exposure.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace tamiz::graph {

namespace {

bool ReachesThreshold(double share) { return share + kShareEpsilon >= kBlockingThreshold; }

// Groups `edges` by `key` (owner or asset) with a counting sort; offsets has n + 1 entries.
template <typename Key>
void GroupEdges(size_t n, std::span<const OwnershipEdge> edges, Key key,
                std::vector<uint32_t>& offsets, std::vector<OwnershipEdge>& grouped) {
  offsets.assign(n + 1, 0);
  for (const auto& e : edges) ++offsets[key(e) + 1];
  for (size_t i = 0; i < n; ++i) offsets[i + 1] += offsets[i];
  grouped.resize(edges.size());
  std::vector<uint32_t> pos(offsets.begin(), offsets.end() - 1);
  for (const auto& e : edges) grouped[pos[key(e)]++] = e;
}

RuleResult InitialResult(size_t n, std::span<const uint8_t> listed) {
  RuleResult r;
  r.blocked.assign(listed.begin(), listed.end());
  r.share.assign(n, 0.0);
  r.wave.assign(n, kNotBlocked);
  for (size_t i = 0; i < n; ++i) {
    if (listed[i] != 0) r.wave[i] = 0;
  }
  return r;
}

}  // namespace

RuleResult ApplyFiftyPercentRule(size_t n, std::span<const OwnershipEdge> edges,
                                 std::span<const uint8_t> listed) {
  RuleResult r = InitialResult(n, listed);
  std::vector<uint32_t> offsets;
  std::vector<OwnershipEdge> by_owner;
  GroupEdges(
      n, edges, [](const OwnershipEdge& e) { return e.owner; }, offsets, by_owner);
  // FIFO worklist: nodes leave in non-decreasing wave order, so a node crossing the
  // threshold while its owner u is processed belongs to wave[u] + 1.
  std::vector<uint32_t> queue;
  for (uint32_t i = 0; i < n; ++i) {
    if (r.blocked[i] != 0) queue.push_back(i);
  }
  uint32_t deepest = 0;
  for (size_t head = 0; head < queue.size(); ++head) {
    uint32_t u = queue[head];
    for (uint32_t k = offsets[u]; k < offsets[u + 1]; ++k) {
      const OwnershipEdge& e = by_owner[k];
      r.share[e.asset] += e.percent;
      if (r.blocked[e.asset] == 0 && ReachesThreshold(r.share[e.asset])) {
        r.blocked[e.asset] = 1;
        r.wave[e.asset] = r.wave[u] + 1;
        deepest = std::max(deepest, r.wave[e.asset]);
        queue.push_back(e.asset);
      }
    }
  }
  r.rounds = static_cast<size_t>(deepest) + 1;
  return r;
}

RuleResult ApplyFiftyPercentRuleReference(size_t n, std::span<const OwnershipEdge> edges,
                                          std::span<const uint8_t> listed) {
  RuleResult r = InitialResult(n, listed);
  std::vector<uint32_t> newly;
  // Each round blocks at least one node or stops, so n + 1 rounds always suffice.
  for (size_t round = 1; round <= n + 1; ++round) {
    std::fill(r.share.begin(), r.share.end(), 0.0);
    for (const auto& e : edges) {
      if (r.blocked[e.owner] != 0) r.share[e.asset] += e.percent;
    }
    newly.clear();
    for (uint32_t i = 0; i < n; ++i) {
      if (r.blocked[i] == 0 && ReachesThreshold(r.share[i])) newly.push_back(i);
    }
    r.rounds = round;
    if (newly.empty()) break;
    for (uint32_t i : newly) {
      r.blocked[i] = 1;
      r.wave[i] = static_cast<uint32_t>(round);
    }
  }
  // The last round found no change, so its shares are the final ones.
  return r;
}

bool IsListed(const Entity& e) {
  return std::find(e.topics.begin(), e.topics.end(), "sanction") != e.topics.end();
}

std::string ListLabel(std::string_view dataset) {
  struct Label {
    std::string_view dataset, label;
  };
  static constexpr Label kLabels[] = {
      {"us_ofac_sdn", "SDN"},
      {"us_ofac_cons", "OFAC non-SDN"},
      {"un_sc", "UN"},
      {"eu_fsf", "EU"},
      {"gb_hmt", "UK OFSI"},
      {"gb_fcdo", "UK"},
      {"ca_sema", "Canada SEMA"},
      {"us_trade_csl", "US CSL"},
  };
  for (const auto& l : kLabels) {
    if (l.dataset == dataset) return std::string(l.label);
  }
  return std::string(dataset);
}

std::vector<OwnershipEdge> OwnershipEdges(const index::Snapshot& snapshot) {
  std::vector<OwnershipEdge> edges;
  for (const auto& rel : snapshot.relations()) {
    if (rel.type != RelationType::kOwnership || !rel.percent) continue;
    double p = *rel.percent;
    if (!std::isfinite(p) || p <= 0.0) continue;
    p = std::min(p, 100.0);
    const Entity* owner = snapshot.Find(rel.source_id);
    const Entity* asset = snapshot.Find(rel.target_id);
    if (owner == nullptr || asset == nullptr || owner == asset) continue;
    edges.push_back({snapshot.IndexOf(owner), snapshot.IndexOf(asset), p});
  }
  // One edge per owner/asset pair: the same holding reported by several sources must not be
  // counted twice; the largest reported share wins.
  std::sort(edges.begin(), edges.end(), [](const OwnershipEdge& a, const OwnershipEdge& b) {
    if (a.owner != b.owner) return a.owner < b.owner;
    if (a.asset != b.asset) return a.asset < b.asset;
    return a.percent > b.percent;
  });
  auto last = std::unique(edges.begin(), edges.end(), [](const auto& a, const auto& b) {
    return a.owner == b.owner && a.asset == b.asset;
  });
  edges.erase(last, edges.end());
  return edges;
}

std::shared_ptr<const Exposure> Exposure::Compute(const index::Snapshot& snapshot) {
  auto x = std::make_shared<Exposure>();
  const auto& entities = snapshot.entities();
  size_t n = entities.size();
  x->listed_.resize(n);
  for (size_t i = 0; i < n; ++i) {
    x->listed_[i] = IsListed(entities[i]) ? 1 : 0;
    x->listed_count_ += x->listed_[i];
  }
  std::vector<OwnershipEdge> edges = OwnershipEdges(snapshot);
  x->rule_ = ApplyFiftyPercentRule(n, edges, x->listed_);
  for (size_t i = 0; i < n; ++i) {
    if (x->rule_.blocked[i] != 0 && x->listed_[i] == 0) ++x->blocked_by_rule_count_;
  }
  GroupEdges(
      n, edges, [](const OwnershipEdge& e) { return e.asset; }, x->asset_offsets_, x->by_asset_);
  GroupEdges(
      n, edges, [](const OwnershipEdge& e) { return e.owner; }, x->owner_offsets_, x->by_owner_);
  return x;
}

std::span<const OwnershipEdge> Exposure::OwnersOf(uint32_t i) const {
  if (static_cast<size_t>(i) + 1 >= asset_offsets_.size()) return {};
  return {by_asset_.data() + asset_offsets_[i], asset_offsets_[i + 1] - asset_offsets_[i]};
}

std::span<const OwnershipEdge> Exposure::AssetsOf(uint32_t i) const {
  if (static_cast<size_t>(i) + 1 >= owner_offsets_.size()) return {};
  return {by_owner_.data() + owner_offsets_[i], owner_offsets_[i + 1] - owner_offsets_[i]};
}

std::string FormatPercent(double percent) {
  std::string s = fmt::format("{:.2f}", percent);
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s + "%";
}

namespace {

constexpr size_t kMaxOwnersShown = 6;
constexpr int kMaxNesting = 2;
constexpr int kMaxChain = 16;

// Blocked owners of i, largest share first; with `earlier_only`, only owners blocked in an
// earlier wave than i (the owners that explain why i was blocked).
std::vector<OwnershipEdge> BlockedOwners(const Exposure& x, uint32_t i, bool earlier_only) {
  std::vector<OwnershipEdge> out;
  for (const auto& e : x.OwnersOf(i)) {
    if (!x.blocked(e.owner)) continue;
    if (earlier_only && x.wave(e.owner) >= x.wave(i)) continue;
    out.push_back(e);
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const auto& a, const auto& b) { return a.percent > b.percent; });
  return out;
}

std::string JoinAnd(const std::vector<std::string>& parts) {
  std::string s;
  for (size_t k = 0; k < parts.size(); ++k) {
    if (k > 0) s += (k + 1 == parts.size()) ? " and " : ", ";
    s += parts[k];
  }
  return s;
}

std::string DescribeOwners(const index::Snapshot& s, const Exposure& x,
                           const std::vector<OwnershipEdge>& owners, int nesting);

// "30% by A (SDN)", "25% by B (SDN, via C)" or "25% by C (itself blocked: owned ...)".
std::string DescribeHolding(const index::Snapshot& s, const Exposure& x, const OwnershipEdge& e,
                            int nesting) {
  const auto& ents = s.entities();
  std::string pct = FormatPercent(e.percent);
  const Entity& owner = ents[e.owner];
  if (x.listed(e.owner)) {
    return fmt::format("{} by {} ({})", pct, owner.caption, ListLabel(owner.dataset));
  }
  // Follow a chain of single blocking owners up to a listed one.
  std::vector<uint32_t> via{e.owner};
  uint32_t u = e.owner;
  for (int step = 0; step < kMaxChain; ++step) {
    auto up = BlockedOwners(x, u, /*earlier_only=*/true);
    if (up.size() != 1) break;
    u = up.front().owner;
    if (x.listed(u)) {
      std::vector<std::string> names;
      for (auto it = via.rbegin(); it != via.rend(); ++it) names.push_back(ents[*it].caption);
      std::string joined;
      for (size_t k = 0; k < names.size(); ++k) joined += (k > 0 ? ", " : "") + names[k];
      return fmt::format("{} by {} ({}, via {})", pct, ents[u].caption, ListLabel(ents[u].dataset),
                         joined);
    }
    via.push_back(u);
  }
  if (nesting >= kMaxNesting) {
    return fmt::format("{} by {} (blocked by the 50% rule)", pct, owner.caption);
  }
  return fmt::format("{} by {} (itself blocked: owned {})", pct, owner.caption,
                     DescribeOwners(s, x, BlockedOwners(x, e.owner, true), nesting + 1));
}

std::string DescribeOwners(const index::Snapshot& s, const Exposure& x,
                           const std::vector<OwnershipEdge>& owners, int nesting) {
  std::vector<std::string> parts;
  double rest = 0.0;
  size_t rest_count = 0;
  for (size_t k = 0; k < owners.size(); ++k) {
    if (k < kMaxOwnersShown) {
      parts.push_back(DescribeHolding(s, x, owners[k], nesting));
    } else {
      rest += owners[k].percent;
      ++rest_count;
    }
  }
  if (rest_count > 0) {
    parts.push_back(
        fmt::format("{} more blocked owners ({} together)", rest_count, FormatPercent(rest)));
  }
  return JoinAnd(parts);
}

}  // namespace

std::string ExplainOwnership(const index::Snapshot& snapshot, const Exposure& exposure,
                             uint32_t i) {
  auto owners = BlockedOwners(exposure, i, /*earlier_only=*/false);
  if (owners.empty()) return "";
  std::string out = "owned " + DescribeOwners(snapshot, exposure, owners, 0);
  if (owners.size() > 1) {
    out += fmt::format("; {} in aggregate", FormatPercent(exposure.blocked_share(i)));
  }
  return out;
}

}  // namespace tamiz::graph
