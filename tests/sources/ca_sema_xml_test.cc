#include "sources/ca_sema_xml.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <string>

#include "parser_test_util.h"
#include "sources/registry.h"

namespace tamiz::sources {
namespace {

namespace fs = std::filesystem;

const fs::path kRoot = fs::path(TAMIZ_SOURCE_DIR);
const fs::path kBundled = kRoot / "data/lists/ca_sema/2025-03";
const fs::path kSmall = kRoot / "tests/fixtures/ca/small";

const ParsedList& Bundled() {
  static const ParsedList* list =
      new ParsedList(test_util::OkOrEmpty(ParseCaSemaXml(kBundled, "ca_sema", {})));
  return *list;
}

using test_util::FindEntity;

fs::path WriteListDir(const std::string& test, const std::string& content) {
  return test_util::WriteListDir("ca", test, "sema.xml", content);
}

std::string SmallFixture() { return test_util::ReadFixture(kSmall / "sema.xml"); }

TEST(CaSemaXml, BundledFileHas4759RecordsWithUniqueIds) {
  const ParsedList& l = Bundled();
  EXPECT_EQ(l.entities.size(), 4759u);
  EXPECT_EQ(l.version.skipped, 0u);
  EXPECT_TRUE(l.warnings.empty());
  EXPECT_EQ(l.version.format, "ca-sema-xml");
  EXPECT_TRUE(l.version.date.empty());  // the file carries no date; the registry uses the dir
  std::set<std::string> ids;
  size_t people = 0, orgs = 0, vessels = 0;
  for (const auto& e : l.entities) {
    ids.insert(e.id);
    people += e.schema == Schema::kPerson;
    orgs += e.schema == Schema::kOrganization;
    vessels += e.schema == Schema::kVessel;
  }
  EXPECT_EQ(ids.size(), 4759u);
  EXPECT_EQ(people, 3334u);
  EXPECT_EQ(vessels, 109u);
  EXPECT_EQ(orgs, 4759u - 3334u - 109u);
}

TEST(CaSemaXml, GoldenPersonWithMultilingualAliases) {
  const Entity* e = FindEntity(Bundled(), "ca_sema:belarus-1-part-1-120");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->record_id, "belarus-1-part-1-120");
  EXPECT_EQ(e->schema, Schema::kPerson);
  EXPECT_EQ(e->caption, "Nikolai Aleksandrovich LUKASHENKO");
  ASSERT_EQ(e->names.size(), 6u);
  EXPECT_EQ(e->names[0].first, "Nikolai Aleksandrovich");
  EXPECT_EQ(e->names[0].last, "LUKASHENKO");
  EXPECT_EQ(e->names[1].full, "Mikalay Alyaksandravich Lukashenka");
  EXPECT_EQ(e->names[1].kind, NameKind::kStrongAlias);
  EXPECT_EQ(e->names[1].script, "");
  EXPECT_EQ(e->names[2].full, "Kolya Lukashenko");
  // "Belarusian: ..." label dropped, script detected.
  EXPECT_EQ(e->names[3].full,
            "\u041C\u0456\u043A\u0430\u043B\u0430\u0439 "
            "\u0410\u043B\u044F\u043A\u0441\u0430\u043D\u0434\u0440\u0430\u0432\u0456\u0447 "
            "\u041B\u0443\u043A\u0430\u0448\u044D\u043D\u043A\u0430");
  EXPECT_EQ(e->names[3].script, "Cyrl");
  ASSERT_EQ(e->birth_dates.size(), 1u);
  EXPECT_EQ(e->birth_dates[0].ToIso(), "2004-08-31");
  EXPECT_EQ(e->programs, std::vector<std::string>{"Belarus / B\u00E9larus"});
  EXPECT_EQ(e->sanctions_info, std::vector<std::string>{"Schedule 1, Part 1, item 120"});
  EXPECT_EQ(e->listed_on, "2024-08-08");
  EXPECT_EQ(e->topics, std::vector<std::string>{"sanction"});
  EXPECT_EQ(e->source_ref, "sema.xml:1051");
}

TEST(CaSemaXml, ShipRecordBecomesVesselWithImo) {
  const Entity* e = FindEntity(Bundled(), "ca_sema:russia-1-1-1");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->schema, Schema::kVessel);
  EXPECT_EQ(e->caption, "Balitiyskiy III");
  ASSERT_TRUE(e->vessel.has_value());
  EXPECT_EQ(e->vessel->imo, "7612448");
  EXPECT_EQ(e->vessel->vessel_type, "General Cargo / Multi Purpose");
  ASSERT_EQ(e->identifiers.size(), 1u);
  EXPECT_EQ(e->identifiers[0].type, "IMO");
  EXPECT_TRUE(e->birth_dates.empty());  // a build date is not a birth date
  EXPECT_EQ(e->remarks, "Build date: 1980");
}

TEST(CaSemaXml, AlternativeBirthYearsAndCabello) {
  auto r = ParseCaSemaXml(kSmall, "ca_sema", {});
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(r->entities.size(), 4u);
  const Entity& e = r->entities[3];
  ASSERT_EQ(e.birth_dates.size(), 2u);  // "1963 or 1964"
  EXPECT_EQ(e.birth_dates[0].ToIso(), "1963");
  EXPECT_EQ(e.birth_dates[1].ToIso(), "1964");
  const Entity* cabello = FindEntity(Bundled(), "ca_sema:venezuela-10");  // no <Schedule>
  ASSERT_NE(cabello, nullptr);
  EXPECT_EQ(cabello->caption, "Diosdado CABELLO ROND\u00D3N");
  EXPECT_EQ(cabello->programs, std::vector<std::string>{"Venezuela"});
}

TEST(CaSemaXml, RegistryDetectsAndDatesFromDirectory) {
  auto r = ParseListDir(kBundled, "ca_sema", {});
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->version.date, "2025-03");
  EXPECT_EQ(r->version.format, "ca-sema-xml");
}

TEST(CaSemaXml, TruncatedFileFailsWithLine) {
  std::string xml = SmallFixture();
  size_t cut = xml.find("<Aliases>");
  ASSERT_NE(cut, std::string::npos);
  fs::path dir = WriteListDir("cut", xml.substr(0, cut + 20));
  auto r = ParseCaSemaXml(dir, "ca_sema", {.lenient = true});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kDataError);
  EXPECT_NE(r.status().message().find("sema.xml:"), std::string::npos);
  fs::remove_all(dir);
}

TEST(CaSemaXml, DuplicateKeyAndMissingNameAreReported) {
  std::string xml = SmallFixture();
  std::string extra =
      "<record><Country>Belarus / B\u00E9larus</Country><LastName>X</LastName>"
      "<Schedule>1, Part 1</Schedule><Item>8</Item></record>\n"
      "<record><Country>Iran</Country><Item>999</Item></record>\n";
  xml.insert(xml.rfind("</data-set>"), extra);
  fs::path dir = WriteListDir("dup", xml);
  auto strict = ParseCaSemaXml(dir, "ca_sema", {});
  ASSERT_FALSE(strict.ok());
  EXPECT_NE(strict.status().message().find("duplicate key belarus-1-part-1-8"), std::string::npos)
      << strict.status().message();
  auto lenient = ParseCaSemaXml(dir, "ca_sema", {.lenient = true});
  ASSERT_TRUE(lenient.ok());
  EXPECT_EQ(lenient->entities.size(), 4u);
  EXPECT_EQ(lenient->version.skipped, 2u);
  ASSERT_EQ(lenient->warnings.size(), 2u);
  EXPECT_NE(lenient->warnings[1].find("no name"), std::string::npos);
  fs::remove_all(dir);
}

TEST(CaSemaXml, TruncationAtAnyOffsetNeverCrashes) {
  test_util::ExpectTruncationNeverCrashes(
      SmallFixture(), WriteListDir("every_offset", ""), "sema.xml",
      [](const fs::path& dir) { return ParseCaSemaXml(dir, "ca_sema", {.lenient = false}); });
}

}  // namespace
}  // namespace tamiz::sources
