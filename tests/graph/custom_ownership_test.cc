// End to end: SDN records, a custom list of invented companies and an ownership CSV with
// synthetic shares (tests/fixtures/graph/custom), through Engine::Open and Engine::Screen.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "graph/exposure.h"
#include "graph/network.h"
#include "index/snapshot.h"
#include "screen/json.h"
#include "tamiz/engine.h"

namespace tamiz::graph {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::StartsWith;

const std::string kCustomData = std::string(TAMIZ_SOURCE_DIR) + "/tests/fixtures/graph/custom";

std::unique_ptr<Engine> OpenCustom() {
  EngineOptions o;
  o.data_dir = kCustomData;
  auto e = Engine::Open(o);
  EXPECT_TRUE(e.ok()) << e.status().message();
  return e.ok() ? std::move(e).value() : nullptr;
}

std::vector<std::string> NotesOfTopHit(const Engine& engine, const std::string& name,
                                       const std::string& expected_id) {
  Query q;
  q.names = {name};
  auto r = engine.Screen(q);
  EXPECT_FALSE(r.hits.empty()) << name;
  if (r.hits.empty()) return {};
  EXPECT_EQ(r.hits[0].entity->id, expected_id);
  return r.hits[0].notes;
}

TEST(CustomOwnership, CompanyOwnedThirtyAndTwentyFiveBySdnPersonsIsBlockedWithBothPaths) {
  auto engine = OpenCustom();
  ASSERT_NE(engine, nullptr);
  auto notes = NotesOfTopHit(*engine, "Test Trading", "acme_customers:C-1");
  ASSERT_FALSE(notes.empty());
  EXPECT_EQ(notes[0],
            "blocked by the OFAC 50% rule: owned 30% by SARRIA DIAZ, Rafael Alfredo (SDN) and 25% "
            "by CABELLO RONDON, Jose David (SDN); 55% in aggregate");
}

TEST(CustomOwnership, IndirectHoldingThroughABlockedCompanyNamesTheIntermediary) {
  auto engine = OpenCustom();
  ASSERT_NE(engine, nullptr);
  auto notes = NotesOfTopHit(*engine, "Test Shipping", "acme_customers:C-3");
  ASSERT_FALSE(notes.empty());
  EXPECT_EQ(notes[0],
            "blocked by the OFAC 50% rule: owned 30% by SARRIA DIAZ, Rafael Alfredo (SDN) and 25% "
            "by CABELLO RONDON, Jose David (SDN, via TEST HOLDINGS SA); 55% in aggregate");
}

TEST(CustomOwnership, FortyNineNinePercentIsBelowTheThreshold) {
  auto engine = OpenCustom();
  ASSERT_NE(engine, nullptr);
  auto notes = NotesOfTopHit(*engine, "Minority Ventures", "acme_customers:C-4");
  ASSERT_FALSE(notes.empty());
  EXPECT_EQ(notes[0],
            "below the OFAC 50% threshold: owned 49.9% by SARRIA DIAZ, Rafael Alfredo (SDN)");
}

TEST(CustomOwnership, NonBlockedIntermediaryDoesNotPassOwnershipDown) {
  auto engine = OpenCustom();
  ASSERT_NE(engine, nullptr);
  auto notes = NotesOfTopHit(*engine, "Downstream Widgets", "acme_customers:C-6");
  EXPECT_THAT(notes, ElementsAre("owned 100% by PASSTHRU PARTNERS LLC (not listed)"));
  auto state = engine->state();
  const Entity* c6 = state->snapshot->Find("acme_customers:C-6");
  ASSERT_NE(c6, nullptr);
  EXPECT_FALSE(state->exposure->blocked(state->snapshot->IndexOf(c6)));
  EXPECT_EQ(state->exposure->blocked_by_rule_count(), 3u);  // C-1, C-2, C-3
}

TEST(CustomOwnership, NotesReachTheHitJsonAndTheNetworkMarksBlockedNodes) {
  auto engine = OpenCustom();
  ASSERT_NE(engine, nullptr);
  Query q;
  q.names = {"Test Trading"};
  auto r = engine->Screen(q);
  auto j = screen::ScreenResultToJson(r);
  ASSERT_FALSE(j["results"].empty());
  EXPECT_THAT(j["results"][0]["notes"][0].get<std::string>(),
              StartsWith("blocked by the OFAC 50% rule"));
  auto state = engine->state();
  auto net = NetworkToJson(*state->snapshot, *state->exposure, "acme_customers:C-3", 1);
  ASSERT_TRUE(net.ok());
  bool root_blocked = false;
  for (const auto& n : (*net)["nodes"]) {
    if (n["id"] == "acme_customers:C-3") root_blocked = n.value("blocked_by_50", false);
    if (n["id"] == "acme_customers:C-2") {
      EXPECT_TRUE(n.value("blocked_by_50", false));
    }
  }
  EXPECT_TRUE(root_blocked);
}

TEST(CustomOwnership, ReloadKeepsExposureInStepWithTheSnapshot) {
  auto engine = OpenCustom();
  ASSERT_NE(engine, nullptr);
  auto before = engine->state();
  ASSERT_TRUE(engine->Reload().ok());
  auto after = engine->state();
  EXPECT_NE(before->snapshot, after->snapshot);
  EXPECT_NE(before->exposure, after->exposure);
  EXPECT_EQ(after->exposure->blocked_by_rule_count(), 3u);
  EXPECT_EQ(engine->snapshot(), after->snapshot);
}

}  // namespace
}  // namespace tamiz::graph
