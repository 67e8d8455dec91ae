#include "sources/ofac_remarks.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace tamiz::sources::ofac {
namespace {

using ::testing::ElementsAre;

TEST(OfacRemarks, SplitsOnSemicolonsOutsideParentheses) {
  EXPECT_THAT(SplitRemarks("Telephone (357)(22660766; x); Fax 1; DOB 1962."),
              ElementsAre("Telephone (357)(22660766; x)", "Fax 1", "DOB 1962"));
  EXPECT_TRUE(SplitRemarks("-0- ").empty());
  EXPECT_TRUE(SplitRemarks("").empty());
}

TEST(OfacRemarks, ParsesDateForms) {
  auto full = ParseOfacDate("12 Nov 1974");
  ASSERT_TRUE(full);
  EXPECT_EQ(full->ToIso(), "1974-11-12");
  EXPECT_EQ(ParseOfacDate("Nov 1962")->ToIso(), "1962-11");
  EXPECT_EQ(ParseOfacDate("1962")->ToIso(), "1962");
  auto circa = ParseOfacDate("circa 1960");
  ASSERT_TRUE(circa);
  EXPECT_TRUE(circa->circa);
  EXPECT_EQ(circa->year, 1960);
  auto range = ParseOfacDate("1960 to 1965");
  ASSERT_TRUE(range);
  EXPECT_EQ(range->year, 1960);
  EXPECT_EQ(range->year_to, 1965);
  EXPECT_EQ(ParseOfacDate("circa 1960-1965")->year_to, 1965);
  auto days = ParseOfacDate("01 Jan 1960 to 31 Dec 1962");
  ASSERT_TRUE(days);
  EXPECT_EQ(days->ToIso(), "1960/1962");
  EXPECT_EQ(ParseOfacDate("1974-11-12")->ToIso(), "1974-11-12");
  EXPECT_FALSE(ParseOfacDate("unknown"));
  EXPECT_FALSE(ParseOfacDate("32 Nov 1974"));
  EXPECT_FALSE(ParseOfacDate("12 Foo 1974"));
  EXPECT_FALSE(ParseOfacDate(""));
}

TEST(OfacRemarks, ParsesIdentifierItems) {
  auto p = ParseIdentifierItem("Passport 114910699 (Venezuela) expires 02 Feb 2020");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->type, "Passport");
  EXPECT_EQ(p->number, "114910699");
  EXPECT_EQ(p->country, "Venezuela");
  EXPECT_EQ(p->note, "expires 02 Feb 2020");
  auto rif = ParseIdentifierItem("RIF # J-00317392-4 (Venezuela)");
  ASSERT_TRUE(rif);
  EXPECT_EQ(rif->type, "RIF #");
  EXPECT_EQ(rif->number, "J-00317392-4");
  auto msn = ParseIdentifierItem("Aircraft Manufacturer's Serial Number (MSN) 1023409321");
  ASSERT_TRUE(msn);
  EXPECT_EQ(msn->type, "Aircraft Manufacturer's Serial Number (MSN)");
  EXPECT_EQ(msn->number, "1023409321");
  auto generic = ParseIdentifierItem("Tarjeta Profesional 123456 (Colombia)");
  ASSERT_TRUE(generic);
  EXPECT_EQ(generic->type, "Tarjeta Profesional");
  auto xbt = ParseIdentifierItem("Digital Currency Address - XBT 1Ky1Z8W");
  ASSERT_TRUE(xbt);
  EXPECT_EQ(xbt->type, "Digital Currency Address - XBT");
  EXPECT_EQ(xbt->number, "1Ky1Z8W");
  EXPECT_FALSE(ParseIdentifierItem("Executive Vice President"));
  EXPECT_FALSE(ParseIdentifierItem("POB Caracas (Venezuela)"));
}

TEST(OfacRemarks, AppliesStructuredFacts) {
  Entity e;
  e.id = "us_ofac_sdn:1";
  e.dataset = "us_ofac_sdn";
  e.record_id = "1";
  std::vector<Relation> rels;
  ApplyRemarks(
      "DOB 1962; alt. DOB circa 1960; POB Aleppo, Syria; nationality Syria; citizen Turkey; "
      "Gender Female; a.k.a. 'UMM X'; Website www.example.com; Email Address a@b.c; "
      "Secondary sanctions risk: section 1; Linked To: ACME TRADING S.A.",
      e, rels);
  ASSERT_EQ(e.birth_dates.size(), 2u);
  EXPECT_TRUE(e.birth_dates[1].circa);
  EXPECT_THAT(e.birth_places, ElementsAre("Aleppo, Syria"));
  EXPECT_THAT(e.nationalities, ElementsAre("Syria"));
  EXPECT_THAT(e.citizenships, ElementsAre("Turkey"));
  EXPECT_EQ(e.gender, "female");
  ASSERT_EQ(e.names.size(), 1u);
  EXPECT_EQ(e.names[0].kind, NameKind::kWeakAlias);
  EXPECT_EQ(e.names[0].full, "UMM X");
  EXPECT_THAT(e.websites, ElementsAre("www.example.com"));
  EXPECT_THAT(e.emails, ElementsAre("a@b.c"));
  EXPECT_THAT(e.sanctions_info, ElementsAre("Secondary sanctions risk: section 1"));
  ASSERT_EQ(rels.size(), 1u);
  // The sentence-final '.' is kept when the last word is an abbreviation.
  EXPECT_EQ(rels[0].target_name, "ACME TRADING S.A.");
  EXPECT_EQ(rels[0].source_id, "us_ofac_sdn:1");
  // Applying twice adds nothing.
  ApplyRemarks("DOB 1962; nationality Syria", e, rels);
  EXPECT_EQ(e.birth_dates.size(), 2u);
  EXPECT_EQ(e.nationalities.size(), 1u);
}

TEST(OfacRemarks, ResolvesLinkedNamesWithinTheList) {
  std::vector<Entity> es(2);
  es[0].id = "d:1";
  es[0].names.push_back(MakeName("ACME, S.A.", NameKind::kPrimary, false));
  es[1].id = "d:2";
  es[1].names.push_back(MakeName("DOE, John", NameKind::kPrimary, true));
  es[1].names.push_back(MakeName("JD", NameKind::kWeakAlias, false));
  std::vector<Relation> rels(4);
  rels[0].target_name = "ACME, S.A";  // dot lost by the remarks split
  rels[1].target_name = "Doe, John";
  rels[2].target_name = "jd";
  rels[3].target_name = "NOBODY";
  EXPECT_EQ(ResolveRelations(es, rels), 3u);
  EXPECT_EQ(rels[0].target_id, "d:1");
  EXPECT_EQ(rels[1].target_id, "d:2");
  EXPECT_EQ(rels[2].target_id, "d:2");
  EXPECT_TRUE(rels[3].target_id.empty());
}

TEST(OfacRemarks, ListedNamesAreDeduplicatedAndPrimaryWins) {
  Entity e;
  AddListedName(e, MakeName("ACME LTD", NameKind::kStrongAlias, false));
  AddListedName(e, MakeName("ACME LTD", NameKind::kPrimary, false));
  AddListedName(e, MakeName("ACME LTD", NameKind::kStrongAlias, false));
  AddListedName(e, MakeName("ACME LIMITED", NameKind::kFormer, false));
  ASSERT_EQ(e.names.size(), 2u);
  EXPECT_EQ(e.names[0].kind, NameKind::kPrimary);
  EXPECT_EQ(e.names[1].kind, NameKind::kFormer);
}

TEST(OfacRemarks, CountryInsideNumberIsSplitOut) {
  Identifier id{"Registration ID", "1026303117642 (Russia)", "", ""};
  SplitCountryFromNumber(id);
  EXPECT_EQ(id.number, "1026303117642");
  EXPECT_EQ(id.country, "Russia");
  Identifier kept{"Passport", "A1 (old)", "Iran", ""};
  SplitCountryFromNumber(kept);
  EXPECT_EQ(kept.number, "A1 (old)");
}

TEST(OfacRemarks, VesselFeaturesAnyCase) {
  Entity e;
  EXPECT_TRUE(ApplyVesselFeature("VESSEL TYPE", "Crude Oil Tanker", e));
  EXPECT_TRUE(ApplyVesselFeature("Vessel Flag", "Panama", e));
  EXPECT_TRUE(ApplyVesselFeature("Vessel Gross Registered Tonnage", "56,068", e));
  EXPECT_FALSE(ApplyVesselFeature("Vessel Year of Build", "1999", e));
  ASSERT_TRUE(e.vessel.has_value());
  EXPECT_EQ(e.vessel->vessel_type, "Crude Oil Tanker");
  EXPECT_EQ(e.vessel->flag, "Panama");
  EXPECT_EQ(e.vessel->tonnage, "56,068");
  EXPECT_THAT(e.countries, ElementsAre("Panama"));
  Entity none;
  EXPECT_FALSE(ApplyVesselFeature("Website", "x", none));
  EXPECT_FALSE(none.vessel.has_value());
}

TEST(OfacRemarks, ProgramsAndSchema) {
  EXPECT_THAT(SplitPrograms("VENEZUELA] [IRAN-CON-ARMS-EO"),
              ElementsAre("VENEZUELA", "IRAN-CON-ARMS-EO"));
  EXPECT_THAT(SplitPrograms("[SDGT]"), ElementsAre("SDGT"));
  EXPECT_TRUE(SplitPrograms("-0-").empty());
  EXPECT_EQ(OfacSchema("individual"), Schema::kPerson);
  EXPECT_EQ(OfacSchema("Vessel"), Schema::kVessel);
  EXPECT_EQ(OfacSchema("aircraft"), Schema::kAirplane);
  EXPECT_EQ(OfacSchema("-0- "), Schema::kOrganization);
  EXPECT_EQ(OfacSchema("Entity"), Schema::kOrganization);
}

TEST(OfacRemarks, DeeplyNestedParenthesesDoNotRecurseWithoutBound) {
  Entity e;
  std::vector<Relation> rels;
  std::string remarks = std::string(200000, '(') + "Linked To: X" + std::string(200000, ')');
  ApplyRemarks(remarks, e, rels);
  EXPECT_TRUE(rels.empty());
  ApplyRemarks("((Linked To: Y))", e, rels);
  ASSERT_EQ(rels.size(), 1u);
  EXPECT_EQ(rels[0].target_name, "Y");
}

}  // namespace
}  // namespace tamiz::sources::ofac
