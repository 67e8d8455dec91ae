#include "sources/opensanctions_simple_csv.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "sources/registry.h"

namespace tamiz::sources {
namespace {

namespace fs = std::filesystem;

const fs::path kFixtures = fs::path(TAMIZ_SOURCE_DIR) / "tests/fixtures/ftm";
const char* kHeader =
    "\"id\",\"schema\",\"name\",\"aliases\",\"birth_date\",\"countries\",\"addresses\","
    "\"identifiers\",\"sanctions\",\"phones\",\"emails\",\"dataset\",\"first_seen\","
    "\"last_seen\",\"last_change\"\n";

const Entity* Find(const ParsedList& l, const std::string& id) {
  for (const auto& e : l.entities) {
    if (e.id == id) return &e;
  }
  return nullptr;
}

fs::path WriteDir(const std::string& test, const std::string& content) {
  fs::path dir = fs::temp_directory_path() / ("tamiz_simple_csv_test_" + test);
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::ofstream(dir / "x.targets.simple.csv", std::ios::binary) << content;
  return dir;
}

TEST(OpenSanctionsSimpleCsv, UaWarFixtureCountsAndPerson) {
  auto r = ParseOpenSanctionsSimpleCsv(kFixtures / "simple_ua_war", "ua_war", {});
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->entities.size(), 300u);
  EXPECT_EQ(r->version.title, "Ukraine War and Sanctions");
  EXPECT_EQ(r->version.date, "2026-03-13");
  EXPECT_EQ(r->version.format, "opensanctions-simple-csv");
  EXPECT_TRUE(r->warnings.empty());
  const Entity* e = Find(*r, "ua_war:NK-29dGPcB5CxPwUQt4N3ZVEj");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->schema, Schema::kPerson);
  EXPECT_EQ(e->caption, "USPENSKAYA Olesya Igorevna");
  ASSERT_EQ(e->names.size(), 3u);
  EXPECT_EQ(e->names[1].full, "УСПЕНСКАЯ Олеся Игоревна");
  EXPECT_EQ(e->names[1].kind, NameKind::kStrongAlias);
  EXPECT_EQ(e->birth_dates.at(0).ToIso(), "1987-09-14");
  EXPECT_EQ(e->identifiers.at(0).number, "773006863179");
  EXPECT_EQ(e->programs, std::vector<std::string>{"UA-WS-STEALERS"});
  EXPECT_EQ(e->topics, std::vector<std::string>{"sanction"});
  EXPECT_EQ(e->source_ref, "ua_war_sanctions.targets.simple.csv:11");
}

TEST(OpenSanctionsSimpleCsv, VesselIdentifiersAndCountries) {
  auto r = ParseOpenSanctionsSimpleCsv(kFixtures / "simple_ua_war", "ua_war", {});
  ASSERT_TRUE(r.ok()) << r.status().message();
  const Entity* v = Find(*r, "ua_war:NK-2BqYpcHUPgg5MQnG9kYAkB");
  ASSERT_NE(v, nullptr);
  EXPECT_EQ(v->schema, Schema::kVessel);
  EXPECT_EQ(v->countries, (std::vector<std::string>{"bb", "ck", "gr", "mh", "sl"}));
  ASSERT_EQ(v->identifiers.size(), 3u);
  EXPECT_EQ(v->identifiers[2].type, "IMO");
  EXPECT_EQ(v->identifiers[2].number, "9380673");
  ASSERT_TRUE(v->vessel.has_value());
  EXPECT_EQ(v->vessel->imo, "9380673");
  EXPECT_TRUE(v->sanctions_info.empty());  // the cell is `""`: one empty value
  EXPECT_TRUE(v->topics.empty());
}

TEST(OpenSanctionsSimpleCsv, InterpolQuotedMultiValueCells) {
  auto r = ParseListDir(kFixtures / "simple_interpol", "interpol", {});
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->entities.size(), 300u);
  EXPECT_EQ(r->version.title, "INTERPOL Red Notices");
  const Entity* e = Find(*r, "interpol:NK-2Ld7pewCoLeyspMtVCMMMo");
  ASSERT_NE(e, nullptr);
  ASSERT_EQ(e->sanctions_info.size(), 1u);
  EXPECT_EQ(e->sanctions_info[0], "Red Notice - 1) Murder\n2) Manslaughter\n3) Aggravated theft");
  const Entity* first = Find(*r, "interpol:NK-224TRezPqwzhQZ37exWxtX");
  ASSERT_NE(first, nullptr);
  EXPECT_EQ(first->countries, (std::vector<std::string>{"ru", "tj"}));
  ASSERT_EQ(first->sanctions_info.size(), 1u);  // a quoted value keeps its `;`
  EXPECT_NE(first->sanctions_info[0].find("organization; participation"), std::string::npos);
}

TEST(OpenSanctionsSimpleCsv, MalformedRowsNameFileLineAndRecord) {
  fs::path dir = WriteDir("malformed", std::string(kHeader) +
                                           "\"a1\",\"Person\",\"Ann\",\"\",\"\",\"\",\"\",\"\","
                                           "\"\",\"\",\"\",\"T\",\"\",\"\",\"\"\n"
                                           "\"a2\",\"Person\",\"Bob\"\n"
                                           "\"a3\",\"Person\",\"\",\"\",\"\",\"\",\"\",\"\","
                                           "\"\",\"\",\"\",\"T\",\"\",\"\",\"\"\n"
                                           "\"a4\",\"Starship\",\"Cy\",\"\",\"\",\"\",\"\",\"\","
                                           "\"\",\"\",\"\",\"T\",\"\",\"\",\"\"\n");
  auto strict = ParseOpenSanctionsSimpleCsv(dir, "t", {});
  ASSERT_FALSE(strict.ok());
  EXPECT_EQ(strict.status().message(),
            "x.targets.simple.csv:3: record a2: expected 15 fields, found 3");
  ParseOptions lenient;
  lenient.lenient = true;
  auto r = ParseOpenSanctionsSimpleCsv(dir, "t", lenient);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->entities.size(), 1u);
  EXPECT_EQ(r->version.skipped, 3u);
  ASSERT_EQ(r->warnings.size(), 3u);
  EXPECT_EQ(r->warnings[1], "x.targets.simple.csv:4: record a3: empty name");
  EXPECT_EQ(r->warnings[2],
            "x.targets.simple.csv:5: record a4: unknown schema \"Starship\" skipped");
}

TEST(OpenSanctionsSimpleCsv, MissingHeaderColumnAndUnterminatedQuote) {
  auto r =
      ParseOpenSanctionsSimpleCsv(WriteDir("header", "\"id\",\"name\"\n\"1\",\"x\"\n"), "t", {});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(),
            "x.targets.simple.csv:1: header has no column 'schema' (not an OpenSanctions simple "
            "CSV?)");
  auto q = ParseOpenSanctionsSimpleCsv(
      WriteDir("quote", std::string(kHeader) + "\"q1\",\"Person\",\"Unclosed\n"), "t", {});
  ASSERT_FALSE(q.ok());
  EXPECT_EQ(q.status().message(),
            "x.targets.simple.csv:2: field 3: unterminated quote (record q1)");
}

}  // namespace
}  // namespace tamiz::sources
