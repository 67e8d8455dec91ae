#include "graph/annotate.h"

namespace tamiz::graph {

void AnnotateHits(const index::Snapshot&, std::vector<Hit>&) {}

}  // namespace tamiz::graph
