#include "sources/ftm_json.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>

#include "sources/registry.h"

namespace tamiz::sources {
namespace {

namespace fs = std::filesystem;

const fs::path kFixtures = fs::path(TAMIZ_SOURCE_DIR) / "tests/fixtures/ftm";

const Entity* Find(const ParsedList& l, const std::string& id) {
  for (const auto& e : l.entities) {
    if (e.id == id) return &e;
  }
  return nullptr;
}

bool HasName(const Entity& e, const std::string& full, NameKind kind) {
  for (const auto& n : e.names) {
    if (n.full == full && n.kind == kind) return true;
  }
  return false;
}

fs::path WriteDir(const std::string& test, const std::map<std::string, std::string>& files) {
  fs::path dir = fs::temp_directory_path() / ("tamiz_ftm_test_" + test);
  fs::remove_all(dir);
  fs::create_directories(dir);
  for (const auto& [name, content] : files) {
    std::ofstream(dir / name, std::ios::binary) << content;
  }
  return dir;
}

const char* kBase =
    "{\"id\":\"p1\",\"schema\":\"Person\",\"properties\":{\"name\":[\"Ann Smith\"]}}\n"
    "{\"id\":\"c1\",\"schema\":\"Company\",\"properties\":{\"name\":[\"Acme Ltd\"]}}\n"
    "{\"id\":\"o1\",\"schema\":\"Ownership\",\"properties\":{\"owner\":[\"p1\"],"
    "\"asset\":[\"c1\"],\"percentage\":[\"25-50%\"]}}\n";

const ParsedList& Zala() {
  static const ParsedList* list = [] {
    auto r = ParseFtmJson(kFixtures / "yente_zala", "zala", {});
    EXPECT_TRUE(r.ok()) << r.status().message();
    return new ParsedList(r.ok() ? std::move(r).value() : ParsedList{});
  }();
  return *list;
}

TEST(FtmJson, ZalaCountsPerSchema) {
  const ParsedList& l = Zala();
  std::map<Schema, int> schemata;
  for (const auto& e : l.entities) ++schemata[e.schema];
  EXPECT_EQ(l.entities.size(), 17u);
  EXPECT_EQ(schemata[Schema::kPerson], 6);
  EXPECT_EQ(schemata[Schema::kCompany], 11);
  std::map<RelationType, int> relations;
  for (const auto& r : l.relations) ++relations[r.type];
  EXPECT_EQ(relations[RelationType::kOwnership], 14);
  EXPECT_EQ(relations[RelationType::kDirectorship], 3);
  EXPECT_EQ(relations[RelationType::kFamily], 4);
  EXPECT_EQ(l.relations.size(), 21u);  // Sanctions name a text authority: no edge
  EXPECT_EQ(l.version.skipped, 0u);
  EXPECT_TRUE(l.warnings.empty()) << l.warnings.front();
  EXPECT_EQ(l.version.format, "ftm-json");
  EXPECT_EQ(l.version.files, std::vector<std::string>{"entities.ftm.json"});
  EXPECT_EQ(l.version.date, "2026-04-29");
}

TEST(FtmJson, ZalaRelationsResolveBothEnds) {
  const ParsedList& l = Zala();
  std::set<std::string> ids;
  for (const auto& e : l.entities) ids.insert(e.id);
  for (const auto& r : l.relations) {
    EXPECT_TRUE(ids.count(r.source_id)) << r.provenance << " source " << r.source_id;
    EXPECT_TRUE(ids.count(r.target_id)) << r.provenance << " target " << r.target_id;
    EXPECT_FALSE(r.target_name.empty()) << r.provenance;
    EXPECT_EQ(r.provenance.rfind("entities.ftm.json:", 0), 0u) << r.provenance;
  }
}

TEST(FtmJson, ZalaOwnershipFamilyAndDirectorshipDetails) {
  const ParsedList& l = Zala();
  const Relation* family = nullptr;
  const Relation* director = nullptr;
  int with_percent = 0;
  for (const auto& r : l.relations) {
    if (r.provenance.find("ofac-b933fd32f149a0c4e27e748b4f8a44f30caccc38") != std::string::npos) {
      family = &r;
    }
    if (r.provenance.find("ofac-d8ecdd62dca8ba39b832a77c170926630683ea05") != std::string::npos) {
      director = &r;
    }
    if (r.type == RelationType::kOwnership && r.percent) ++with_percent;
  }
  ASSERT_NE(family, nullptr);
  EXPECT_EQ(family->type, RelationType::kFamily);
  EXPECT_EQ(family->source_id, "zala:NK-hUAjuiA3vTKXF6v2X6MYnS");
  EXPECT_EQ(family->target_id, "zala:NK-aU5ybkbRFJucf8YMwsJvDw");
  EXPECT_EQ(family->target_name, "Alexander Vyacheslavovich ZAKHAROV");
  EXPECT_EQ(family->role, "Family member of");
  EXPECT_EQ(family->provenance,
            "entities.ftm.json:60 ofac-b933fd32f149a0c4e27e748b4f8a44f30caccc38");
  ASSERT_NE(director, nullptr);
  EXPECT_EQ(director->type, RelationType::kDirectorship);
  EXPECT_EQ(director->source_id, "zala:NK-aU5ybkbRFJucf8YMwsJvDw");
  EXPECT_EQ(director->target_id, "zala:NK-abdzbEBkqyT29GyREbiURZ");
  EXPECT_EQ(director->role, "Leader or official of");
  EXPECT_EQ(with_percent, 10);
}

TEST(FtmJson, ZalaPersonParsedFieldByField) {
  const Entity* e = Find(Zala(), "zala:NK-hUAjuiA3vTKXF6v2X6MYnS");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->dataset, "zala");
  EXPECT_EQ(e->record_id, "NK-hUAjuiA3vTKXF6v2X6MYnS");
  EXPECT_EQ(e->schema, Schema::kPerson);
  EXPECT_EQ(e->caption, "Lavrentiy Aleksandrovich ZAKHAROV");
  EXPECT_EQ(e->names.at(0).full, "Lavrentiy Aleksandrovich ZAKHAROV");
  EXPECT_EQ(e->names.at(0).kind, NameKind::kPrimary);
  EXPECT_TRUE(HasName(*e, "Лаврентий Александрович Захаров", NameKind::kStrongAlias));
  EXPECT_TRUE(HasName(*e, "Lavrentiy Aleksandrovich Zakharov", NameKind::kStrongAlias));
  EXPECT_EQ(e->names.size(), 7u);
  ASSERT_EQ(e->birth_dates.size(), 1u);
  EXPECT_EQ(e->birth_dates[0].ToIso(), "1999-02-26");
  EXPECT_EQ(e->birth_places, (std::vector<std::string>{"Russia", "Izhevsk", "Izhevsk, Russia"}));
  EXPECT_EQ(e->nationalities, std::vector<std::string>{"ru"});
  EXPECT_EQ(e->gender, "male");
  EXPECT_EQ(e->topics, (std::vector<std::string>{"debarment", "corp.disqual", "sanction"}));
  EXPECT_EQ(e->programs.at(0), "US-RUSHAR");
  EXPECT_EQ(e->programs.at(1), "GB-RUS");
  bool passport = false;
  bool uei = false;
  for (const auto& id : e->identifiers) {
    passport = passport || (id.type == "Passport" && id.number == "089132114");
    uei = uei || (id.type == "UEI" && id.number == "RY5RM5PNTVP5");
  }
  EXPECT_TRUE(passport);
  EXPECT_TRUE(uei);
  EXPECT_GE(e->addresses.size(), 3u);
  EXPECT_EQ(e->countries.at(0), "gb");
  EXPECT_NE(e->remarks.find("Disqualified"), std::string::npos);
  EXPECT_EQ(e->source_ref, "entities.ftm.json:15");
}

TEST(FtmJson, SanctionsAreFoldedIntoTheSanctionedEntity) {
  const Entity* e = Find(Zala(), "zala:NK-abdzbEBkqyT29GyREbiURZ");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->caption, "LLC CST");
  EXPECT_EQ(e->listed_on, "2021-10-30");  // earliest listingDate/startDate of its Sanctions
  bool authority = false;
  for (const auto& s : e->sanctions_info) {
    authority = authority || s.rfind("Sanction: Department of Foreign Affairs and Trade", 0) == 0;
  }
  EXPECT_TRUE(authority);
  EXPECT_NE(std::find(e->programs.begin(), e->programs.end(), "Autonomous (Russia)"),
            e->programs.end());
}

TEST(FtmJson, JsonlSuffixIsSniffedAndModOfUnknownIdWarns) {
  fs::path dir =
      WriteDir("jsonl", {{"a.ftm.jsonl", kBase},
                         {"b.delta.ftm.jsonl",
                          "{\"op\":\"MOD\",\"entity\":{\"id\":\"n1\",\"schema\":\"Person\","
                          "\"properties\":{\"name\":[\"New One\"]}}}\n"
                          "{\"op\":\"DEL\",\"entity\":{\"id\":\"ghost\"}}\n"}});
  auto r = ParseListDir(dir, "j", {});
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->version.format, "ftm-json");
  EXPECT_EQ(r->entities.size(), 3u);
  ASSERT_EQ(r->warnings.size(), 2u);
  EXPECT_EQ(r->warnings[0],
            "b.delta.ftm.jsonl:1: record n1: MOD of an entity that is not loaded, added");
  EXPECT_EQ(r->warnings[1],
            "b.delta.ftm.jsonl:2: record ghost: DEL of an entity that is not loaded");
}

TEST(FtmJson, AddressEntitiesAreResolvedThroughReferents) {
  bool structured = false;
  for (const auto& e : Zala().entities) {
    for (const auto& a : e.addresses) structured = structured || !a.city.empty();
  }
  EXPECT_TRUE(structured);
}

TEST(FtmJson, MultilingualFixtureAndPepWithFamilyAndOccupancy) {
  auto t1 = ParseFtmJson(kFixtures / "yente_t1", "t1", {});
  ASSERT_TRUE(t1.ok()) << t1.status().message();
  EXPECT_EQ(t1->entities.size(), 6u);
  auto wd = ParseFtmJson(kFixtures / "wikidata_pep_sa_2024-03", "wd_pep_sa", {});
  ASSERT_TRUE(wd.ok()) << wd.status().message();
  EXPECT_EQ(wd->entities.size(), 140u);
  std::map<RelationType, int> relations;
  for (const auto& r : wd->relations) ++relations[r.type];
  EXPECT_EQ(relations[RelationType::kFamily], 40);
  // The crawl's 20 Occupancy records name a holder but no post: no edge without a target.
  EXPECT_EQ(relations[RelationType::kOccupancy], 0);
  EXPECT_EQ(ParseListDir(kFixtures / "yente_t1", "t1", {})->version.format, "ftm-json");
}

TEST(FtmJson, OwnershipPercentSpellings) {
  EXPECT_EQ(ParseOwnershipPercent("50"), 50.0);
  EXPECT_EQ(ParseOwnershipPercent("50%"), 50.0);
  EXPECT_EQ(ParseOwnershipPercent(" 50.5 % "), 50.5);
  EXPECT_EQ(ParseOwnershipPercent("50,5"), 50.5);
  EXPECT_EQ(ParseOwnershipPercent("25-50"), 25.0);
  EXPECT_EQ(ParseOwnershipPercent("25 - 50%"), 25.0);
  EXPECT_FALSE(ParseOwnershipPercent("majority"));
  EXPECT_FALSE(ParseOwnershipPercent("150"));
  EXPECT_FALSE(ParseOwnershipPercent("-5"));
  EXPECT_FALSE(ParseOwnershipPercent(""));
}

TEST(FtmJson, DeltaFilesApplyAddModDelInOrder) {
  fs::path dir = WriteDir(
      "delta", {{"entities.ftm.json", kBase},
                {"2024-01-02.delta.ftm.json",
                 "{\"op\":\"MOD\",\"entity\":{\"id\":\"c1\",\"schema\":\"Company\",\"properties\":"
                 "{\"name\":[\"Acme Holdings Ltd\"],\"country\":[\"gb\"]}}}\n"
                 "{\"op\":\"ADD\",\"entity\":{\"id\":\"p2\",\"schema\":\"Person\",\"properties\":"
                 "{\"name\":[\"Bob Jones\"]}}}\n"},
                {"2024-01-03.delta.ftm.json",
                 "{\"op\":\"DEL\",\"entity\":{\"id\":\"p2\"}}\n"
                 "{\"op\":\"ADD\",\"entity\":{\"id\":\"p3\",\"schema\":\"Person\",\"properties\":"
                 "{\"name\":[\"Cy Young\"]}}}\n"}});
  auto r = ParseFtmJson(dir, "d", {});
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(r->entities.size(), 3u);
  EXPECT_EQ(r->entities[1].caption, "Acme Holdings Ltd");
  EXPECT_EQ(r->entities[1].countries, std::vector<std::string>{"gb"});
  EXPECT_EQ(r->entities[1].source_ref, "2024-01-02.delta.ftm.json:1");
  EXPECT_EQ(Find(*r, "d:p2"), nullptr);
  EXPECT_NE(Find(*r, "d:p3"), nullptr);
  EXPECT_EQ(r->version.files.size(), 3u);
  EXPECT_EQ(r->version.files[0], "entities.ftm.json");
  ASSERT_EQ(r->relations.size(), 1u);
  EXPECT_EQ(r->relations[0].percent, 25.0);
  EXPECT_EQ(r->relations[0].target_name, "Acme Holdings Ltd");
}

TEST(FtmJson, ParseFtmFilesTakesAnExplicitFileList) {
  fs::path dir = WriteDir("files", {{"a.ftm.json", kBase}});
  auto r = ParseFtmFiles({dir / "a.ftm.json"}, "x", {});
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->entities.size(), 2u);
  EXPECT_EQ(r->relations.at(0).source_id, "x:p1");
  EXPECT_FALSE(ParseFtmFiles({}, "x", {}).ok());
}

TEST(FtmJson, OccupancyOfAPositionBecomesEdgeAndPosition) {
  fs::path dir = WriteDir(
      "occupancy",
      {{"e.ftm.json",
        std::string(kBase) +
            "{\"id\":\"pos1\",\"schema\":\"Position\",\"properties\":{\"name\":[\"Minister of "
            "Finance\"]}}\n"
            "{\"id\":\"occ1\",\"schema\":\"Occupancy\",\"properties\":{\"holder\":[\"p1\"],"
            "\"post\":[\"pos1\"]}}\n"}});
  auto r = ParseFtmJson(dir, "o", {});
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(r->relations.size(), 2u);
  const Relation& occ = r->relations[1];
  EXPECT_EQ(occ.type, RelationType::kOccupancy);
  EXPECT_EQ(occ.source_id, "o:p1");
  EXPECT_EQ(occ.target_id, "o:pos1");
  EXPECT_EQ(occ.target_name, "Minister of Finance");
  EXPECT_EQ(Find(*r, "o:p1")->positions, std::vector<std::string>{"Minister of Finance"});
  EXPECT_EQ(r->entities.size(), 2u);  // a Position is not screened as an entity
}

TEST(FtmJson, BadJsonLineNamesFileAndLine) {
  fs::path dir = WriteDir("bad_json", {{"e.ftm.json", std::string(kBase) + "{\"id\": \"x\",\n"}});
  auto r = ParseFtmJson(dir, "b", {});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kDataError);
  EXPECT_EQ(r.status().message(), "e.ftm.json:4: not a JSON object (invalid JSON)");
  ParseOptions lenient;
  lenient.lenient = true;
  auto l = ParseFtmJson(dir, "b", lenient);
  ASSERT_TRUE(l.ok());
  EXPECT_EQ(l->entities.size(), 2u);
  EXPECT_EQ(l->version.skipped, 1u);
}

TEST(FtmJson, DeepNestingIsRejectedWithoutRecursion) {
  std::string deep = "{\"id\":\"d\",\"schema\":\"Person\",\"properties\":{\"name\":";
  deep += std::string(100000, '[') + std::string(100000, ']') + "}}\n";
  fs::path dir = WriteDir("deep", {{"e.ftm.json", deep}});
  auto r = ParseFtmJson(dir, "b", {});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(), "e.ftm.json:1: JSON nested deeper than 64 levels");
}

TEST(FtmJson, InvalidUtf8IsReportedWithLine) {
  fs::path dir = WriteDir(
      "utf8",
      {{"e.ftm.json",
        std::string(kBase) +
            "{\"id\":\"u\",\"schema\":\"Person\",\"properties\":{\"name\":[\"A\xff\"]}}\n"}});
  auto r = ParseFtmJson(dir, "b", {});
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("e.ftm.json:4: invalid UTF-8"), std::string::npos);
  ParseOptions lenient;
  lenient.lenient = true;
  auto l = ParseFtmJson(dir, "b", lenient);
  ASSERT_TRUE(l.ok());
  EXPECT_EQ(l->entities.size(), 3u);
}

TEST(FtmJson, UnknownSchemaIsSkippedWithWarning) {
  fs::path dir =
      WriteDir("unknown",
               {{"e.ftm.json", std::string(kBase) +
                                   "{\"id\":\"z\",\"schema\":\"Spaceship\",\"properties\":{}}\n"}});
  auto r = ParseFtmJson(dir, "b", {});
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->entities.size(), 2u);
  ASSERT_EQ(r->warnings.size(), 1u);
  EXPECT_EQ(r->warnings[0], "e.ftm.json:4: record z: unknown schema \"Spaceship\" skipped");
  EXPECT_EQ(r->version.skipped, 1u);
}

TEST(FtmJson, StructurallyWrongEntitiesAreMalformed) {
  for (const std::string& line :
       {std::string("[1,2]"), std::string("{\"schema\":\"Person\"}"),
        std::string("{\"id\":\"a\",\"properties\":{}}"),
        std::string("{\"id\":\"a\",\"schema\":\"Person\",\"properties\":[1]}"),
        std::string("{\"op\":\"UPSERT\",\"entity\":{\"id\":\"a\"}}")}) {
    fs::path dir = WriteDir("structure", {{"e.ftm.json", line + "\n"}});
    auto r = ParseFtmJson(dir, "b", {});
    ASSERT_FALSE(r.ok()) << line;
    EXPECT_EQ(r.status().message().rfind("e.ftm.json:1: ", 0), 0u) << r.status().message();
  }
}

}  // namespace
}  // namespace tamiz::sources
