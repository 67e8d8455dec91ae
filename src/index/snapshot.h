// An immutable, fully built view of every loaded list: entities, relations (indexed both
// ways), list versions, and the matching data the index/ and match/ layers attach to it.
// Built once off to the side, then shared read-only (std::shared_ptr<const Snapshot>) by any
// number of threads without locking; a reload builds a new one and swaps the pointer.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "tamiz/entity.h"
#include "tamiz/status.h"

namespace tamiz::index {

struct MatchData;  // analysed names + candidate index (index/match_data.h)

class Snapshot {
 public:
  // Takes ownership of the parsed lists and builds everything. Relations whose target is
  // given only by name are resolved to an entity of the same dataset when the name is a
  // primary name or alias there.
  static Result<std::shared_ptr<const Snapshot>> Build(std::vector<ParsedList> lists);

  ~Snapshot();
  Snapshot(const Snapshot&) = delete;
  Snapshot& operator=(const Snapshot&) = delete;

  const std::vector<Entity>& entities() const { return entities_; }
  const std::vector<Relation>& relations() const { return relations_; }
  const std::vector<ListVersion>& versions() const { return versions_; }

  // nullptr when unknown. O(1).
  const Entity* Find(std::string_view id) const;
  // Position of `e` in entities(). REQUIRES: e points into entities().
  uint32_t IndexOf(const Entity* e) const { return static_cast<uint32_t>(e - entities_.data()); }
  // Indices into relations() whose source (resp. target) is entity `idx`.
  std::span<const uint32_t> RelationsFrom(uint32_t idx) const;
  std::span<const uint32_t> RelationsTo(uint32_t idx) const;

  // Matching data (analysed names, candidate index); never null after Build.
  const MatchData& match_data() const { return *match_data_; }

 private:
  Snapshot();

  std::vector<Entity> entities_;
  std::vector<Relation> relations_;
  std::vector<ListVersion> versions_;
  std::unordered_map<std::string_view, uint32_t> by_id_;
  // CSR adjacency: offsets (size entities+1) into rel lists.
  std::vector<uint32_t> out_offsets_, out_rels_, in_offsets_, in_rels_;
  std::unique_ptr<MatchData> match_data_;
};

}  // namespace tamiz::index
