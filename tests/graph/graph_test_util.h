// Hand-made graphs for the graph/ tests: entities "t:<name>" and relations between them.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "index/snapshot.h"
#include "tamiz/entity.h"

namespace tamiz::graph::testing {

inline Entity MakeEntity(const std::string& id, const std::string& caption, bool listed,
                         Schema schema = Schema::kCompany) {
  Entity e;
  e.id = id;
  auto colon = id.find(':');
  e.dataset = id.substr(0, colon);
  e.record_id = id.substr(colon + 1);
  e.caption = caption;
  e.schema = schema;
  e.names.push_back({caption, NameKind::kPrimary, "", "", "", ""});
  if (listed) e.topics.push_back("sanction");
  return e;
}

inline Relation Own(const std::string& owner, const std::string& asset,
                    std::optional<double> percent) {
  Relation r;
  r.source_id = owner;
  r.target_id = asset;
  r.type = RelationType::kOwnership;
  r.percent = percent;
  r.provenance = "test " + owner + " -> " + asset;
  return r;
}

inline Relation Link(const std::string& source, const std::string& target,
                     RelationType type = RelationType::kUnknownLink) {
  Relation r;
  r.source_id = source;
  r.target_id = target;
  r.type = type;
  r.provenance = "test link " + source + " -> " + target;
  return r;
}

// One list "t" holding `entities` and `relations`, built into a snapshot.
inline std::shared_ptr<const index::Snapshot> BuildGraph(std::vector<Entity> entities,
                                                         std::vector<Relation> relations) {
  ParsedList list;
  list.version.dataset = "t";
  list.entities = std::move(entities);
  list.relations = std::move(relations);
  std::vector<ParsedList> lists;
  lists.push_back(std::move(list));
  auto snap = index::Snapshot::Build(std::move(lists));
  EXPECT_TRUE(snap.ok()) << snap.status().message();
  return snap.ok() ? *snap : nullptr;
}

}  // namespace tamiz::graph::testing
