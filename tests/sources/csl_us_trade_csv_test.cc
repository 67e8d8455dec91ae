#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "sources/registry.h"
#include "sources/us_trade_csl_csv.h"

namespace tamiz::sources {
namespace {

namespace fs = std::filesystem;

const fs::path kRoot = fs::path(TAMIZ_SOURCE_DIR);
const fs::path kBundled = kRoot / "data/lists/us_trade_csl/2025-06";
const fs::path kPartial = kRoot / "tests/fixtures/csl/partial_2023-11";

const std::string kHeader =
    "_id,source,entity_number,type,programs,name,title,addresses,federal_register_notice,"
    "start_date,end_date,standard_order,license_requirement,license_policy,call_sign,vessel_type,"
    "gross_tonnage,gross_registered_tonnage,vessel_flag,vessel_owner,remarks,source_list_url,"
    "alt_names,citizenships,dates_of_birth,nationalities,places_of_birth,source_information_url,"
    "ids\n";

const Entity* Find(const ParsedList& l, const std::string& id) {
  for (const auto& e : l.entities) {
    if (e.id == id) return &e;
  }
  return nullptr;
}

fs::path WriteListDir(const std::string& test, const std::string& content) {
  fs::path dir = fs::temp_directory_path() / ("tamiz_csl_test_" + test);
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::ofstream(dir / "consolidated.csv", std::ios::binary) << content;
  return dir;
}

// A CSL row with 29 fields: `id`, `name`, and the remaining fields empty.
std::string Row(const std::string& id, const std::string& name) {
  std::string row = "\"" + id + "\",\"Denied Persons List (DPL) - Bureau of Industry and " +
                    "Security\",\"\",\"\",\"\",\"" + name + "\"";
  for (int i = 0; i < 23; ++i) row += ",\"\"";
  return row + "\n";
}

TEST(UsTradeCslCsv, BundledSampleHas13Entities) {
  auto r = ParseUsTradeCslCsv(kBundled, "us_trade_csl", {});
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->entities.size(), 13u);
  EXPECT_EQ(r->version.format, "us-trade-csl-csv");
  EXPECT_EQ(r->version.files, std::vector<std::string>{"consolidated.csv"});
  EXPECT_EQ(r->version.sha256.size(), 64u);
  EXPECT_EQ(r->version.skipped, 0u);
  EXPECT_TRUE(r->warnings.empty());
}

TEST(UsTradeCslCsv, BundledDirectoryIsSniffedAsCsl) {
  const Format* f = DetectFormat(kBundled);
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->name, "us-trade-csl-csv");
  auto r = ParseListDir(kBundled, "us_trade_csl", {});
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->version.date, "2025-06");
  EXPECT_EQ(r->version.entity_count, 13u);
}

TEST(UsTradeCslCsv, SdnIndividualParsedFieldByField) {
  auto r = ParseUsTradeCslCsv(kBundled, "us_trade_csl", {});
  ASSERT_TRUE(r.ok()) << r.status().message();
  const Entity* e = Find(*r, "us_trade_csl:52291");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->dataset, "us_trade_csl");
  EXPECT_EQ(e->record_id, "52291");
  EXPECT_EQ(e->schema, Schema::kPerson);
  EXPECT_EQ(e->caption, "RIM, Ryong Nam");
  ASSERT_EQ(e->names.size(), 1u);
  EXPECT_EQ(e->names[0].kind, NameKind::kPrimary);
  EXPECT_EQ(e->names[0].last, "RIM");
  EXPECT_EQ(e->names[0].first, "Ryong Nam");
  ASSERT_EQ(e->programs.size(), 2u);
  EXPECT_EQ(e->programs[0], "source:Specially Designated Nationals (SDN) - Treasury Department");
  EXPECT_EQ(e->programs[1], "NPWMD");
  EXPECT_EQ(e->topics, std::vector<std::string>{"sanction"});
  ASSERT_EQ(e->addresses.size(), 2u);
  EXPECT_EQ(e->addresses[0].full, "Shenyang, CN");
  EXPECT_EQ(e->addresses[0].city, "Shenyang");
  EXPECT_EQ(e->addresses[0].country, "CN");
  EXPECT_EQ(e->addresses[1].country, "KP");
  EXPECT_EQ(e->countries, (std::vector<std::string>{"CN", "KP"}));
  ASSERT_EQ(e->birth_dates.size(), 1u);
  EXPECT_EQ(e->birth_dates[0].ToIso(), "1978-12-05");
  EXPECT_EQ(e->nationalities, std::vector<std::string>{"KP"});
  EXPECT_EQ(e->gender, "male");
  ASSERT_EQ(e->identifiers.size(), 1u);
  EXPECT_EQ(e->identifiers[0].type, "Passport");
  EXPECT_EQ(e->identifiers[0].number, "836238033");
  EXPECT_EQ(e->identifiers[0].country, "KP");
  ASSERT_EQ(e->sanctions_info.size(), 2u);
  EXPECT_EQ(e->sanctions_info[0],
            "Secondary sanctions risk: North Korea Sanctions Regulations, sections 510.201 and "
            "510.210");
  EXPECT_EQ(e->source_ref, "consolidated.csv:6");
}

TEST(UsTradeCslCsv, AliasesBirthPlacesAndSourceTopics) {
  auto r = ParseUsTradeCslCsv(kBundled, "us_trade_csl", {});
  ASSERT_TRUE(r.ok()) << r.status().message();
  const Entity* plc = Find(*r, "us_trade_csl:9673");
  ASSERT_NE(plc, nullptr);
  ASSERT_EQ(plc->names.size(), 3u);
  EXPECT_EQ(plc->names[1].full, "Mohammad Mutlaq ABU JHESHEH");
  EXPECT_EQ(plc->names[1].kind, NameKind::kStrongAlias);
  EXPECT_EQ(plc->birth_places, std::vector<std::string>{"Izna, Hebron"});
  EXPECT_EQ(plc->birth_dates.at(0).year, 1955);
  EXPECT_EQ(plc->remarks, "HAMAS - Hebron");

  const Entity* isn =
      Find(*r, "us_trade_csl:233a4d725770c81fb561ffe3842c14010c2201971d6be62eca1e613b");
  ASSERT_NE(isn, nullptr);
  EXPECT_EQ(isn->schema, Schema::kLegalEntity);
  EXPECT_EQ(isn->caption, "Sinobright Import and Export Company");
  EXPECT_EQ(isn->remarks, "and any successor, sub-unit, or subsidiary thereof");
  EXPECT_EQ(isn->listed_on, "2023-07-19");

  const Entity* meu = Find(*r, "us_trade_csl:66f6ab3f26234b75a9093fce79ef0ce0");
  ASSERT_NE(meu, nullptr);
  EXPECT_EQ(meu->topics, std::vector<std::string>{"export.control"});
  EXPECT_EQ(meu->listed_on, "2020-12-23");
}

TEST(UsTradeCslCsv, Partial2023FileHasDuplicatedHeaderAndTruncatedLastRecord) {
  // Strict: the truncated last record (an unterminated quote at end of file) is an error that
  // names the line and the record; the duplicated header alone is not.
  auto strict = ParseUsTradeCslCsv(kPartial, "us_trade_csl", {});
  ASSERT_FALSE(strict.ok());
  EXPECT_EQ(strict.status().code(), StatusCode::kDataError);
  EXPECT_NE(strict.status().message().find("consolidated.csv:4233: record 11476:"),
            std::string::npos)
      << strict.status().message();

  ParseOptions lenient;
  lenient.lenient = true;
  auto r = ParseUsTradeCslCsv(kPartial, "us_trade_csl", lenient);
  ASSERT_TRUE(r.ok()) << r.status().message();
  // 4,228 data rows: the repeated header, 4,226 records and the truncated one. Seven OFAC ids
  // appear on two source lists (SDN/SSI/NS-MBS) and are merged.
  EXPECT_EQ(r->entities.size(), 4219u);
  EXPECT_EQ(r->version.skipped, 2u);
  ASSERT_EQ(r->warnings.size(), 2u);
  EXPECT_EQ(r->warnings[0], "consolidated.csv:2: repeated header row skipped");
  EXPECT_NE(r->warnings[1].find("consolidated.csv:4233: record 11476"), std::string::npos);
}

TEST(UsTradeCslCsv, SameIdOnTwoSourceListsIsMergedIntoOneEntity) {
  ParseOptions lenient;
  lenient.lenient = true;
  auto r = ParseUsTradeCslCsv(kPartial, "us_trade_csl", lenient);
  ASSERT_TRUE(r.ok()) << r.status().message();
  const Entity* e = Find(*r, "us_trade_csl:17014");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->caption, "Joint Stock Company Russian Agricultural Bank");
  int sources = 0;
  for (const auto& p : e->programs) sources += p.rfind("source:", 0) == 0 ? 1 : 0;
  EXPECT_EQ(sources, 2);
  bool upper_alias = false;
  for (const auto& n : e->names) {
    upper_alias = upper_alias || (n.full == "JOINT STOCK COMPANY RUSSIAN AGRICULTURAL BANK" &&
                                  n.kind == NameKind::kStrongAlias);
  }
  EXPECT_TRUE(upper_alias);
  bool swift = false;
  for (const auto& id : e->identifiers)
    swift = swift || (id.type == "SWIFT/BIC" && id.number == "RUAGRUMM");
  EXPECT_TRUE(swift);
  EXPECT_EQ(e->websites, std::vector<std::string>{"http://www.rshb.ru"});
}

TEST(UsTradeCslCsv, DuplicatedHeaderIsSkippedWithWarningEvenWhenStrict) {
  fs::path dir = WriteListDir("dup_header", kHeader + kHeader + Row("1", "ACME TRADING"));
  auto r = ParseUsTradeCslCsv(dir, "t", {});
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->entities.size(), 1u);
  EXPECT_EQ(r->version.skipped, 1u);
  ASSERT_EQ(r->warnings.size(), 1u);
  EXPECT_EQ(r->warnings[0], "consolidated.csv:2: repeated header row skipped");
}

TEST(UsTradeCslCsv, RowWithWrongFieldCountNamesLineAndRecord) {
  fs::path dir = WriteListDir(
      "short_row", kHeader + Row("1", "ACME") + "\"77\",\"x\",\"y\"\n" + Row("3", "OTHER"));
  auto strict = ParseUsTradeCslCsv(dir, "t", {});
  ASSERT_FALSE(strict.ok());
  EXPECT_EQ(strict.status().message(),
            "consolidated.csv:3: record 77: expected 29 fields, found 3");
  ParseOptions lenient;
  lenient.lenient = true;
  auto r = ParseUsTradeCslCsv(dir, "t", lenient);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->entities.size(), 2u);
  EXPECT_EQ(r->version.skipped, 1u);
}

TEST(UsTradeCslCsv, EmptyNameAndMissingIdAreMalformed) {
  fs::path dir = WriteListDir("empty_name", kHeader + Row("5", "") + Row("", "NAMELESS ID"));
  auto strict = ParseUsTradeCslCsv(dir, "t", {});
  ASSERT_FALSE(strict.ok());
  EXPECT_EQ(strict.status().message(), "consolidated.csv:2: record 5: empty name");
  ParseOptions lenient;
  lenient.lenient = true;
  auto r = ParseUsTradeCslCsv(dir, "t", lenient);
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->entities.empty());
  EXPECT_EQ(r->version.skipped, 2u);
  EXPECT_EQ(r->warnings.at(1), "consolidated.csv:3: record without _id (field 1)");
}

TEST(UsTradeCslCsv, InvalidUtf8AndMissingColumnsAreDataErrors) {
  fs::path bad = WriteListDir("utf8", kHeader + Row("1", "AC\xC3\x28ME"));
  auto r = ParseUsTradeCslCsv(bad, "t", {});
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("consolidated.csv:2: invalid UTF-8"), std::string::npos);
  ParseOptions lenient;
  lenient.lenient = true;
  auto repaired = ParseUsTradeCslCsv(bad, "t", lenient);
  ASSERT_TRUE(repaired.ok());
  EXPECT_EQ(repaired->entities.at(0).caption, "AC\xEF\xBF\xBD(ME");

  fs::path no_name = WriteListDir("no_name_col", "_id,source\n\"1\",\"x\"\n");
  auto r2 = ParseUsTradeCslCsv(no_name, "t", {});
  ASSERT_FALSE(r2.ok());
  EXPECT_EQ(r2.status().message(),
            "consolidated.csv:1: header has no column 'name' (not a CSL file?)");

  fs::path missing = fs::temp_directory_path() / "tamiz_csl_test_missing_dir";
  fs::remove_all(missing);
  auto r3 = ParseUsTradeCslCsv(missing, "t", {});
  EXPECT_FALSE(r3.ok());
}

}  // namespace
}  // namespace tamiz::sources
