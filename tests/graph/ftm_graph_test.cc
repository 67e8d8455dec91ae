// The FollowTheMoney graph fixture from yente (tests/fixtures/dataset/zala): Alexander
// ZAKHAROV, his relatives and the companies he owns or directs, with Ownership shares.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>
#include <pugixml.hpp>

#include "graph/annotate.h"
#include "graph/exposure.h"
#include "graph/network.h"
#include "graph/render.h"
#include "index/snapshot.h"
#include "sources/registry.h"

namespace tamiz::graph {
namespace {

using ::testing::Contains;
using ::testing::HasSubstr;
using ::testing::StartsWith;

const std::string kFtmData = std::string(TAMIZ_SOURCE_DIR) + "/tests/fixtures/graph/ftm";
const std::string kZakharov = "yente_zala:NK-aU5ybkbRFJucf8YMwsJvDw";
const std::string kCst = "yente_zala:NK-abdzbEBkqyT29GyREbiURZ";         // LLC CST (listed)
const std::string kTsst = "yente_zala:ru-inn-5920040846";                // OOO "TsST", unlisted
const std::string kSps = "yente_zala:NK-9Xa4Kg7Y7nfccE7VcZt6Q6";         // OOO "SPS", unlisted
const std::string kIzhtelecom = "yente_zala:NK-56Edov9bas9puzaChH5pBy";  // share unknown

class FtmGraph : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto lists = sources::LoadDataDir(kFtmData, {});
    ASSERT_TRUE(lists.ok()) << lists.status().message();
    auto snap = index::Snapshot::Build(std::move(lists).value());
    ASSERT_TRUE(snap.ok()) << snap.status().message();
    snapshot_ = new std::shared_ptr<const index::Snapshot>(*snap);
    exposure_ = new std::shared_ptr<const Exposure>(Exposure::Compute(**snap));
  }
  static void TearDownTestSuite() {
    delete snapshot_;
    delete exposure_;
  }
  static const index::Snapshot& s() { return **snapshot_; }
  static const Exposure& x() { return **exposure_; }
  static uint32_t Idx(const std::string& id) {
    const Entity* e = s().Find(id);
    EXPECT_NE(e, nullptr) << id;
    return e == nullptr ? 0 : s().IndexOf(e);
  }
  static std::shared_ptr<const index::Snapshot>* snapshot_;
  static std::shared_ptr<const Exposure>* exposure_;
};
std::shared_ptr<const index::Snapshot>* FtmGraph::snapshot_ = nullptr;
std::shared_ptr<const Exposure>* FtmGraph::exposure_ = nullptr;

TEST_F(FtmGraph, RelationshipEntitiesBecomeTypedRelations) {
  ASSERT_NE(snapshot_, nullptr);
  std::map<RelationType, int> counts;
  int with_percent = 0;
  for (const auto& r : s().relations()) {
    ++counts[r.type];
    if (r.type == RelationType::kOwnership && r.percent) ++with_percent;
  }
  EXPECT_EQ(counts[RelationType::kOwnership], 14);
  EXPECT_EQ(counts[RelationType::kFamily], 4);
  EXPECT_EQ(counts[RelationType::kDirectorship], 3);
  EXPECT_EQ(with_percent, 10);
  for (uint32_t ri : s().RelationsFrom(Idx(kZakharov))) {
    EXPECT_FALSE(s().relations()[ri].provenance.empty());
  }
}

TEST_F(FtmGraph, MajorityOwnedUnlistedCompaniesAreBlockedByTheRule) {
  ASSERT_NE(snapshot_, nullptr);
  EXPECT_TRUE(x().listed(Idx(kZakharov)));
  EXPECT_TRUE(x().blocked_by_rule(Idx(kTsst)));
  EXPECT_TRUE(x().blocked_by_rule(Idx(kSps)));
  EXPECT_EQ(ExplainOwnership(s(), x(), Idx(kSps)),
            "owned 75% by Alexander Vyacheslavovich ZAKHAROV (yente_zala)");
  EXPECT_EQ(x().blocked_by_rule_count(), 2u);
}

TEST_F(FtmGraph, UnknownShareIsALinkButNotBlocking) {
  ASSERT_NE(snapshot_, nullptr);
  uint32_t i = Idx(kIzhtelecom);
  EXPECT_FALSE(x().blocked(i));
  auto notes = NetworkNotes(s(), x(), i);
  ASSERT_FALSE(notes.empty());
  EXPECT_THAT(notes[0], StartsWith("owned by Alexander Vyacheslavovich ZAKHAROV (listed, "
                                   "yente_zala), who "));
}

TEST_F(FtmGraph, DuplicateHoldingsCountOncePerOwner) {
  ASSERT_NE(snapshot_, nullptr);
  // ZAKHAROV's holding in LLC CST is reported as 50%, 48% and 51%: only 51% counts, plus
  // Kalashnikov 49%, TransKomplektHolding 2% and Svetlana Zakharova 1%.
  EXPECT_DOUBLE_EQ(x().blocked_share(Idx(kCst)), 103.0);
  auto notes = NetworkNotes(s(), x(), Idx(kCst));
  EXPECT_THAT(notes, Contains(StartsWith("also blocked by the OFAC 50% rule: owned 51% by "
                                         "Alexander Vyacheslavovich ZAKHAROV")));
}

TEST_F(FtmGraph, NetworkRendersCyrillicCaptionsToSvg) {
  ASSERT_NE(snapshot_, nullptr);
  auto net = CollectNetwork(s(), kZakharov, 1);
  ASSERT_TRUE(net.ok());
  EXPECT_EQ(net->nodes.size(), 14u);
  auto j = NetworkToJson(s(), x(), *net);
  int blocked = 0;
  for (const auto& n : j["nodes"]) blocked += n.contains("blocked_by_50") ? 1 : 0;
  EXPECT_EQ(blocked, 2);
  auto svg = RenderSvg(NetworkToDot(s(), x(), *net));
  ASSERT_TRUE(svg.ok()) << svg.status().message();
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_string(svg->c_str()));
  EXPECT_STREQ(doc.document_element().name(), "svg");
  EXPECT_THAT(*svg, HasSubstr("ЦСТ"));
}

}  // namespace
}  // namespace tamiz::graph
