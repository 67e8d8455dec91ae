#include "sources/custom_csv.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "sources/registry.h"

namespace tamiz::sources {
namespace {

namespace fs = std::filesystem;

const fs::path kWatch = fs::path(TAMIZ_SOURCE_DIR) / "tests/fixtures/custom/watch";

const char* kToml =
    "title = \"T\"\nfile = \"l.csv\"\n[columns]\nid = \"Ref\"\nname = \"Name\"\n"
    "aliases = \"AKA\"\nalias_separator = \"|\"\n";

fs::path WriteDir(const std::string& test, const std::string& toml, const std::string& csv) {
  fs::path dir = fs::temp_directory_path() / ("tamiz_custom_test_" + test);
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::ofstream(dir / "list.toml", std::ios::binary) << toml;
  std::ofstream(dir / "l.csv", std::ios::binary) << csv;
  return dir;
}

TEST(CustomCsv, WatchListFromTomlMapping) {
  const Format* f = DetectFormat(kWatch);
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->name, "custom-csv");
  auto r = ParseListDir(kWatch, "acme_watch", {});
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->version.title, "Internal watch list");
  EXPECT_EQ(r->version.files, (std::vector<std::string>{"watch.csv", "list.toml"}));
  ASSERT_EQ(r->entities.size(), 3u);  // C-001 appears twice and is merged

  const Entity& q = r->entities[0];
  EXPECT_EQ(q.id, "acme_watch:C-001");
  EXPECT_EQ(q.schema, Schema::kPerson);
  EXPECT_EQ(q.caption, "Quentin Marlowe Fairweather");
  ASSERT_EQ(q.names.size(), 4u);
  EXPECT_EQ(q.names[1].full, "Q. M. Fairweather");
  EXPECT_EQ(q.names[1].kind, NameKind::kStrongAlias);
  EXPECT_EQ(q.names[3].full, "Quentin M. Fairweather");  // from the second C-001 row
  EXPECT_EQ(q.birth_dates.at(0).ToIso(), "1971-03-09");
  EXPECT_EQ(q.countries, std::vector<std::string>{"GB"});
  ASSERT_EQ(q.identifiers.size(), 2u);
  EXPECT_EQ(q.identifiers[0].type, "Passport");
  EXPECT_EQ(q.identifiers[0].number, "X1234567");
  EXPECT_EQ(q.identifiers[1].number, "Y7654321");
  EXPECT_EQ(q.topics, std::vector<std::string>{"crime"});
  EXPECT_EQ(q.source_ref, "watch.csv:2");

  EXPECT_EQ(r->entities[1].schema, Schema::kOrganization);
  EXPECT_EQ(r->entities[2].schema, Schema::kPerson);  // empty Type -> default schema
  EXPECT_EQ(r->entities[2].birth_dates.at(0).ToIso(), "1988-02-14");
}

TEST(CustomCsv, MappingWithoutTomlForCliFlags) {
  CustomMapping m;
  m.source = "--columns";
  m.name = "full name";  // header match ignores case
  m.country = "Country";
  m.delimiter = ',';
  m.default_schema = "Company";
  auto r = ParseCustomCsvWithMapping(kWatch / "watch.csv", m, "cli", {});
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(r->entities.size(), 4u);  // no id column: every row is its own record
  EXPECT_EQ(r->entities[0].id, "cli:2");
  EXPECT_EQ(r->entities[0].schema, Schema::kCompany);
  EXPECT_EQ(r->version.title, "cli");
}

TEST(CustomCsv, UnknownColumnNamesListTomlAndKey) {
  fs::path dir = WriteDir("unknown_column", std::string(kToml) + "dob = \"Birthday\"\n",
                          "Ref,Name,AKA\n1,A,\n");
  auto r = ParseCustomCsv(dir, "c", {});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kDataError);
  EXPECT_EQ(r.status().message(),
            "list.toml: columns.dob: column \"Birthday\" is not in the header of l.csv");
}

TEST(CustomCsv, TomlErrorsNameLine) {
  auto syntax = ParseCustomCsv(WriteDir("syntax", "title = \"T\"\n[columns\n", "a\n"), "c", {});
  ASSERT_FALSE(syntax.ok());
  EXPECT_EQ(syntax.status().message().rfind("list.toml:2:", 0), 0u) << syntax.status().message();

  auto typo =
      ParseCustomCsv(WriteDir("typo", std::string(kToml) + "nmae = \"X\"\n", "a\n"), "c", {});
  ASSERT_FALSE(typo.ok());
  EXPECT_EQ(typo.status().message(), "list.toml:8: unknown key columns.nmae");

  auto type = ParseCustomCsv(WriteDir("type", "[columns]\nname = 3\n", "a\n"), "c", {});
  ASSERT_FALSE(type.ok());
  EXPECT_EQ(type.status().message(), "list.toml:2: columns.name: expected a string");

  auto schema = ParseCustomCsv(
      WriteDir("schema", std::string(kToml) + "[schema_map]\nX = \"Martian\"\n", "Ref,Name,AKA\n"),
      "c", {});
  ASSERT_FALSE(schema.ok());
  EXPECT_EQ(schema.status().message(), "list.toml: schema_map.X: unknown schema \"Martian\"");

  auto escape = ParseCustomCsv(
      WriteDir("escape", "file = \"../x.csv\"\n[columns]\nname = \"N\"\n", "a\n"), "c", {});
  ASSERT_FALSE(escape.ok());
}

TEST(CustomCsv, RowWithoutNameIsSkippedWhenLenient) {
  fs::path dir = WriteDir("no_name", kToml, "Ref,Name,AKA\n1,Ann Example,A. Example|Annie\n2,,x\n");
  auto strict = ParseCustomCsv(dir, "c", {});
  ASSERT_FALSE(strict.ok());
  EXPECT_EQ(strict.status().message(), "l.csv:3: record 2: empty name (column \"Name\")");
  ParseOptions lenient;
  lenient.lenient = true;
  auto r = ParseCustomCsv(dir, "c", lenient);
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(r->entities.size(), 1u);
  EXPECT_EQ(r->entities[0].names.size(), 3u);  // alias_separator "|"
  EXPECT_EQ(r->version.skipped, 1u);
  EXPECT_EQ(r->warnings.at(0), "l.csv:3: record 2: empty name (column \"Name\")");
}

TEST(CustomCsv, TabDelimiterAndMalformedRows) {
  fs::path dir = WriteDir("tab",
                          "delimiter = \"\\\\t\"\nfile = \"l.csv\"\n[columns]\nid = \"Ref\"\n"
                          "name = \"Name\"\n",
                          "Ref\tName\n1\tAnn\n2\tBo\textra\n\tNo Id\n");
  auto strict = ParseCustomCsv(dir, "c", {});
  ASSERT_FALSE(strict.ok());
  EXPECT_EQ(strict.status().message(), "l.csv:3: record 2: expected 2 fields, found 3");
  ParseOptions lenient;
  lenient.lenient = true;
  auto r = ParseCustomCsv(dir, "c", lenient);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->entities.size(), 1u);
  EXPECT_EQ(r->version.skipped, 2u);
  EXPECT_EQ(r->warnings.at(1), "l.csv:4: empty id (column \"Ref\")");
}

}  // namespace
}  // namespace tamiz::sources
