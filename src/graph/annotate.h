// Network context for screening hits: "linked to listed X", and OFAC 50% rule paths.
// Thread-safe: reads the immutable snapshot only.
#pragma once

#include <vector>

#include "index/snapshot.h"
#include "tamiz/screen.h"

namespace tamiz::graph {

// Appends network notes (Hit::notes) to each hit.
void AnnotateHits(const index::Snapshot& snapshot, std::vector<Hit>& hits);

}  // namespace tamiz::graph
