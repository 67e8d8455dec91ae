#include "graph/network.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <pugixml.hpp>
#include <set>

#include "graph/render.h"
#include "graph_test_util.h"

namespace tamiz::graph {
namespace {

using testing::BuildGraph;
using ::testing::HasSubstr;
using testing::Link;
using testing::MakeEntity;
using ::testing::Not;
using testing::Own;

// root -> a -> b -> c (Linked To), x owns 60% of root, root linked to an unresolved name.
std::shared_ptr<const index::Snapshot> Chain() {
  Relation unresolved;
  unresolved.source_id = "t:root";
  unresolved.target_name = "NOBODY KNOWN";
  unresolved.provenance = "test remarks";
  return BuildGraph({MakeEntity("t:root", "ROOT CO", false), MakeEntity("t:a", "A \"Q\"", true),
                     MakeEntity("t:b", "B", false, Schema::kPerson), MakeEntity("t:c", "C", true),
                     MakeEntity("t:x", "X", true)},
                    {Link("t:root", "t:a"), Link("t:a", "t:b"), Link("t:b", "t:c"),
                     Own("t:x", "t:root", 60), unresolved});
}

std::set<std::string> NodeIds(const nlohmann::json& j) {
  std::set<std::string> ids;
  for (const auto& n : j["nodes"]) ids.insert(n["id"].get<std::string>());
  return ids;
}

TEST(Network, DepthOneHasDirectNeighboursBothWays) {
  auto s = Chain();
  auto j = NetworkToJson(*s, "t:root", 1);
  ASSERT_TRUE(j.ok()) << j.status().message();
  EXPECT_EQ((*j)["root"], "t:root");
  EXPECT_EQ((*j)["depth"], 1);
  EXPECT_EQ(NodeIds(*j), (std::set<std::string>{"t:root", "t:a", "t:x"}));
  EXPECT_EQ((*j)["edges"].size(), 2u);
  ASSERT_EQ((*j)["unresolved"].size(), 1u);
  EXPECT_EQ((*j)["unresolved"][0]["target_name"], "NOBODY KNOWN");
}

TEST(Network, DepthTwoAndThreeGrow) {
  auto s = Chain();
  auto j2 = NetworkToJson(*s, "t:root", 2);
  ASSERT_TRUE(j2.ok());
  EXPECT_TRUE(NodeIds(*j2).contains("t:b"));
  EXPECT_FALSE(NodeIds(*j2).contains("t:c"));
  auto j3 = NetworkToJson(*s, "t:root", 3);
  ASSERT_TRUE(j3.ok());
  EXPECT_TRUE(NodeIds(*j3).contains("t:c"));
}

TEST(Network, DepthZeroIsTheRootAlone) {
  auto s = Chain();
  auto j = NetworkToJson(*s, "t:root", 0);
  ASSERT_TRUE(j.ok());
  EXPECT_EQ((*j)["nodes"].size(), 1u);
  EXPECT_TRUE((*j)["edges"].empty());
}

TEST(Network, NodesCarryListingAndFiftyPercentRule) {
  auto s = Chain();
  auto j = NetworkToJson(*s, "t:root", 1);
  ASSERT_TRUE(j.ok());
  for (const auto& n : (*j)["nodes"]) {
    if (n["id"] == "t:root") {
      EXPECT_FALSE(n["listed"].get<bool>());
      EXPECT_TRUE(n["blocked_by_50"].get<bool>());
      EXPECT_DOUBLE_EQ(n["blocked_share"].get<double>(), 60.0);
      EXPECT_THAT(n["explanation"].get<std::string>(), HasSubstr("60% by X"));
    } else {
      EXPECT_TRUE(n["listed"].get<bool>()) << n.dump();
      EXPECT_FALSE(n.contains("blocked_by_50"));
    }
  }
  bool saw_ownership = false;
  for (const auto& e : (*j)["edges"]) {
    if (e["type"] == "Ownership") {
      saw_ownership = true;
      EXPECT_EQ(e["source"], "t:x");
      EXPECT_DOUBLE_EQ(e["percent"].get<double>(), 60.0);
      EXPECT_EQ(e["provenance"], "test t:x -> t:root");
    } else {
      EXPECT_TRUE(e["percent"].is_null());
    }
  }
  EXPECT_TRUE(saw_ownership);
}

TEST(Network, UnknownIdIsNotFound) {
  auto s = Chain();
  auto j = NetworkToJson(*s, "t:nope", 1);
  ASSERT_FALSE(j.ok());
  EXPECT_EQ(j.status().code(), StatusCode::kNotFound);
  EXPECT_THAT(j.status().message(), HasSubstr("t:nope"));
}

TEST(Network, DepthOutsideRangeIsInvalid) {
  auto s = Chain();
  EXPECT_EQ(CollectNetwork(*s, "t:root", kMaxDepth + 1).status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(CollectNetwork(*s, "t:root", -1).status().code(), StatusCode::kInvalidArgument);
}

TEST(Network, NodeCapTruncatesWithANote) {
  std::vector<Entity> ents{MakeEntity("t:hub", "HUB", true)};
  std::vector<Relation> rels;
  for (int i = 0; i < 20; ++i) {
    ents.push_back(MakeEntity("t:s" + std::to_string(i), "S" + std::to_string(i), false));
    rels.push_back(Link("t:s" + std::to_string(i), "t:hub"));
  }
  auto s = BuildGraph(std::move(ents), std::move(rels));
  auto net = CollectNetwork(*s, "t:hub", 1, 5);
  ASSERT_TRUE(net.ok());
  EXPECT_EQ(net->nodes.size(), 5u);
  EXPECT_TRUE(net->truncated);
  auto x = Exposure::Compute(*s);
  auto j = NetworkToJson(*s, *x, *net);
  EXPECT_TRUE(j["truncated"].get<bool>());
  EXPECT_THAT(j["note"].get<std::string>(), HasSubstr("node cap of 5"));
  EXPECT_EQ(j["edges"].size(), 4u);
}

TEST(NetworkDot, MarksListedAndLabelsEdges) {
  auto s = Chain();
  auto net = CollectNetwork(*s, "t:root", 1);
  ASSERT_TRUE(net.ok());
  auto x = Exposure::Compute(*s);
  std::string dot = NetworkToDot(*s, *x, *net);
  EXPECT_THAT(dot, HasSubstr("digraph network {"));
  EXPECT_THAT(dot, HasSubstr("A \\\"Q\\\"\\nt:a\\nlisted (t)"));  // quotes escaped
  EXPECT_THAT(dot, HasSubstr("color=\"#c00000\""));
  EXPECT_THAT(dot, HasSubstr("label=\"Ownership 60%\""));
  EXPECT_THAT(dot, HasSubstr("label=\"Linked To\""));
  EXPECT_THAT(dot, HasSubstr("blocked by 50% rule (60%)"));
  EXPECT_THAT(dot, HasSubstr("NOBODY KNOWN\\n(not loaded)"));
}

TEST(NetworkDot, QuoteEscapesAndDropsControlCharacters) {
  EXPECT_EQ(DotQuote("a\"b\\c\nd\x01"
                     "e"),
            "\"a\\\"b\\\\c\\nde\"");
  EXPECT_EQ(DotQuote("Ñandú"), "\"Ñandú\"");
}

TEST(NetworkSvg, GraphvizRendersValidSvg) {
  auto s = Chain();
  auto net = CollectNetwork(*s, "t:root", 2);
  ASSERT_TRUE(net.ok());
  auto x = Exposure::Compute(*s);
  auto svg = RenderSvg(NetworkToDot(*s, *x, *net));
  ASSERT_TRUE(svg.ok()) << svg.status().message();
  pugi::xml_document doc;
  auto parsed = doc.load_string(svg->c_str());
  ASSERT_TRUE(parsed) << parsed.description();
  EXPECT_STREQ(doc.document_element().name(), "svg");
  EXPECT_THAT(*svg, HasSubstr("ROOT CO"));
}

TEST(NetworkSvg, MissingDotIsAClearUnavailableError) {
  ::setenv("TAMIZ_DOT", "/nonexistent/tamiz-test-dot", 1);
  auto svg = RenderSvg("digraph g { a -> b }");
  ::unsetenv("TAMIZ_DOT");
  ASSERT_FALSE(svg.ok());
  EXPECT_EQ(svg.status().code(), StatusCode::kUnavailable);
  EXPECT_THAT(svg.status().message(), HasSubstr("graphviz"));
}

TEST(NetworkSvg, DotSyntaxErrorIsReported) {
  auto svg = RenderSvg("digraph { this is not dot");
  ASSERT_FALSE(svg.ok());
  EXPECT_EQ(svg.status().code(), StatusCode::kDataError);
}

}  // namespace
}  // namespace tamiz::graph
