#include "screen/batch_ftm.h"

#include <gtest/gtest.h>

#include <string>

namespace tamiz::screen {
namespace {

using nlohmann::json;

TEST(JsonDepth, CountsArraysAndObjectsButNotStrings) {
  EXPECT_TRUE(CheckJsonDepth(R"({"a":[1,{"b":[]}]})", 4).ok());
  EXPECT_FALSE(CheckJsonDepth(R"({"a":[1,{"b":[]}]})", 3).ok());
  EXPECT_TRUE(CheckJsonDepth(R"({"a":"[[[[[[[[[[{{{{{{{{"})", 2).ok());
  EXPECT_TRUE(CheckJsonDepth(R"({"a":"\"[[[[[[["})", 1).ok());
  std::string deep(100000, '[');
  Status s = CheckJsonDepth(deep);
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find("at byte 32"), std::string::npos) << s.message();
}

TEST(JsonDepth, ParseBoundedReportsTheErrorOffset) {
  auto bad = ParseJsonBounded(R"({"a": tru})");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(bad.status().message().find("malformed JSON at byte"), std::string::npos);
  auto good = ParseJsonBounded(R"({"a": [1, 2]})");
  ASSERT_TRUE(good.ok());
  EXPECT_EQ((*good)["a"][1], 2);
  EXPECT_FALSE(ParseJsonBounded(std::string(1000, '[') + std::string(1000, ']')).ok());
}

TEST(FtmQuery, ReadsEveryScreeningProperty) {
  json ex = {{"schema", "Person"},
             {"properties",
              {{"name", {"Tarek El Aissami"}},
               {"alias", {"Tareck Zaidan El Aissami Maddah"}},
               {"birthDate", {"1974-11-12"}},
               {"nationality", {"ve"}},
               {"country", "sy"},
               {"gender", {"male"}},
               {"passportNumber", {"C1668015"}},
               {"idNumber", {"12.354.211"}},
               {"address", {"Caracas"}},
               {"unknownProp", {"ignored"}}}}};
  Query defaults;
  defaults.limit = 3;
  auto q = QueryFromFtmExample(ex, defaults, "q1");
  ASSERT_TRUE(q.ok()) << q.status().message();
  ASSERT_EQ(q->names.size(), 2u);
  EXPECT_EQ(q->names[0], "Tarek El Aissami");
  EXPECT_EQ(q->schema, Schema::kPerson);
  ASSERT_EQ(q->birth_dates.size(), 1u);
  EXPECT_EQ(q->birth_dates[0].year, 1974);
  EXPECT_EQ(q->countries, (std::vector<std::string>{"ve", "sy"}));
  EXPECT_EQ(q->gender, "male");
  EXPECT_EQ(q->identifiers, (std::vector<std::string>{"12.354.211", "C1668015"}));
  EXPECT_EQ(q->limit, 3);
}

TEST(FtmQuery, JoinsNamePartsOnlyWithoutAName) {
  json parts = {{"schema", "Person"},
                {"properties", {{"firstName", {"Diosdado"}}, {"lastName", {"Cabello"}}}}};
  auto q = QueryFromFtmExample(parts, {}, "q");
  ASSERT_TRUE(q.ok());
  EXPECT_EQ(q->names, (std::vector<std::string>{"Diosdado Cabello"}));
  parts["properties"]["name"] = {"D. Cabello"};
  q = QueryFromFtmExample(parts, {}, "q");
  ASSERT_TRUE(q.ok());
  EXPECT_EQ(q->names, (std::vector<std::string>{"D. Cabello"}));
}

TEST(FtmQuery, ThingOrNoSchemaScreensEverySchema) {
  auto q = QueryFromFtmExample({{"schema", "Thing"}, {"properties", {{"name", {"X"}}}}}, {}, "q");
  ASSERT_TRUE(q.ok());
  EXPECT_FALSE(q->schema.has_value());
  q = QueryFromFtmExample({{"properties", {{"name", {"X"}}}}}, {}, "q");
  ASSERT_TRUE(q.ok());
  EXPECT_FALSE(q->schema.has_value());
  q = QueryFromFtmExample({{"schema", "vessel"}, {"properties", {{"name", {"X"}}}}}, {}, "q");
  ASSERT_TRUE(q.ok());
  EXPECT_EQ(q->schema, Schema::kVessel);
}

TEST(FtmQuery, RejectsBadShapesNamingWhere) {
  auto expect_bad = [](const json& ex, const std::string& needle) {
    auto q = QueryFromFtmExample(ex, {}, "queries.k");
    ASSERT_FALSE(q.ok()) << ex.dump();
    EXPECT_EQ(q.status().code(), StatusCode::kInvalidArgument);
    EXPECT_NE(q.status().message().find("queries.k"), std::string::npos);
    EXPECT_NE(q.status().message().find(needle), std::string::npos) << q.status().message();
  };
  expect_bad(json::array(), "expected a JSON object");
  expect_bad({{"schema", "Alien"}, {"properties", {{"name", {"X"}}}}}, "unknown schema 'Alien'");
  expect_bad({{"schema", 5}, {"properties", {{"name", {"X"}}}}}, "'schema' must be a string");
  expect_bad({{"schema", "Person"}}, "'properties' is missing");
  expect_bad({{"schema", "Person"}, {"properties", {1, 2}}}, "must be an object");
  expect_bad({{"schema", "Person"}, {"properties", {{"name", {{{"a", 1}}}}}}}, "property 'name'");
  expect_bad({{"schema", "Person"}, {"properties", {{"name", {"  "}}}}}, "no name");
  expect_bad({{"schema", "Person"}, {"properties", {{"name", {"X"}}, {"birthDate", {"soon"}}}}},
             "birthDate");
}

TEST(FtmQuery, NormalizedExampleHasArraysOfStrings) {
  json ex = {{"schema", "Person"},
             {"properties", {{"name", "Single Name"}, {"birthDate", {"1970", " "}}}}};
  json n = NormalizedFtmExample(ex);
  EXPECT_EQ(n["schema"], "Person");
  EXPECT_EQ(n["properties"]["name"], json::array({"Single Name"}));
  EXPECT_EQ(n["properties"]["birthDate"], json::array({"1970"}));
  EXPECT_EQ(NormalizedFtmExample({{"properties", json::object()}})["schema"], "Thing");
}

}  // namespace
}  // namespace tamiz::screen
