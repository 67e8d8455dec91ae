#include "sources/gb_hmt_csv.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>

#include "parser_test_util.h"
#include "sources/gb_text.h"
#include "sources/registry.h"
#include "util/file_io.h"

namespace tamiz::sources {
namespace {

namespace fs = std::filesystem;

const fs::path kRoot = fs::path(TAMIZ_SOURCE_DIR);
const fs::path kBundled = kRoot / "data/lists/gb_hmt/2025-04-10";
const fs::path k2016Full = kRoot / "tests/fixtures/gb/hmt_2016_full";
const fs::path k2016Small = kRoot / "tests/fixtures/gb/hmt_2016_small";
const fs::path k2022Small = kRoot / "tests/fixtures/gb/hmt_2022_small";

using test_util::FindEntity;

std::string Read(const fs::path& p) { return test_util::ReadFixture(p); }

fs::path WriteListDir(const std::string& test, const std::string& content) {
  return test_util::WriteListDir("gb_hmt", test, "ConList.csv", content);
}

const ParsedList& Bundled() {
  static const ParsedList* list =
      new ParsedList(test_util::OkOrEmpty(ParseGbHmtCsv(kBundled, "gb_hmt", {})));
  return *list;
}

TEST(GbHmtCsv, Layout2022BundledFileHas4686Groups) {
  const ParsedList& l = Bundled();
  EXPECT_EQ(l.entities.size(), 4686u);
  EXPECT_EQ(l.version.date, "2025-04-10");
  EXPECT_EQ(l.version.format, "gb-hmt-csv");
  EXPECT_EQ(l.version.sha256, util::Sha256Hex(Read(kBundled / "ConList.csv")));
  EXPECT_EQ(l.version.skipped, 0u);
  EXPECT_TRUE(l.warnings.empty());
  std::set<std::string> ids;
  size_t vessels = 0;
  for (const auto& e : l.entities) {
    ids.insert(e.id);
    vessels += e.schema == Schema::kVessel;
    EXPECT_FALSE(e.caption.empty()) << e.id;
  }
  EXPECT_EQ(ids.size(), 4686u);
  EXPECT_GT(vessels, 0u);
}

TEST(GbHmtCsv, GoldenCabelloRondon13586) {
  const Entity* e = FindEntity(Bundled(), "gb_hmt:13586");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->dataset, "gb_hmt");
  EXPECT_EQ(e->record_id, "13586");
  EXPECT_EQ(e->schema, Schema::kPerson);
  EXPECT_EQ(e->caption, "Diosdado CABELLO RONDON");
  ASSERT_EQ(e->names.size(), 2u);
  EXPECT_EQ(e->names[0].full, "Diosdado CABELLO RONDON");
  EXPECT_EQ(e->names[0].kind, NameKind::kPrimary);
  EXPECT_EQ(e->names[0].first, "Diosdado");
  EXPECT_EQ(e->names[0].middle, "");
  EXPECT_EQ(e->names[0].last, "CABELLO RONDON");
  EXPECT_EQ(e->names[1].full, "Diosdado Cabello Rond\u00F3n");  // "Name Non-Latin Script"
  EXPECT_EQ(e->names[1].script, "Latn");
  ASSERT_EQ(e->birth_dates.size(), 1u);
  EXPECT_EQ(e->birth_dates[0].ToIso(), "1963-04-15");
  EXPECT_EQ(e->birth_dates[0].raw, "15/04/1963");
  EXPECT_TRUE(e->birth_places.empty());
  EXPECT_EQ(e->nationalities, std::vector<std::string>{"Venezuela"});
  EXPECT_EQ(e->gender, "male");  // from "(Gender):Male" in Other Information
  ASSERT_EQ(e->identifiers.size(), 1u);
  EXPECT_EQ(e->identifiers[0].type, "UK Sanctions List Ref");
  EXPECT_EQ(e->identifiers[0].number, "VEN0006");
  ASSERT_EQ(e->addresses.size(), 1u);
  EXPECT_EQ(e->addresses[0].city, "Caracas");
  EXPECT_EQ(e->addresses[0].country, "Venezuela");
  EXPECT_EQ(e->addresses[0].full, "Caracas, Venezuela");
  EXPECT_EQ(e->countries, std::vector<std::string>{"Venezuela"});
  EXPECT_EQ(e->programs, std::vector<std::string>{"Venezuela"});
  ASSERT_EQ(e->positions.size(), 4u);
  EXPECT_EQ(e->positions[0],
            "First Vice President of the United Socialist Party of Venezuela (PSUV)");
  EXPECT_EQ(e->positions[3], "Former President of the National Constituent Assembly");
  EXPECT_TRUE(e->titles.empty());
  EXPECT_EQ(e->listed_on, "2018-01-22");
  EXPECT_EQ(e->sanctions_info,
            std::vector<std::string>{"UK Sanctions List Date Designated: 2020-12-31"});
  EXPECT_EQ(
      e->remarks.rfind("(UK Sanctions List Ref):VEN0006. Member of the Constituent Assembly", 0),
      0u);
  EXPECT_NE(e->remarks.find("civil society. (Gender):Male"), std::string::npos);
  EXPECT_EQ(e->topics, std::vector<std::string>{"sanction"});
  EXPECT_EQ(e->source_ref, "ConList.csv:5053");
}

TEST(GbHmtCsv, EveryGroupHasAPrimaryName) {
  for (const auto& e : Bundled().entities) {
    bool primary = false;
    for (const auto& n : e.names) primary = primary || n.kind == NameKind::kPrimary;
    EXPECT_TRUE(primary) << e.id;
  }
  const Entity* e = FindEntity(Bundled(), "gb_hmt:16789");  // only "Primary name variation" rows
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->caption, "PREMERA (H.K.) INTERNATIONAL CO, LIMITED");
}

TEST(GbHmtCsv, ShipGroupBecomesVesselWithImo) {
  const Entity* e = FindEntity(Bundled(), "gb_hmt:13651");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->schema, Schema::kVessel);
  EXPECT_EQ(e->caption, "SAM JONG 2");
  EXPECT_EQ(e->names.size(), 9u);
  ASSERT_TRUE(e->vessel.has_value());
  EXPECT_EQ(e->vessel->imo, "7408873");
  EXPECT_EQ(e->vessel->flag, "North Korea");
  EXPECT_EQ(e->vessel->vessel_type, "Oil tanker");
  EXPECT_EQ(e->vessel->owner, "Korea Samjong Shipping");
}

TEST(GbHmtCsv, NonLatinScriptTypeMapsToIso15924) {
  auto r = ParseGbHmtCsv(k2022Small, "gb_hmt", {});
  ASSERT_TRUE(r.ok()) << r.status().message();
  const Entity* e = FindEntity(*r, "gb_hmt:15610");
  ASSERT_NE(e, nullptr);
  ASSERT_EQ(e->names.size(), 2u);
  EXPECT_EQ(e->names[0].full, "Alexander Grigoryevich ABRAMOV");
  EXPECT_EQ(e->names[0].middle, "Grigoryevich");
  EXPECT_EQ(e->names[1].script, "Cyrl");
}

TEST(GbHmtCsv, ParentCompanyBecomesAnOwnershipRelation) {
  auto r = ParseGbHmtCsv(k2022Small, "gb_hmt", {});
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(r->relations.size(), 1u);
  EXPECT_EQ(r->relations[0].source_id, "gb_hmt:16600");
  EXPECT_EQ(r->relations[0].target_name, "Russian Ministry of Defence");
  EXPECT_EQ(r->relations[0].type, RelationType::kOwnership);
  EXPECT_EQ(r->relations[0].role, "parent company");
  EXPECT_EQ(r->version.relation_count, 1u);
}

TEST(GbHmtCsv, Layout2016FullFileHas1924GroupsAndIsDecodedFromWindows1252) {
  auto r = ParseGbHmtCsv(k2016Full, "gb_hmt", {});
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->entities.size(), 1924u);
  EXPECT_EQ(r->version.date, "2016-03-23");
  ASSERT_EQ(r->warnings.size(), 1u);
  EXPECT_NE(r->warnings[0].find("Windows-1252"), std::string::npos);
  size_t curly = 0;
  for (const auto& e : r->entities)
    curly += e.remarks.find("Wife\u2019s name") != std::string::npos;
  EXPECT_GT(curly, 0u);
}

TEST(GbHmtCsv, Layout2016GroupMergesRowsAndSplitsNumberedLists) {
  auto r = ParseGbHmtCsv(k2016Small, "gb_hmt", {});
  ASSERT_TRUE(r.ok()) << r.status().message();
  const Entity* e = FindEntity(*r, "gb_hmt:7059");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->caption, "Said BAHAJI");  // the "Prime Alias" row, not the first row
  EXPECT_EQ(e->names.size(), 4u);
  EXPECT_EQ(e->source_ref, "ConList.csv:14");
  EXPECT_EQ(e->nationalities, (std::vector<std::string>{"German", "Moroccan"}));
  ASSERT_EQ(e->identifiers.size(), 3u);
  EXPECT_EQ(e->identifiers[0].type, "Passport");
  EXPECT_EQ(e->identifiers[0].number, "28642163");
  EXPECT_EQ(e->identifiers[0].note, "Provisional (German) issued by the city of Hamburg");
  EXPECT_EQ(e->identifiers[1].number, "954242");
  EXPECT_EQ(e->identifiers[2].type, "National ID");
  EXPECT_EQ(e->identifiers[2].number, "1336597587");
  EXPECT_EQ(e->birth_places, std::vector<std::string>{"Haselunne, Lower Saxony, Germany"});
  EXPECT_EQ(e->programs, std::vector<std::string>{"The ISIL (Da'esh) and Al-Qaida organisations"});
  EXPECT_EQ(e->listed_on, "2002-10-01");
}

TEST(GbHmtCsv, ColumnsAreFoundByHeaderNameInAnyOrder) {
  std::string csv =
      "Group ID,Group Type,DOB,Name 1,Name 6,Alias Type,Alias Quality,Regime\r\n"
      "1,Individual,00/00/1980,John,DOE,Primary name,,Test regime\r\n"
      "1,Individual,\"(1) 00/00/1980 (2) 02/03/1981\",Jon,DOE,AKA,Low quality,Test regime\r\n";
  fs::path dir = WriteListDir("order", csv);
  auto r = ParseGbHmtCsv(dir, "gb_hmt", {});
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(r->entities.size(), 1u);
  const Entity& e = r->entities[0];
  EXPECT_EQ(e.caption, "John DOE");
  ASSERT_EQ(e.names.size(), 2u);
  EXPECT_EQ(e.names[1].kind, NameKind::kWeakAlias);
  ASSERT_EQ(e.birth_dates.size(), 2u);
  EXPECT_EQ(e.birth_dates[0].ToIso(), "1980");
  EXPECT_EQ(e.birth_dates[1].ToIso(), "1981-03-02");
  EXPECT_TRUE(r->version.date.empty());  // no "Last Updated" line
  fs::remove_all(dir);
}

TEST(GbHmtCsv, MissingGroupIdColumnIsAnError) {
  fs::path dir =
      WriteListDir("nogid", "Last Updated,01/01/2020\r\nName 6,Group Type\r\nX,Entity\r\n");
  auto r = ParseGbHmtCsv(dir, "gb_hmt", {.lenient = true});
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("ConList.csv:2: header: missing column \"group id\""),
            std::string::npos)
      << r.status().message();
  fs::remove_all(dir);
}

TEST(GbHmtCsv, ShortRowIsAnErrorOrSkippedWhenLenient) {
  std::string csv = Read(k2022Small / "ConList.csv");
  size_t line = static_cast<size_t>(std::count(csv.begin(), csv.end(), '\n')) + 1;
  csv += "BROKEN,Row\r\n";
  fs::path dir = WriteListDir("short", csv);
  auto strict = ParseGbHmtCsv(dir, "gb_hmt", {});
  ASSERT_FALSE(strict.ok());
  EXPECT_EQ(strict.status().code(), StatusCode::kDataError);
  EXPECT_NE(strict.status().message().find("ConList.csv:" + std::to_string(line) +
                                           ": record ?: 2 fields, the header has 36"),
            std::string::npos)
      << strict.status().message();
  auto lenient = ParseGbHmtCsv(dir, "gb_hmt", {.lenient = true});
  ASSERT_TRUE(lenient.ok());
  EXPECT_EQ(lenient->entities.size(), 4u);
  EXPECT_EQ(lenient->version.skipped, 1u);
  ASSERT_EQ(lenient->warnings.size(), 1u);
  fs::remove_all(dir);
}

TEST(GbHmtCsv, InvalidUtf8InAUtf8FileNamesTheLine) {
  std::string csv = Read(k2022Small / "ConList.csv");
  size_t at = csv.find("Diosdado");
  ASSERT_NE(at, std::string::npos);
  csv[at] = '\xff';
  fs::path dir = WriteListDir("utf8", csv);
  auto strict = ParseGbHmtCsv(dir, "gb_hmt", {});
  ASSERT_FALSE(strict.ok());
  EXPECT_NE(strict.status().message().find(
                "ConList.csv:" + std::to_string(util::LineOfOffset(csv, at)) + ": invalid UTF-8"),
            std::string::npos)
      << strict.status().message();
  auto lenient = ParseGbHmtCsv(dir, "gb_hmt", {.lenient = true});
  ASSERT_TRUE(lenient.ok());
  EXPECT_EQ(lenient->entities.size(), 4u);
  fs::remove_all(dir);
}

TEST(GbHmtCsv, UnterminatedQuoteFailsWithLine) {
  std::string csv = Read(k2016Small / "ConList.csv");
  csv += "\"BROKEN,,,,\r\n";
  fs::path dir = WriteListDir("quote", csv);
  auto r = ParseGbHmtCsv(dir, "gb_hmt", {});
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("unterminated quote"), std::string::npos);
  EXPECT_NE(r.status().message().find("ConList.csv:"), std::string::npos);
  fs::remove_all(dir);
}

TEST(GbHmtCsv, RegistryPicksTheFormatByFileName) {
  const Format* f = DetectFormat(k2016Small);
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->name, "gb-hmt-csv");
}

TEST(GbText, SplitNumberedHandlesBothMarkerStyles) {
  EXPECT_EQ(gb::SplitNumbered("1) Saudi Arabia 2) Qatar"),
            (std::vector<std::string>{"Saudi Arabia", "Qatar"}));
  EXPECT_EQ(gb::SplitNumbered("(1) Germany. (2) Morocco"),
            (std::vector<std::string>{"Germany", "Morocco"}));
  EXPECT_EQ(gb::SplitNumbered("Resolution 2371 (2017) (2) x"),
            std::vector<std::string>{"Resolution 2371 (2017) (2) x"});
  EXPECT_TRUE(gb::SplitNumbered("  ").empty());
}

TEST(GbText, Windows1252Decoding) {
  EXPECT_TRUE(gb::LooksLikeWindows1252("Wife\x92s"));
  EXPECT_FALSE(gb::LooksLikeWindows1252("Rond\xC3\xB3n \x92"));  // has UTF-8: not legacy
  EXPECT_FALSE(gb::LooksLikeWindows1252("ascii"));
  EXPECT_EQ(gb::Windows1252ToUtf8("Wife\x92s caf\xe9"), "Wife\u2019s caf\u00E9");
}

TEST(GbHmtCsv, TruncationAtAnyOffsetNeverCrashes) {
  test_util::ExpectTruncationNeverCrashes(
      Read(k2022Small / "ConList.csv"), WriteListDir("every_offset", ""), "ConList.csv",
      [](const fs::path& dir) { return ParseGbHmtCsv(dir, "gb_hmt", {.lenient = false}); });
}

}  // namespace
}  // namespace tamiz::sources
