// Every error path of the HTTP API answers a JSON error with the right status, and the
// server keeps serving afterwards.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <chrono>
#include <string>

#include "server/server_test_util.h"

namespace tamiz::server {
namespace {

using nlohmann::json;
using testing::ParseBody;
using testing::TestServer;
using testing::ValidateResponse;

// Checks status, the error JSON shape, the code, the OpenAPI document, and that the server
// still answers /healthz.
void ExpectError(TestServer& ts, const httplib::Result& r, int status, const std::string& code,
                 const std::string& route, const std::string& method) {
  ASSERT_TRUE(r) << "no response for " << route;
  EXPECT_EQ(r->status, status) << r->body;
  json body = ParseBody(r);
  ASSERT_TRUE(body.is_object()) << r->body;
  EXPECT_EQ(body["error"]["code"], code) << r->body;
  EXPECT_TRUE(body["error"]["message"].is_string());
  if (!route.empty()) {
    EXPECT_EQ(ValidateResponse(route, method, r), "");
  }
  EXPECT_TRUE(ts.Healthy());
}

TEST(ServerErrors, MalformedJsonIs400) {
  TestServer ts;
  auto r = ts.Client()->Post("/match/default", R"({"queries": {"q1": )", "application/json");
  ExpectError(ts, r, 400, "invalid_json", "/match/{dataset}", "post");
}

TEST(ServerErrors, HundredThousandDeepArrayIs400WithoutParsing) {
  TestServer ts;
  std::string deep(100000, '[');
  deep.append(100000, ']');
  auto start = std::chrono::steady_clock::now();
  auto r = ts.Client()->Post("/match/default", deep, "application/json");
  ExpectError(ts, r, 400, "too_deep", "/match/{dataset}", "post");
  // Not a timing assertion on speed, only a guard against the recursive parser being
  // reached: it would take far longer than this (or crash) on 100k levels.
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(30));
}

TEST(ServerErrors, DeepObjectInsideAValidQueryIs400) {
  TestServer ts;
  std::string nested;
  for (int i = 0; i < 40; ++i) nested += R"({"a":)";
  nested += "1";
  for (int i = 0; i < 40; ++i) nested += "}";
  auto r = ts.Client()->Post("/match/default", R"({"queries":{"q":)" + nested + "}}",
                             "application/json");
  ExpectError(ts, r, 400, "too_deep", "/match/{dataset}", "post");
}

TEST(ServerErrors, BracketsInsideStringsDoNotCountAsNesting) {
  TestServer ts;
  std::string name(200, '[');
  auto r = ts.Client()->Post(
      "/match/default",
      R"({"queries":{"q":{"schema":"Person","properties":{"name":[")" + name + R"("]}}}})",
      "application/json");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200) << r->body;
}

TEST(ServerErrors, UnknownSchemaIs400) {
  TestServer ts;
  auto r = ts.Client()->Post(
      "/match/default", R"({"queries":{"q1":{"schema":"Spaceship","properties":{"name":["X"]}}}})",
      "application/json");
  ExpectError(ts, r, 400, "unknown_schema", "/match/{dataset}", "post");
  auto s = ts.Client()->Get("/search/default?q=x&schema=Spaceship");
  ExpectError(ts, s, 400, "unknown_schema", "/search/{dataset}", "get");
}

TEST(ServerErrors, BadQueryShapesAre400) {
  TestServer ts;
  auto c = ts.Client();
  for (const char* body : {
           R"([1,2,3])",
           R"({"queries": []})",
           R"({"queries": {}})",
           R"({"queries": {"q": 5}})",
           R"({"queries": {"q": {"schema": "Person"}}})",
           R"({"queries": {"q": {"schema": "Person", "properties": {"name": [{"x": 1}]}}}})",
           R"({"queries": {"q": {"schema": "Person", "properties": {"birthDate": ["x"],)"
           R"("name": ["A"]}}}})",
           R"({"queries": {"q": {"schema": "Person", "properties": {"country": ["VE"]}}}})",
       }) {
    auto r = c->Post("/match/default", body, "application/json");
    ASSERT_TRUE(r) << body;
    EXPECT_EQ(r->status, 400) << body << " -> " << r->body;
    EXPECT_EQ(ValidateResponse("/match/{dataset}", "post", r), "") << body;
  }
  auto empty = c->Post("/match/default", "", "application/json");
  ASSERT_TRUE(empty);
  EXPECT_EQ(empty->status, 400);
  EXPECT_TRUE(ts.Healthy());
}

TEST(ServerErrors, BadQueryParametersAre400) {
  TestServer ts;
  auto c = ts.Client();
  for (const char* path :
       {"/search/default?q=x&limit=0", "/search/default?q=x&limit=abc",
        "/search/default?q=x&limit=100000", "/search/default?q=x&threshold=2",
        "/search/default?q=x&threshold=nan", "/search/default?q=x&dob=yesterday"}) {
    auto r = c->Get(path);
    ExpectError(ts, r, 400, "invalid_request", "/search/{dataset}", "get");
  }
  auto m = c->Post("/match/default?limit=-1", R"({"queries":{}})", "application/json");
  ExpectError(ts, m, 400, "invalid_request", "/match/{dataset}", "post");
}

TEST(ServerErrors, SearchWithoutQIs400) {
  TestServer ts;
  ExpectError(ts, ts.Client()->Get("/search/default"), 400, "missing_query", "/search/{dataset}",
              "get");
  ExpectError(ts, ts.Client()->Get("/search/default?q=%20%20"), 400, "missing_query",
              "/search/{dataset}", "get");
}

TEST(ServerErrors, OversizedBodyIs413) {
  ServerOptions o;
  o.max_body_bytes = 64 * 1024;
  TestServer ts(o);
  std::string big = R"({"queries":{"q":{"schema":"Person","properties":{"name":[")" +
                    std::string(200 * 1024, 'a') + R"("]}}}})";
  auto r = ts.Client()->Post("/match/default", big, "application/json");
  ExpectError(ts, r, 413, "payload_too_large", "/match/{dataset}", "post");
}

TEST(ServerErrors, TooManyQueriesIs413) {
  TestServer ts;
  json body;
  for (int i = 0; i < 501; ++i) {
    body["queries"]["q" + std::to_string(i)] = {{"schema", "Person"},
                                                {"properties", {{"name", {"A B"}}}}};
  }
  auto r = ts.Client()->Post("/match/default", body.dump(), "application/json");
  ExpectError(ts, r, 413, "too_many_queries", "/match/{dataset}", "post");
}

TEST(ServerErrors, FiveHundredQueriesAreAccepted) {
  TestServer ts;
  json body;
  for (int i = 0; i < 500; ++i) {
    body["queries"]["q" + std::to_string(i)] = {{"schema", "Person"},
                                                {"properties", {{"name", {"Diosdado Cabello"}}}}};
  }
  auto r = ts.Client()->Post("/match/default", body.dump(), "application/json");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200);
  EXPECT_EQ(ParseBody(r)["responses"].size(), 500u);
}

TEST(ServerErrors, UnknownDatasetIs404) {
  TestServer ts;
  ExpectError(ts, ts.Client()->Post("/match/nope", R"({"queries":{}})", "application/json"), 404,
              "unknown_dataset", "/match/{dataset}", "post");
  ExpectError(ts, ts.Client()->Get("/search/nope?q=x"), 404, "unknown_dataset", "/search/{dataset}",
              "get");
}

TEST(ServerErrors, UnknownEntityIs404) {
  TestServer ts;
  ExpectError(ts, ts.Client()->Get("/entities/us_ofac_sdn:999999999"), 404, "unknown_entity",
              "/entities/{id}", "get");
  ExpectError(ts, ts.Client()->Get("/entities/nope:1/network"), 404, "unknown_entity",
              "/entities/{id}/network", "get");
}

TEST(ServerErrors, NetworkDepthOutOfRangeIs400) {
  TestServer ts;
  ExpectError(ts, ts.Client()->Get("/entities/us_ofac_sdn:24424/network?depth=99"), 400,
              "invalid_request", "/entities/{id}/network", "get");
}

TEST(ServerErrors, UnknownRouteIsJson404) {
  TestServer ts;
  ExpectError(ts, ts.Client()->Get("/no/such/route"), 404, "not_found", "", "");
}

TEST(ServerErrors, OverlongPathIs414) {
  TestServer ts;
  ExpectError(ts, ts.Client()->Get("/entities/" + std::string(4000, 'x')), 414, "uri_too_long", "",
              "");
}

TEST(ServerErrors, ScanRejectsEmptyAndOversizedText) {
  ServerOptions o;
  o.max_scan_bytes = 1000;
  TestServer ts(o);
  ExpectError(ts, ts.Client()->Post("/scan", "   ", "text/plain"), 400, "invalid_request", "/scan",
              "post");
  ExpectError(ts, ts.Client()->Post("/scan", std::string(5000, 'a'), "text/plain"), 413,
              "payload_too_large", "/scan", "post");
}

TEST(ServerErrors, GarbageOnTheSocketDoesNotHurtTheServer) {
  TestServer ts;
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  ASSERT_GE(fd, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(ts.port()));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  timeval tv{5, 0};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  ASSERT_EQ(connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
  std::string junk = "\x01\x02 NOT HTTP AT ALL\r\n\r\n";
  ASSERT_GT(write(fd, junk.data(), junk.size()), 0);
  char buf[512];
  ssize_t n = read(fd, buf, sizeof buf);
  close(fd);
  if (n > 0) {
    EXPECT_EQ(std::string(buf, static_cast<size_t>(n)).substr(0, 9), "HTTP/1.1 ");
  }
  EXPECT_TRUE(ts.Healthy());
}

}  // namespace
}  // namespace tamiz::server
