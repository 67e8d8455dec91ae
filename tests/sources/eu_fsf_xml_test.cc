#include "sources/eu_fsf_xml.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "parser_test_util.h"
#include "sources/registry.h"
#include "util/file_io.h"

// The EU FSF parser is tested on a hand-written fixture (no official file was available);
// see tests/fixtures/eu/handmade/export.xml and docs/formats/eu-fsf-xml.md.

namespace tamiz::sources {
namespace {

namespace fs = std::filesystem;

const fs::path kHandmade = fs::path(TAMIZ_SOURCE_DIR) / "tests/fixtures/eu/handmade";

const ParsedList& Handmade() {
  static const ParsedList* list =
      new ParsedList(test_util::OkOrEmpty(ParseEuFsfXml(kHandmade, "eu_fsf", {})));
  return *list;
}

const Entity* Find(const std::string& id) { return test_util::FindEntity(Handmade(), id); }

std::string FixtureText() { return test_util::ReadFixture(kHandmade / "export.xml"); }

fs::path WriteListDir(const std::string& test, const std::string& content) {
  return test_util::WriteListDir("eu", test, "export.xml", content);
}

TEST(EuFsfXml, VersionFromGenerationDate) {
  const ParsedList& l = Handmade();
  EXPECT_EQ(l.entities.size(), 4u);
  EXPECT_EQ(l.version.date, "2025-02-03");
  EXPECT_EQ(l.version.format, "eu-fsf-xml");
  EXPECT_EQ(l.version.files, std::vector<std::string>{"export.xml"});
  EXPECT_EQ(l.version.sha256, util::Sha256Hex(FixtureText()));
}

TEST(EuFsfXml, GoldenCabelloRondon) {
  const Entity* e = Find("eu_fsf:7007");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->record_id, "7007");
  EXPECT_EQ(e->schema, Schema::kPerson);
  EXPECT_EQ(e->caption, "Diosdado CABELLO ROND\u00D3N");
  ASSERT_EQ(e->names.size(), 1u);
  EXPECT_EQ(e->names[0].kind, NameKind::kPrimary);
  EXPECT_EQ(e->names[0].first, "Diosdado");
  EXPECT_EQ(e->names[0].last, "CABELLO ROND\u00D3N");
  ASSERT_EQ(e->birth_dates.size(), 1u);
  EXPECT_EQ(e->birth_dates[0].ToIso(), "1963-04-15");
  EXPECT_TRUE(e->birth_places.empty());  // country "UNKNOWN" / "00" is not a place
  EXPECT_EQ(e->citizenships, std::vector<std::string>{"VENEZUELA"});
  EXPECT_EQ(e->gender, "male");
  EXPECT_EQ(e->positions, std::vector<std::string>{"Minister of the Interior, Justice and Peace"});
  ASSERT_EQ(e->identifiers.size(), 1u);
  EXPECT_EQ(e->identifiers[0].type, "EU Reference Number");
  EXPECT_EQ(e->identifiers[0].number, "EU.4401.18");
  EXPECT_EQ(e->programs, std::vector<std::string>{"VEN"});
  EXPECT_EQ(e->sanctions_info, std::vector<std::string>{"Regulation 2018/88 (OJ L16)"});
  EXPECT_EQ(e->listed_on, "2018-01-22");
  EXPECT_EQ(e->remarks.rfind("Minister of the Interior, Justice and Peace since August 2024.", 0),
            0u);
  EXPECT_EQ(e->topics, std::vector<std::string>{"sanction"});
  EXPECT_EQ(e->source_ref, "export.xml:9");
}

TEST(EuFsfXml, SplitBirthDateAndIdentification) {
  const Entity* e = Find("eu_fsf:7066");
  ASSERT_NE(e, nullptr);
  ASSERT_EQ(e->birth_dates.size(), 1u);
  EXPECT_EQ(e->birth_dates[0].ToIso(), "1965-10-01");
  ASSERT_EQ(e->identifiers.size(), 2u);
  EXPECT_EQ(e->identifiers[0].type, "National identification card");
  EXPECT_EQ(e->identifiers[0].number, "V-8959785");
  EXPECT_EQ(e->identifiers[0].country, "VENEZUELA");
  EXPECT_EQ(e->identifiers[0].note, "Venezuelan identity card");
}

TEST(EuFsfXml, EnterpriseWithAddressAndListingFromEarliestRegulation) {
  const Entity* e = Find("eu_fsf:7102");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->schema, Schema::kOrganization);
  ASSERT_EQ(e->names.size(), 2u);
  EXPECT_EQ(e->names[1].kind, NameKind::kStrongAlias);
  EXPECT_TRUE(e->names[0].first.empty());
  ASSERT_EQ(e->addresses.size(), 1u);
  EXPECT_EQ(e->addresses[0].street, "P.O. Box 108");
  EXPECT_EQ(e->addresses[0].city, "Damascus");
  EXPECT_EQ(e->addresses[0].full, "P.O. Box 108, Damascus, SYRIAN ARAB REPUBLIC");
  EXPECT_EQ(e->countries, std::vector<std::string>{"SYRIAN ARAB REPUBLIC"});
  EXPECT_EQ(e->listed_on, "2012-01-19");  // no designationDate attribute
  EXPECT_EQ(e->sanctions_info.size(), 2u);
}

TEST(EuFsfXml, WeakAliasCircaRangeScriptAndLatinNumber) {
  const Entity* e = Find("eu_fsf:900001");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->caption, "Ivan Petrovich EXAMPLOV");  // built from parts when wholeName is empty
  ASSERT_EQ(e->names.size(), 3u);
  EXPECT_EQ(e->names[0].middle, "Petrovich");
  EXPECT_EQ(e->names[1].script, "Cyrl");
  EXPECT_EQ(e->names[2].kind, NameKind::kWeakAlias);
  ASSERT_EQ(e->birth_dates.size(), 2u);
  EXPECT_TRUE(e->birth_dates[0].circa);
  EXPECT_EQ(e->birth_dates[0].ToIso(), "1970");
  EXPECT_EQ(e->birth_dates[1].ToIso(), "1968/1972");
  EXPECT_EQ(e->birth_places, std::vector<std::string>{"Tver, RUSSIAN FEDERATION"});
  EXPECT_EQ(e->citizenships, (std::vector<std::string>{"RUSSIAN FEDERATION", "CY"}));
  EXPECT_EQ(e->titles, std::vector<std::string>{"Dr"});
  ASSERT_EQ(e->identifiers.size(), 3u);
  EXPECT_EQ(e->identifiers[0].number, "7512345678");
  EXPECT_EQ(e->identifiers[0].note, "issued 2015-06-01; issued by FMS");
  EXPECT_EQ(e->identifiers[2].type, "UN Ref");
  EXPECT_EQ(e->identifiers[2].number, "QDi.999");
}

TEST(EuFsfXml, RegistryDetectsExportRoot) {
  auto r = ParseListDir(kHandmade, "eu_fsf", {});
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->version.format, "eu-fsf-xml");
  EXPECT_EQ(r->version.date, "2025-02-03");
}

TEST(EuFsfXml, TruncatedFileFailsWithLine) {
  std::string xml = FixtureText();
  size_t cut = xml.find("<nameAlias wholeName=\"Sunduq");
  ASSERT_NE(cut, std::string::npos);
  fs::path dir = WriteListDir("cut", xml.substr(0, cut + 25));
  auto r = ParseEuFsfXml(dir, "eu_fsf", {.lenient = true});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kDataError);
  EXPECT_NE(r.status().message().find("export.xml:"), std::string::npos) << r.status().message();
  fs::remove_all(dir);
}

TEST(EuFsfXml, MissingLogicalIdAndDuplicatesAreReported) {
  std::string xml = FixtureText();
  std::string attr = "logicalId=\"7066\" designationDate";
  size_t at = xml.find(attr);
  ASSERT_NE(at, std::string::npos);
  xml.replace(at, 16, "logicalId=\"7007\"");
  at = xml.find("logicalId=\"7102\"");
  ASSERT_NE(at, std::string::npos);
  xml.replace(at, 16, "logicalId=\"\"");
  fs::path dir = WriteListDir("ids", xml);
  auto strict = ParseEuFsfXml(dir, "eu_fsf", {});
  ASSERT_FALSE(strict.ok());
  EXPECT_NE(strict.status().message().find("export.xml:21: record 7007: duplicate logicalId"),
            std::string::npos)
      << strict.status().message();
  auto lenient = ParseEuFsfXml(dir, "eu_fsf", {.lenient = true});
  ASSERT_TRUE(lenient.ok());
  EXPECT_EQ(lenient->entities.size(), 2u);
  EXPECT_EQ(lenient->version.skipped, 2u);
  ASSERT_EQ(lenient->warnings.size(), 2u);
  EXPECT_NE(lenient->warnings[1].find("export.xml:31: sanctionEntity: no logicalId"),
            std::string::npos)
      << lenient->warnings[1];
  fs::remove_all(dir);
}

TEST(EuFsfXml, HugeAttributeValueIsRejected) {
  std::string xml = FixtureText();
  size_t at = xml.find("wholeName=\"Vanya\"");
  ASSERT_NE(at, std::string::npos);
  xml.replace(at, 17, "wholeName=\"" + std::string(5000, 'V') + "\"");
  fs::path dir = WriteListDir("huge", xml);
  ParseOptions o;
  o.max_field_bytes = 4096;
  auto r = ParseEuFsfXml(dir, "eu_fsf", o);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("record 900001: <nameAlias>"), std::string::npos)
      << r.status().message();
  fs::remove_all(dir);
}

TEST(EuFsfXml, TruncationAtAnyOffsetNeverCrashes) {
  test_util::ExpectTruncationNeverCrashes(
      FixtureText(), WriteListDir("every_offset", ""), "export.xml",
      [](const fs::path& dir) { return ParseEuFsfXml(dir, "eu_fsf", {.lenient = false}); });
}

}  // namespace
}  // namespace tamiz::sources
