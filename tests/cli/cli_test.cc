// End-to-end tests of the `tamiz` binary: exit codes, messages and JSON shapes that users
// and scripts rely on (DESIGN.md, "Command line").
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>

namespace {

namespace fs = std::filesystem;

struct RunResult {
  int rc = -1;
  std::string out;
  std::string err;
};

std::string Slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string Quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) {
    if (c == '\'') {
      q += "'\\''";
    } else {
      q += c;
    }
  }
  return q + "'";
}

// Runs the built binary with `args` (each shell-quoted); captures stdout and stderr.
RunResult RunTamiz(const std::vector<std::string>& args) {
  static int counter = 0;
  fs::path dir = fs::temp_directory_path() / ("tamiz_cli_test_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  fs::path out = dir / ("out" + std::to_string(counter));
  fs::path err = dir / ("err" + std::to_string(counter++));
  std::string cmd = Quote(TAMIZ_BINARY);
  for (const auto& a : args) cmd += " " + Quote(a);
  cmd += " >" + Quote(out.string()) + " 2>" + Quote(err.string()) + " </dev/null";
  int status = std::system(cmd.c_str());
  RunResult r;
  r.rc = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = Slurp(out);
  r.err = Slurp(err);
  return r;
}

const std::string kData = std::string(TAMIZ_SOURCE_DIR) + "/data";

// A scratch data dir with one dataset version holding the given files.
fs::path MakeDataDir(const std::string& name, const std::string& dataset,
                     const std::vector<std::pair<std::string, std::string>>& files) {
  fs::path root =
      fs::temp_directory_path() / ("tamiz_cli_data_" + name + "_" + std::to_string(::getpid()));
  fs::remove_all(root);
  fs::path dir = root / "lists" / dataset / "2024-01-01";
  fs::create_directories(dir);
  for (const auto& [file, content] : files) {
    std::ofstream(dir / file, std::ios::binary) << content;
  }
  return root;
}

TEST(Cli, ListsJsonShowsBundledDatasetsWithRecordCounts) {
  auto r = RunTamiz({"--data", kData, "lists", "--json"});
  ASSERT_EQ(r.rc, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  std::map<std::string, size_t> counts;
  for (const auto& l : j["lists"]) {
    counts[l["dataset"].get<std::string>()] = l["entity_count"].get<size_t>();
    EXPECT_EQ(l["sha256"].get<std::string>().size(), 64u);
    EXPECT_FALSE(l["date"].get<std::string>().empty());
  }
  EXPECT_EQ(counts["us_ofac_sdn"], 8976u);  // the trailing 0x1A byte is not a record
  EXPECT_EQ(counts["us_ofac_cons"], 442u);
  EXPECT_EQ(counts["un_sc"], 1003u);  // 730 individuals + 273 entities
}

TEST(Cli, ListsWarnsAboutStaleLists) {
  auto r = RunTamiz({"--data", kData, "lists"});
  ASSERT_EQ(r.rc, 0) << r.err;
  EXPECT_NE(r.err.find("days old"), std::string::npos) << r.err;
  EXPECT_NE(r.out.find("us_ofac_sdn"), std::string::npos);
}

TEST(Cli, ScreenJsonHasTheDesignShape) {
  auto r = RunTamiz({"--data", kData, "screen", "Diosdado Cabello", "--json"});
  ASSERT_EQ(r.rc, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  ASSERT_TRUE(j.contains("query"));
  ASSERT_FALSE(j["results"].empty());
  const auto& first = j["results"][0];
  for (const char* key :
       {"id", "dataset", "schema", "caption", "score", "match", "matched_name", "explanation"}) {
    EXPECT_TRUE(first.contains(key)) << key;
  }
  EXPECT_EQ(first["id"], "us_ofac_sdn:24424");
  EXPECT_TRUE(first["match"].get<bool>());
}

TEST(Cli, ScreenWithDobAndCountryExplainsBoth) {
  auto r = RunTamiz({"--data", kData, "screen", "CABELLO RONDÓN, Diosdado", "--dob", "1963-04-15",
                     "--country", "VE", "--json"});
  ASSERT_EQ(r.rc, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  ASSERT_FALSE(j["results"].empty());
  const auto& first = j["results"][0];
  EXPECT_EQ(first["id"], "us_ofac_sdn:24424");
  EXPECT_TRUE(first["match"].get<bool>());
  EXPECT_TRUE(first["explanation"].contains("dob")) << first.dump();
  EXPECT_TRUE(first["explanation"].contains("country")) << first.dump();
}

TEST(Cli, FailOnHitExitsOne) {
  auto r = RunTamiz({"--data", kData, "screen", "Nicolas Maduro", "--fail-on-hit"});
  EXPECT_EQ(r.rc, 1) << r.err;
}

TEST(Cli, BadDobIsAUsageError) {
  auto r = RunTamiz({"--data", kData, "screen", "X", "--dob", "15.04.63"});
  EXPECT_EQ(r.rc, 2);
  EXPECT_NE(r.err.find("15.04.63"), std::string::npos) << r.err;
}

TEST(Cli, UnknownSchemaIsAUsageError) {
  auto r = RunTamiz({"--data", kData, "screen", "X", "--schema", "Dragon"});
  EXPECT_EQ(r.rc, 2);
  EXPECT_NE(r.err.find("Dragon"), std::string::npos) << r.err;
}

TEST(Cli, UnknownSubcommandIsAUsageError) {
  auto r = RunTamiz({"frobnicate"});
  EXPECT_EQ(r.rc, 2);
}

TEST(Cli, MissingDataDirIsADataError) {
  auto r = RunTamiz({"--data", "/nonexistent/tamiz", "lists"});
  EXPECT_EQ(r.rc, 3);
  EXPECT_NE(r.err.find("/nonexistent/tamiz"), std::string::npos) << r.err;
}

TEST(Cli, TruncatedSdnCsvGivesExitThreeWithFileAndLine) {
  std::string sdn = Slurp(kData + "/lists/us_ofac_sdn/2021-07/sdn.csv");
  // Cut in the middle of a quoted remarks field, as an interrupted download would.
  size_t cut = sdn.find("\"DOB", sdn.size() / 2);
  ASSERT_NE(cut, std::string::npos);
  auto dir = MakeDataDir("trunc", "us_ofac_sdn", {{"sdn.csv", sdn.substr(0, cut + 10)}});
  auto r = RunTamiz({"--data", dir.string(), "lists"});
  EXPECT_EQ(r.rc, 3) << r.out;
  EXPECT_NE(r.err.find("sdn.csv:"), std::string::npos) << r.err;
}

TEST(Cli, XmlCutMidElementGivesExitThreeWithFileAndLine) {
  std::string xml = Slurp(kData + "/lists/un_sc/2026-02-27/consolidated.xml");
  size_t cut = xml.find("<INDIVIDUAL_ALIAS>", xml.size() / 3);
  ASSERT_NE(cut, std::string::npos);
  auto dir = MakeDataDir("cutxml", "un_sc", {{"consolidated.xml", xml.substr(0, cut + 25)}});
  auto r = RunTamiz({"--data", dir.string(), "lists"});
  EXPECT_EQ(r.rc, 3) << r.out;
  EXPECT_NE(r.err.find("consolidated.xml:"), std::string::npos) << r.err;
}

TEST(Cli, InvalidUtf8GivesExitThreeWithFileAndLine) {
  std::string xml = Slurp(kData + "/lists/us_ofac_cons/2026-01-08/consolidated.xml");
  size_t at = xml.find("<lastName>", xml.size() / 2);
  ASSERT_NE(at, std::string::npos);
  xml.insert(at + 10, "\xff\xfe");
  auto dir = MakeDataDir("utf8", "us_ofac_cons", {{"consolidated.xml", xml}});
  auto r = RunTamiz({"--data", dir.string(), "lists"});
  EXPECT_EQ(r.rc, 3) << r.out;
  EXPECT_NE(r.err.find("consolidated.xml:"), std::string::npos) << r.err;
}

TEST(Cli, LenientModeSkipsBadRecordsAndReportsThem) {
  std::string sdn = Slurp(kData + "/lists/us_ofac_sdn/2021-07/sdn.csv");
  // Break one record in the middle: a non-numeric entity number.
  size_t line = sdn.find("\n24424,");
  ASSERT_NE(line, std::string::npos);
  sdn.replace(line + 1, 5, "X4424");
  auto dir = MakeDataDir("lenient", "us_ofac_sdn", {{"sdn.csv", sdn}});
  auto strict = RunTamiz({"--data", dir.string(), "lists", "--json"});
  EXPECT_EQ(strict.rc, 3);
  auto r = RunTamiz({"--data", dir.string(), "--lenient", "lists", "--json"});
  ASSERT_EQ(r.rc, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["lists"][0]["entity_count"].get<size_t>(), 8975u);
  EXPECT_EQ(j["lists"][0]["skipped"].get<size_t>(), 1u);
}

// `bench scan --write-text` writes the benchmark's text (so `tamiz scan` can be timed on a
// file of the size asked) and nothing else; a bad size is a usage error.
TEST(Cli, BenchScanWritesItsText) {
  fs::path file =
      fs::temp_directory_path() / ("tamiz_cli_bench_text_" + std::to_string(::getpid()) + ".txt");
  auto r = RunTamiz(
      {"--data", kData, "bench", "scan", "--megabytes", "1", "--write-text", file.string()});
  ASSERT_EQ(r.rc, 0) << r.err;
  EXPECT_TRUE(r.out.empty()) << r.out;
  ASSERT_TRUE(fs::exists(file));
  EXPECT_GE(fs::file_size(file), 1u << 20);
  EXPECT_LT(fs::file_size(file), (1u << 20) + 4096);
  fs::remove(file);
  auto bad = RunTamiz(
      {"--data", kData, "bench", "scan", "--megabytes", "0", "--write-text", file.string()});
  EXPECT_EQ(bad.rc, 2);
  EXPECT_FALSE(fs::exists(file));
}

}  // namespace
