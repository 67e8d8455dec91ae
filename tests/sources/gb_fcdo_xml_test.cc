#include "sources/gb_fcdo_xml.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "parser_test_util.h"
#include "sources/registry.h"
#include "util/file_io.h"

namespace tamiz::sources {
namespace {

namespace fs = std::filesystem;

const fs::path kExcerpt = fs::path(TAMIZ_SOURCE_DIR) / "tests/fixtures/gb/fcdo_excerpt";
const char* kFile = "UK-Sanctions-List.excerpt.xml";

const ParsedList& Excerpt() {
  static const ParsedList* list =
      new ParsedList(test_util::OkOrEmpty(ParseGbFcdoXml(kExcerpt, "gb_fcdo", {})));
  return *list;
}

const Entity* Find(const std::string& id) { return test_util::FindEntity(Excerpt(), id); }

fs::path WriteListDir(const std::string& test, const std::string& content) {
  return test_util::WriteListDir("fcdo", test, "list.xml", content);
}

std::string ExcerptText() { return test_util::ReadFixture(kExcerpt / kFile); }

TEST(GbFcdoXml, ExcerptHas20DesignationsAndPublishDate) {
  const ParsedList& l = Excerpt();
  EXPECT_EQ(l.entities.size(), 20u);
  EXPECT_EQ(l.version.date, "2026-03-26");
  EXPECT_EQ(l.version.format, "gb-fcdo-xml");
  EXPECT_EQ(l.version.sha256, util::Sha256Hex(ExcerptText()));
  EXPECT_TRUE(l.warnings.empty());
  size_t people = 0;
  for (const auto& e : l.entities) people += e.schema == Schema::kPerson;
  EXPECT_EQ(people, 15u);
}

TEST(GbFcdoXml, GoldenIndividualAFG0006) {
  const Entity* e = Find("gb_fcdo:AFG0006");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->record_id, "AFG0006");
  EXPECT_EQ(e->schema, Schema::kPerson);
  EXPECT_EQ(e->caption, "MOHAMMAD HASSAN AKHUND");
  ASSERT_EQ(e->names.size(), 2u);
  EXPECT_EQ(e->names[0].first, "MOHAMMAD");
  EXPECT_EQ(e->names[0].middle, "HASSAN");
  EXPECT_EQ(e->names[0].last, "AKHUND");
  EXPECT_EQ(e->names[1].full,
            "\u0645\u062D\u0645\u062F \u062D\u0633\u0646 \u0622\u062E\u0648\u0646\u062F");
  EXPECT_EQ(e->names[1].script, "Arab");
  ASSERT_EQ(e->birth_dates.size(), 10u);  // dd/mm/1945 .. dd/mm/1958
  EXPECT_EQ(e->birth_dates[0].ToIso(), "1945");
  EXPECT_EQ(e->birth_dates[0].raw, "dd/mm/1945");
  EXPECT_EQ(e->birth_dates[9].ToIso(), "1958");
  EXPECT_EQ(e->birth_places,
            std::vector<std::string>{
                "Pashmul village, Panjwai District, Kandahar Province, Afghanistan"});
  EXPECT_EQ(e->nationalities, std::vector<std::string>{"Afghanistan"});
  EXPECT_EQ(e->gender, "");
  ASSERT_EQ(e->identifiers.size(), 3u);  // the passport is repeated 10 times in the source
  EXPECT_EQ(e->identifiers[0].type, "OFSI Group ID");
  EXPECT_EQ(e->identifiers[0].number, "7172");
  EXPECT_EQ(e->identifiers[1].type, "UN Ref");
  EXPECT_EQ(e->identifiers[1].number, "TAi.002");
  EXPECT_EQ(e->identifiers[2].type, "Passport");
  EXPECT_EQ(e->identifiers[2].number, "P04581926");
  EXPECT_EQ(e->identifiers[2].note,
            "Afghanistan passport number P04581926, issued on 7 August 2024, issued in Kandahar, "
            "Afghanistan (expires 7 August 2034)");
  ASSERT_EQ(e->addresses.size(), 1u);
  EXPECT_EQ(e->addresses[0].full, "Kabul, Afghanistan");
  EXPECT_EQ(e->addresses[0].country, "Afghanistan");
  EXPECT_EQ(e->titles, (std::vector<std::string>{"Mullah", "Haji"}));
  ASSERT_EQ(e->positions.size(), 4u);
  EXPECT_EQ(e->positions[3], "Political Advisor of Mullah Mohammed Omar");
  EXPECT_EQ(e->programs,
            std::vector<std::string>{"The Afghanistan (Sanctions) (EU Exit) Regulations 2020"});
  EXPECT_EQ(e->listed_on, "2001-01-25");
  EXPECT_EQ(e->sanctions_info,
            (std::vector<std::string>{"Sanctions imposed: Asset freeze|Travel Ban",
                                      "Designation source: UN"}));
  EXPECT_EQ(e->remarks.rfind("A close associate of Mullah Mohammed Omar (TAi.004).", 0), 0u);
  EXPECT_EQ(e->topics, std::vector<std::string>{"sanction"});
  EXPECT_EQ(e->source_ref, std::string(kFile) + ":770");
}

TEST(GbFcdoXml, EntityWithAddressesAndEmail) {
  const Entity* e = Find("gb_fcdo:AFG0001");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->schema, Schema::kOrganization);
  EXPECT_EQ(e->caption, "HAJI KHAIRULLAH HAJI SATTAR MONEY EXCHANGE");
  EXPECT_EQ(e->names.size(), 10u);
  EXPECT_TRUE(e->names[0].last.empty());  // organisations get no name parts
  EXPECT_GE(e->addresses.size(), 9u);
  EXPECT_EQ(e->addresses[0].street,
            "Branch Office 7, Shop numbers 21 and 22, 2nd Floor, Kandahar City Sarafi Market");
  EXPECT_EQ(e->addresses[0].city, "Kandahar City");
  EXPECT_EQ(e->addresses[0].region, "Kandahar Province");
  EXPECT_EQ(e->emails.size(), 1u);
}

TEST(GbFcdoXml, AliasStrengthAndNationalIds) {
  const Entity* e = Find("gb_fcdo:AFG0012");
  ASSERT_NE(e, nullptr);
  int weak = 0;
  for (const auto& n : e->names) {
    if (n.full == "Shams ur-Rahman Sher Alam") {
      EXPECT_EQ(n.kind, NameKind::kWeakAlias);
      ++weak;
    }
  }
  EXPECT_EQ(weak, 1);
  ASSERT_EQ(e->identifiers.size(), 4u);
  EXPECT_EQ(e->identifiers[2].type, "National ID");
  EXPECT_EQ(e->identifiers[2].number, "2132370");
  const Entity* male = Find("gb_fcdo:AFG0015");
  ASSERT_NE(male, nullptr);
  EXPECT_EQ(male->gender, "male");
}

TEST(GbFcdoXml, RegistryDetectsDesignationsRoot) {
  const Format* f = DetectFormat(kExcerpt);
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->name, "gb-fcdo-xml");
}

TEST(GbFcdoXml, TruncatedFileFailsWithLine) {
  std::string xml = ExcerptText();
  size_t cut = xml.find("<UniqueID>AFG0006");
  ASSERT_NE(cut, std::string::npos);
  fs::path dir = WriteListDir("cut", xml.substr(0, cut + 12));
  auto r = ParseGbFcdoXml(dir, "gb_fcdo", {});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kDataError);
  EXPECT_NE(r.status().message().find("list.xml:"), std::string::npos) << r.status().message();
  fs::remove_all(dir);
}

TEST(GbFcdoXml, EmptyUniqueIdIsSkippedInLenientMode) {
  std::string xml = ExcerptText();
  std::string uid = "<UniqueID>AFG0003</UniqueID>";
  size_t at = xml.find(uid);
  ASSERT_NE(at, std::string::npos);
  xml.replace(at, uid.size(), "<UniqueID></UniqueID>");
  fs::path dir = WriteListDir("nouid", xml);
  auto strict = ParseGbFcdoXml(dir, "gb_fcdo", {});
  ASSERT_FALSE(strict.ok());
  EXPECT_NE(strict.status().message().find("list.xml:468: Designation: empty <UniqueID>"),
            std::string::npos)
      << strict.status().message();
  auto lenient = ParseGbFcdoXml(dir, "gb_fcdo", {.lenient = true});
  ASSERT_TRUE(lenient.ok());
  EXPECT_EQ(lenient->entities.size(), 19u);
  EXPECT_EQ(lenient->version.skipped, 1u);
  fs::remove_all(dir);
}

TEST(GbFcdoXml, TruncationAtAnyOffsetNeverCrashes) {
  test_util::ExpectTruncationNeverCrashes(
      ExcerptText(), WriteListDir("every_offset", ""), "list.xml",
      [](const fs::path& dir) { return ParseGbFcdoXml(dir, "gb_fcdo", {.lenient = true}); });
}

}  // namespace
}  // namespace tamiz::sources
