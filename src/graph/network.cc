#include "graph/network.h"

#include <string>

namespace tamiz::graph {

Result<nlohmann::json> NetworkToJson(const index::Snapshot& snapshot, std::string_view id, int) {
  if (snapshot.Find(id) == nullptr) return Status::NotFound("unknown entity " + std::string(id));
  return Status::Unavailable("network: not implemented yet");
}

}  // namespace tamiz::graph
