#include "graph/annotate.h"

#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <limits>
#include <optional>

namespace tamiz::graph {

namespace {

constexpr uint32_t kNoEntity = std::numeric_limits<uint32_t>::max();

struct Link {
  const Relation* rel = nullptr;
  bool outgoing = true;        // the subject is the relation's source
  uint32_t other = kNoEntity;  // index of the other end, kNoEntity when not in the snapshot
};

// 0: listed, 1: blocked by the rule, 2: other known entity, 3: unknown / unresolved.
int Rank(const Exposure& x, const Link& l) {
  if (l.other == kNoEntity) return 3;
  if (x.listed(l.other)) return 0;
  if (x.blocked(l.other)) return 1;
  return 2;
}

std::vector<Link> CollectLinks(const index::Snapshot& s, const Exposure& x, uint32_t i) {
  std::vector<Link> links;
  const auto& rels = s.relations();
  auto index_of = [&s](const std::string& id) {
    const Entity* e = s.Find(id);
    return e == nullptr ? kNoEntity : s.IndexOf(e);
  };
  for (uint32_t ri : s.RelationsFrom(i)) {
    const Relation& r = rels[ri];
    if (r.type == RelationType::kSanction) continue;
    uint32_t other = r.target_id.empty() ? kNoEntity : index_of(r.target_id);
    if (other == i) continue;
    links.push_back({&r, true, other});
  }
  for (uint32_t ri : s.RelationsTo(i)) {
    const Relation& r = rels[ri];
    if (r.type == RelationType::kSanction) continue;
    uint32_t other = index_of(r.source_id);
    if (other == i) continue;
    links.push_back({&r, false, other});
  }
  std::stable_sort(links.begin(), links.end(),
                   [&x](const Link& a, const Link& b) { return Rank(x, a) < Rank(x, b); });
  return links;
}

std::string StatusText(const Exposure& x, const index::Snapshot& s, uint32_t i) {
  if (x.listed(i)) return "listed, " + ListLabel(s.entities()[i].dataset);
  if (x.blocked(i)) return "blocked by the 50% rule";
  return "not listed";
}

// "SARRIA DIAZ, Rafael Alfredo (listed, SDN)" or the name/id of an unresolved end.
std::string Describe(const index::Snapshot& s, const Exposure& x, const Link& l) {
  std::string role = l.rel->role.empty() ? "" : "; " + l.rel->role;
  if (l.other != kNoEntity) {
    return fmt::format("{} ({}{})", s.entities()[l.other].caption, StatusText(x, s, l.other), role);
  }
  std::string name = l.outgoing
                         ? (l.rel->target_name.empty() ? l.rel->target_id : l.rel->target_name)
                         : l.rel->source_id;
  return fmt::format("{} (not resolved to a loaded entity{})", name, role);
}

std::string LinkNote(const index::Snapshot& s, const Exposure& x, uint32_t subject, const Link& l) {
  std::string note = RelationPhrase(*l.rel, l.outgoing) + " " + Describe(s, x, l);
  if (l.other == kNoEntity || !x.blocked(l.other)) return note;
  // Second hop: the listed or blocked links of a listed or blocked neighbour.
  std::vector<std::string> next;
  size_t more = 0;
  for (const Link& l2 : CollectLinks(s, x, l.other)) {
    if (l2.other == kNoEntity || l2.other == subject || !x.blocked(l2.other)) continue;
    if (next.size() < kMaxSecondHop) {
      next.push_back(RelationPhrase(*l2.rel, l2.outgoing) + " " + Describe(s, x, l2));
    } else {
      ++more;
    }
  }
  if (next.empty()) return note;
  note += ", who is ";
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
  auto links = CollectLinks(snapshot, exposure, i);
  for (size_t k = 0; k < links.size() && k < kMaxLinkNotes; ++k) {
    notes.push_back(LinkNote(snapshot, exposure, i, links[k]));
  }
  if (links.size() > kMaxLinkNotes) {
    notes.push_back(fmt::format("{} more links (see `tamiz network {}`)",
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
