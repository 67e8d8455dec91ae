// Batch screening: CSV and JSONL input, order, ids, bad rows, and the command's exit codes.
#include "screen/batch.h"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "screen/batch_ftm.h"

namespace tamiz::screen {
namespace {

using nlohmann::json;

std::string FixtureDataDir() {
  return std::string(TAMIZ_SOURCE_DIR) + "/tests/fixtures/server/data";
}

const Engine& FixtureEngine() {
  static std::unique_ptr<Engine> engine = [] {
    EngineOptions o;
    o.data_dir = FixtureDataDir();
    auto e = Engine::Open(o);
    EXPECT_TRUE(e.ok()) << e.status().message();
    return std::move(e).value();
  }();
  return *engine;
}

struct BatchRun {
  Status status;
  BatchSummary summary;
  std::vector<json> lines;
  std::string errors;
};

BatchRun RunBatch(const std::string& input, BatchFormat format, BatchOptions options = {},
                  Query defaults = {}) {
  std::istringstream in(input);
  std::ostringstream out, err;
  if (options.threads == 0) options.threads = 3;
  auto r = ScreenBatch(FixtureEngine(), in, "in.csv", format, out, defaults, options, err);
  BatchRun run;
  run.status = r.ok() ? Status::Ok() : r.status();
  if (r.ok()) run.summary = *r;
  run.errors = err.str();
  std::istringstream lines(out.str());
  for (std::string line; std::getline(lines, line);) {
    run.lines.push_back(json::parse(line, nullptr, false));
  }
  return run;
}

TEST(Batch, KeepsInputOrderAcrossChunksAndThreads) {
  std::string csv = "id,name\n";
  for (int i = 1; i <= 300; ++i) {
    csv += "c" + std::to_string(i) + "," +
           (i % 3 == 0 ? std::string("Diosdado Cabello") : "Person Number " + std::to_string(i)) +
           "\n";
  }
  BatchOptions o;
  o.chunk_rows = 7;
  o.threads = 4;
  auto run = RunBatch(csv, BatchFormat::kCsv, o);
  ASSERT_TRUE(run.status.ok()) << run.status.message();
  ASSERT_EQ(run.lines.size(), 300u);
  for (size_t i = 0; i < run.lines.size(); ++i) {
    EXPECT_EQ(run.lines[i]["row"], i + 1);
    EXPECT_EQ(run.lines[i]["line"], i + 2);
    EXPECT_EQ(run.lines[i]["id"], "c" + std::to_string(i + 1));
  }
  EXPECT_EQ(run.lines[2]["results"][0]["id"], "us_ofac_sdn:24424");
  EXPECT_EQ(run.summary.rows, 300u);
  EXPECT_EQ(run.summary.screened, 300u);
  EXPECT_EQ(run.summary.matched_rows, 100u);
  EXPECT_EQ(run.summary.errors, 0u);
}

TEST(Batch, BadRowsAreReportedWithTheirLineAndSkipped) {
  const std::string csv =
      "id,name,dob,schema\n"
      "a,Tarek El Aissami,1974-11-12,Person\n"
      "b,,1970,\n"
      "c,Someone,31/31/1999,\n"
      "d,Some Ship,,Spaceship\n"
      "e,Diosdado Cabello,,\n";
  auto run = RunBatch(csv, BatchFormat::kCsv);
  ASSERT_TRUE(run.status.ok());
  ASSERT_EQ(run.lines.size(), 2u);
  EXPECT_EQ(run.lines[0]["id"], "a");
  EXPECT_EQ(run.lines[1]["id"], "e");
  EXPECT_EQ(run.lines[1]["row"], 5);
  EXPECT_NE(run.errors.find("in.csv:3: row 2: empty name"), std::string::npos) << run.errors;
  EXPECT_NE(run.errors.find("in.csv:4: row 3: date '31/31/1999'"), std::string::npos) << run.errors;
  EXPECT_NE(run.errors.find("in.csv:5: row 4: unknown schema 'Spaceship'"), std::string::npos)
      << run.errors;
  EXPECT_EQ(run.summary.errors, 3u);
  EXPECT_EQ(run.summary.screened, 2u);
}

TEST(Batch, UnterminatedQuoteSkipsOneLineAndResumes) {
  const std::string csv =
      "id,name\n"
      "a,\"Diosdado Cabello\n"
      "b,Tarek El Aissami\n"
      "c,\"Cabello, Diosdado\"\n";
  auto run = RunBatch(csv, BatchFormat::kCsv);
  ASSERT_TRUE(run.status.ok());
  ASSERT_EQ(run.lines.size(), 2u) << run.errors;
  EXPECT_EQ(run.lines[0]["id"], "b");
  EXPECT_EQ(run.lines[0]["line"], 3);
  EXPECT_EQ(run.lines[1]["id"], "c");
  EXPECT_EQ(run.lines[1]["query"]["name"], "Cabello, Diosdado");
  EXPECT_NE(run.errors.find("in.csv:2: row 1: unterminated quote"), std::string::npos)
      << run.errors;
}

TEST(Batch, QuotedFieldsMaySpanLines) {
  const std::string csv =
      "name,id\r\n"
      "\"Diosdado\nCabello\",x1\r\n"
      "\"Tarek \"\"El\"\" Aissami\",x2\r\n";
  auto run = RunBatch(csv, BatchFormat::kCsv);
  ASSERT_TRUE(run.status.ok());
  ASSERT_EQ(run.lines.size(), 2u) << run.errors;
  EXPECT_EQ(run.lines[0]["id"], "x1");
  EXPECT_EQ(run.lines[1]["id"], "x2");
  EXPECT_EQ(run.lines[1]["line"], 4);
  EXPECT_EQ(run.lines[1]["query"]["name"], "Tarek \"El\" Aissami");
}

TEST(Batch, AcceptsTheYenteCandidateColumns) {
  const std::string csv =
      "\xEF\xBB\xBF"
      "full_name,first_name,middle_name,last_name,gender,date_of_birth,"
      "place_of_birth,nationality\n"
      "Tarek El Aissami,Tarek,,El Aissami,male,1974-11-12,Merida,Venezuela\n"
      ",Diosdado,,Cabello,male,1963,,\n";
  auto run = RunBatch(csv, BatchFormat::kCsv);
  ASSERT_TRUE(run.status.ok()) << run.status.message();
  ASSERT_EQ(run.lines.size(), 2u) << run.errors;
  EXPECT_TRUE(run.lines[0]["id"].is_null());
  EXPECT_EQ(run.lines[0]["query"]["dob"][0], "1974-11-12");
  EXPECT_EQ(run.lines[0]["query"]["country"][0], "Venezuela");
  EXPECT_EQ(run.lines[0]["query"]["gender"], "male");
  EXPECT_EQ(run.lines[0]["results"][0]["id"], "us_ofac_sdn:20250");
  EXPECT_EQ(run.lines[1]["query"]["name"], "Diosdado Cabello");
  EXPECT_EQ(run.lines[1]["results"][0]["id"], "us_ofac_sdn:24424");
}

TEST(Batch, RowsWithPersonalFieldsAreScreenedAsPersons) {
  const std::string csv =
      "name,gender,dob,schema\n"
      "Havin Bank Limited,,,\n"            // nothing personal: every kind of entity
      "Havin Bank Limited,male,,\n"        // a gender: a person
      "Havin Bank Limited,,1970,\n"        // a date of birth: a person
      "Havin Bank Limited,male,,Thing\n";  // the schema column decides
  auto run = RunBatch(csv, BatchFormat::kCsv);
  ASSERT_EQ(run.lines.size(), 4u) << run.errors;
  auto first_id = [&](size_t i) {
    const json& r = run.lines[i]["results"];
    return r.empty() ? std::string() : r[0]["id"].get<std::string>();
  };
  EXPECT_EQ(first_id(0), "us_ofac_sdn:906");
  EXPECT_TRUE(run.lines[0]["query"]["schema"].is_null());
  EXPECT_EQ(run.lines[1]["query"]["schema"], "Person");
  EXPECT_EQ(run.lines[2]["query"]["schema"], "Person");
  for (size_t i : {1u, 2u}) {
    for (const auto& r : run.lines[i]["results"]) EXPECT_EQ(r["schema"], "Person") << i;
  }
  EXPECT_EQ(first_id(3), "us_ofac_sdn:906");
  // A schema given on the command line is kept.
  Query d;
  d.schema = Schema::kOrganization;
  auto given = RunBatch("name,gender\nHavin Bank Limited,male\n", BatchFormat::kCsv, {}, d);
  ASSERT_EQ(given.lines.size(), 1u);
  EXPECT_EQ(given.lines[0]["query"]["schema"], "Organization");
}

TEST(Batch, HeaderWithoutANameColumnIsAnError) {
  auto run = RunBatch("id,dob\n1,1970\n", BatchFormat::kCsv);
  EXPECT_FALSE(run.status.ok());
  EXPECT_NE(run.status.message().find("no name column"), std::string::npos);
  EXPECT_FALSE(RunBatch("", BatchFormat::kCsv).status.ok());
}

TEST(Batch, ReadsJsonlOfFtmEntities) {
  const std::string jsonl =
      R"({"id": "p1", "schema": "Person", "properties": {"name": ["Tarek El Aissami"],)"
      R"( "birthDate": ["1974-11-12"]}})"
      "\n\n"
      R"({"id": "p2", "schema": "Person", "properties": {"firstName": ["Diosdado"],)"
      R"( "lastName": ["Cabello"]}})"
      "\n"
      R"({"id": "p3", "schema": "Person", "properties": )"
      "\n"
      R"({"id": 4, "schema": "Company", "properties": {"name": ["Nothing Alike Holdings"]}})"
      "\n"
      R"({"id": "p5", "schema": "Spaceship", "properties": {"name": ["X"]}})"
      "\n";
  auto run = RunBatch(jsonl, BatchFormat::kJsonl);
  ASSERT_TRUE(run.status.ok());
  ASSERT_EQ(run.lines.size(), 3u) << run.errors;
  EXPECT_EQ(run.lines[0]["id"], "p1");
  EXPECT_EQ(run.lines[0]["results"][0]["id"], "us_ofac_sdn:20250");
  EXPECT_EQ(run.lines[1]["id"], "p2");
  EXPECT_EQ(run.lines[1]["line"], 3);
  EXPECT_EQ(run.lines[1]["results"][0]["id"], "us_ofac_sdn:24424");
  EXPECT_EQ(run.lines[2]["id"], 4);
  EXPECT_EQ(run.lines[2]["query"]["schema"], "Company");
  EXPECT_NE(run.errors.find("in.csv:4: row 3: malformed JSON"), std::string::npos) << run.errors;
  EXPECT_NE(run.errors.find("in.csv:6: row 5:"), std::string::npos) << run.errors;
  EXPECT_EQ(run.summary.errors, 2u);
}

TEST(Batch, DefaultsApplyToEveryRow) {
  Query d;
  d.limit = 1;
  d.threshold = 0.99;
  d.datasets = {"ca_sema"};
  auto run = RunBatch("name\nDiosdado Cabello\n", BatchFormat::kCsv, {}, d);
  ASSERT_EQ(run.lines.size(), 1u);
  EXPECT_EQ(run.lines[0]["query"]["limit"], 1);
  EXPECT_EQ(run.lines[0]["query"]["datasets"][0], "ca_sema");
  for (const auto& r : run.lines[0]["results"]) EXPECT_EQ(r["dataset"], "ca_sema");
}

TEST(Batch, DetectsTheFormat) {
  EXPECT_EQ(DetectBatchFormat("x.jsonl", ""), BatchFormat::kJsonl);
  EXPECT_EQ(DetectBatchFormat("X.NDJSON", ""), BatchFormat::kJsonl);
  EXPECT_EQ(DetectBatchFormat("x.csv", "{"), BatchFormat::kCsv);
  EXPECT_EQ(DetectBatchFormat("-", "  {\"id\": 1}"), BatchFormat::kJsonl);
  EXPECT_EQ(DetectBatchFormat("-", "name,id\n"), BatchFormat::kCsv);
}

TEST(Batch, SummaryNamesTheCounts) {
  BatchSummary s;
  s.rows = 10;
  s.screened = 9;
  s.errors = 1;
  s.matched_rows = 2;
  s.results = 5;
  s.seconds = 2.0;
  std::string text = FormatBatchSummary(s);
  EXPECT_NE(text.find("9 rows screened"), std::string::npos) << text;
  EXPECT_NE(text.find("(5 rows/s)"), std::string::npos) << text;
  EXPECT_NE(text.find("2 rows with matches"), std::string::npos);
  EXPECT_NE(text.find("1 bad rows skipped"), std::string::npos);
}

// Runs the tamiz binary with `args` (through the shell, stdin from /dev/null); returns the
// exit code and fills `err` with stderr.
int RunTamiz(const std::string& args, std::string& err) {
  auto dir = std::filesystem::temp_directory_path();
  std::string err_file = (dir / ("tamiz_batch_err_" + std::to_string(getpid()))).string();
  std::string cmd = std::string("'") + TAMIZ_BINARY + "' --data '" + FixtureDataDir() + "' " +
                    args + " </dev/null 2>'" + err_file + "'";
  int status = std::system(cmd.c_str());
  std::ifstream f(err_file);
  err.assign(std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>());
  std::filesystem::remove(err_file);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

TEST(BatchCommand, WritesOutputAndExitCodes) {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / ("tamiz_batch_" + std::to_string(getpid()));
  fs::create_directories(dir);
  {
    std::ofstream f(dir / "in.csv");
    f << "id,name\n1,Diosdado Cabello\n2,\n3,Nobody Special\n";
  }
  std::string in = (dir / "in.csv").string();
  std::string out = (dir / "out.jsonl").string();
  std::string err;
  EXPECT_EQ(RunTamiz("screen --input '" + in + "' --output '" + out + "'", err), 0) << err;
  EXPECT_NE(err.find("in.csv:3: row 2: empty name"), std::string::npos) << err;
  EXPECT_NE(err.find("2 rows screened"), std::string::npos) << err;
  EXPECT_NE(err.find("1 bad rows skipped"), std::string::npos) << err;
  EXPECT_EQ(err.find('\r'), std::string::npos) << "no progress bar when stderr is a file";
  std::ifstream f(out);
  std::string l1, l2, l3;
  ASSERT_TRUE(std::getline(f, l1));
  ASSERT_TRUE(std::getline(f, l2));
  EXPECT_FALSE(std::getline(f, l3));
  EXPECT_EQ(json::parse(l1)["id"], "1");
  EXPECT_EQ(json::parse(l2)["id"], "3");
  EXPECT_EQ(RunTamiz("screen --fail-on-hit --input '" + in + "' --output '" + out + "'", err), 1);
  EXPECT_EQ(RunTamiz("screen --input '" + (dir / "missing.csv").string() + "'", err), 3);
  EXPECT_NE(err.find("missing.csv"), std::string::npos);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace tamiz::screen
