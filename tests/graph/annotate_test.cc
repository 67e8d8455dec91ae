#include "graph/annotate.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "graph_test_util.h"
#include "screen/json.h"
#include "tamiz/engine.h"

namespace tamiz::graph {
namespace {

using ::testing::AllOf;
using testing::BuildGraph;
using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using testing::Link;
using testing::MakeEntity;
using testing::Own;
using ::testing::StartsWith;

// A front man linked to a listed principal, and companies linked to the front man.
std::shared_ptr<const index::Snapshot> FrontMan() {
  return BuildGraph(
      {MakeEntity("us_ofac_sdn:p", "PRINCIPAL, Big", true, Schema::kPerson),
       MakeEntity("us_ofac_sdn:f", "FRONT, Man", true, Schema::kPerson),
       MakeEntity("us_ofac_sdn:c1", "ONE LLC", true), MakeEntity("t:c2", "TWO LLC", false),
       MakeEntity("t:alone", "ALONE LLC", false)},
      {Link("us_ofac_sdn:f", "us_ofac_sdn:p"), Link("us_ofac_sdn:c1", "us_ofac_sdn:f"),
       Link("t:c2", "us_ofac_sdn:f")});
}

uint32_t Idx(const index::Snapshot& s, const std::string& id) { return s.IndexOf(s.Find(id)); }

TEST(NetworkNotes, UnlistedEntityShowsListedLinkAndTheLinkBeyond) {
  auto s = FrontMan();
  auto x = Exposure::Compute(*s);
  auto notes = NetworkNotes(*s, *x, Idx(*s, "t:c2"));
  ASSERT_EQ(notes.size(), 1u);
  EXPECT_EQ(notes[0],
            "linked to FRONT, Man (listed, SDN), who is linked to PRINCIPAL, Big (listed, SDN) "
            "and is linked to ONE LLC (listed, SDN)");
}

TEST(NetworkNotes, ListedEntityShowsItsDirectLinks) {
  auto s = FrontMan();
  auto x = Exposure::Compute(*s);
  auto notes = NetworkNotes(*s, *x, Idx(*s, "us_ofac_sdn:f"));
  EXPECT_THAT(notes, Contains(StartsWith("linked to PRINCIPAL, Big (listed, SDN)")));
  EXPECT_THAT(notes, Contains(StartsWith("linked to ONE LLC (listed, SDN)")));
  EXPECT_THAT(notes, Contains("linked to TWO LLC (not listed)"));
  EXPECT_EQ(notes.back(), "linked to TWO LLC (not listed)");  // listed neighbours first
}

TEST(NetworkNotes, SeveralRelationsToOneNeighbourMakeOneNote) {
  auto s = BuildGraph(
      {MakeEntity("us_ofac_sdn:a", "ALPHA", true), MakeEntity("t:co", "CO", false),
       MakeEntity("us_ofac_sdn:b", "BRAVO", true)},
      {Link("t:co", "us_ofac_sdn:a"), Own("us_ofac_sdn:a", "t:co", 20),
       Own("us_ofac_sdn:a", "us_ofac_sdn:b", 100), Link("us_ofac_sdn:b", "us_ofac_sdn:a")});
  auto x = Exposure::Compute(*s);
  auto notes = NetworkNotes(*s, *x, Idx(*s, "t:co"));
  ASSERT_EQ(notes.size(), 2u);
  EXPECT_EQ(notes[0], "below the OFAC 50% threshold: owned 20% by ALPHA (SDN)");
  EXPECT_EQ(notes[1],
            "linked to and owned 20% by ALPHA (listed, SDN), who owns 100% of and is linked to "
            "BRAVO (listed, SDN)");
}

TEST(NetworkNotes, NoLinksNoNotes) {
  auto s = FrontMan();
  auto x = Exposure::Compute(*s);
  EXPECT_THAT(NetworkNotes(*s, *x, Idx(*s, "t:alone")), IsEmpty());
}

TEST(NetworkNotes, BlockedByRuleComesFirstWithPaths) {
  auto s = BuildGraph({MakeEntity("us_ofac_sdn:1", "ALPHA", true, Schema::kPerson),
                       MakeEntity("us_ofac_sdn:2", "BRAVO", true, Schema::kPerson),
                       MakeEntity("t:co", "TEST TRADING LLC", false)},
                      {Own("us_ofac_sdn:1", "t:co", 30), Own("us_ofac_sdn:2", "t:co", 25)});
  auto x = Exposure::Compute(*s);
  auto notes = NetworkNotes(*s, *x, Idx(*s, "t:co"));
  ASSERT_EQ(notes.size(), 3u);
  EXPECT_EQ(notes[0],
            "blocked by the OFAC 50% rule: owned 30% by ALPHA (SDN) and 25% by BRAVO (SDN); "
            "55% in aggregate");
  EXPECT_EQ(notes[1], "owned 30% by ALPHA (listed, SDN)");
  EXPECT_EQ(notes[2], "owned 25% by BRAVO (listed, SDN)");
}

TEST(NetworkNotes, BelowThresholdIsSaid) {
  auto s = BuildGraph({MakeEntity("us_ofac_sdn:1", "ALPHA", true), MakeEntity("t:co", "CO", false)},
                      {Own("us_ofac_sdn:1", "t:co", 49.9)});
  auto x = Exposure::Compute(*s);
  auto notes = NetworkNotes(*s, *x, Idx(*s, "t:co"));
  ASSERT_FALSE(notes.empty());
  EXPECT_EQ(notes[0], "below the OFAC 50% threshold: owned 49.9% by ALPHA (SDN)");
}

TEST(NetworkNotes, ManyLinksAreCapped) {
  std::vector<Entity> ents{MakeEntity("t:hub", "HUB", false)};
  std::vector<Relation> rels;
  for (int i = 0; i < 12; ++i) {
    ents.push_back(MakeEntity("t:s" + std::to_string(i), "S" + std::to_string(i), false));
    rels.push_back(Link("t:hub", "t:s" + std::to_string(i), RelationType::kAssociate));
  }
  auto s = BuildGraph(std::move(ents), std::move(rels));
  auto x = Exposure::Compute(*s);
  auto notes = NetworkNotes(*s, *x, Idx(*s, "t:hub"));
  ASSERT_EQ(notes.size(), kMaxLinkNotes + 1);
  EXPECT_EQ(notes.back(), "4 more linked entities (see `tamiz network t:hub`)");
  EXPECT_EQ(notes[0], "associate of S0 (not listed)");
}

TEST(RelationPhrase, DependsOnDirection) {
  Relation own = Own("t:a", "t:b", 30);
  EXPECT_EQ(RelationPhrase(own, true), "owns 30% of");
  EXPECT_EQ(RelationPhrase(own, false), "owned 30% by");
  Relation dir = Link("t:a", "t:b", RelationType::kDirectorship);
  EXPECT_EQ(RelationPhrase(dir, true), "director of");
  EXPECT_EQ(RelationPhrase(dir, false), "has director");
  EXPECT_EQ(RelationPhrase(Link("t:a", "t:b", RelationType::kFamily), false), "family member of");
}

TEST(AnnotateHits, EngineScreenAddsNotesToHitJson) {
  auto s = FrontMan();
  Engine engine(s);
  ASSERT_NE(engine.state()->exposure, nullptr);
  Query q;
  q.names = {"TWO LLC"};
  auto result = engine.Screen(q);
  ASSERT_FALSE(result.hits.empty());
  const Hit* two = nullptr;
  for (const auto& h : result.hits) {
    if (h.entity->id == "t:c2") two = &h;
  }
  ASSERT_NE(two, nullptr);
  EXPECT_THAT(two->notes, Contains(StartsWith("linked to FRONT, Man (listed, SDN)")));
  auto j = screen::HitToJson(*two);
  EXPECT_THAT(j["notes"][0].get<std::string>(), HasSubstr("PRINCIPAL, Big"));
}

TEST(AnnotateHits, IgnoresHitsFromAnotherSnapshot) {
  auto s = FrontMan();
  auto other = FrontMan();
  std::vector<Hit> hits(1);
  hits[0].entity = &other->entities()[1];
  AnnotateHits(*s, hits);
  EXPECT_THAT(hits[0].notes, IsEmpty());
}

}  // namespace
}  // namespace tamiz::graph
