// Acceptance tests on the bundled OFAC SDN data (data/lists/us_ofac_sdn/2021-07): the 2018
// designation of Diosdado Cabello's front man Rafael Sarria and his three Florida companies.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <pugixml.hpp>
#include <set>
#include <sstream>

#include "graph/annotate.h"
#include "graph/exposure.h"
#include "graph/network.h"
#include "index/snapshot.h"
#include "tamiz/engine.h"

namespace tamiz::graph {
namespace {

namespace fs = std::filesystem;
using ::testing::Contains;
using ::testing::HasSubstr;
using ::testing::StartsWith;

const std::string kData = std::string(TAMIZ_SOURCE_DIR) + "/data";
// The Cabello/Sarria records only: quicker to load than every bundled list.
const std::string kSmallData = std::string(TAMIZ_SOURCE_DIR) + "/tests/fixtures/graph/data";
const std::string kNoorLink =
    "linked to SARRIA DIAZ, Rafael Alfredo (listed, SDN), who is linked to CABELLO RONDON, "
    "Diosdado (listed, SDN)";

class Bundled : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    EngineOptions o;
    o.data_dir = kData;
    auto e = Engine::Open(o);
    ASSERT_TRUE(e.ok()) << e.status().message();
    engine_ = std::move(e).value().release();
  }
  static void TearDownTestSuite() {
    delete engine_;
    engine_ = nullptr;
  }
  static Engine* engine_;
};
Engine* Bundled::engine_ = nullptr;

std::set<std::string> NodeIds(const nlohmann::json& j) {
  std::set<std::string> ids;
  for (const auto& n : j["nodes"]) ids.insert(n["id"].get<std::string>());
  return ids;
}

TEST_F(Bundled, CabelloNetworkDepthTwoHasSarriaAndHisCompanies) {
  ASSERT_NE(engine_, nullptr);
  auto state = engine_->state();
  auto j = NetworkToJson(*state->snapshot, *state->exposure, "us_ofac_sdn:24424", 2);
  ASSERT_TRUE(j.ok()) << j.status().message();
  auto ids = NodeIds(*j);
  for (const char* id :
       {"us_ofac_sdn:24427", "us_ofac_sdn:24428", "us_ofac_sdn:24429", "us_ofac_sdn:24430"}) {
    EXPECT_TRUE(ids.contains(id)) << id;
  }
  bool sarria_to_cabello = false;
  for (const auto& e : (*j)["edges"]) {
    if (e["source"] == "us_ofac_sdn:24427" && e["target"] == "us_ofac_sdn:24424") {
      sarria_to_cabello = true;
      EXPECT_EQ(e["type"], "UnknownLink");
      EXPECT_EQ(e["provenance"], "us_ofac_sdn remarks of 24427");
    }
  }
  EXPECT_TRUE(sarria_to_cabello);
}

TEST_F(Bundled, ScreeningNoorShowsSarriaAndThroughHimCabello) {
  ASSERT_NE(engine_, nullptr);
  Query q;
  q.names = {"Noor Plantation Investments"};
  auto r = engine_->Screen(q);
  ASSERT_FALSE(r.hits.empty());
  EXPECT_EQ(r.hits[0].entity->id, "us_ofac_sdn:24429");
  EXPECT_THAT(r.hits[0].notes, Contains(StartsWith(kNoorLink)));
}

TEST_F(Bundled, ExposureMarksSdnEntitiesListed) {
  ASSERT_NE(engine_, nullptr);
  auto state = engine_->state();
  const Entity* sarria = state->snapshot->Find("us_ofac_sdn:24427");
  ASSERT_NE(sarria, nullptr);
  EXPECT_TRUE(state->exposure->listed(state->snapshot->IndexOf(sarria)));
  EXPECT_GT(state->exposure->listed_count(), 1000u);
}

// --- the `tamiz network` command -------------------------------------------------------------

struct RunResult {
  int rc = -1;
  std::string out, err;
};

std::string Slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string Quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += (c == '\'') ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

fs::path ScratchDir() {
  fs::path dir = fs::temp_directory_path() / ("tamiz_graph_test_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  return dir;
}

RunResult RunTamiz(const std::vector<std::string>& args, const std::string& env = "",
                   const std::string& data = kData) {
  static int counter = 0;
  fs::path dir = ScratchDir();
  fs::path out = dir / ("out" + std::to_string(counter));
  fs::path err = dir / ("err" + std::to_string(counter++));
  std::string cmd = env + (env.empty() ? "" : " ") + Quote(TAMIZ_BINARY) + " --data " + Quote(data);
  for (const auto& a : args) cmd += " " + Quote(a);
  cmd += " >" + Quote(out.string()) + " 2>" + Quote(err.string()) + " </dev/null";
  int status = std::system(cmd.c_str());
  RunResult r;
  r.rc = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = Slurp(out);
  r.err = Slurp(err);
  return r;
}

TEST(NetworkCommand, JsonDepthTwoIncludesSarriaCompanies) {
  auto r = RunTamiz({"network", "us_ofac_sdn:24424", "--depth", "2", "--format", "json"});
  ASSERT_EQ(r.rc, 0) << r.err;
  auto j = nlohmann::json::parse(r.out, nullptr, false);
  ASSERT_FALSE(j.is_discarded()) << r.out;
  EXPECT_EQ(j["root"], "us_ofac_sdn:24424");
  auto ids = NodeIds(j);
  for (const char* id :
       {"us_ofac_sdn:24427", "us_ofac_sdn:24428", "us_ofac_sdn:24429", "us_ofac_sdn:24430"}) {
    EXPECT_TRUE(ids.contains(id)) << id;
  }
}

TEST(NetworkCommand, SvgOutputIsValidSvg) {
  fs::path file = ScratchDir() / "cabello.svg";
  auto r = RunTamiz(
      {"network", "us_ofac_sdn:24424", "--depth", "2", "--format", "svg", "--output", file});
  ASSERT_EQ(r.rc, 0) << r.err;
  pugi::xml_document doc;
  auto parsed = doc.load_file(file.c_str());
  ASSERT_TRUE(parsed) << parsed.description();
  EXPECT_STREQ(doc.document_element().name(), "svg");
  EXPECT_THAT(Slurp(file), HasSubstr("SARRIA DIAZ, Rafael Alfredo"));
}

TEST(NetworkCommand, DotMarksListedEntities) {
  auto r = RunTamiz({"network", "us_ofac_sdn:24429", "--format", "dot"}, "", kSmallData);
  ASSERT_EQ(r.rc, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("digraph network {"));
  EXPECT_THAT(r.out, HasSubstr("listed (SDN)"));
  EXPECT_THAT(r.out, HasSubstr("label=\"Linked To\""));
}

TEST(NetworkCommand, UnknownIdExitsThreeWithMessage) {
  auto r = RunTamiz({"network", "us_ofac_sdn:0"}, "", kSmallData);
  EXPECT_EQ(r.rc, 3);
  EXPECT_THAT(r.err, HasSubstr("unknown entity id 'us_ofac_sdn:0'"));
}

TEST(NetworkCommand, DepthOutOfRangeIsAUsageError) {
  auto r = RunTamiz({"network", "us_ofac_sdn:24424", "--depth", "9"}, "", kSmallData);
  EXPECT_EQ(r.rc, 2);
}

TEST(NetworkCommand, MissingGraphvizExitsThree) {
  auto r =
      RunTamiz({"network", "us_ofac_sdn:24424", "--format", "svg"}, "TAMIZ_DOT=/nonexistent/dot");
  EXPECT_EQ(r.rc, 3);
  EXPECT_THAT(r.err, HasSubstr("graphviz"));
}

TEST(ScreenCommand, NoorShowsLinkInTableAndJson) {
  auto table = RunTamiz({"screen", "Noor Plantation Investments"});
  ASSERT_LE(table.rc, 1) << table.err;
  EXPECT_THAT(table.out, HasSubstr("note: " + kNoorLink));
  auto json = RunTamiz({"screen", "Noor Plantation Investments", "--json"});
  ASSERT_LE(json.rc, 1) << json.err;
  auto j = nlohmann::json::parse(json.out, nullptr, false);
  ASSERT_FALSE(j.is_discarded());
  ASSERT_FALSE(j["results"].empty());
  EXPECT_THAT(j["results"][0]["notes"].get<std::vector<std::string>>(),
              Contains(StartsWith(kNoorLink)));
}

}  // namespace
}  // namespace tamiz::graph
