#include "diff/diff.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "sources/registry.h"

namespace tamiz::diff {
namespace {

namespace fs = std::filesystem;

const fs::path kRepo = TAMIZ_SOURCE_DIR;
const fs::path kSdn2021 = kRepo / "data" / "lists" / "us_ofac_sdn" / "2021-07";
const fs::path kSdn2024 = kRepo / "tests" / "fixtures" / "diff" / "sdn_2024-05-03";

// Independent of the product's CSV reader: the ids in the first column of an OFAC sdn.csv.
// A record starts on a line whose first field is a number followed by a comma; quoted fields
// may span lines, so quotes are tracked across lines.
std::set<std::string> SdnIds(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::set<std::string> ids;
  std::string line;
  bool in_quotes = false;
  while (std::getline(in, line)) {
    if (!in_quotes) {
      size_t comma = line.find(',');
      if (comma != std::string::npos && comma > 0 &&
          line.find_first_not_of("0123456789") == comma) {
        ids.insert(line.substr(0, comma));
      }
    }
    for (char c : line) {
      if (c == '"') in_quotes = !in_quotes;
    }
  }
  return ids;
}

size_t CountMissing(const std::set<std::string>& a, const std::set<std::string>& b) {
  size_t n = 0;
  for (const auto& id : a) n += b.count(id) == 0 ? 1 : 0;
  return n;
}

ParsedList Parse(const fs::path& dir) {
  auto r = sources::ParseListDir(dir, "us_ofac_sdn", {});
  EXPECT_TRUE(r.ok()) << r.status().message();
  return r.ok() ? std::move(r).value() : ParsedList{};
}

class SdnDiffTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto in = LoadDiffInputs(kSdn2021, kSdn2024, "us_ofac_sdn", {});
    ASSERT_TRUE(in.ok()) << in.status().message();
    in_ = new DiffInputs(std::move(in).value());
    diff_ = new ListDiff(DiffLists(in_->older, in_->newer));
  }
  static void TearDownTestSuite() {
    delete in_;
    delete diff_;
  }
  static const EntityChange* Changed(const std::string& id) {
    for (const auto& c : diff_->changed) {
      if (c.id == id) return &c;
    }
    return nullptr;
  }
  static DiffInputs* in_;
  static ListDiff* diff_;
};
DiffInputs* SdnDiffTest::in_ = nullptr;
ListDiff* SdnDiffTest::diff_ = nullptr;

TEST_F(SdnDiffTest, AddedAndRemovedMatchAnIndependentCountOfIds) {
  std::set<std::string> old_ids = SdnIds(kSdn2021 / "sdn.csv");
  std::set<std::string> new_ids = SdnIds(kSdn2024 / "sdn.csv");
  ASSERT_GT(old_ids.size(), 8000u);
  ASSERT_GT(new_ids.size(), 14000u);
  const ListDiff& d = *diff_;
  EXPECT_EQ(d.added.size(), CountMissing(new_ids, old_ids));
  EXPECT_EQ(d.removed.size(), CountMissing(old_ids, new_ids));
  EXPECT_EQ(d.added.size() + d.changed.size() + d.unchanged, new_ids.size());
  EXPECT_GT(d.added.size(), 6000u);
  EXPECT_GT(d.removed.size(), 0u);
  for (const auto& r : d.removed) {
    EXPECT_EQ(old_ids.count(r.id.substr(r.id.find(':') + 1)), 1u) << r.id;
    EXPECT_EQ(new_ids.count(r.id.substr(r.id.find(':') + 1)), 0u) << r.id;
  }
  for (const auto& r : d.added) {
    EXPECT_EQ(old_ids.count(r.id.substr(r.id.find(':') + 1)), 0u) << r.id;
  }
}

TEST_F(SdnDiffTest, ComparesOnlyTheFilesBothVersionsContain) {
  EXPECT_EQ(in_->files_compared, (std::vector<std::string>{"sdn.csv"}));
  EXPECT_EQ(in_->files_ignored,
            (std::vector<std::string>{"add.csv", "alt.csv", "sdn_comments.csv"}));
  EXPECT_EQ(in_->older.version.path, kSdn2021.string());
  // Without add.csv and alt.csv on both sides no address is compared and no alias of
  // alt.csv shows up as removed.
  std::set<std::string> skipped(diff_->fields_skipped.begin(), diff_->fields_skipped.end());
  EXPECT_EQ(skipped.count("addresses"), 1u);
  size_t alias_removals = 0;
  for (const auto& c : diff_->changed) {
    for (const auto& f : c.changes) {
      EXPECT_NE(f.field, "addresses") << c.id;
      if (f.field == "aliases" && f.new_value.empty()) ++alias_removals;
    }
  }
  EXPECT_LT(alias_removals, 200u);
}

TEST_F(SdnDiffTest, SameCountsAsTheFullSetForAddedAndRemoved) {
  ListDiff full = DiffLists(Parse(kSdn2021), in_->newer);
  EXPECT_EQ(full.added.size(), diff_->added.size());
  EXPECT_EQ(full.removed.size(), diff_->removed.size());
}

TEST_F(SdnDiffTest, EveryChangeNamesAComparedFieldAndDiffers) {
  std::set<std::string> compared(diff_->fields_compared.begin(), diff_->fields_compared.end());
  size_t program_changes = 0;
  for (const auto& c : diff_->changed) {
    ASSERT_FALSE(c.changes.empty());
    for (const auto& f : c.changes) {
      EXPECT_NE(f.old_value, f.new_value) << c.id << " " << f.field;
      EXPECT_EQ(compared.count(f.field), 1u) << f.field;
      if (f.field == "programs") ++program_changes;
    }
  }
  EXPECT_GT(program_changes, 0u);
}

TEST_F(SdnDiffTest, FieldChangesOfMnangagwa) {
  // 7513 MNANGAGWA, Emmerson Dambudzo: in 2021 a minister under ZIMBABWE, by 2024 President
  // of Zimbabwe under GLOMAG, with a second DOB.
  const EntityChange* c = Changed("us_ofac_sdn:7513");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->caption, "MNANGAGWA, Emmerson Dambudzo");
  std::set<std::string> seen;
  for (const auto& f : c->changes) seen.insert(f.field + "|" + f.old_value + "|" + f.new_value);
  EXPECT_EQ(seen.count("programs|ZIMBABWE|"), 1u);
  EXPECT_EQ(seen.count("programs||GLOMAG"), 1u);
  EXPECT_EQ(seen.count("positions||President of Zimbabwe"), 1u);
  EXPECT_EQ(seen.count("positions|Minister of Rural Housing and Social Amenities|"), 1u);
  EXPECT_EQ(seen.count("birth_dates||1942-09-15"), 1u);
  EXPECT_EQ(seen.count("aliases||CROCODILE (weak)"), 1u);
}

TEST_F(SdnDiffTest, JsonHasTheDocumentedShape) {
  const ListDiff& d = *diff_;
  nlohmann::json j = DiffToJson("us_ofac_sdn", *in_, d);
  EXPECT_EQ(j["dataset"], "us_ofac_sdn");
  EXPECT_EQ(j["old"]["entities"], in_->older.entities.size());
  EXPECT_EQ(j["new"]["entities"], in_->newer.entities.size());
  EXPECT_EQ(j["old"]["path"], kSdn2021.string());
  EXPECT_EQ(j["summary"]["added"], d.added.size());
  EXPECT_EQ(j["summary"]["removed"], d.removed.size());
  EXPECT_EQ(j["summary"]["changed"], d.changed.size());
  EXPECT_EQ(j["summary"]["unchanged"], d.unchanged);
  EXPECT_EQ(j["files_compared"], nlohmann::json::array({"sdn.csv"}));
  ASSERT_EQ(j["added"].size(), d.added.size());
  EXPECT_TRUE(j["added"][0].contains("id"));
  EXPECT_TRUE(j["added"][0].contains("caption"));
  ASSERT_FALSE(j["changed"].empty());
  const auto& c = j["changed"][0];
  EXPECT_TRUE(c.contains("caption"));
  ASSERT_FALSE(c["changes"].empty());
  EXPECT_TRUE(c["changes"][0].contains("field"));
  EXPECT_TRUE(c["changes"][0].contains("old"));
  EXPECT_TRUE(c["changes"][0].contains("new"));
}

Entity MakeEntity(const std::string& record_id, const std::string& caption) {
  Entity e;
  e.record_id = record_id;
  e.dataset = "test";
  e.id = "test:" + record_id;
  e.schema = Schema::kPerson;
  e.caption = caption;
  e.names.push_back({caption, NameKind::kPrimary, "", "", "", ""});
  return e;
}

ParsedList ListOf(std::vector<Entity> entities) {
  ParsedList l;
  l.version.path = "mem";
  l.entities = std::move(entities);
  return l;
}

TEST(DiffLists, FieldLevelChanges) {
  Entity a = MakeEntity("1", "DOE, John");
  a.programs = {"SDGT", "IRAN"};
  a.birth_dates.push_back({1970, 1, 2, 0, false, "02 Jan 1970"});
  a.identifiers.push_back({"Passport", "A123", "Iran", ""});
  a.addresses.push_back({"", "Tehran", "", "", "Iran", "Tehran, Iran"});
  Entity b = a;
  b.caption = "DOE, Johnny";
  b.names[0].full = "DOE, Johnny";
  b.names.push_back({"DOE, Jon", NameKind::kWeakAlias, "", "", "", ""});
  b.programs = {"SDGT"};
  b.birth_dates[0] = {1971, 1, 2, 0, false, "02 Jan 1971"};
  b.identifiers[0].number = "B456";
  b.addresses[0].full = "Qom, Iran";
  Entity other = MakeEntity("2", "UNCHANGED CO");
  other.schema = Schema::kCompany;
  other.names.push_back({"UNCHANGED COMPANY", NameKind::kStrongAlias, "", "", "", ""});
  ListDiff d = DiffLists(ListOf({a, other}), ListOf({other, b}));
  EXPECT_TRUE(d.added.empty());
  EXPECT_TRUE(d.removed.empty());
  EXPECT_EQ(d.unchanged, 1u);
  ASSERT_EQ(d.changed.size(), 1u);
  EXPECT_EQ(d.changed[0].id, "test:1");
  EXPECT_EQ(d.changed[0].caption, "DOE, Johnny");
  std::set<std::string> seen;
  for (const auto& f : d.changed[0].changes) {
    seen.insert(f.field + "|" + f.old_value + "|" + f.new_value);
  }
  std::set<std::string> expected = {
      "name|DOE, John|DOE, Johnny",
      "aliases||DOE, Jon (weak)",
      "programs|IRAN|",
      "birth_dates|1970-01-02|",
      "birth_dates||1971-01-02",
      "identifiers|Passport A123 (Iran)|",
      "identifiers||Passport B456 (Iran)",
      "addresses|Tehran, Iran|",
      "addresses||Qom, Iran",
  };
  EXPECT_EQ(seen, expected);
}

TEST(DiffLists, AddedRemovedAndUnchanged) {
  Entity a = MakeEntity("1", "A");
  Entity b = MakeEntity("2", "B");
  Entity c = MakeEntity("3", "C");
  ListDiff d = DiffLists(ListOf({a, b}), ListOf({b, c}));
  ASSERT_EQ(d.added.size(), 1u);
  EXPECT_EQ(d.added[0].id, "test:3");
  ASSERT_EQ(d.removed.size(), 1u);
  EXPECT_EQ(d.removed[0].caption, "A");
  EXPECT_EQ(d.unchanged, 1u);
  EXPECT_TRUE(d.changed.empty());
}

TEST(DiffLists, MatchesByRecordIdAcrossDatasetNames) {
  Entity a = MakeEntity("7", "A");
  Entity b = a;
  b.dataset = "other";
  b.id = "other:7";
  ListDiff d = DiffLists(ListOf({a}), ListOf({b}));
  EXPECT_EQ(d.unchanged, 1u);
  EXPECT_TRUE(d.added.empty());
}

TEST(DiffLists, FieldMissingOnOneSideIsSkipped) {
  Entity a = MakeEntity("1", "A");
  a.addresses.push_back({"", "", "", "", "", "Somewhere"});
  Entity b = MakeEntity("1", "A");
  ListDiff d = DiffLists(ListOf({a}), ListOf({b}));
  EXPECT_EQ(d.unchanged, 1u);
  std::set<std::string> skipped(d.fields_skipped.begin(), d.fields_skipped.end());
  EXPECT_EQ(skipped.count("addresses"), 1u);
}

TEST(DiffLists, TextReportListsEveryChange) {
  Entity a = MakeEntity("1", "A");
  a.programs = {"X"};
  Entity b = a;
  b.programs = {"Y"};
  Entity c = MakeEntity("2", "NEW ONE");
  DiffInputs in;
  in.older = ListOf({a});
  in.newer = ListOf({b, c});
  std::string text = DiffToText("test", in, DiffLists(in.older, in.newer));
  EXPECT_NE(text.find("added 1, removed 0, changed 1, unchanged 0"), std::string::npos) << text;
  EXPECT_NE(text.find("+ test:2  NEW ONE"), std::string::npos) << text;
  EXPECT_NE(text.find("programs: - X"), std::string::npos) << text;
  EXPECT_NE(text.find("programs: + Y"), std::string::npos) << text;
}

TEST(DiffCli, JsonCountsMatchTheLibrary) {
  std::string out_file = ::testing::TempDir() + "/tamiz_diff_cli_" + std::to_string(::getpid());
  std::string cmd = std::string(TAMIZ_BINARY) + " diff " + kSdn2021.string() + " " +
                    (kSdn2024 / "sdn.csv").string() + " --json --dataset us_ofac_sdn > " + out_file;
  ASSERT_EQ(std::system(cmd.c_str()), 0);
  std::ifstream in(out_file);
  nlohmann::json j = nlohmann::json::parse(in, nullptr, false);
  std::remove(out_file.c_str());
  ASSERT_TRUE(j.is_object());
  std::set<std::string> old_ids = SdnIds(kSdn2021 / "sdn.csv");
  std::set<std::string> new_ids = SdnIds(kSdn2024 / "sdn.csv");
  EXPECT_EQ(j["dataset"], "us_ofac_sdn");
  EXPECT_EQ(j["summary"]["added"], CountMissing(new_ids, old_ids));
  EXPECT_EQ(j["summary"]["removed"], CountMissing(old_ids, new_ids));
  EXPECT_EQ(j["added"][0]["id"].get<std::string>().rfind("us_ofac_sdn:", 0), 0u);
}

TEST(DiffCli, MissingDirectoryIsAUsageError) {
  std::string cmd = std::string(TAMIZ_BINARY) + " diff /nonexistent/a /nonexistent/b 2>/dev/null";
  int rc = std::system(cmd.c_str());
  ASSERT_TRUE(WIFEXITED(rc));
  EXPECT_EQ(WEXITSTATUS(rc), 2);
}

}  // namespace
}  // namespace tamiz::diff
