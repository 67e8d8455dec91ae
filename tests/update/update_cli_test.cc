// `tamiz update` as a user runs it: exit codes and the summary on stderr.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "update/fixture_server.h"
#include "util/file_io.h"

namespace tamiz::update {
namespace {

namespace fs = std::filesystem;
using testing_support::FixtureServer;
using Route = FixtureServer::Route;

struct CliRun {
  int exit_code = -1;
  std::string err;
};

class UpdateCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = fs::path(::testing::TempDir()) /
           ("tamiz_update_cli_" + std::string(info->name()) + "_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "data" / "lists");
    auto body =
        util::ReadFile(fs::path(TAMIZ_SOURCE_DIR) / "tests/fixtures/update/un_v1/consolidated.xml");
    ASSERT_TRUE(body.ok());
    v1_ = *body;
  }
  void TearDown() override { fs::remove_all(dir_); }

  void WriteConfig(const std::string& path) {
    std::ofstream out(dir_ / "sources.toml");
    out << "allow_http = true\nconnect_timeout_seconds = 2\ntimeout_seconds = 2\n"
        << "[[source]]\ndataset = \"un_sc\"\nfiles = [\"" << server_.Url(path) << "\"]\n";
  }

  CliRun Tamiz(const std::string& args) {
    fs::path err = dir_ / "stderr.txt";
    std::string cmd = std::string(TAMIZ_BINARY) + " " + args + " 2> " + err.string();
    int rc = std::system(cmd.c_str());
    CliRun r;
    r.exit_code = WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
    std::ifstream in(err);
    std::stringstream ss;
    ss << in.rdbuf();
    r.err = ss.str();
    return r;
  }

  std::string UpdateArgs() const {
    return "update --config " + (dir_ / "sources.toml").string() + " --data " +
           (dir_ / "data").string();
  }

  FixtureServer server_;
  fs::path dir_;
  std::string v1_;
};

TEST_F(UpdateCliTest, ExitZeroWhenUpdatedThenUnchanged) {
  server_.Set("/consolidated.xml", Route().body(v1_).etag("\"1\""));
  WriteConfig("/consolidated.xml");
  CliRun first = Tamiz(UpdateArgs());
  EXPECT_EQ(first.exit_code, 0) << first.err;
  EXPECT_NE(first.err.find("un_sc: updated"), std::string::npos) << first.err;
  EXPECT_NE(first.err.find("0 unchanged, 1 updated, 0 refused, 0 failed"), std::string::npos)
      << first.err;
  CliRun second = Tamiz(UpdateArgs());
  EXPECT_EQ(second.exit_code, 0) << second.err;
  EXPECT_NE(second.err.find("un_sc: unchanged (not modified (HTTP 304))"), std::string::npos)
      << second.err;
}

TEST_F(UpdateCliTest, ExitThreeWhenAListFails) {
  WriteConfig("/missing.xml");
  CliRun r = Tamiz(UpdateArgs());
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_NE(r.err.find("un_sc: failed: " + server_.Url("/missing.xml") + ": HTTP 404"),
            std::string::npos)
      << r.err;
}

TEST_F(UpdateCliTest, BadConfigIsReportedWithItsLine) {
  std::ofstream(dir_ / "sources.toml") << "[[source]]\ndataset = 5\nfiles = [\"https://a/b\"]\n";
  CliRun r = Tamiz(UpdateArgs());
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("sources.toml:1: source 1: 'dataset' must be"), std::string::npos) << r.err;
}

TEST_F(UpdateCliTest, NotifyReadsTheApiKeyFile) {
  server_.Set("/consolidated.xml", Route().body(v1_));
  WriteConfig("/consolidated.xml");
  std::ofstream(dir_ / "key") << "k3y\n";
  CliRun r = Tamiz(UpdateArgs() + " --notify " + server_.Base() + " --api-key-file " +
                   (dir_ / "key").string());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(server_.Reloads(), 1);
  EXPECT_EQ(server_.LastAuthorization(), "Bearer k3y");
}

}  // namespace
}  // namespace tamiz::update
