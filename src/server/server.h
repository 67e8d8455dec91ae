// The HTTP JSON API (docs/API.md): yente-compatible matching, search, entities, scanning,
// lists, health, Prometheus metrics and the OpenAPI document, served by cpp-httplib
// (docs/SERVER.md says why). The server listens before the lists are loaded, so /readyz is
// meaningful; reloads swap the Engine's snapshot while requests keep being served.
// Thread-safe: every public method may be called from any thread (typically the signal
// thread calls Reload() and Stop()).
#pragma once

#include <atomic>
#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "server/auth.h"
#include "server/metrics.h"
#include "tamiz/engine.h"
#include "tamiz/status.h"

namespace httplib {
class Server;
struct Response;
}  // namespace httplib

namespace tamiz::server {

struct ServerOptions {
  std::string bind = "127.0.0.1";
  int port = 8080;  // 0 picks a free port (tests)
  // Worker threads. Each keep-alive connection holds one while it is open, so the default
  // is several per core (screening itself is CPU-bound and short).
  size_t threads = 0;       // 0 = max(8, 4 x cores)
  size_t max_queued = 0;    // connections waiting for a worker; 0 = 64 x threads
  size_t shed_threads = 2;  // threads answering 503 when the queue is full
  size_t max_body_bytes = size_t{4} << 20;
  size_t max_scan_bytes = size_t{1} << 20;
  size_t max_json_depth = 32;
  size_t max_queries = 500;  // per POST /match request
  int max_limit = 500;       // largest ?limit=
  int read_timeout_ms = 5000;
  int write_timeout_ms = 5000;
  int keep_alive_timeout_s = 2;
  // Requests per connection before the server closes it, so that queued connections get a
  // worker in turn (thread-per-connection model, docs/SERVER.md).
  size_t keep_alive_max_requests = 100;
  ApiKeys api_keys;  // empty: no authentication (and /admin/reload disabled)
};

class Server {
 public:
  explicit Server(ServerOptions options);
  ~Server();  // Stop()s
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds the listening socket and returns the port. kUnavailable when the address is taken.
  Result<int> Bind();
  // Starts accepting on a background thread. REQUIRES: Bind() succeeded.
  void Start();

  // Serves `engine` from now on (readyz turns 200). Called once, after Start() or before.
  void SetEngine(std::unique_ptr<Engine> engine);
  // Opens the engine (blocking) and serves it; on failure /readyz reports the error.
  Status LoadEngine(EngineOptions options);

  // Re-reads the lists beside the serving snapshot and swaps it in; requests in flight keep
  // their snapshot. kUnavailable while another reload runs or before the engine is loaded.
  Status Reload();

  // Stops accepting, lets workers finish the requests they hold, joins. Idempotent.
  void Stop();

  bool ready() const { return engine_.load() != nullptr; }
  int port() const { return port_; }
  const Metrics& metrics() const { return metrics_; }
  // The serving engine; null until loaded.
  std::shared_ptr<Engine> engine() const { return engine_.load(); }

 private:
  void InstallRoutes();
  void HandleReload(httplib::Response& res);

  ServerOptions options_;
  std::unique_ptr<httplib::Server> http_;
  std::thread listen_thread_;
  int port_ = 0;
  std::atomic<bool> started_{false};
  std::atomic<bool> stopped_{false};
  std::atomic<std::shared_ptr<Engine>> engine_;
  std::mutex load_error_mu_;
  std::string load_error_;
  std::mutex reload_mu_;
  Metrics metrics_;
};

}  // namespace tamiz::server
