// Matching data attached to a Snapshot: analysed names and the candidate index.
// Owned by the index/ layer; built by BuildMatchData() during Snapshot::Build.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "tamiz/entity.h"

namespace tamiz::index {

// One analysed, normalized name of an entity.
struct IndexedName {
  uint32_t entity = 0;     // index into Snapshot::entities()
  uint32_t name = 0;       // index into Entity::names
  std::string normalized;  // lowercased, diacritics removed, single spaces
};

struct MatchData {
  std::vector<IndexedName> names;
};

// Builds the matching data for `entities`.
std::unique_ptr<MatchData> BuildMatchData(const std::vector<Entity>& entities);

}  // namespace tamiz::index
