// The network around an entity: relations both ways up to a depth, for `tamiz network` and
// GET /entities/{id}/network. Thread-safe: reads the immutable snapshot only.
#pragma once

#include <nlohmann/json.hpp>
#include <string_view>

#include "index/snapshot.h"
#include "tamiz/status.h"

namespace tamiz::graph {

// {"root": id, "depth": n, "nodes": [{"id","caption","schema","dataset","listed"}],
//  "edges": [{"source","target","type","percent","provenance"}]}. kNotFound for an unknown id.
Result<nlohmann::json> NetworkToJson(const index::Snapshot& snapshot, std::string_view id,
                                     int depth);

}  // namespace tamiz::graph
