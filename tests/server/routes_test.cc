// Every route of the HTTP API on the fixture lists, each response validated against the
// OpenAPI document the server publishes.
#include <gtest/gtest.h>

#include <chrono>
#include <functional>
#include <set>
#include <string>
#include <thread>

#include "server/server_test_util.h"

namespace tamiz::server {
namespace {

using nlohmann::json;
using testing::ParseBody;
using testing::TestServer;
using testing::ValidateResponse;

const char* const kTarekQuery =
    R"({"queries":{"q1":{"schema":"Person","properties":{"name":["Tarek El Aissami"],)"
    R"("birthDate":["1974-11-12"]}}}})";

TEST(ServerRoutes, HealthzAnswersOk) {
  TestServer ts;
  auto r = ts.Client()->Get("/healthz");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(ParseBody(r)["status"], "ok");
  EXPECT_EQ(ValidateResponse("/healthz", "get", r), "");
}

TEST(ServerRoutes, ReadyzIs503UntilTheListsAreLoaded) {
  TestServer ts({}, /*load=*/false);
  auto c = ts.Client();
  auto before = c->Get("/readyz");
  ASSERT_TRUE(before);
  EXPECT_EQ(before->status, 503);
  EXPECT_EQ(ParseBody(before)["status"], "loading");
  EXPECT_EQ(ValidateResponse("/readyz", "get", before), "");
  auto search = c->Get("/search/default?q=x");
  ASSERT_TRUE(search);
  EXPECT_EQ(search->status, 503);
  EXPECT_EQ(ParseBody(search)["error"]["code"], "not_ready");

  ASSERT_TRUE(ts.server().LoadEngine(testing::FixtureEngineOptions()).ok());
  auto after = c->Get("/readyz");
  ASSERT_TRUE(after);
  EXPECT_EQ(after->status, 200);
  EXPECT_EQ(ParseBody(after)["status"], "ready");
  EXPECT_EQ(ParseBody(after)["lists"], 2);
  EXPECT_EQ(ValidateResponse("/readyz", "get", after), "");
}

TEST(ServerRoutes, ReadyzReportsAFailedLoad) {
  TestServer ts({}, /*load=*/false);
  EngineOptions bad;
  bad.data_dir = testing::FixtureDataDir() + "/does-not-exist";
  EXPECT_FALSE(ts.server().LoadEngine(bad).ok());
  auto r = ts.Client()->Get("/readyz");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 503);
  EXPECT_EQ(ParseBody(r)["status"], "failed");
  EXPECT_FALSE(ParseBody(r)["message"].get<std::string>().empty());
  EXPECT_TRUE(ts.Healthy());
}

TEST(ServerRoutes, MatchFindsTarekElAissamiFirst) {
  TestServer ts;
  auto r = ts.Client()->Post("/match/default", kTarekQuery, "application/json");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  EXPECT_EQ(ValidateResponse("/match/{dataset}", "post", r), "");
  json body = ParseBody(r);
  const json& q1 = body["responses"]["q1"];
  EXPECT_EQ(q1["status"], 200);
  ASSERT_FALSE(q1["results"].empty());
  EXPECT_EQ(q1["results"][0]["id"], "us_ofac_sdn:20250");
  EXPECT_EQ(q1["results"][0]["match"], true);
  EXPECT_EQ(q1["results"][0]["datasets"][0], "us_ofac_sdn");
  EXPECT_EQ(q1["results"][0]["properties"]["birthDate"][0], "1974-11-12");
  EXPECT_TRUE(q1["results"][0]["explanations"].contains("name"));
  EXPECT_EQ(q1["total"]["value"], q1["results"].size());
  EXPECT_EQ(q1["query"]["properties"]["name"][0], "Tarek El Aissami");
}

TEST(ServerRoutes, MatchJoinsFirstAndLastNameWhenNameIsAbsent) {
  TestServer ts;
  auto r = ts.Client()->Post(
      "/match/default",
      R"({"queries":{"a":{"schema":"Person","properties":{"firstName":["Diosdado"],)"
      R"("lastName":["Cabello"]}}}})",
      "application/json");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  json results = ParseBody(r)["responses"]["a"]["results"];
  ASSERT_FALSE(results.empty());
  EXPECT_EQ(results[0]["id"], "us_ofac_sdn:24424");
}

TEST(ServerRoutes, MatchAnswersEveryQueryKey) {
  TestServer ts;
  auto r = ts.Client()->Post(
      "/match/default?limit=1&algorithm=logic-v1",
      R"({"queries":{"a":{"schema":"Person","properties":{"name":["Diosdado Cabello"]}},)"
      R"("b":{"schema":"Thing","properties":{"name":["Zzyzx Qwerty Nonexistent"]}}}})",
      "application/json");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  json body = ParseBody(r);
  EXPECT_EQ(body["limit"], 1);
  EXPECT_EQ(body["responses"]["a"]["results"].size(), 1u);
  EXPECT_TRUE(body["responses"]["b"]["results"].empty());
  EXPECT_EQ(body["responses"]["b"]["total"]["value"], 0);
  EXPECT_EQ(ValidateResponse("/match/{dataset}", "post", r), "");
}

TEST(ServerRoutes, MatchRestrictsToTheNamedDataset) {
  TestServer ts;
  auto c = ts.Client();
  auto ofac = c->Post("/match/us_ofac_sdn", kTarekQuery, "application/json");
  ASSERT_TRUE(ofac);
  ASSERT_EQ(ofac->status, 200);
  EXPECT_FALSE(ParseBody(ofac)["responses"]["q1"]["results"].empty());
  auto ca = c->Post("/match/ca_sema", kTarekQuery, "application/json");
  ASSERT_TRUE(ca);
  ASSERT_EQ(ca->status, 200);
  json ca_body = ParseBody(ca);
  for (const auto& res : ca_body["responses"]["q1"]["results"]) {
    EXPECT_EQ(res["datasets"][0], "ca_sema");
  }
}

TEST(ServerRoutes, SearchHasTheScreenJsonShape) {
  TestServer ts;
  auto r = ts.Client()->Get("/search/default?q=Diosdado%20Cabello&schema=Person&limit=3");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  EXPECT_EQ(ValidateResponse("/search/{dataset}", "get", r), "");
  json body = ParseBody(r);
  EXPECT_EQ(body["query"]["name"], "Diosdado Cabello");
  EXPECT_EQ(body["query"]["schema"], "Person");
  EXPECT_EQ(body["query"]["limit"], 3);
  ASSERT_FALSE(body["results"].empty());
  EXPECT_EQ(body["results"][0]["id"], "us_ofac_sdn:24424");
  EXPECT_TRUE(body["results"][0].contains("explanation"));
}

TEST(ServerRoutes, SearchTakesDobAndCountry) {
  TestServer ts;
  auto r = ts.Client()->Get("/search/us_ofac_sdn?q=Tarek+El+Aissami&dob=1974-11-12&country=VE");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  json body = ParseBody(r);
  EXPECT_EQ(body["query"]["dob"][0], "1974-11-12");
  EXPECT_EQ(body["query"]["datasets"][0], "us_ofac_sdn");
  ASSERT_FALSE(body["results"].empty());
  EXPECT_EQ(body["results"][0]["id"], "us_ofac_sdn:20250");
}

TEST(ServerRoutes, EntityIncludesRelationsBothWays) {
  TestServer ts;
  auto c = ts.Client();
  auto r = c->Get("/entities/us_ofac_sdn:24424");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  EXPECT_EQ(ValidateResponse("/entities/{id}", "get", r), "");
  json body = ParseBody(r);
  EXPECT_EQ(body["id"], "us_ofac_sdn:24424");
  EXPECT_EQ(body["properties"]["name"][0], "CABELLO RONDON, Diosdado");
  bool found = false;
  for (const auto& rel : body["relations"]["incoming"]) {
    if (rel["source"] == "us_ofac_sdn:24427" && rel["type"] == "UnknownLink") found = true;
  }
  EXPECT_TRUE(found) << body["relations"].dump();

  auto other = c->Get("/entities/us_ofac_sdn:24427");
  ASSERT_TRUE(other);
  ASSERT_EQ(other->status, 200);
  json out = ParseBody(other)["relations"]["outgoing"];
  ASSERT_FALSE(out.empty());
  EXPECT_EQ(out[0]["target"], "us_ofac_sdn:24424");
}

TEST(ServerRoutes, EntityIdMayBePercentEncoded) {
  TestServer ts;
  auto r = ts.Client()->Get("/entities/us_ofac_sdn%3A20250");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(ParseBody(r)["id"], "us_ofac_sdn:20250");
}

TEST(ServerRoutes, NetworkIncludesTheLinkedEntity) {
  TestServer ts;
  auto r = ts.Client()->Get("/entities/us_ofac_sdn:24424/network?depth=2");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  EXPECT_EQ(ValidateResponse("/entities/{id}/network", "get", r), "");
  json body = ParseBody(r);
  EXPECT_EQ(body["root"], "us_ofac_sdn:24424");
  bool sarria = false;
  for (const auto& n : body["nodes"]) sarria = sarria || n["id"] == "us_ofac_sdn:24427";
  EXPECT_TRUE(sarria) << body.dump();
}

TEST(ServerRoutes, ScanFindsAListedPartyInPaymentText) {
  TestServer ts;
  auto r = ts.Client()->Post("/scan?payment=1", "BENEFICIARY: Diosdado Cabello Rondon, Caracas",
                             "text/plain");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  EXPECT_EQ(ValidateResponse("/scan", "post", r), "");
  json body = ParseBody(r);
  ASSERT_FALSE(body["mentions"].empty()) << body.dump();
  EXPECT_EQ(body["mentions"][0]["entity"]["id"], "us_ofac_sdn:24424");
  EXPECT_TRUE(ts.Healthy());
}

TEST(ServerRoutes, ListsShowsEveryLoadedList) {
  TestServer ts;
  auto r = ts.Client()->Get("/lists");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200);
  EXPECT_EQ(ValidateResponse("/lists", "get", r), "");
  json lists = ParseBody(r)["lists"];
  ASSERT_EQ(lists.size(), 2u);
  std::set<std::string> names;
  for (const auto& l : lists) names.insert(l["dataset"].get<std::string>());
  EXPECT_TRUE(names.count("us_ofac_sdn"));
  EXPECT_TRUE(names.count("ca_sema"));
}

TEST(ServerRoutes, OpenApiDocumentsEveryRoute) {
  TestServer ts;
  auto r = ts.Client()->Get("/openapi.json");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200);
  json doc = ParseBody(r);
  ASSERT_FALSE(doc.is_discarded());
  EXPECT_EQ(doc["openapi"].get<std::string>().substr(0, 2), "3.");
  for (const char* route :
       {"/match/{dataset}", "/search/{dataset}", "/entities/{id}", "/entities/{id}/network",
        "/scan", "/lists", "/healthz", "/readyz", "/metrics", "/openapi.json", "/admin/reload"}) {
    EXPECT_TRUE(doc["paths"].contains(route)) << route;
  }
  // Every $ref resolves.
  std::function<void(const json&)> walk = [&](const json& j) {
    if (j.is_object()) {
      if (auto ref = j.find("$ref"); ref != j.end()) {
        std::string name =
            ref->get<std::string>().substr(std::string("#/components/schemas/").size());
        EXPECT_TRUE(doc["components"]["schemas"].contains(name)) << name;
      }
      for (const auto& [k, v] : j.items()) walk(v);
    } else if (j.is_array()) {
      for (const auto& v : j) walk(v);
    }
  };
  walk(doc);
}

TEST(ServerRoutes, SchemaValidatorRejectsAWrongShape) {
  // The validator itself must be able to fail, or the validations above prove nothing.
  const auto& doc = testing::OpenApiDoc();
  const json& hit = doc["components"]["schemas"]["Hit"];
  EXPECT_NE(testing::ValidateSchema(doc, hit, json{{"id", "x"}}), "");
  json wrong_type = {
      {"id", "x"},       {"dataset", "d"}, {"schema", "Person"},  {"caption", "c"},
      {"score", "high"}, {"match", true},  {"matched_name", "m"}, {"explanation", json::object()}};
  EXPECT_NE(testing::ValidateSchema(doc, hit, wrong_type), "");
  wrong_type["score"] = 0.9;
  EXPECT_EQ(testing::ValidateSchema(doc, hit, wrong_type), "");
  EXPECT_NE(testing::ValidateSchema(doc, doc["components"]["schemas"]["Ready"],
                                    json{{"status", "sleeping"}}),
            "");
}

TEST(ServerRoutes, MetricsCountRequestsAndDescribeTheIndex) {
  TestServer ts;
  auto c = ts.Client();
  ASSERT_TRUE(c->Get("/search/default?q=Diosdado"));
  ASSERT_TRUE(c->Get("/entities/nope:0"));
  // cpp-httplib counts a request (its logger) just after sending the response, on the
  // thread that served it, so either count may lag the client by a moment: ask again for up
  // to two seconds, until both requests are counted.
  auto counted = [](const std::string& body) {
    return body.find(R"(route="/entities/{id}",status="404"} 1)") != std::string::npos &&
           body.find(R"(route="/search/{dataset}",status="200"} 1)") != std::string::npos &&
           body.find(R"(route="/search/{dataset}",le="+Inf"} 1)") != std::string::npos;
  };
  auto r = c->Get("/metrics");
  for (int i = 0; i < 200 && r && !counted(r->body); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    r = c->Get("/metrics");
  }
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200);
  EXPECT_EQ(r->get_header_value("Content-Type").rfind("text/plain", 0), 0u);
  const std::string& m = r->body;
  EXPECT_NE(m.find(R"(tamiz_http_requests_total{route="/search/{dataset}",status="200"} 1)"),
            std::string::npos)
      << m;
  EXPECT_NE(m.find(R"(tamiz_http_requests_total{route="/entities/{id}",status="404"} 1)"),
            std::string::npos);
  EXPECT_NE(
      m.find(
          R"(tamiz_http_request_duration_seconds_bucket{route="/search/{dataset}",le="+Inf"} 1)"),
      std::string::npos);
  EXPECT_NE(m.find("tamiz_entities_indexed 70"), std::string::npos);
  EXPECT_NE(m.find("tamiz_names_indexed "), std::string::npos);
  EXPECT_NE(m.find(R"(tamiz_list_age_days{dataset="us_ofac_sdn"})"), std::string::npos);
  EXPECT_NE(m.find("tamiz_ready 1"), std::string::npos);
}

}  // namespace
}  // namespace tamiz::server
