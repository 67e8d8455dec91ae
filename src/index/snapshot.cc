#include "index/snapshot.h"

#include <algorithm>
#include <cctype>

#include "index/match_data.h"

namespace tamiz::index {

Snapshot::Snapshot() = default;
Snapshot::~Snapshot() = default;

namespace {
std::string UpperKey(std::string_view s) {
  std::string k;
  k.reserve(s.size());
  for (char c : s) {
    unsigned char u = static_cast<unsigned char>(c);
    if (u < 0x80 && (std::isalnum(u) != 0))
      k.push_back(static_cast<char>(std::toupper(u)));
    else if (u >= 0x80)
      k.push_back(c);
  }
  return k;
}

void BuildCsr(size_t n, const std::vector<std::pair<uint32_t, uint32_t>>& pairs,
              std::vector<uint32_t>& offsets, std::vector<uint32_t>& items) {
  offsets.assign(n + 1, 0);
  for (const auto& [node, rel] : pairs) ++offsets[node + 1];
  for (size_t i = 0; i < n; ++i) offsets[i + 1] += offsets[i];
  items.assign(pairs.size(), 0);
  std::vector<uint32_t> pos(offsets.begin(), offsets.end() - 1);
  for (const auto& [node, rel] : pairs) items[pos[node]++] = rel;
}
}  // namespace

Result<std::shared_ptr<const Snapshot>> Snapshot::Build(std::vector<ParsedList> lists) {
  std::shared_ptr<Snapshot> snap(new Snapshot());
  size_t total = 0;
  for (const auto& l : lists) total += l.entities.size();
  snap->entities_.reserve(total);
  for (auto& l : lists) {
    snap->versions_.push_back(l.version);
    for (auto& e : l.entities) snap->entities_.push_back(std::move(e));
    for (auto& r : l.relations) snap->relations_.push_back(std::move(r));
  }
  snap->by_id_.reserve(snap->entities_.size());
  for (uint32_t i = 0; i < snap->entities_.size(); ++i) {
    snap->by_id_.emplace(snap->entities_[i].id, i);
  }
  // Resolve relations given by name within the source's dataset.
  std::unordered_map<std::string, uint32_t> by_name;
  for (uint32_t i = 0; i < snap->entities_.size(); ++i) {
    const auto& e = snap->entities_[i];
    for (const auto& n : e.names) {
      by_name.emplace(e.dataset + "|" + UpperKey(n.full), i);
    }
  }
  std::vector<std::pair<uint32_t, uint32_t>> out_pairs, in_pairs;
  std::vector<Relation> kept;
  kept.reserve(snap->relations_.size());
  for (auto& r : snap->relations_) {
    auto src = snap->by_id_.find(r.source_id);
    if (src == snap->by_id_.end()) {
      // Relation-only lists (ownership CSV) may name a source no loaded list has: keep the
      // relation when its target is known, indexed from the target side only.
      if (!r.target_id.empty() && snap->by_id_.contains(r.target_id)) kept.push_back(std::move(r));
      continue;
    }
    if (r.target_id.empty() && !r.target_name.empty()) {
      const auto& ds = snap->entities_[src->second].dataset;
      auto it = by_name.find(ds + "|" + UpperKey(r.target_name));
      if (it != by_name.end()) r.target_id = snap->entities_[it->second].id;
    }
    kept.push_back(std::move(r));
  }
  snap->relations_ = std::move(kept);
  for (uint32_t ri = 0; ri < snap->relations_.size(); ++ri) {
    const auto& r = snap->relations_[ri];
    auto src = snap->by_id_.find(r.source_id);
    if (src != snap->by_id_.end()) out_pairs.emplace_back(src->second, ri);
    auto dst = snap->by_id_.find(r.target_id);
    if (dst != snap->by_id_.end()) in_pairs.emplace_back(dst->second, ri);
  }
  BuildCsr(snap->entities_.size(), out_pairs, snap->out_offsets_, snap->out_rels_);
  BuildCsr(snap->entities_.size(), in_pairs, snap->in_offsets_, snap->in_rels_);
  snap->match_data_ = BuildMatchData(snap->entities_);
  return std::shared_ptr<const Snapshot>(std::move(snap));
}

const Entity* Snapshot::Find(std::string_view id) const {
  auto it = by_id_.find(id);
  return it == by_id_.end() ? nullptr : &entities_[it->second];
}

std::span<const uint32_t> Snapshot::RelationsFrom(uint32_t idx) const {
  if (idx + 1 >= out_offsets_.size()) return {};
  return {out_rels_.data() + out_offsets_[idx], out_offsets_[idx + 1] - out_offsets_[idx]};
}

std::span<const uint32_t> Snapshot::RelationsTo(uint32_t idx) const {
  if (idx + 1 >= in_offsets_.size()) return {};
  return {in_rels_.data() + in_offsets_[idx], in_offsets_[idx + 1] - in_offsets_[idx]};
}

}  // namespace tamiz::index
