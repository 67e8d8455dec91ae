#include "graph/annotate.h"

#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <limits>
#include <optional>
#include <string_view>
#include <unordered_map>

namespace tamiz::graph {

namespace {

constexpr uint32_t kNoEntity = std::numeric_limits<uint32_t>::max();

struct Link {
  const Relation* rel = nullptr;
  bool outgoing = true;        // the subject is the relation's source
  uint32_t other = kNoEntity;  // index of the other end, kNoEntity when not in the snapshot
};

// One neighbour with every relation linking it to the subject (unresolved ends are never
// merged).
struct Neighbour {
  uint32_t other = kNoEntity;
  std::vector<Link> links;
};

// 0: listed, 1: blocked by the rule, 2: other known entity, 3: unknown / unresolved.
int Rank(const Exposure& x, uint32_t other) {
  if (other == kNoEntity) return 3;
  if (x.listed(other)) return 0;
  if (x.blocked(other)) return 1;
  return 2;
}

// Neighbours of entity i, listed ones first, then blocked, other, unresolved; within a rank in
// relation order (outgoing first).
std::vector<Neighbour> Neighbours(const index::Snapshot& s, const Exposure& x, uint32_t i) {
  std::vector<Link> links;
  const auto& rels = s.relations();
  auto index_of = [&s](const std::string& id) {
    const Entity* e = id.empty() ? nullptr : s.Find(id);
    return e == nullptr ? kNoEntity : s.IndexOf(e);
  };
  for (uint32_t ri : s.RelationsFrom(i)) {
    const Relation& r = rels[ri];
    uint32_t other = index_of(r.target_id);
    if (r.type != RelationType::kSanction && other != i) links.push_back({&r, true, other});
  }
  for (uint32_t ri : s.RelationsTo(i)) {
    const Relation& r = rels[ri];
    uint32_t other = index_of(r.source_id);
    if (r.type != RelationType::kSanction && other != i) links.push_back({&r, false, other});
  }
  std::vector<Neighbour> out;
  std::unordered_map<uint32_t, size_t> pos;
  for (const Link& l : links) {
    if (l.other != kNoEntity) {
      auto [it, fresh] = pos.emplace(l.other, out.size());
      if (!fresh) {
        out[it->second].links.push_back(l);
        continue;
      }
    }
    out.push_back({l.other, {l}});
  }
  std::stable_sort(out.begin(), out.end(), [&x](const Neighbour& a, const Neighbour& b) {
    return Rank(x, a.other) < Rank(x, b.other);
  });
  return out;
}

std::string StatusText(const Exposure& x, const index::Snapshot& s, uint32_t i) {
  if (x.listed(i)) return "listed, " + ListLabel(s.entities()[i].dataset);
  if (x.blocked(i)) return "blocked by the 50% rule";
  return "not listed";
}

// "SARRIA DIAZ, Rafael Alfredo (listed, SDN)" or the name/id of an unresolved end, with the
// roles the relations give.
std::string Describe(const index::Snapshot& s, const Exposure& x, const Neighbour& n) {
  std::string roles;
  std::vector<std::string_view> seen;
  for (const Link& l : n.links) {
    if (l.rel->role.empty() || std::find(seen.begin(), seen.end(), l.rel->role) != seen.end()) {
      continue;
    }
    seen.push_back(l.rel->role);
    roles += "; " + l.rel->role;
  }
  if (n.other != kNoEntity) {
    return fmt::format("{} ({}{})", s.entities()[n.other].caption, StatusText(x, s, n.other),
                       roles);
  }
  const Link& l = n.links.front();
  std::string name = l.outgoing
                         ? (l.rel->target_name.empty() ? l.rel->target_id : l.rel->target_name)
                         : l.rel->source_id;
  return fmt::format("{} (not resolved to a loaded entity{})", name, roles);
}

// The distinct relation phrases of a neighbour; with `third_person`, as a clause after "who"
// ("is linked to", "owns 100% of").
std::string Phrases(const Neighbour& n, bool third_person) {
  std::vector<std::string> phrases;
  for (const Link& l : n.links) {
    std::string p = RelationPhrase(*l.rel, l.outgoing);
    if (third_person && p.rfind("owns ", 0) != 0 && p.rfind("has ", 0) != 0) p = "is " + p;
    if (std::find(phrases.begin(), phrases.end(), p) == phrases.end()) phrases.push_back(p);
  }
  std::string out;
  for (size_t k = 0; k < phrases.size(); ++k) out += (k > 0 ? " and " : "") + phrases[k];
  return out;
}

std::string LinkNote(const index::Snapshot& s, const Exposure& x, uint32_t subject,
                     const Neighbour& n) {
  std::string note = Phrases(n, false) + " " + Describe(s, x, n);
  if (n.other == kNoEntity || !x.blocked(n.other)) return note;
  // Second hop: the listed or blocked neighbours of a listed or blocked neighbour.
  std::vector<std::string> next;
  size_t more = 0;
  for (const Neighbour& n2 : Neighbours(s, x, n.other)) {
    if (n2.other == kNoEntity || n2.other == subject || !x.blocked(n2.other)) continue;
    if (next.size() < kMaxSecondHop) {
      next.push_back(Phrases(n2, true) + " " + Describe(s, x, n2));
    } else {
      ++more;
    }
  }
  if (next.empty()) return note;
  note += ", who ";
  for (size_t k = 0; k < next.size(); ++k) {
    if (k > 0) note += (k + 1 == next.size() && more == 0) ? " and " : ", ";
    note += next[k];
  }
  if (more > 0) note += fmt::format(" and {} more", more);
  return note;
}

}  // namespace

std::string RelationPhrase(const Relation& r, bool outgoing) {
  std::string pct = r.percent ? " " + FormatPercent(*r.percent) : "";
  switch (r.type) {
    case RelationType::kUnknownLink:
      return "linked to";
    case RelationType::kOwnership:
      return outgoing ? "owns" + pct + " of" : "owned" + pct + " by";
    case RelationType::kDirectorship:
      return outgoing ? "director of" : "has director";
    case RelationType::kFamily:
      return "family member of";
    case RelationType::kAssociate:
      return "associate of";
    case RelationType::kMembership:
      return outgoing ? "member of" : "has member";
    case RelationType::kOccupancy:
      return outgoing ? "holds position" : "position held by";
    case RelationType::kSanction:
      return outgoing ? "sanction" : "sanction of";
  }
  return "linked to";
}

std::vector<std::string> NetworkNotes(const index::Snapshot& snapshot, const Exposure& exposure,
                                      uint32_t i) {
  std::vector<std::string> notes;
  if (i >= snapshot.entities().size()) return notes;
  std::string why = ExplainOwnership(snapshot, exposure, i);
  if (!why.empty()) {
    if (exposure.blocked_by_rule(i)) {
      notes.push_back("blocked by the OFAC 50% rule: " + why);
    } else if (exposure.listed(i)) {
      if (exposure.blocked_share(i) + kShareEpsilon >= kBlockingThreshold) {
        notes.push_back("also blocked by the OFAC 50% rule: " + why);
      }
    } else {
      notes.push_back("below the OFAC 50% threshold: " + why);
    }
  }
  auto links = Neighbours(snapshot, exposure, i);
  for (size_t k = 0; k < links.size() && k < kMaxLinkNotes; ++k) {
    notes.push_back(LinkNote(snapshot, exposure, i, links[k]));
  }
  if (links.size() > kMaxLinkNotes) {
    notes.push_back(fmt::format("{} more linked entities (see `tamiz network {}`)",
                                links.size() - kMaxLinkNotes, snapshot.entities()[i].id));
  }
  return notes;
}

void AnnotateHits(const index::Snapshot& snapshot, const Exposure& exposure,
                  std::vector<Hit>& hits) {
  const auto& ents = snapshot.entities();
  for (auto& h : hits) {
    std::less<const Entity*> before;
    if (h.entity == nullptr || ents.empty() || before(h.entity, ents.data()) ||
        !before(h.entity, ents.data() + ents.size())) {
      continue;
    }
    auto notes = NetworkNotes(snapshot, exposure, snapshot.IndexOf(h.entity));
    h.notes.insert(h.notes.end(), notes.begin(), notes.end());
  }
}

void AnnotateHits(const index::Snapshot& snapshot, std::vector<Hit>& hits) {
  if (hits.empty()) return;
  auto exposure = Exposure::Compute(snapshot);
  AnnotateHits(snapshot, *exposure, hits);
}

}  // namespace tamiz::graph
