#include "sources/ofac_enhanced_xml.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "parser_test_util.h"
#include "sources/registry.h"

namespace tamiz::sources {
namespace {

namespace fs = std::filesystem;
using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

const fs::path kDir = fs::path(TAMIZ_SOURCE_DIR) / "tests/fixtures/ofac/enhanced_irgc_2024-08-28";

using test_util::FindEntity;

ParsedList Parse() { return test_util::OkOrEmpty(ParseOfacEnhancedXml(kDir, "us_ofac_sdn", {})); }

TEST(OfacEnhancedXml, IrgcExportHas293Entities) {
  ParsedList list = Parse();
  EXPECT_EQ(list.entities.size(), 293u);
  EXPECT_EQ(list.version.date, "2024-08-28");
  EXPECT_EQ(list.version.format, "ofac-enhanced-xml");
  EXPECT_TRUE(list.warnings.empty());
  size_t persons = 0, orgs = 0, aircraft = 0;
  for (const auto& e : list.entities) {
    persons += e.schema == Schema::kPerson;
    orgs += e.schema == Schema::kOrganization;
    aircraft += e.schema == Schema::kAirplane;
    EXPECT_THAT(e.programs, Contains("IRGC")) << e.id;
  }
  EXPECT_EQ(persons, 165u);
  EXPECT_EQ(orgs, 84u);
  EXPECT_EQ(aircraft, 44u);
}

TEST(OfacEnhancedXml, GoldenPersonWithScriptsAliasesAndDocuments) {
  ParsedList list = Parse();
  const Entity* e = FindEntity(list, "us_ofac_sdn:28695");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->caption, "PELARAK, Hassan");
  EXPECT_EQ(e->names[0].kind, NameKind::kPrimary);
  EXPECT_EQ(e->names[0].last, "PELARAK");
  EXPECT_EQ(e->names[0].first, "Hassan");
  EXPECT_EQ(e->names[0].script, "Latn");
  bool arabic = false, weak = false, strong = false;
  for (const auto& n : e->names) {
    if (n.script == "Arab") {
      arabic = true;
      EXPECT_EQ(n.full, "\u062D\u0633\u0646 \u067E\u0644\u0627\u0631\u06A9");  // no bidi marks
    }
    weak |= n.kind == NameKind::kWeakAlias && n.full == "JA'FARI, Hasan";
    strong |= n.kind == NameKind::kStrongAlias && n.full == "POLARAK, Hassan";
  }
  EXPECT_TRUE(arabic);
  EXPECT_TRUE(weak);
  EXPECT_TRUE(strong);
  ASSERT_FALSE(e->birth_dates.empty());
  EXPECT_EQ(e->birth_dates[0].ToIso(), "1961-09-03");
  EXPECT_EQ(e->gender, "male");
  EXPECT_THAT(e->programs, ElementsAre("IFSR", "IRGC", "SDGT"));
  EXPECT_EQ(e->listed_on, "2020-03-26");
  EXPECT_THAT(e->sanctions_info,
              ElementsAre("Additional Sanctions Information - Subject to Secondary Sanctions"));
  EXPECT_THAT(e->countries, ElementsAre("Iran", "Iraq"));
}

TEST(OfacEnhancedXml, DocumentsAndRelationships) {
  ParsedList list = Parse();
  const Entity* e = FindEntity(list, "us_ofac_sdn:26531");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->caption, "ATABAKI, Alireza");
  ASSERT_EQ(e->identifiers.size(), 1u);
  EXPECT_EQ(e->identifiers[0].type, "National ID No.");
  EXPECT_EQ(e->identifiers[0].number, "0042773296");
  EXPECT_EQ(e->identifiers[0].country, "Iran");
  EXPECT_THAT(e->birth_places, ElementsAre("Tehran Province, Central Tehran"));
  EXPECT_EQ(e->birth_dates[0].ToIso(), "1961");
  const Relation* rel = nullptr;
  for (const auto& r : list.relations) {
    if (r.source_id == e->id) rel = &r;
  }
  ASSERT_NE(rel, nullptr);
  EXPECT_EQ(rel->target_id, "us_ofac_sdn:26530");
  EXPECT_EQ(rel->target_name, "ANSAR EXCHANGE");
  EXPECT_EQ(rel->role, "Acting for or on behalf of");
  const Entity* aircraft = FindEntity(list, "us_ofac_sdn:24475");
  ASSERT_NE(aircraft, nullptr);
  EXPECT_EQ(aircraft->schema, Schema::kAirplane);
  EXPECT_EQ(aircraft->caption, "EP-PUL");
  bool msn = false;
  for (const auto& i : aircraft->identifiers) msn |= i.number == "33448393";
  EXPECT_TRUE(msn);
}

TEST(OfacEnhancedXml, RegistrySniffsSanctionsDataRoot) {
  auto r = ParseListDir(kDir, "us_ofac_sdn", {});
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->version.format, "ofac-enhanced-xml");
  EXPECT_EQ(r->version.date, "2024-08-28");
}

TEST(OfacEnhancedXml, CutFileFailsWithLineAndBadIdIsSkippedWhenLenient) {
  std::ifstream in(kDir / "IRGC_sanctions.xml", std::ios::binary);
  std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  fs::path dir = fs::temp_directory_path() / "tamiz_ofac_enhanced_bad";
  fs::create_directories(dir);
  {
    std::ofstream out(dir / "IRGC_sanctions.xml", std::ios::binary);
    out << data.substr(0, data.find("<entity id=\"26531\">") + 30);
  }
  auto cut = ParseOfacEnhancedXml(dir, "us_ofac_sdn", {});
  ASSERT_FALSE(cut.ok());
  EXPECT_EQ(cut.status().code(), StatusCode::kDataError);
  EXPECT_THAT(cut.status().message(), HasSubstr("IRGC_sanctions.xml:"));
  EXPECT_THAT(cut.status().message(), HasSubstr("malformed XML"));

  std::string bad = data;
  bad.replace(bad.find("<entity id=\"26531\">"), 19, "<entity id=\"26X31\">");
  {
    std::ofstream out(dir / "IRGC_sanctions.xml", std::ios::binary);
    out << bad;
  }
  auto strict = ParseOfacEnhancedXml(dir, "us_ofac_sdn", {});
  ParseOptions o;
  o.lenient = true;
  auto lenient = ParseOfacEnhancedXml(dir, "us_ofac_sdn", o);
  fs::remove_all(dir);
  ASSERT_FALSE(strict.ok());
  EXPECT_THAT(strict.status().message(), HasSubstr("record 26X31: entity/@id: expected a number"));
  ASSERT_TRUE(lenient.ok()) << lenient.status().message();
  EXPECT_EQ(lenient->entities.size(), 292u);
  EXPECT_EQ(lenient->version.skipped, 1u);
}

}  // namespace
}  // namespace tamiz::sources
