#include "sources/ofac_csv.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>

#include "parser_test_util.h"
#include "sources/ofac_remarks.h"
#include "sources/registry.h"

namespace tamiz::sources {
namespace {

namespace fs = std::filesystem;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::UnorderedElementsAre;

const fs::path kFixtures = fs::path(TAMIZ_SOURCE_DIR) / "tests/fixtures/ofac";

using test_util::FindEntity;

std::vector<std::string> NamesOfKind(const Entity& e, NameKind kind) {
  std::vector<std::string> out;
  for (const auto& n : e.names) {
    if (n.kind == kind) out.push_back(n.full);
  }
  return out;
}

const Identifier* FindId(const Entity& e, const std::string& type) {
  for (const auto& i : e.identifiers) {
    if (i.type == type) return &i;
  }
  return nullptr;
}

ParsedList ParseFixture(const std::string& sub, bool lenient = false) {
  ParseOptions o;
  o.lenient = lenient;
  auto r = ParseOfacCsv(kFixtures / sub, "us_ofac_sdn", o);
  EXPECT_TRUE(r.ok()) << r.status().message();
  return r.ok() ? std::move(r).value() : ParsedList{};
}

TEST(OfacCsv, GoldenCabelloRondon) {
  ParsedList list = ParseFixture("sdn_2021-07");
  const Entity* e = FindEntity(list, "us_ofac_sdn:24424");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->record_id, "24424");
  EXPECT_EQ(e->dataset, "us_ofac_sdn");
  EXPECT_EQ(e->schema, Schema::kPerson);
  EXPECT_EQ(e->caption, "CABELLO RONDON, Diosdado");
  ASSERT_FALSE(e->names.empty());
  EXPECT_EQ(e->names[0].kind, NameKind::kPrimary);
  EXPECT_EQ(e->names[0].full, "CABELLO RONDON, Diosdado");
  EXPECT_EQ(e->names[0].last, "CABELLO RONDON");
  EXPECT_EQ(e->names[0].first, "Diosdado");
  ASSERT_EQ(e->birth_dates.size(), 1u);
  EXPECT_EQ(e->birth_dates[0].ToIso(), "1963-04-15");
  EXPECT_EQ(e->birth_dates[0].raw, "15 Apr 1963");
  EXPECT_THAT(e->citizenships, ElementsAre("Venezuela"));
  EXPECT_EQ(e->gender, "male");
  EXPECT_THAT(e->programs, ElementsAre("VENEZUELA"));
  EXPECT_THAT(e->topics, ElementsAre("sanction"));
  const Identifier* cedula = FindId(*e, "Cedula No.");
  ASSERT_NE(cedula, nullptr);
  EXPECT_EQ(cedula->number, "8370825");
  EXPECT_EQ(cedula->country, "Venezuela");
  const Identifier* passport = FindId(*e, "Passport");
  ASSERT_NE(passport, nullptr);
  EXPECT_EQ(passport->number, "A0237802");
  EXPECT_EQ(e->remarks,
            "DOB 15 Apr 1963; citizen Venezuela; Gender Male; Cedula No. 8370825 (Venezuela); "
            "Passport A0237802 (Venezuela).");
  EXPECT_THAT(e->source_ref, HasSubstr("sdn.csv:"));
}

TEST(OfacCsv, GoldenSarriaDiazLinkedToCabello) {
  ParsedList list = ParseFixture("sdn_2021-07");
  const Entity* e = FindEntity(list, "us_ofac_sdn:24427");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->caption, "SARRIA DIAZ, Rafael Alfredo");
  EXPECT_EQ(e->names[0].first, "Rafael Alfredo");
  std::vector<std::string> passports;
  for (const auto& i : e->identifiers) {
    if (i.type == "Passport") passports.push_back(i.number + "|" + i.country + "|" + i.note);
  }
  EXPECT_THAT(passports, ElementsAre("114910699|Venezuela|expires 02 Feb 2020",
                                     "F0018546|Venezuela|expires 02 Jul 2014"));
  const Relation* link = nullptr;
  for (const auto& r : list.relations) {
    if (r.source_id == "us_ofac_sdn:24427") link = &r;
  }
  ASSERT_NE(link, nullptr);
  EXPECT_EQ(link->target_name, "CABELLO RONDON, Diosdado");
  EXPECT_EQ(link->target_id, "us_ofac_sdn:24424");
  EXPECT_EQ(link->type, RelationType::kUnknownLink);
  EXPECT_EQ(link->provenance, "us_ofac_sdn remarks of 24427");
}

TEST(OfacCsv, GoldenElAissami) {
  ParsedList list = ParseFixture("sdn_2021-07");
  const Entity* e = FindEntity(list, "us_ofac_sdn:20250");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->caption, "EL AISSAMI MADDAH, Tareck Zaidan");
  ASSERT_EQ(e->birth_dates.size(), 1u);
  EXPECT_EQ(e->birth_dates[0].ToIso(), "1974-11-12");
  EXPECT_THAT(e->birth_places, ElementsAre("El Vigia, Merida, Venezuela"));
  EXPECT_THAT(e->programs, ElementsAre("SDNTK"));
  EXPECT_THAT(e->positions,
              ElementsAre("Executive Vice President", "Former Governor of Aragua State"));
  ASSERT_NE(FindId(*e, "Passport"), nullptr);
  EXPECT_EQ(FindId(*e, "Passport")->number, "C1668015");
  ASSERT_NE(FindId(*e, "Identification Number"), nullptr);
  EXPECT_EQ(FindId(*e, "Identification Number")->number, "12.354.211");
  EXPECT_EQ(FindId(*e, "Identification Number")->country, "Venezuela");
}

TEST(OfacCsv, VesselColumnsAndImo) {
  ParsedList list = ParseFixture("sdn_2021-07");
  const Entity* e = FindEntity(list, "us_ofac_sdn:15036");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->schema, Schema::kVessel);
  ASSERT_TRUE(e->vessel.has_value());
  EXPECT_EQ(e->vessel->imo, "9187629");
  EXPECT_EQ(e->vessel->mmsi, "572469210");
  EXPECT_EQ(e->vessel->call_sign, "T2EU4");
  EXPECT_EQ(e->vessel->vessel_type, "Crude/Oil Products Tanker");
  EXPECT_EQ(e->vessel->tonnage, "99,144");
  EXPECT_EQ(e->vessel->flag, "Iran");
  ASSERT_NE(FindId(*e, "IMO"), nullptr);
  EXPECT_EQ(FindId(*e, "IMO")->number, "9187629");
  EXPECT_THAT(NamesOfKind(*e, NameKind::kFormer), ::testing::Contains("ALPHA"));
  EXPECT_THAT(e->sanctions_info,
              ElementsAre("Additional Sanctions Information - Subject to Secondary Sanctions"));
  bool linked = false;
  for (const auto& r : list.relations) {
    if (r.source_id == e->id) {
      linked = true;
      EXPECT_EQ(r.target_name, "NATIONAL IRANIAN TANKER COMPANY");
      EXPECT_EQ(r.target_id, "us_ofac_sdn:15117");
    }
  }
  EXPECT_TRUE(linked);
  const Entity* hermann = FindEntity(list, "us_ofac_sdn:4234");
  ASSERT_NE(hermann, nullptr);
  ASSERT_TRUE(hermann->vessel.has_value());
  EXPECT_EQ(hermann->vessel->owner, "Compania Navegacion Golfo S.A.");
  EXPECT_EQ(hermann->vessel->tonnage, "2597");
}

TEST(OfacCsv, RemarksContinueInCommentsFile) {
  ParsedList list = ParseFixture("sdn_2021-07");
  const Entity* e = FindEntity(list, "us_ofac_sdn:28263");
  ASSERT_NE(e, nullptr);
  // sdn.csv cuts the remark inside "a.k.a. 'snowsjohn'"; sdn_comments.csv carries the rest.
  EXPECT_THAT(e->remarks, HasSubstr("a.k.a. 'snowsjohn'; Linked To: LAZARUS GROUP."));
  EXPECT_THAT(NamesOfKind(*e, NameKind::kWeakAlias), ::testing::Contains("snowsjohn"));
  bool lazarus = false;
  for (const auto& r : list.relations) {
    if (r.source_id == e->id && r.target_name == "LAZARUS GROUP") lazarus = true;
  }
  EXPECT_TRUE(lazarus);
  const Entity* big = FindEntity(list, "us_ofac_sdn:12300");
  ASSERT_NE(big, nullptr);
  EXPECT_THAT(big->remarks, HasSubstr("Linked To: PROMO RAIZ S.A.S.; Linked To: RED MUNDIAL"));
  EXPECT_EQ(big->remarks.back(), '.');
}

TEST(OfacCsv, CircaRangeAndAltDob) {
  ParsedList list = ParseFixture("sdn_2021-07");
  const Entity* circa = FindEntity(list, "us_ofac_sdn:7782");
  ASSERT_NE(circa, nullptr);
  ASSERT_EQ(circa->birth_dates.size(), 1u);
  EXPECT_TRUE(circa->birth_dates[0].circa);
  EXPECT_EQ(circa->birth_dates[0].year, 1951);
  const Entity* range = FindEntity(list, "us_ofac_sdn:15496");
  ASSERT_NE(range, nullptr);
  ASSERT_EQ(range->birth_dates.size(), 1u);
  EXPECT_EQ(range->birth_dates[0].year, 1929);
  EXPECT_EQ(range->birth_dates[0].year_to, 1930);
  EXPECT_EQ(range->birth_dates[0].ToIso(), "1929/1930");
  const Entity* alt = FindEntity(list, "us_ofac_sdn:2686");
  ASSERT_NE(alt, nullptr);
  std::vector<std::string> isos;
  for (const auto& d : alt->birth_dates) isos.push_back(d.ToIso());
  EXPECT_THAT(isos, ElementsAre("1960-08-31", "1953-08-31", "1955-08-31", "1958-08-31"));
  EXPECT_THAT(alt->programs, ElementsAre("SDGT", "SYRIA"));
}

TEST(OfacCsv, AliasesAddressesAndWeakAliases) {
  ParsedList list = ParseFixture("sdn_2021-07");
  const Entity* bnc = FindEntity(list, "us_ofac_sdn:306");
  ASSERT_NE(bnc, nullptr);
  EXPECT_EQ(bnc->schema, Schema::kOrganization);
  EXPECT_THAT(NamesOfKind(*bnc, NameKind::kStrongAlias), ElementsAre("NATIONAL BANK OF CUBA"));
  EXPECT_THAT(NamesOfKind(*bnc, NameKind::kWeakAlias), ElementsAre("BNC"));
  ASSERT_GE(bnc->addresses.size(), 2u);
  EXPECT_EQ(bnc->addresses[0].street, "Zweierstrasse 35");
  EXPECT_EQ(bnc->addresses[0].city, "Zurich CH-8022");
  EXPECT_EQ(bnc->addresses[0].country, "Switzerland");
  EXPECT_EQ(bnc->addresses[0].full, "Zweierstrasse 35, Zurich CH-8022, Switzerland");
  EXPECT_THAT(bnc->countries, ::testing::Contains("Switzerland"));
  const Entity* djibo = FindEntity(list, "us_ofac_sdn:32391");
  ASSERT_NE(djibo, nullptr);
  EXPECT_THAT(NamesOfKind(*djibo, NameKind::kWeakAlias), ::testing::Contains("CHAPORI, Petit"));
  EXPECT_THAT(djibo->nationalities, ElementsAre("Niger"));
}

TEST(OfacCsv, VersionRecord) {
  ParsedList list = ParseFixture("sdn_2021-07");
  EXPECT_EQ(list.version.format, "ofac-csv");
  EXPECT_EQ(list.version.sha256.size(), 64u);
  EXPECT_THAT(list.version.files,
              UnorderedElementsAre("sdn.csv", "sdn_comments.csv", "alt.csv", "add.csv"));
  EXPECT_TRUE(list.version.date.empty());
  EXPECT_EQ(list.version.skipped, 0u);
  EXPECT_EQ(list.entities.size(), 15u);
}

TEST(OfacCsv, FullBundledSdn2021Has8976Records) {
  auto r = ParseOfacCsv(fs::path(TAMIZ_SOURCE_DIR) / "data/lists/us_ofac_sdn/2021-07",
                        "us_ofac_sdn", {});
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->entities.size(), 8976u);
  EXPECT_TRUE(r->warnings.empty()) << r->warnings.front();
  size_t persons = 0, vessels = 0, aircraft = 0, with_dob = 0, aliases = 0, addresses = 0;
  for (const auto& e : r->entities) {
    persons += e.schema == Schema::kPerson;
    vessels += e.schema == Schema::kVessel;
    aircraft += e.schema == Schema::kAirplane;
    with_dob += !e.birth_dates.empty();
    addresses += e.addresses.size();
    for (const auto& n : e.names) aliases += n.kind == NameKind::kStrongAlias;
  }
  EXPECT_EQ(persons, 4620u);
  EXPECT_EQ(vessels, 406u);
  EXPECT_EQ(aircraft, 277u);
  EXPECT_GT(with_dob, 4000u);
  EXPECT_GT(aliases, 11000u);
  EXPECT_GT(addresses, 11000u);  // 13,837 add.csv rows, many all -0-
  // 3,391 "Linked To:" items in sdn.csv plus those in the comment continuations.
  size_t resolved = 0;
  for (const auto& rel : r->relations) resolved += !rel.target_id.empty();
  EXPECT_GE(r->relations.size(), 3391u);
  EXPECT_LE(r->relations.size(), 3420u);
  EXPECT_GT(resolved, r->relations.size() * 95 / 100);
}

TEST(OfacCsv, RegistryDetectsAndDatesFromDirectory) {
  auto r = ParseListDir(fs::path(TAMIZ_SOURCE_DIR) / "data/lists/us_ofac_sdn/2021-07",
                        "us_ofac_sdn", {});
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->version.format, "ofac-csv");
  EXPECT_EQ(r->version.date, "2021-07");
}

TEST(OfacCsv, ConsolidatedPrefixFiles) {
  auto r = ParseOfacCsv(kFixtures / "cons_2025-12", "us_ofac_cons", {});
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->version.title, "OFAC Consolidated Sanctions List (non-SDN)");
  const Entity* e = FindEntity(*r, "us_ofac_cons:9639");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->caption, "HANIYA, Ismail Abdul Salah");
  EXPECT_THAT(NamesOfKind(*e, NameKind::kStrongAlias), ::testing::Contains("HANIYA, Ismail"));
  ASSERT_EQ(e->birth_dates.size(), 1u);
  EXPECT_EQ(e->birth_dates[0].year, 1962);
}

// --- malformed input -------------------------------------------------------------------

struct MalformedCase {
  const char* dir;
  const char* expect;  // substring of the strict-mode error
  size_t lenient_entities;
};

class OfacCsvMalformed : public ::testing::TestWithParam<MalformedCase> {};

TEST_P(OfacCsvMalformed, StrictFailsWithFileLineAndLenientSkips) {
  const MalformedCase& c = GetParam();
  auto strict = ParseOfacCsv(kFixtures / "malformed" / c.dir, "us_ofac_sdn", {});
  ASSERT_FALSE(strict.ok());
  EXPECT_EQ(strict.status().code(), StatusCode::kDataError);
  EXPECT_THAT(strict.status().message(), HasSubstr(c.expect));
  ParseOptions lenient;
  lenient.lenient = true;
  auto r = ParseOfacCsv(kFixtures / "malformed" / c.dir, "us_ofac_sdn", lenient);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->version.skipped, 1u);
  ASSERT_EQ(r->warnings.size(), 1u);
  EXPECT_THAT(r->warnings[0], HasSubstr(c.expect));
  EXPECT_EQ(r->entities.size(), c.lenient_entities);
}

INSTANTIATE_TEST_SUITE_P(
    Fixtures, OfacCsvMalformed,
    ::testing::Values(
        MalformedCase{"truncated", "sdn.csv:5: record 7782: field 12 (remarks): unterminated quote",
                      4},
        MalformedCase{"bad_quotes", "sdn.csv:2: record 306: field 4 (Program)", 4},
        MalformedCase{"bad_utf8", "sdn.csv:2: record 306: field 2 (SDN_Name): invalid UTF-8", 3},
        MalformedCase{"non_numeric_id", "sdn.csv:2: record 30X: field 1 (ent_num): not a number",
                      3}),
    [](const auto& p) { return std::string(p.param.dir); });

TEST(OfacCsv, MissingCompanionFilesAreOptional) {
  auto r = ParseOfacCsv(kFixtures / "malformed/main_only", "us_ofac_sdn", {});
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->entities.size(), 15u);
  EXPECT_THAT(r->version.files, ElementsAre("sdn.csv"));
}

TEST(OfacCsv, HugeFieldIsRejectedNotCrashed) {
  fs::path dir = fs::temp_directory_path() / ("tamiz_ofac_huge_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  {
    std::ofstream out(dir / "sdn.csv", std::ios::binary);
    out << "1,\"A\",-0- ,\"X\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n";
    out << "2,\"B\",-0- ,\"X\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,\"" << std::string(2 << 20, 'x')
        << "\"\r\n";
    out << "3,\"C\",-0- ,\"X\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n";
  }
  auto strict = ParseOfacCsv(dir, "us_ofac_sdn", {});
  ASSERT_FALSE(strict.ok());
  EXPECT_EQ(strict.status().code(), StatusCode::kDataError);
  EXPECT_THAT(strict.status().message(), HasSubstr("sdn.csv:2: record 2: field 12 (remarks)"));
  ParseOptions lenient;
  lenient.lenient = true;
  auto r = ParseOfacCsv(dir, "us_ofac_sdn", lenient);
  fs::remove_all(dir);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->entities.size(), 2u);
  EXPECT_EQ(r->version.skipped, 1u);
}

TEST(OfacCsv, LenientSkipsMultiLineBadRecordWhole) {
  fs::path dir = fs::temp_directory_path() / ("tamiz_ofac_multiline_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  {
    std::ofstream out(dir / "sdn.csv", std::ios::binary);
    out << "1,\"A\",-0- ,\"X\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n";
    out << "X2,\"B\",-0- ,\"X\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,\"line one\r\n"
           "3,\"\"C\"\", still remarks\"\r\n";
    out << "4,\"D\",-0- ,\"X\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n";
  }
  ParseOptions lenient;
  lenient.lenient = true;
  auto r = ParseOfacCsv(dir, "us_ofac_sdn", lenient);
  fs::remove_all(dir);
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(r->entities.size(), 2u);
  EXPECT_EQ(r->entities[1].id, "us_ofac_sdn:4");
  EXPECT_EQ(r->entities[1].source_ref, "sdn.csv:4");
  EXPECT_EQ(r->version.skipped, 1u);
  ASSERT_EQ(r->warnings.size(), 1u);
  EXPECT_THAT(r->warnings[0], HasSubstr("sdn.csv:2: record X2: field 1 (ent_num)"));
}

TEST(OfacCsv, MissingMainFileIsNotFound) {
  auto r = ParseOfacCsv(kFixtures / "does_not_exist", "us_ofac_sdn", {});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kNotFound);
}

}  // namespace
}  // namespace tamiz::sources
