#include "graph/exposure.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <random>

#include "graph/bench.h"
#include "graph_test_util.h"

namespace tamiz::graph {
namespace {

using testing::BuildGraph;
using ::testing::HasSubstr;
using testing::MakeEntity;
using ::testing::Not;
using testing::Own;

uint32_t Idx(const index::Snapshot& s, const std::string& id) {
  const Entity* e = s.Find(id);
  EXPECT_NE(e, nullptr) << id;
  return e == nullptr ? 0 : s.IndexOf(e);
}

TEST(FiftyPercentRule, DirectMajorityOwnershipBlocks) {
  auto s = BuildGraph({MakeEntity("t:a", "A", true), MakeEntity("t:c", "C", false)},
                      {Own("t:a", "t:c", 50.0)});
  auto x = Exposure::Compute(*s);
  EXPECT_TRUE(x->blocked_by_rule(Idx(*s, "t:c")));
  EXPECT_TRUE(x->listed(Idx(*s, "t:a")));
  EXPECT_FALSE(x->blocked_by_rule(Idx(*s, "t:a")));
  EXPECT_DOUBLE_EQ(x->blocked_share(Idx(*s, "t:c")), 50.0);
}

TEST(FiftyPercentRule, FortyNineNineIsNotBlockedFiftyIs) {
  auto s = BuildGraph({MakeEntity("t:a", "A", true), MakeEntity("t:c1", "C1", false),
                       MakeEntity("t:c2", "C2", false)},
                      {Own("t:a", "t:c1", 49.9), Own("t:a", "t:c2", 50.0)});
  auto x = Exposure::Compute(*s);
  EXPECT_FALSE(x->blocked(Idx(*s, "t:c1")));
  EXPECT_TRUE(x->blocked(Idx(*s, "t:c2")));
}

TEST(FiftyPercentRule, SeveralBlockedOwnersBelowFiftyAreSummed) {
  auto s = BuildGraph({MakeEntity("t:a", "A", true), MakeEntity("t:b", "B", true),
                       MakeEntity("t:d", "D", true), MakeEntity("t:c", "C", false)},
                      {Own("t:a", "t:c", 20.0), Own("t:b", "t:c", 20.0), Own("t:d", "t:c", 10.0)});
  auto x = Exposure::Compute(*s);
  EXPECT_TRUE(x->blocked_by_rule(Idx(*s, "t:c")));
  EXPECT_DOUBLE_EQ(x->blocked_share(Idx(*s, "t:c")), 50.0);
}

TEST(FiftyPercentRule, DecimalSharesSummingToFiftyBlock) {
  auto s = BuildGraph(
      {MakeEntity("t:a", "A", true), MakeEntity("t:b", "B", true), MakeEntity("t:c", "C", false)},
      {Own("t:a", "t:c", 33.33), Own("t:b", "t:c", 16.67)});
  auto x = Exposure::Compute(*s);
  EXPECT_TRUE(x->blocked_by_rule(Idx(*s, "t:c")));
}

TEST(FiftyPercentRule, ChainPropagatesThroughBlockedEntities) {
  // A (listed) -60-> B -50-> C -100-> D
  auto s = BuildGraph({MakeEntity("t:a", "A", true), MakeEntity("t:b", "B", false),
                       MakeEntity("t:c", "C", false), MakeEntity("t:d", "D", false)},
                      {Own("t:a", "t:b", 60), Own("t:b", "t:c", 50), Own("t:c", "t:d", 100)});
  auto x = Exposure::Compute(*s);
  EXPECT_TRUE(x->blocked_by_rule(Idx(*s, "t:b")));
  EXPECT_TRUE(x->blocked_by_rule(Idx(*s, "t:c")));
  EXPECT_TRUE(x->blocked_by_rule(Idx(*s, "t:d")));
  EXPECT_EQ(x->wave(Idx(*s, "t:d")), 3u);
  EXPECT_EQ(x->rounds(), 4u);
}

TEST(FiftyPercentRule, NonBlockedIntermediaryDoesNotPropagate) {
  // A (listed) holds 40% of B, which holds 100% of C: B is not blocked, so neither is C
  // (OFAC 2014 guidance: only blocked entities pass ownership down).
  auto s = BuildGraph(
      {MakeEntity("t:a", "A", true), MakeEntity("t:b", "B", false), MakeEntity("t:c", "C", false)},
      {Own("t:a", "t:b", 40), Own("t:b", "t:c", 100)});
  auto x = Exposure::Compute(*s);
  EXPECT_FALSE(x->blocked(Idx(*s, "t:b")));
  EXPECT_FALSE(x->blocked(Idx(*s, "t:c")));
  EXPECT_DOUBLE_EQ(x->blocked_share(Idx(*s, "t:c")), 0.0);
  EXPECT_DOUBLE_EQ(x->blocked_share(Idx(*s, "t:b")), 40.0);
}

TEST(FiftyPercentRule, DiamondSumsBothBranches) {
  // A (listed) owns 100% of B and of C; B and C each own 25% of D: 50% in aggregate.
  auto s = BuildGraph({MakeEntity("t:a", "A", true), MakeEntity("t:b", "B", false),
                       MakeEntity("t:c", "C", false), MakeEntity("t:d", "D", false)},
                      {Own("t:a", "t:b", 100), Own("t:a", "t:c", 100), Own("t:b", "t:d", 25),
                       Own("t:c", "t:d", 25)});
  auto x = Exposure::Compute(*s);
  EXPECT_TRUE(x->blocked_by_rule(Idx(*s, "t:d")));
  EXPECT_DOUBLE_EQ(x->blocked_share(Idx(*s, "t:d")), 50.0);
}

TEST(FiftyPercentRule, CycleTerminatesAndBlocksReachableMembers) {
  // A (listed) -50-> B -60-> C -60-> B (cycle), C -10-> E: E stays unblocked.
  auto s = BuildGraph(
      {MakeEntity("t:a", "A", true), MakeEntity("t:b", "B", false), MakeEntity("t:c", "C", false),
       MakeEntity("t:e", "E", false)},
      {Own("t:a", "t:b", 50), Own("t:b", "t:c", 60), Own("t:c", "t:b", 60), Own("t:c", "t:e", 10)});
  auto x = Exposure::Compute(*s);
  EXPECT_TRUE(x->blocked(Idx(*s, "t:b")));
  EXPECT_TRUE(x->blocked(Idx(*s, "t:c")));
  EXPECT_FALSE(x->blocked(Idx(*s, "t:e")));
  EXPECT_DOUBLE_EQ(x->blocked_share(Idx(*s, "t:b")), 110.0);  // every blocked owner counted
}

TEST(FiftyPercentRule, CycleWithoutListedOwnerStaysUnblocked) {
  auto s = BuildGraph({MakeEntity("t:b", "B", false), MakeEntity("t:c", "C", false)},
                      {Own("t:b", "t:c", 100), Own("t:c", "t:b", 100)});
  auto x = Exposure::Compute(*s);
  EXPECT_FALSE(x->blocked(0));
  EXPECT_FALSE(x->blocked(1));
  EXPECT_EQ(x->blocked_by_rule_count(), 0u);
}

TEST(FiftyPercentRule, DuplicateHoldingsAreNotDoubleCounted) {
  // The same 30% holding reported twice (two sources) must not reach 60%.
  auto s = BuildGraph({MakeEntity("t:a", "A", true), MakeEntity("t:c", "C", false)},
                      {Own("t:a", "t:c", 30), Own("t:a", "t:c", 30)});
  auto x = Exposure::Compute(*s);
  EXPECT_FALSE(x->blocked(Idx(*s, "t:c")));
  EXPECT_EQ(x->ownership_edge_count(), 1u);
}

TEST(FiftyPercentRule, UnknownOrInvalidSharesAreIgnored) {
  auto s = BuildGraph(
      {MakeEntity("t:a", "A", true), MakeEntity("t:c", "C", false), MakeEntity("t:d", "D", false)},
      {Own("t:a", "t:c", std::nullopt), Own("t:a", "t:d", -80.0), Own("t:a", "t:d", std::nan(""))});
  auto x = Exposure::Compute(*s);
  EXPECT_FALSE(x->blocked(Idx(*s, "t:c")));
  EXPECT_FALSE(x->blocked(Idx(*s, "t:d")));
  EXPECT_EQ(x->ownership_edge_count(), 0u);
}

TEST(FiftyPercentRule, OtherRelationTypesDoNotCount) {
  auto s = BuildGraph({MakeEntity("t:a", "A", true), MakeEntity("t:c", "C", false)},
                      {testing::Link("t:a", "t:c", RelationType::kDirectorship)});
  auto x = Exposure::Compute(*s);
  EXPECT_FALSE(x->blocked(Idx(*s, "t:c")));
}

TEST(FiftyPercentRule, KernelAgreesWithReferenceOnRandomGraphs) {
  std::mt19937_64 rng(7);
  for (int trial = 0; trial < 50; ++trial) {
    size_t n = 2 + rng() % 60;
    std::vector<uint8_t> listed(n);
    for (auto& l : listed) l = (rng() % 6 == 0) ? 1 : 0;
    std::vector<OwnershipEdge> edges;
    size_t m = rng() % (3 * n);
    for (size_t k = 0; k < m; ++k) {
      uint32_t a = static_cast<uint32_t>(rng() % n), b = static_cast<uint32_t>(rng() % n);
      if (a == b) continue;
      edges.push_back({a, b, static_cast<double>(1 + rng() % 60)});
    }
    RuleResult fast = ApplyFiftyPercentRule(n, edges, listed);
    RuleResult ref = ApplyFiftyPercentRuleReference(n, edges, listed);
    ASSERT_EQ(fast.blocked, ref.blocked) << "trial " << trial;
    ASSERT_EQ(fast.wave, ref.wave) << "trial " << trial;
    ASSERT_EQ(fast.rounds, ref.rounds) << "trial " << trial;
    for (size_t i = 0; i < n; ++i) ASSERT_NEAR(fast.share[i], ref.share[i], 1e-9);
  }
}

TEST(FiftyPercentRule, SyntheticBenchmarkGraphAgreesWithReference) {
  SyntheticOwnership g = MakeSyntheticOwnership(20000);
  RuleResult fast = ApplyFiftyPercentRule(g.nodes, g.edges, g.listed);
  RuleResult ref = ApplyFiftyPercentRuleReference(g.nodes, g.edges, g.listed);
  EXPECT_EQ(fast.blocked, ref.blocked);
  size_t by_rule = 0;
  for (size_t i = 0; i < g.nodes; ++i) by_rule += (fast.blocked[i] != 0 && g.listed[i] == 0);
  EXPECT_GT(by_rule, 0u);  // the generator must exercise propagation
  EXPECT_GT(fast.rounds, 2u);
}

TEST(ExplainOwnership, TwoSdnOwnersThirtyAndTwentyFiveBothPathsShown) {
  auto s = BuildGraph({MakeEntity("us_ofac_sdn:1", "ALPHA, Person", true, Schema::kPerson),
                       MakeEntity("us_ofac_sdn:2", "BRAVO, Person", true, Schema::kPerson),
                       MakeEntity("t:co", "TEST TRADING LLC", false)},
                      {Own("us_ofac_sdn:1", "t:co", 30), Own("us_ofac_sdn:2", "t:co", 25)});
  auto x = Exposure::Compute(*s);
  uint32_t co = Idx(*s, "t:co");
  ASSERT_TRUE(x->blocked_by_rule(co));
  EXPECT_EQ(ExplainOwnership(*s, *x, co),
            "owned 30% by ALPHA, Person (SDN) and 25% by BRAVO, Person (SDN); 55% in aggregate");
}

TEST(ExplainOwnership, IndirectHoldingNamesTheListedOwnerAndIntermediary) {
  // A (SDN) 30% of T directly; B (SDN) owns 100% of C, which owns 25% of T.
  auto s = BuildGraph(
      {MakeEntity("us_ofac_sdn:a", "A", true), MakeEntity("us_ofac_sdn:b", "B", true),
       MakeEntity("t:c", "C", false), MakeEntity("t:t", "T", false)},
      {Own("us_ofac_sdn:a", "t:t", 30), Own("us_ofac_sdn:b", "t:c", 100), Own("t:c", "t:t", 25)});
  auto x = Exposure::Compute(*s);
  EXPECT_EQ(ExplainOwnership(*s, *x, Idx(*s, "t:t")),
            "owned 30% by A (SDN) and 25% by B (SDN, via C); 55% in aggregate");
}

TEST(ExplainOwnership, IntermediaryWithSeveralOwnersIsExplainedNested) {
  auto s = BuildGraph(
      {MakeEntity("us_ofac_sdn:a", "A", true), MakeEntity("un_sc:b", "B", true),
       MakeEntity("t:c", "C", false), MakeEntity("t:t", "T", false)},
      {Own("us_ofac_sdn:a", "t:c", 30), Own("un_sc:b", "t:c", 30), Own("t:c", "t:t", 51)});
  auto x = Exposure::Compute(*s);
  EXPECT_EQ(ExplainOwnership(*s, *x, Idx(*s, "t:t")),
            "owned 51% by C (itself blocked: owned 30% by A (SDN) and 30% by B (UN))");
}

TEST(ExplainOwnership, EmptyWithoutBlockedOwners) {
  auto s = BuildGraph({MakeEntity("t:a", "A", false), MakeEntity("t:c", "C", false)},
                      {Own("t:a", "t:c", 80)});
  auto x = Exposure::Compute(*s);
  EXPECT_EQ(ExplainOwnership(*s, *x, Idx(*s, "t:c")), "");
}

TEST(FormatPercent, DropsTrailingZeros) {
  EXPECT_EQ(FormatPercent(30.0), "30%");
  EXPECT_EQ(FormatPercent(49.9), "49.9%");
  EXPECT_EQ(FormatPercent(33.333), "33.33%");
}

TEST(ListLabel, KnownDatasetsHaveShortNames) {
  EXPECT_EQ(ListLabel("us_ofac_sdn"), "SDN");
  EXPECT_EQ(ListLabel("un_sc"), "UN");
  EXPECT_EQ(ListLabel("my_list"), "my_list");
}

}  // namespace
}  // namespace tamiz::graph
