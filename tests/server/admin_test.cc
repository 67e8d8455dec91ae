// API keys, reload without downtime, and overload shedding.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "server/auth.h"
#include "server/metrics.h"
#include "server/server_test_util.h"
#include "server/task_queue.h"

namespace tamiz::server {
namespace {

using nlohmann::json;
using testing::ParseBody;
using testing::TestServer;
using testing::ValidateResponse;

ServerOptions WithKeys() {
  ServerOptions o;
  o.api_keys = ApiKeys({"s3cret-key-1", "other-key-2"});
  return o;
}

httplib::Headers Bearer(const std::string& key) { return {{"Authorization", "Bearer " + key}}; }

TEST(ServerAuth, KeysFileSkipsBlanksAndComments) {
  auto dir = std::filesystem::temp_directory_path() / ("tamiz_keys_" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  {
    std::ofstream f(dir / "keys");
    f << "# operators\n\n  alpha-key  \r\nbeta-key\n";
  }
  auto keys = ApiKeys::FromFile(dir / "keys");
  ASSERT_TRUE(keys.ok()) << keys.status().message();
  EXPECT_TRUE(keys->enabled());
  EXPECT_TRUE(keys->Accepts("Bearer alpha-key"));
  EXPECT_TRUE(keys->Accepts("bearer beta-key"));
  EXPECT_TRUE(keys->Accepts("ApiKey beta-key"));
  EXPECT_FALSE(keys->Accepts("Bearer # operators"));
  EXPECT_FALSE(keys->Accepts("Bearer alpha"));
  EXPECT_FALSE(keys->Accepts("alpha-key"));
  EXPECT_FALSE(keys->Accepts(""));
  {
    std::ofstream f(dir / "empty");
    f << "# nothing\n";
  }
  EXPECT_FALSE(ApiKeys::FromFile(dir / "empty").ok());
  EXPECT_FALSE(ApiKeys::FromFile(dir / "missing").ok());
  std::filesystem::remove_all(dir);
}

TEST(ServerAuth, MissingOrWrongKeyIs401AndHealthzStaysOpen) {
  TestServer ts(WithKeys());
  auto c = ts.Client();
  auto missing = c->Get("/search/default?q=x");
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 401);
  EXPECT_EQ(ParseBody(missing)["error"]["code"], "unauthorized");
  EXPECT_EQ(ValidateResponse("/search/{dataset}", "get", missing), "");

  auto wrong = ts.Client()->Post("/match/default", Bearer("s3cret-key-X"), R"({"queries":{}})",
                                 "application/json");
  ASSERT_TRUE(wrong);
  EXPECT_EQ(wrong->status, 401);
  EXPECT_EQ(ValidateResponse("/match/{dataset}", "post", wrong), "");

  auto right = ts.Client()->Get("/search/default?q=Diosdado", Bearer("other-key-2"));
  ASSERT_TRUE(right);
  EXPECT_EQ(right->status, 200);

  auto metrics = ts.Client()->Get("/metrics");
  ASSERT_TRUE(metrics);
  EXPECT_EQ(metrics->status, 401);

  EXPECT_TRUE(ts.Healthy());
  auto ready = ts.Client()->Get("/readyz");
  ASSERT_TRUE(ready);
  EXPECT_EQ(ready->status, 200);
}

TEST(ServerReload, DisabledWithoutApiKeys) {
  TestServer ts;
  auto r = ts.Client()->Post("/admin/reload");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 403);
  EXPECT_EQ(ParseBody(r)["error"]["code"], "admin_disabled");
  EXPECT_EQ(ValidateResponse("/admin/reload", "post", r), "");
}

TEST(ServerReload, NeedsTheKey) {
  TestServer ts(WithKeys());
  auto r = ts.Client()->Post("/admin/reload");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 401);
}

TEST(ServerReload, SwapsTheSnapshot) {
  TestServer ts(WithKeys());
  auto before = ts.server().engine()->snapshot();
  auto r = ts.Client()->Post("/admin/reload", Bearer("s3cret-key-1"), "", "application/json");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  EXPECT_EQ(ValidateResponse("/admin/reload", "post", r), "");
  EXPECT_EQ(ParseBody(r)["status"], "reloaded");
  EXPECT_NE(ts.server().engine()->snapshot().get(), before.get());
  // The old snapshot is still whole for whoever holds it.
  EXPECT_NE(before->Find("us_ofac_sdn:24424"), nullptr);
}

TEST(ServerReload, ConcurrentRequestsNeverFailDuringReloads) {
  ServerOptions o = WithKeys();
  o.threads = 6;
  TestServer ts(o);
  std::atomic<bool> stop{false};
  std::atomic<int> ok{0};
  std::atomic<int> failed{0};
  std::vector<std::thread> clients;
  for (int t = 0; t < 4; ++t) {
    clients.emplace_back([&, t] {
      auto c = ts.Client();
      c->set_keep_alive(true);
      while (!stop.load()) {
        httplib::Result r =
            t % 2 == 0 ? c->Get("/search/default?q=Diosdado+Cabello", Bearer("s3cret-key-1"))
                       : c->Post("/match/default", Bearer("s3cret-key-1"),
                                 R"({"queries":{"a":{"schema":"Person","properties":{"name":)"
                                 R"(["Tarek El Aissami"]}}}})",
                                 "application/json");
        bool good = r && r->status == 200;
        if (good) {
          json body = ParseBody(r);
          good = t % 2 == 0 ? !body["results"].empty() : !body["responses"]["a"]["results"].empty();
        }
        (good ? ok : failed).fetch_add(1);
      }
    });
  }
  auto admin = ts.Client();
  int reloads = 0;
  for (int i = 0; i < 5; ++i) {
    auto r = admin->Post("/admin/reload", Bearer("s3cret-key-1"), "", "application/json");
    ASSERT_TRUE(r);
    if (r->status == 200) ++reloads;
  }
  // Let the clients run a little after the last swap too.
  while (ok.load() < 50) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  stop.store(true);
  for (auto& t : clients) t.join();
  EXPECT_EQ(reloads, 5);
  EXPECT_EQ(failed.load(), 0);
  EXPECT_GT(ok.load(), 0);
}

TEST(ServerReload, AFailedReloadKeepsTheOldListsServing) {
  // Load from a copy of the fixture, then break the copy.
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / ("tamiz_reload_" + std::to_string(getpid()));
  fs::remove_all(dir);
  fs::copy(testing::FixtureDataDir(), dir, fs::copy_options::recursive);
  TestServer ts(WithKeys(), /*load=*/false);
  EngineOptions eo;
  eo.data_dir = dir;
  ASSERT_TRUE(ts.server().LoadEngine(eo).ok());
  {
    std::ofstream f(dir / "lists/us_ofac_sdn/2021-07/sdn.csv", std::ios::app);
    f << "99999999,\"UNTERMINATED, quote,\"individual\n";
  }
  auto r = ts.Client()->Post("/admin/reload", Bearer("s3cret-key-1"), "", "application/json");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 500) << r->body;
  EXPECT_EQ(ParseBody(r)["error"]["code"], "reload_failed");
  EXPECT_EQ(ValidateResponse("/admin/reload", "post", r), "");
  auto s = ts.Client()->Get("/search/default?q=Diosdado+Cabello", Bearer("s3cret-key-1"));
  ASSERT_TRUE(s);
  EXPECT_EQ(s->status, 200);
  EXPECT_FALSE(ParseBody(s)["results"].empty());
  fs::remove_all(dir);
}

// Opens a raw TCP connection to the test server (5 s receive timeout).
int Connect(int port) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  timeval tv{5, 0};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    close(fd);
    return -1;
  }
  return fd;
}

std::string Exchange(int fd, const std::string& request) {
  if (write(fd, request.data(), request.size()) < 0) return "";
  std::string out;
  char buf[4096];
  ssize_t n;
  while ((n = read(fd, buf, sizeof buf)) > 0) {
    out.append(buf, static_cast<size_t>(n));
    if (out.find("\r\n\r\n") != std::string::npos &&
        out.find('}', out.find("\r\n\r\n")) != std::string::npos) {
      break;
    }
  }
  return out;
}

TEST(ServerOverload, FullQueueAnswers503AndHealthzStillAnswers) {
  ServerOptions o;
  o.threads = 1;
  o.max_queued = 1;
  o.shed_threads = 1;
  o.keep_alive_timeout_s = 5;
  TestServer ts(o);
  // One idle keep-alive connection holds the only worker, a second one waits in the queue.
  int busy = Connect(ts.port());
  ASSERT_GE(busy, 0);
  std::string first = Exchange(busy, "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
  ASSERT_EQ(first.substr(0, 12), "HTTP/1.1 200");
  int queued = Connect(ts.port());
  ASSERT_GE(queued, 0);
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  // The third connection finds the queue full.
  int shed = Connect(ts.port());
  ASSERT_GE(shed, 0);
  std::string reply = Exchange(shed, "GET /lists HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_EQ(reply.substr(0, 12), "HTTP/1.1 503") << reply;
  EXPECT_NE(reply.find("overloaded"), std::string::npos);
  EXPECT_NE(reply.find("Retry-After: 1"), std::string::npos);
  close(shed);
  int probe = Connect(ts.port());
  ASSERT_GE(probe, 0);
  std::string health = Exchange(probe, "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_EQ(health.substr(0, 12), "HTTP/1.1 200") << health;
  close(probe);
  close(busy);
  close(queued);
  // Once the worker is free, normal service resumes.
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  auto r = ts.Client()->Get("/lists");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  auto m = ts.Client()->Get("/metrics");
  ASSERT_TRUE(m);
  EXPECT_NE(m->body.find("tamiz_http_requests_shed_total 2"), std::string::npos) << m->body;
}

TEST(BoundedTaskQueue, ShutdownRunsEveryQueuedTask) {
  std::atomic<int> ran{0};
  std::atomic<int> shed_seen{0};
  {
    BoundedTaskQueue q(2, 100, 1, [] {});
    for (int i = 0; i < 50; ++i) {
      q.enqueue([&] {
        if (BoundedTaskQueue::Shedding()) shed_seen.fetch_add(1);
        ran.fetch_add(1);
      });
    }
    q.shutdown();
  }
  EXPECT_EQ(ran.load(), 50);
  EXPECT_EQ(shed_seen.load(), 0);
}

TEST(BoundedTaskQueue, OverflowGoesToTheSheddingThreads) {
  std::atomic<int> shed_seen{0};
  std::atomic<int> shed_calls{0};
  std::atomic<bool> release{false};
  {
    BoundedTaskQueue q(1, 1, 1, [&] { shed_calls.fetch_add(1); });
    q.enqueue([&] {
      while (!release.load()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(50));  // worker picks task 1
    q.enqueue([] {});                                            // waits in the queue
    for (int i = 0; i < 3; ++i) {
      q.enqueue([&] {
        if (BoundedTaskQueue::Shedding()) shed_seen.fetch_add(1);
      });
    }
    release.store(true);
    q.shutdown();
  }
  EXPECT_EQ(shed_calls.load(), 3);
  EXPECT_EQ(shed_seen.load(), 3);
}

TEST(ServerMetrics, RouteLabelsStayBounded) {
  EXPECT_EQ(RouteLabel(RouteOf("/match/default")), "/match/{dataset}");
  EXPECT_EQ(RouteLabel(RouteOf("/entities/a:b")), "/entities/{id}");
  EXPECT_EQ(RouteLabel(RouteOf("/entities/a:b/network")), "/entities/{id}/network");
  EXPECT_EQ(RouteLabel(RouteOf("/random/123")), "other");
  Metrics m;
  m.Record(Route::kSearch, 200, 0.0007);
  m.Record(Route::kSearch, 200, 3.0);
  m.Record(Route::kSearch, 418, 0.0);
  std::string text = m.Render(nullptr, false, 0);
  EXPECT_NE(text.find(R"(route="/search/{dataset}",status="200"} 2)"), std::string::npos);
  EXPECT_NE(text.find(R"(route="/search/{dataset}",status="other"} 1)"), std::string::npos);
  EXPECT_NE(text.find(R"(route="/search/{dataset}",le="0.001"} 2)"), std::string::npos) << text;
  EXPECT_NE(text.find(R"(route="/search/{dataset}",le="2.5"} 2)"), std::string::npos);
  EXPECT_NE(text.find(R"(route="/search/{dataset}",le="+Inf"} 3)"), std::string::npos);
  EXPECT_NE(text.find("tamiz_ready 0"), std::string::npos);
}

}  // namespace
}  // namespace tamiz::server
