#include "sources/senzing_json.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "sources/registry.h"

namespace tamiz::sources {
namespace {

namespace fs = std::filesystem;

const fs::path kCongress = fs::path(TAMIZ_SOURCE_DIR) / "tests/fixtures/senzing/us_congress";

const Entity* Find(const ParsedList& l, const std::string& id) {
  for (const auto& e : l.entities) {
    if (e.id == id) return &e;
  }
  return nullptr;
}

fs::path WriteDir(const std::string& test, const std::string& content) {
  fs::path dir = fs::temp_directory_path() / ("tamiz_senzing_test_" + test);
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::ofstream(dir / "list_senzing.json", std::ios::binary) << content;
  return dir;
}

TEST(SenzingJson, CongressFixtureHasPersonsAndPositionNodes) {
  auto r = ParseListDir(kCongress, "us_congress", {});
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->version.format, "senzing-json");
  EXPECT_EQ(r->version.title, "OS_US_CONGRESS");
  EXPECT_EQ(r->version.date, "2025-11-05");
  // 100 records: 98 members of Congress; the two positions they point at are not entities.
  EXPECT_EQ(r->entities.size(), 98u);
  for (const auto& e : r->entities) {
    EXPECT_EQ(e.schema, Schema::kPerson) << e.id;
    EXPECT_EQ(e.topics, std::vector<std::string>{"role.pep"}) << e.id;
  }
  EXPECT_EQ(Find(*r, "us_congress:Q13218630"), nullptr);
  ASSERT_EQ(r->relations.size(), 103u);
  for (const auto& rel : r->relations) {
    EXPECT_EQ(rel.type, RelationType::kOccupancy);
    EXPECT_TRUE(rel.target_id == "us_congress:Q13218630" || rel.target_id == "us_congress:Q4416090")
        << rel.target_id;
  }
}

TEST(SenzingJson, PersonParsedFieldByField) {
  auto r = ParseSenzingJson(kCongress, "us_congress", {});
  ASSERT_TRUE(r.ok()) << r.status().message();
  const Entity* e = Find(*r, "us_congress:Q101198561");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->caption, "Scott Franklin");
  ASSERT_EQ(e->names.size(), 2u);
  EXPECT_EQ(e->names[0].kind, NameKind::kPrimary);
  EXPECT_EQ(e->names[1].full, "C. Scott Franklin");
  EXPECT_EQ(e->names[1].kind, NameKind::kStrongAlias);
  ASSERT_EQ(e->birth_dates.size(), 1u);
  EXPECT_EQ(e->birth_dates[0].year, 1964);
  EXPECT_EQ(e->nationalities, std::vector<std::string>{"us"});
  EXPECT_EQ(e->positions, std::vector<std::string>{"United States representative"});
  ASSERT_EQ(e->identifiers.size(), 1u);
  EXPECT_EQ(e->identifiers[0].type, "WIKIDATA");
  EXPECT_EQ(e->identifiers[0].number, "Q101198561");
  EXPECT_EQ(e->source_ref, "us_congress_senzing.json:6");
  const Entity* dead = Find(*r, "us_congress:Q11112119");
  ASSERT_NE(dead, nullptr);
  EXPECT_EQ(dead->remarks, "Date of death: 2025");
}

TEST(SenzingJson, NamePartsOrganizationsAndAddresses) {
  fs::path dir = WriteDir(
      "parts",
      "{\"DATA_SOURCE\":\"X\",\"RECORD_ID\":\"1\",\"RECORD_TYPE\":\"PERSON\",\"NAME_FIRST\":"
      "\"Ann\",\"NAME_LAST\":\"Lee\",\"GENDER\":\"F\",\"ADDR_LINE1\":\"1 Main St\",\"ADDR_CITY\":"
      "\"Springfield\",\"ADDR_COUNTRY\":\"US\",\"PASSPORT_NUMBER\":\"P123\",\"PASSPORT_COUNTRY\":"
      "\"US\"}\n"
      "{\"DATA_SOURCE\":\"X\",\"RECORD_ID\":\"2\",\"RECORD_TYPE\":\"ORGANIZATION\",\"NAMES\":["
      "{\"NAME_ORG\":\"Acme Corp\"},{\"NAME_TYPE\":\"AKA\",\"NAME_ORG\":\"Acme\"}],"
      "\"RELATIONSHIPS\":[{\"REL_POINTER_DOMAIN\":\"X\",\"REL_POINTER_KEY\":\"k1\","
      "\"REL_POINTER_ROLE\":\"OWNED_BY\"}]}\n"
      "{\"DATA_SOURCE\":\"X\",\"RECORD_ID\":\"1b\",\"RECORD_TYPE\":\"PERSON\",\"NAME_FULL\":"
      "\"Bo Lee\",\"REL_ANCHOR_DOMAIN\":\"X\",\"REL_ANCHOR_KEY\":\"k1\"}\n");
  auto r = ParseSenzingJson(dir, "x", {});
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(r->entities.size(), 3u);
  const Entity& ann = r->entities[0];
  EXPECT_EQ(ann.caption, "Ann Lee");
  EXPECT_EQ(ann.names[0].first, "Ann");
  EXPECT_EQ(ann.names[0].last, "Lee");
  EXPECT_EQ(ann.gender, "female");
  ASSERT_EQ(ann.addresses.size(), 1u);
  EXPECT_EQ(ann.addresses[0].full, "1 Main St, Springfield, US");
  EXPECT_EQ(ann.identifiers.at(0).type, "Passport");
  EXPECT_EQ(ann.identifiers.at(0).country, "US");
  const Entity& acme = r->entities[1];
  EXPECT_EQ(acme.schema, Schema::kOrganization);
  EXPECT_EQ(acme.caption, "Acme Corp");
  EXPECT_EQ(acme.names.at(1).kind, NameKind::kStrongAlias);
  ASSERT_EQ(r->relations.size(), 1u);
  EXPECT_EQ(r->relations[0].type, RelationType::kOwnership);
  EXPECT_EQ(r->relations[0].source_id, "x:2");
  EXPECT_EQ(r->relations[0].target_id, "x:1b");  // a typed anchor stays an entity
  EXPECT_EQ(r->relations[0].target_name, "Bo Lee");
}

TEST(SenzingJson, MalformedLinesNameFileAndLine) {
  std::string good = "{\"RECORD_ID\":\"1\",\"RECORD_TYPE\":\"PERSON\",\"NAME_FULL\":\"A B\"}\n";
  struct Case {
    std::string line;
    std::string message;
  };
  std::string deep =
      "{\"RECORD_ID\":\"d\",\"NAMES\":" + std::string(100000, '[') + std::string(100000, ']') + "}";
  for (const Case& c : std::vector<Case>{
           {"{\"RECORD_ID\": ", "list_senzing.json:2: not a JSON object (invalid JSON)"},
           {"{\"NAME_FULL\":\"X\"}", "list_senzing.json:2: record without RECORD_ID"},
           {"{\"RECORD_ID\":\"9\",\"RECORD_TYPE\":\"PERSON\"}",
            "list_senzing.json:2: record 9: no name"},
           {deep, "list_senzing.json:2: JSON nested deeper than 64 levels"}}) {
    fs::path dir = WriteDir("malformed", good + c.line + "\n" + good);
    auto strict = ParseSenzingJson(dir, "x", {});
    ASSERT_FALSE(strict.ok()) << c.message;
    EXPECT_EQ(strict.status().message(), c.message);
    ParseOptions lenient;
    lenient.lenient = true;
    auto r = ParseSenzingJson(dir, "x", lenient);
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->entities.size(), 1u);  // the two good lines are the same record: merged
    EXPECT_EQ(r->version.skipped, 1u);
    EXPECT_EQ(r->warnings.at(0), c.message);
  }
  fs::path bad = WriteDir("utf8", "{\"RECORD_ID\":\"1\",\"NAME_FULL\":\"A\xC0\"}\n");
  auto r = ParseSenzingJson(bad, "x", {});
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("list_senzing.json:1: invalid UTF-8"), std::string::npos);
}

}  // namespace
}  // namespace tamiz::sources
