#include "update/update.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/file.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "sources/registry.h"
#include "update/fetch.h"
#include "update/fixture_server.h"
#include "update/manifest.h"
#include "util/file_io.h"

namespace tamiz::update {
namespace {

namespace fs = std::filesystem;
using testing_support::FixtureServer;
using Route = FixtureServer::Route;

const fs::path kFixtures = fs::path(TAMIZ_SOURCE_DIR) / "tests" / "fixtures";

std::string Fixture(const std::string& rel) {
  auto r = util::ReadFile(kFixtures / rel);
  EXPECT_TRUE(r.ok()) << r.status().message();
  return r.ok() ? *r : std::string();
}

std::string ReadText(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

class UpdateTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    data_ = fs::path(::testing::TempDir()) /
            ("tamiz_update_" + std::string(info->name()) + "_" + std::to_string(::getpid()));
    fs::remove_all(data_);
    fs::create_directories(data_ / "lists");
    v1_ = Fixture("update/un_v1/consolidated.xml");
    v2_ = Fixture("update/un_v2/consolidated.xml");
  }
  void TearDown() override { fs::remove_all(data_); }

  fs::path DatasetDir(const std::string& ds = "un_sc") const { return data_ / "lists" / ds; }

  // Installs un_v1 the way the bundled snapshot is laid out (no manifest, no `current`).
  void InstallLastGood() {
    fs::create_directories(DatasetDir() / "2026-02-20");
    ASSERT_TRUE(util::WriteFileAtomic(DatasetDir() / "2026-02-20" / "consolidated.xml", v1_).ok());
  }

  UpdateConfig Config(const std::string& path, double timeout_seconds = 2) const {
    UpdateConfig c;
    c.allow_http = true;
    c.connect_timeout_seconds = 2;
    c.timeout_seconds = timeout_seconds;
    Source s;
    s.dataset = "un_sc";
    s.files = {{server_.Url(path), "consolidated.xml"}};
    c.sources = {s};
    return c;
  }

  UpdateOptions Options() {
    UpdateOptions o;
    o.data_dir = data_;
    o.today = "2026-03-01";
    o.progress = [this](const std::string& line) { log_ += line + "\n"; };
    return o;
  }

  ListResult RunOne(const UpdateConfig& c, UpdateOptions o) {
    auto r = RunUpdate(c, o);
    EXPECT_TRUE(r.ok()) << r.status().message();
    if (!r.ok() || r->lists.size() != 1) return {};
    last_exit_ = r->ExitCode();
    return r->lists[0];
  }
  ListResult RunOne(const UpdateConfig& c) { return RunOne(c, Options()); }

  std::string CurrentPin() const {
    std::error_code ec;
    fs::path p = DatasetDir() / "current";
    return fs::exists(p, ec) ? ReadText(p) : "(absent)";
  }

  // The last good list keeps serving: same `current`, LoadDataDir loads it, no staging left.
  void ExpectLastGoodServes(const std::string& version, size_t count,
                            const std::string& pin_before) {
    EXPECT_EQ(CurrentPin(), pin_before);
    EXPECT_EQ(CurrentVersionDir(DatasetDir()).filename().string(), version);
    auto lists = sources::LoadDataDir(data_, {});
    ASSERT_TRUE(lists.ok()) << lists.status().message();
    ASSERT_EQ(lists->size(), 1u);
    EXPECT_EQ((*lists)[0].entities.size(), count);
    EXPECT_EQ(fs::path((*lists)[0].version.path).filename().string(), version);
    for (const auto& e : fs::directory_iterator(DatasetDir())) {
      EXPECT_EQ(e.path().filename().string().rfind(".staging-", 0), std::string::npos) << e.path();
    }
  }

  void ExpectFailureKeepsV1(FixtureServer::Route route, const std::string& expected_message,
                            double timeout_seconds = 2) {
    InstallLastGood();
    std::string pin = CurrentPin();
    server_.Set("/un.xml", std::move(route));
    ListResult r = RunOne(Config("/un.xml", timeout_seconds));
    EXPECT_EQ(r.outcome, Outcome::kFailed) << r.message;
    EXPECT_NE(r.message.find(expected_message), std::string::npos) << r.message;
    EXPECT_EQ(r.old_version, "2026-02-20");
    EXPECT_EQ(last_exit_, 3);
    EXPECT_NE(log_.find("un_sc: failed: "), std::string::npos) << log_;
    EXPECT_NE(log_.find("2026-02-20 stays current"), std::string::npos) << log_;
    ExpectLastGoodServes("2026-02-20", 10, pin);
  }

  FixtureServer server_;
  fs::path data_;
  std::string v1_, v2_;
  std::string log_;
  int last_exit_ = -1;
};

TEST_F(UpdateTest, InstallsNewVersionWithManifestAndKeepsThePrevious) {
  InstallLastGood();
  server_.Set("/un.xml", Route().body(v2_).etag("\"v2\"").last_modified("Fri, 27 Feb 2026"));
  ListResult r = RunOne(Config("/un.xml"));
  ASSERT_EQ(r.outcome, Outcome::kUpdated) << r.message;
  EXPECT_EQ(r.old_count, 10u);
  EXPECT_EQ(r.new_count, 11u);
  EXPECT_EQ(last_exit_, 0);
  std::string sha = util::Sha256Hex(v2_);
  EXPECT_EQ(r.new_version.rfind("2026-03-01-", 0), 0u) << r.new_version;
  EXPECT_EQ(CurrentPin(), r.new_version + "\n");
  EXPECT_TRUE(fs::is_directory(DatasetDir() / "2026-02-20"));
  auto m = ReadManifest(DatasetDir() / r.new_version);
  ASSERT_TRUE(m.ok()) << m.status().message();
  EXPECT_EQ(m->dataset, "un_sc");
  EXPECT_EQ(m->version, r.new_version);
  EXPECT_EQ(m->format, "un-xml");
  EXPECT_EQ(m->entity_count, 11u);
  EXPECT_EQ(m->fetched_at.size(), 20u) << m->fetched_at;
  ASSERT_EQ(m->files.size(), 1u);
  EXPECT_EQ(m->files[0].name, "consolidated.xml");
  EXPECT_EQ(m->files[0].url, server_.Url("/un.xml"));
  EXPECT_EQ(m->files[0].sha256, sha);
  EXPECT_EQ(m->files[0].bytes, v2_.size());
  EXPECT_EQ(m->files[0].etag, "\"v2\"");
  EXPECT_EQ(m->files[0].last_modified, "Fri, 27 Feb 2026");
  EXPECT_EQ(ReadText(DatasetDir() / r.new_version / "consolidated.xml"), v2_);
  auto lists = sources::LoadDataDir(data_, {});
  ASSERT_TRUE(lists.ok());
  EXPECT_EQ((*lists)[0].entities.size(), 11u);
  EXPECT_NE(log_.find("updated 2026-02-20 -> " + r.new_version + " (10 -> 11 entities)"),
            std::string::npos)
      << log_;
}

TEST_F(UpdateTest, FirstDownloadIntoAnEmptyDataDir) {
  server_.Set("/un.xml", Route().body(v1_));
  ListResult r = RunOne(Config("/un.xml"));
  ASSERT_EQ(r.outcome, Outcome::kUpdated) << r.message;
  EXPECT_EQ(r.old_version, "");
  auto lists = sources::LoadDataDir(data_, {});
  ASSERT_TRUE(lists.ok());
  EXPECT_EQ((*lists)[0].entities.size(), 10u);
}

TEST_F(UpdateTest, FirstDownloadFailingLeavesNoVersionAndDoesNotCrash) {
  server_.Set("/un.xml", Route().status(500));
  ListResult r = RunOne(Config("/un.xml"));
  EXPECT_EQ(r.outcome, Outcome::kFailed);
  EXPECT_TRUE(CurrentVersionDir(DatasetDir()).empty());
  EXPECT_NE(log_.find("no version is installed"), std::string::npos) << log_;
}

TEST_F(UpdateTest, NotFoundLeavesLastGood) {
  ExpectFailureKeepsV1(Route().status(404), "HTTP 404");
}

TEST_F(UpdateTest, ServerErrorLeavesLastGood) {
  ExpectFailureKeepsV1(Route().status(500).body("oops"), "HTTP 500");
}

TEST_F(UpdateTest, TimeoutLeavesLastGood) {
  ExpectFailureKeepsV1(Route().body("late").delay_ms(2500), "timed out", 1);
}

TEST_F(UpdateTest, TruncatedTransferLeavesLastGood) {
  ExpectFailureKeepsV1(Route().body(Fixture("update/un_v2/consolidated.xml")).truncate(true),
                       "truncated transfer");
}

TEST_F(UpdateTest, CutFileFailsValidationAndLeavesLastGood) {
  std::string cut = Fixture("update/un_v2/consolidated.xml");
  cut.resize(cut.size() / 2);
  ExpectFailureKeepsV1(Route().body(cut), "validation failed: consolidated.xml");
}

TEST_F(UpdateTest, CorruptedFileFailsValidationAndLeavesLastGood) {
  std::string bad = Fixture("update/un_v2/consolidated.xml");
  for (size_t i = bad.size() / 3; i < bad.size() / 3 + 64; ++i) bad[i] = '<';
  ExpectFailureKeepsV1(Route().body(bad), "validation failed");
}

TEST_F(UpdateTest, EmptyFileFailsValidationAndLeavesLastGood) {
  ExpectFailureKeepsV1(Route().body(""), "validation failed");
}

TEST_F(UpdateTest, OversizeBodyIsAbortedAndLeavesLastGood) {
  InstallLastGood();
  std::string pin = CurrentPin();
  server_.Set("/un.xml", Route().body(v2_));
  UpdateConfig c = Config("/un.xml");
  c.sources[0].max_bytes = 1000;
  ListResult r = RunOne(c);
  EXPECT_EQ(r.outcome, Outcome::kFailed);
  EXPECT_NE(r.message.find("larger than the cap of 1000 bytes"), std::string::npos) << r.message;
  ExpectLastGoodServes("2026-02-20", 10, pin);
}

TEST_F(UpdateTest, CollapsedEntityCountIsRefused) {
  InstallLastGood();
  std::string pin = CurrentPin();
  server_.Set("/un.xml", Route().body(Fixture("update/un_collapsed/consolidated.xml")));
  ListResult r = RunOne(Config("/un.xml"));
  EXPECT_EQ(r.outcome, Outcome::kRefused);
  EXPECT_EQ(r.old_count, 10u);
  EXPECT_EQ(r.new_count, 3u);
  EXPECT_NE(r.message.find("fell from 10 to 3 (-70.0%)"), std::string::npos) << r.message;
  EXPECT_NE(r.message.find("--force"), std::string::npos);
  EXPECT_EQ(last_exit_, 3);
  ExpectLastGoodServes("2026-02-20", 10, pin);
}

TEST_F(UpdateTest, ForceAcceptsCollapsedEntityCount) {
  InstallLastGood();
  server_.Set("/un.xml", Route().body(Fixture("update/un_collapsed/consolidated.xml")));
  UpdateOptions o = Options();
  o.force = true;
  ListResult r = RunOne(Config("/un.xml"), o);
  EXPECT_EQ(r.outcome, Outcome::kUpdated) << r.message;
  auto lists = sources::LoadDataDir(data_, {});
  ASSERT_TRUE(lists.ok());
  EXPECT_EQ((*lists)[0].entities.size(), 3u);
}

TEST_F(UpdateTest, DropWithinTwentyPercentIsAccepted) {
  // 11 -> 10 entities is a 9 % drop.
  server_.Set("/un.xml", Route().body(v2_));
  ASSERT_EQ(RunOne(Config("/un.xml")).outcome, Outcome::kUpdated);
  server_.Set("/un.xml", Route().body(v1_));
  ListResult r = RunOne(Config("/un.xml"));
  EXPECT_EQ(r.outcome, Outcome::kUpdated) << r.message;
  EXPECT_EQ(r.old_count, 11u);  // read from the previous manifest
  EXPECT_EQ(r.new_count, 10u);
}

TEST_F(UpdateTest, NotModifiedByEtagIsUnchanged) {
  server_.Set("/un.xml", Route().body(v2_).etag("\"abc\""));
  ListResult first = RunOne(Config("/un.xml"));
  ASSERT_EQ(first.outcome, Outcome::kUpdated);
  std::string pin = CurrentPin();
  ListResult second = RunOne(Config("/un.xml"));
  EXPECT_EQ(second.outcome, Outcome::kUnchanged) << second.message;
  EXPECT_NE(second.message.find("304"), std::string::npos) << second.message;
  EXPECT_EQ(server_.LastIfNoneMatch(), "\"abc\"");
  EXPECT_EQ(last_exit_, 0);
  ExpectLastGoodServes(first.new_version, 11, pin);
}

TEST_F(UpdateTest, NotModifiedByLastModifiedIsUnchanged) {
  server_.Set("/un.xml", Route().body(v2_).last_modified("Fri, 27 Feb 2026 00:00:09 GMT"));
  ASSERT_EQ(RunOne(Config("/un.xml")).outcome, Outcome::kUpdated);
  ListResult second = RunOne(Config("/un.xml"));
  EXPECT_EQ(second.outcome, Outcome::kUnchanged) << second.message;
  EXPECT_NE(second.message.find("304"), std::string::npos) << second.message;
}

TEST_F(UpdateTest, FetchRefusesPlainHttpUnlessAllowed) {
  server_.Set("/un.xml", Route().body("x"));
  FetchRequest req;
  req.url = server_.Url("/un.xml");
  req.connect_timeout_ms = 2000;
  req.timeout_ms = 2000;
  auto refused = Fetch(req);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.status().code(), StatusCode::kUnavailable);
  EXPECT_EQ(server_.Hits("/un.xml"), 0);
  req.allow_http = true;
  auto fetched = Fetch(req);
  ASSERT_TRUE(fetched.ok()) << fetched.status().message();
  EXPECT_EQ(fetched->body, "x");
  EXPECT_EQ(fetched->http_status, 200);
}

TEST_F(UpdateTest, ManifestRoundTripsAndRejectsGarbage) {
  Manifest m;
  m.dataset = "un_sc";
  m.version = "2026-03-01-0123abcd";
  m.entity_count = 7;
  m.files.push_back({"consolidated.xml", "https://x/consolidated.xml", "ab", 2, "\"e\"", "lm"});
  ASSERT_TRUE(WriteManifest(data_, m).ok());
  auto back = ReadManifest(data_);
  ASSERT_TRUE(back.ok()) << back.status().message();
  EXPECT_EQ(back->version, m.version);
  EXPECT_EQ(back->entity_count, 7u);
  ASSERT_EQ(back->files.size(), 1u);
  EXPECT_EQ(back->files[0].etag, "\"e\"");
  ASSERT_TRUE(util::WriteFileAtomic(data_ / "manifest.json", "{not json").ok());
  auto bad = ReadManifest(data_);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), StatusCode::kDataError);
  EXPECT_EQ(ReadManifest(data_ / "lists").status().code(), StatusCode::kNotFound);
}

TEST_F(UpdateTest, SameBytesWithoutValidatorsIsUnchanged) {
  InstallLastGood();
  server_.Set("/un.xml", Route().body(v1_));
  ListResult r = RunOne(Config("/un.xml"));
  EXPECT_EQ(r.outcome, Outcome::kUnchanged) << r.message;
  EXPECT_EQ(r.new_version, "2026-02-20");
  EXPECT_EQ(CurrentPin(), "(absent)");
}

TEST_F(UpdateTest, FollowsRedirectsWithinTheLimit) {
  server_.Set("/old.xml", Route().status(302).location("/un.xml"));
  server_.Set("/un.xml", Route().body(v2_));
  ListResult r = RunOne(Config("/old.xml"));
  EXPECT_EQ(r.outcome, Outcome::kUpdated) << r.message;
}

TEST_F(UpdateTest, RedirectLoopFails) {
  InstallLastGood();
  std::string pin = CurrentPin();
  server_.Set("/a", Route().status(302).location("/b"));
  server_.Set("/b", Route().status(302).location("/a"));
  ListResult r = RunOne(Config("/a"));
  EXPECT_EQ(r.outcome, Outcome::kFailed);
  EXPECT_NE(r.message.find("redirect"), std::string::npos) << r.message;
  ExpectLastGoodServes("2026-02-20", 10, pin);
}

TEST_F(UpdateTest, KeepsTheLastThreeVersions) {
  std::vector<std::string> versions;
  for (int i = 0; i < 5; ++i) {
    // Same records, different bytes: a trailing comment makes each download a new version.
    server_.Set("/un.xml", Route().body(v2_ + "<!-- " + std::to_string(i) + " -->\n"));
    UpdateOptions o = Options();
    o.today = "2026-03-0" + std::to_string(i + 1);
    ListResult r = RunOne(Config("/un.xml"), o);
    ASSERT_EQ(r.outcome, Outcome::kUpdated) << r.message;
    versions.push_back(r.new_version);
  }
  EXPECT_FALSE(fs::exists(DatasetDir() / versions[0]));
  EXPECT_FALSE(fs::exists(DatasetDir() / versions[1]));
  for (int i = 2; i < 5; ++i) EXPECT_TRUE(fs::is_directory(DatasetDir() / versions[i]));
  EXPECT_EQ(CurrentPin(), versions[4] + "\n");
}

TEST_F(UpdateTest, PruningNeverDeletesVersionsPlacedByHand) {
  InstallLastGood();
  for (int i = 0; i < 4; ++i) {
    server_.Set("/un.xml", Route().body(v2_ + "<!-- " + std::to_string(i) + " -->\n"));
    UpdateOptions o = Options();
    o.today = "2026-03-0" + std::to_string(i + 1);
    ASSERT_EQ(RunOne(Config("/un.xml"), o).outcome, Outcome::kUpdated);
  }
  EXPECT_TRUE(fs::is_directory(DatasetDir() / "2026-02-20"));
}

TEST_F(UpdateTest, MultiFileSourceFetchesEveryFile) {
  const char* names[] = {"sdn.csv", "add.csv", "alt.csv", "sdn_comments.csv"};
  UpdateConfig c = Config("/unused");
  c.sources[0].dataset = "us_ofac_sdn";
  c.sources[0].files.clear();
  for (const char* n : names) {
    server_.Set(std::string("/ofac/") + n,
                Route().body(Fixture(std::string("ofac/sdn_2021-07/") + n)));
    c.sources[0].files.push_back({server_.Url(std::string("/ofac/") + n), n});
  }
  auto report = RunUpdate(c, Options());
  ASSERT_TRUE(report.ok());
  const ListResult& r = report->lists[0];
  ASSERT_EQ(r.outcome, Outcome::kUpdated) << r.message;
  auto m = ReadManifest(DatasetDir("us_ofac_sdn") / r.new_version);
  ASSERT_TRUE(m.ok());
  ASSERT_EQ(m->files.size(), 4u);
  EXPECT_EQ(m->format, "ofac-csv");
  EXPECT_GT(m->entity_count, 0u);
  for (const char* n : names) {
    EXPECT_TRUE(fs::is_regular_file(DatasetDir("us_ofac_sdn") / r.new_version / n)) << n;
  }
}

TEST_F(UpdateTest, OneMissingFileFailsTheWholeSource) {
  UpdateConfig c = Config("/unused");
  c.sources[0].dataset = "us_ofac_sdn";
  c.sources[0].files = {{server_.Url("/ofac/sdn.csv"), "sdn.csv"},
                        {server_.Url("/ofac/add.csv"), "add.csv"}};
  server_.Set("/ofac/sdn.csv", Route().body(Fixture("ofac/sdn_2021-07/sdn.csv")));
  auto report = RunUpdate(c, Options());
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report->lists[0].outcome, Outcome::kFailed);
  EXPECT_NE(report->lists[0].message.find("add.csv: HTTP 404"), std::string::npos);
  EXPECT_TRUE(CurrentVersionDir(DatasetDir("us_ofac_sdn")).empty());
}

TEST_F(UpdateTest, OneFailingListDoesNotStopTheOthers) {
  InstallLastGood();
  UpdateConfig c = Config("/un.xml");
  server_.Set("/un.xml", Route().status(500));
  Source ofac;
  ofac.dataset = "us_ofac_sdn";
  ofac.files = {{server_.Url("/sdn.csv"), "sdn.csv"}};
  server_.Set("/sdn.csv", Route().body(Fixture("ofac/sdn_2021-07/sdn.csv")));
  c.sources.push_back(ofac);
  auto report = RunUpdate(c, Options());
  ASSERT_TRUE(report.ok());
  ASSERT_EQ(report->lists.size(), 2u);
  EXPECT_EQ(report->lists[0].outcome, Outcome::kFailed);
  EXPECT_EQ(report->lists[1].outcome, Outcome::kUpdated) << report->lists[1].message;
  EXPECT_EQ(report->ExitCode(), 3);
  auto lists = sources::LoadDataDir(data_, {});
  ASSERT_TRUE(lists.ok()) << lists.status().message();
  EXPECT_EQ(lists->size(), 2u);
}

TEST_F(UpdateTest, OnlyRestrictsToOneDataset) {
  UpdateConfig c = Config("/un.xml");
  Source other;
  other.dataset = "us_ofac_sdn";
  other.files = {{server_.Url("/sdn.csv"), "sdn.csv"}};
  c.sources.push_back(other);
  server_.Set("/un.xml", Route().body(v1_));
  UpdateOptions o = Options();
  o.only = "un_sc";
  auto report = RunUpdate(c, o);
  ASSERT_TRUE(report.ok());
  ASSERT_EQ(report->lists.size(), 1u);
  EXPECT_EQ(server_.Hits("/sdn.csv"), 0);
  o.only = "nope";
  auto bad = RunUpdate(c, o);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), StatusCode::kInvalidArgument);
}

TEST_F(UpdateTest, NotifiesTheServerWithTheBearerKey) {
  server_.Set("/un.xml", Route().body(v1_));
  UpdateOptions o = Options();
  o.notify_url = server_.Base() + "/";
  o.api_key = "s3cret";
  auto report = RunUpdate(Config("/un.xml"), o);
  ASSERT_TRUE(report.ok());
  EXPECT_TRUE(report->notified);
  EXPECT_EQ(server_.Reloads(), 1);
  EXPECT_EQ(server_.LastAuthorization(), "Bearer s3cret");
  // Nothing changed the second time: no reload.
  auto again = RunUpdate(Config("/un.xml"), o);
  ASSERT_TRUE(again.ok());
  EXPECT_FALSE(again->notified);
  EXPECT_EQ(server_.Reloads(), 1);
}

TEST_F(UpdateTest, FailingToNotifyIsOnlyAWarning) {
  server_.Set("/un.xml", Route().body(v1_));
  server_.SetReloadStatus(401);
  UpdateOptions o = Options();
  o.notify_url = server_.Base();
  auto report = RunUpdate(Config("/un.xml"), o);
  ASSERT_TRUE(report.ok());
  EXPECT_FALSE(report->notified);
  EXPECT_NE(report->notify_warning.find("HTTP 401"), std::string::npos) << report->notify_warning;
  EXPECT_EQ(report->ExitCode(), 0);
  EXPECT_NE(log_.find("warning: could not notify"), std::string::npos) << log_;
}

TEST_F(UpdateTest, ConcurrentUpdateOfTheSameDatasetIsRejected) {
  InstallLastGood();
  std::string pin = CurrentPin();
  server_.Set("/un.xml", Route().body(v2_));
  int fd = ::open((DatasetDir() / ".lock").c_str(), O_RDWR | O_CREAT, 0644);
  ASSERT_GE(fd, 0);
  ASSERT_EQ(::flock(fd, LOCK_EX), 0);
  ListResult r = RunOne(Config("/un.xml"));
  ::close(fd);
  EXPECT_EQ(r.outcome, Outcome::kFailed);
  EXPECT_NE(r.message.find("another update holds the lock"), std::string::npos) << r.message;
  ExpectLastGoodServes("2026-02-20", 10, pin);
}

TEST_F(UpdateTest, StaleStagingFromACrashedRunIsRemoved) {
  InstallLastGood();
  fs::create_directories(DatasetDir() / ".staging-1-0");
  server_.Set("/un.xml", Route().body(v2_));
  EXPECT_EQ(RunOne(Config("/un.xml")).outcome, Outcome::kUpdated);
  EXPECT_FALSE(fs::exists(DatasetDir() / ".staging-1-0"));
}

TEST_F(UpdateTest, CurrentPinOutranksNewerDirectories) {
  fs::create_directories(DatasetDir() / "2026-01-01");
  fs::create_directories(DatasetDir() / "2026-02-01");
  EXPECT_EQ(CurrentVersionDir(DatasetDir()).filename(), "2026-02-01");
  ASSERT_TRUE(util::WriteFileAtomic(DatasetDir() / "current", "2026-01-01\n").ok());
  EXPECT_EQ(CurrentVersionDir(DatasetDir()).filename(), "2026-01-01");
  ASSERT_TRUE(util::WriteFileAtomic(DatasetDir() / "current", "../../etc\n").ok());
  EXPECT_EQ(CurrentVersionDir(DatasetDir()).filename(), "2026-02-01");
}

}  // namespace
}  // namespace tamiz::update
