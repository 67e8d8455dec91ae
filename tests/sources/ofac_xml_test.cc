#include "sources/ofac_xml.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "parser_test_util.h"
#include "sources/registry.h"

namespace tamiz::sources {
namespace {

namespace fs = std::filesystem;
using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

const fs::path kFixtures = fs::path(TAMIZ_SOURCE_DIR) / "tests/fixtures/ofac";

using test_util::FindEntity;

TEST(OfacXml, BundledConsolidated2026Has442Entries) {
  auto r = ParseOfacXml(fs::path(TAMIZ_SOURCE_DIR) / "data/lists/us_ofac_cons/2026-01-08",
                        "us_ofac_cons", {});
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->entities.size(), 442u);
  EXPECT_EQ(r->version.date, "2026-01-08");
  EXPECT_EQ(r->version.format, "ofac-xml");
  EXPECT_EQ(r->version.sha256.size(), 64u);
  EXPECT_TRUE(r->warnings.empty());
  const Entity* e = FindEntity(*r, "us_ofac_cons:9639");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->caption, "HANIYA, Ismail Abdul Salah");
  EXPECT_EQ(e->names[0].last, "HANIYA");
  EXPECT_EQ(e->names[0].first, "Ismail Abdul Salah");
  ASSERT_EQ(e->birth_dates.size(), 1u);
  EXPECT_EQ(e->birth_dates[0].ToIso(), "1962");
  EXPECT_THAT(e->birth_places, ElementsAre("Shati"));
  EXPECT_THAT(e->programs, ElementsAre("NS-PLC"));
  EXPECT_GT(r->relations.size(), 250u);
  // idNumber "33556474 (Russia)" without idCountry: the country is moved out of the number.
  const Entity* novatek = FindEntity(*r, "us_ofac_cons:17064");
  ASSERT_NE(novatek, nullptr);
  bool gazette = false;
  for (const auto& i : novatek->identifiers) {
    if (i.type == "Government Gazette Number") {
      gazette = true;
      EXPECT_EQ(i.number, "33556474");
      EXPECT_EQ(i.country, "Russia");
    }
  }
  EXPECT_TRUE(gazette);
  // An a.k.a. repeating the primary name (18282) is not added twice.
  const Entity* refinery = FindEntity(*r, "us_ofac_cons:18282");
  ASSERT_NE(refinery, nullptr);
  size_t same = 0;
  for (const auto& n : refinery->names) same += n.full == refinery->caption;
  EXPECT_EQ(same, 1u);
}

TEST(OfacXml, OldNamespaceAndStructuredIdList) {
  auto r = ParseOfacXml(kFixtures / "cons_2020-03-17", "us_ofac_cons", {});
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->entities.size(), 375u);
  EXPECT_EQ(r->version.date, "2020-03-17");
  const Entity* e = FindEntity(*r, "us_ofac_cons:18268");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->schema, Schema::kOrganization);
  EXPECT_EQ(e->caption, "EXIMBANK OF RUSSIA");
  std::vector<std::string> ids;
  for (const auto& i : e->identifiers) ids.push_back(i.type + "=" + i.number);
  EXPECT_THAT(ids, ElementsAre("Public Registration Number=1027739109133", "SWIFT/BIC=EXIRRUMM"));
  EXPECT_THAT(e->websites, ElementsAre("eximbank.ru"));
  EXPECT_THAT(
      e->sanctions_info,
      ElementsAre("Executive Order 13662 Directive Determination - Subject to Directive 1"));
  EXPECT_EQ(e->names.size(), 5u);
  ASSERT_EQ(e->addresses.size(), 1u);
  EXPECT_EQ(e->addresses[0].full, "d.13 str. 1 per.3-I Neopalimovski, Moscow, 119121, Russia");
  EXPECT_EQ(e->addresses[0].postal_code, "119121");
  bool linked = false;
  for (const auto& rel : r->relations) {
    if (rel.source_id == e->id) {
      linked = true;
      EXPECT_EQ(rel.target_name, "VNESHECONOMBANK");
      EXPECT_FALSE(rel.target_id.empty());
    }
  }
  EXPECT_TRUE(linked);
  const Entity* p = FindEntity(*r, "us_ofac_cons:17526");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->caption, "BEKTAS, Halis");
  EXPECT_THAT(p->citizenships, ElementsAre("Switzerland"));
  ASSERT_EQ(p->identifiers.size(), 1u);
  EXPECT_EQ(p->identifiers[0].country, "Switzerland");
  EXPECT_EQ(p->birth_dates[0].ToIso(), "1966-02-13");
}

TEST(OfacXml, SdnExcerptTwoEntriesAndRecordCountWarning) {
  auto r = ParseOfacXml(kFixtures / "sdn_xml_2020-10-29", "us_ofac_sdn", {});
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(r->entities.size(), 2u);
  EXPECT_EQ(r->version.title, "OFAC Specially Designated Nationals (SDN) List");
  const Entity& e = r->entities[0];
  EXPECT_EQ(e.id, "us_ofac_sdn:36");
  EXPECT_EQ(e.caption, "AEROCARIBBEAN AIRLINES");
  EXPECT_THAT(e.names[1].full, "AERO-CARIBBEAN");
  EXPECT_EQ(e.names[1].kind, NameKind::kStrongAlias);
  EXPECT_EQ(r->entities[1].addresses[0].full,
            "Ibex House, The Minories, London, EC3N 1DY, United Kingdom");
  // The excerpt keeps the header of the full file (8,497 records).
  ASSERT_EQ(r->warnings.size(), 1u);
  EXPECT_THAT(r->warnings[0], HasSubstr("Record_Count says 8497"));
}

TEST(OfacXml, RegistrySniffsSdnListRoot) {
  auto r = ParseListDir(kFixtures / "cons_2020-03-17", "us_ofac_cons", {});
  ASSERT_TRUE(r.ok()) << r.status().message();
  // Both files of the pair are in the directory; the classic format is sniffed first.
  EXPECT_EQ(r->version.format, "ofac-xml");
}

TEST(OfacXml, TruncatedFileFailsWithLine) {
  for (bool lenient : {false, true}) {
    ParseOptions o;
    o.lenient = lenient;
    auto r = ParseOfacXml(kFixtures / "malformed_xml/truncated", "us_ofac_cons", o);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().code(), StatusCode::kDataError);
    EXPECT_THAT(r.status().message(), HasSubstr("consolidated.xml:201: malformed XML"));
  }
}

TEST(OfacXml, InvalidUtf8ReportsLineOrIsRepaired) {
  auto strict = ParseOfacXml(kFixtures / "malformed_xml/bad_utf8", "us_ofac_cons", {});
  ASSERT_FALSE(strict.ok());
  EXPECT_EQ(strict.status().code(), StatusCode::kDataError);
  EXPECT_THAT(strict.status().message(), HasSubstr("consolidated.xml:49: invalid UTF-8"));
  ParseOptions o;
  o.lenient = true;
  auto r = ParseOfacXml(kFixtures / "malformed_xml/bad_utf8", "us_ofac_cons", o);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->entities.size(), 5u);
  // The repair, and Record_Count (442) disagreeing with this 5-entry cut.
  ASSERT_EQ(r->warnings.size(), 2u);
  EXPECT_THAT(r->warnings[0], HasSubstr("consolidated.xml:49: invalid UTF-8"));
  const Entity* e = FindEntity(*r, "us_ofac_cons:9640");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->caption,
            "ABU T\xEF\xBF\xBD"
            "EIR, Mohammed");
}

TEST(OfacXml, BadUidIsDataErrorOrSkipped) {
  auto strict = ParseOfacXml(kFixtures / "malformed_xml/bad_uid", "us_ofac_cons", {});
  ASSERT_FALSE(strict.ok());
  EXPECT_EQ(strict.status().code(), StatusCode::kDataError);
  EXPECT_THAT(strict.status().message(),
              HasSubstr("consolidated.xml:46: record 96A0: sdnEntry/uid: expected a number"));
  ParseOptions o;
  o.lenient = true;
  auto r = ParseOfacXml(kFixtures / "malformed_xml/bad_uid", "us_ofac_cons", o);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->entities.size(), 4u);
  EXPECT_EQ(r->version.skipped, 1u);
  EXPECT_THAT(r->warnings, Contains(HasSubstr("record 96A0")));
}

TEST(OfacXml, NoXmlIsNotFound) {
  auto r = ParseOfacXml(kFixtures / "sdn_2021-07", "us_ofac_sdn", {});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kNotFound);
}

}  // namespace
}  // namespace tamiz::sources
