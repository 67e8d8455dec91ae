// The `tamiz serve` binary (signals, exit codes) and the acceptance checks on the bundled
// lists in data/.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <regex>
#include <string>
#include <thread>
#include <vector>

#include "server/server_test_util.h"

extern char** environ;

namespace tamiz::server {
namespace {

using nlohmann::json;
using testing::ParseBody;

// A `tamiz serve` child process whose stderr is read through a pipe.
class ServeProcess {
 public:
  explicit ServeProcess(std::vector<std::string> args) {
    int fds[2];
    if (pipe(fds) != 0) return;
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, fds[1], STDERR_FILENO);
    posix_spawn_file_actions_addclose(&actions, fds[0]);
    std::vector<std::string> all = {TAMIZ_BINARY};
    all.insert(all.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : all) argv.push_back(a.data());
    argv.push_back(nullptr);
    if (posix_spawn(&pid_, TAMIZ_BINARY, &actions, nullptr, argv.data(), environ) != 0) pid_ = -1;
    posix_spawn_file_actions_destroy(&actions);
    close(fds[1]);
    err_fd_ = fds[0];
  }
  ~ServeProcess() {
    if (pid_ > 0 && !exited_) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
    if (err_fd_ >= 0) close(err_fd_);
  }

  bool started() const { return pid_ > 0; }

  // Reads stderr until `pattern` matches the accumulated text or `timeout` passes.
  std::smatch WaitFor(const std::regex& pattern, std::chrono::seconds timeout) {
    auto deadline = std::chrono::steady_clock::now() + timeout;
    std::smatch m;
    while (std::chrono::steady_clock::now() < deadline) {
      if (std::regex_search(stderr_, m, pattern)) return m;
      pollfd p{err_fd_, POLLIN, 0};
      if (poll(&p, 1, 100) > 0) {
        char buf[1024];
        ssize_t n = read(err_fd_, buf, sizeof buf);
        if (n <= 0) break;
        stderr_.append(buf, static_cast<size_t>(n));
      }
    }
    std::regex_search(stderr_, m, pattern);
    return m;
  }

  void Signal(int sig) { kill(pid_, sig); }

  // Sends `sig` (0: none) and waits (bounded) for the exit code; -1 on timeout.
  int SignalAndWait(int sig, std::chrono::seconds timeout) {
    if (sig != 0) kill(pid_, sig);
    auto deadline = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < deadline) {
      int status = 0;
      pid_t r = waitpid(pid_, &status, WNOHANG);
      if (r == pid_) {
        exited_ = true;
        return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return -1;
  }

  const std::string& stderr_text() const { return stderr_; }

 private:
  pid_t pid_ = -1;
  int err_fd_ = -1;
  bool exited_ = false;
  std::string stderr_;
};

TEST(ServeCommand, ServesReloadsOnSighupAndStopsOnSigterm) {
  ServeProcess p({"--data", testing::FixtureDataDir(), "serve", "--port", "0", "--threads", "2"});
  ASSERT_TRUE(p.started());
  auto listening =
      p.WaitFor(std::regex(R"(listening on http://127\.0\.0\.1:(\d+))"), std::chrono::seconds(60));
  ASSERT_FALSE(listening.empty()) << p.stderr_text();
  int port = std::stoi(listening[1].str());
  ASSERT_FALSE(p.WaitFor(std::regex("ready: 70 entities"), std::chrono::seconds(60)).empty())
      << p.stderr_text();
  httplib::Client c("127.0.0.1", port);
  c.set_read_timeout(20);
  auto r = c.Get("/search/default?q=Diosdado+Cabello");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);

  // SIGHUP reloads and the server keeps answering.
  p.Signal(SIGHUP);
  ASSERT_FALSE(p.WaitFor(std::regex("lists reloaded"), std::chrono::seconds(60)).empty())
      << p.stderr_text();
  auto again = c.Get("/healthz");
  ASSERT_TRUE(again);
  EXPECT_EQ(again->status, 200);

  EXPECT_EQ(p.SignalAndWait(SIGTERM, std::chrono::seconds(30)), 0) << p.stderr_text();
  p.WaitFor(std::regex("stopped"), std::chrono::seconds(5));
  EXPECT_NE(p.stderr_text().find("SIGTERM received"), std::string::npos) << p.stderr_text();
}

TEST(ServeCommand, BadDataDirectoryExitsWithCode3) {
  ServeProcess p({"--data", testing::FixtureDataDir() + "/missing", "serve", "--port", "0"});
  ASSERT_TRUE(p.started());
  p.WaitFor(std::regex("tamiz: .*missing"), std::chrono::seconds(60));
  EXPECT_EQ(p.SignalAndWait(0, std::chrono::seconds(60)), 3) << p.stderr_text();
}

TEST(ServeCommand, MissingApiKeyFileIsAnError) {
  ServeProcess p({"serve", "--port", "0", "--api-key-file", "/nonexistent/keys"});
  ASSERT_TRUE(p.started());
  EXPECT_EQ(p.SignalAndWait(0, std::chrono::seconds(60)), 3) << p.stderr_text();
}

// The acceptance checks of the service issue, on every bundled list.
TEST(ServerAcceptance, BundledListsMatchTarekAndLinkCabello) {
  testing::TestServer ts({}, /*load=*/false);
  EngineOptions eo;
  eo.data_dir = std::string(TAMIZ_SOURCE_DIR) + "/data";
  Status s = ts.server().LoadEngine(eo);
  ASSERT_TRUE(s.ok()) << s.message();
  auto c = ts.Client();
  auto r = c->Post("/match/default",
                   R"({"queries":{"q1":{"schema":"Person","properties":{"name":)"
                   R"(["Tarek El Aissami"],"birthDate":["1974-11-12"]}}}})",
                   "application/json");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  EXPECT_EQ(testing::ValidateResponse("/match/{dataset}", "post", r), "");
  json results = ParseBody(r)["responses"]["q1"]["results"];
  ASSERT_FALSE(results.empty());
  EXPECT_EQ(results[0]["id"], "us_ofac_sdn:20250");
  EXPECT_EQ(results[0]["match"], true);

  auto e = c->Get("/entities/us_ofac_sdn:24424");
  ASSERT_TRUE(e);
  ASSERT_EQ(e->status, 200);
  EXPECT_EQ(testing::ValidateResponse("/entities/{id}", "get", e), "");
  bool linked = false;
  json entity = ParseBody(e);
  for (const auto& rel : entity["relations"]["incoming"]) {
    if (rel["source"] == "us_ofac_sdn:24427" && rel["type"] == "UnknownLink") linked = true;
  }
  EXPECT_TRUE(linked) << entity["relations"].dump();
  auto lists = c->Get("/lists");
  ASSERT_TRUE(lists);
  EXPECT_GE(ParseBody(lists)["lists"].size(), 5u);
}

}  // namespace
}  // namespace tamiz::server
