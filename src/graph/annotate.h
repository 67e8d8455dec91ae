// Network context for screening hits: the OFAC 50% rule outcome with the ownership paths
// that explain it, and the hit's direct links ("linked to SARRIA DIAZ, Rafael Alfredo
// (listed, SDN), who is linked to CABELLO RONDON, Diosdado (listed, SDN)").
// Thread-safe: reads the immutable snapshot and exposure only.
#pragma once

#include <string>
#include <vector>

#include "graph/exposure.h"
#include "index/snapshot.h"
#include "tamiz/entity.h"
#include "tamiz/screen.h"

namespace tamiz::graph {

inline constexpr size_t kMaxLinkNotes = 8;
inline constexpr size_t kMaxSecondHop = 3;

// Network notes for entity i of the snapshot, most important first: the 50% rule note (when a
// blocked owner holds a known share), then links, listed and blocked neighbours first, each
// listed neighbour followed by its own listed links. At most kMaxLinkNotes link notes plus one
// "... more links" note.
std::vector<std::string> NetworkNotes(const index::Snapshot& snapshot, const Exposure& exposure,
                                      uint32_t i);

// "linked to", "owns 30% of", "owned 30% by", "director of", ...: how the entity on the
// `outgoing` side (the relation's source when true, its target when false) relates to the
// other end.
std::string RelationPhrase(const Relation& r, bool outgoing);

// Appends NetworkNotes() to each hit's notes. Hits whose entity is not in `snapshot` are left
// alone.
void AnnotateHits(const index::Snapshot& snapshot, const Exposure& exposure,
                  std::vector<Hit>& hits);

// As above, computing the exposure of `snapshot` first (O(entities + relations)); prefer the
// overload taking a precomputed Exposure (Engine keeps one per snapshot).
void AnnotateHits(const index::Snapshot& snapshot, std::vector<Hit>& hits);

}  // namespace tamiz::graph
