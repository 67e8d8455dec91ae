// `tamiz serve`: the HTTP API (server/server.h). Signals are handled on the main thread with
// sigtimedwait: SIGTERM/SIGINT stop gracefully (in-flight requests finish), SIGHUP reloads
// the lists without downtime.
#include <fmt/format.h>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <ctime>
#include <thread>

#include "cli/commands.h"
#include "index/snapshot.h"
#include "server/server.h"

namespace tamiz::cli {

namespace {
struct ServeArgs {
  int port = 8080;
  std::string bind = "127.0.0.1";
  std::string data;
  std::string api_key_file;
  size_t threads = 0;
  size_t max_queued = 0;
};
}  // namespace

void AddServeCommand(CLI::App& app, Context& ctx) {
  static ServeArgs a;
  auto* cmd = app.add_subcommand("serve", "Start the HTTP API (docs/API.md)");
  cmd->add_option("--port", a.port, "TCP port (0 = any free port)")->check(CLI::Range(0, 65535));
  cmd->add_option("--bind", a.bind, "Address to listen on");
  cmd->add_option("--data", a.data, "Data directory (same as the global --data)");
  cmd->add_option("--api-key-file", a.api_key_file,
                  "File of API keys, one per line: every route but /healthz and /readyz then "
                  "needs 'Authorization: Bearer <key>', and POST /admin/reload is enabled");
  cmd->add_option("--threads", a.threads, "HTTP worker threads (default: max(8, 4 x cores))");
  cmd->add_option("--max-queue", a.max_queued,
                  "Connections waiting for a worker before new ones get 503 (default 64 x "
                  "threads)");
  cmd->callback([&ctx] {
    if (!a.data.empty()) ctx.data_dir = a.data;
    server::ServerOptions opts;
    opts.bind = a.bind;
    opts.port = a.port;
    opts.threads = a.threads;
    opts.max_queued = a.max_queued;
    if (!a.api_key_file.empty()) {
      auto keys = server::ApiKeys::FromFile(a.api_key_file);
      if (!keys.ok()) {
        ctx.exit_code = ReportError(keys.status());
        return;
      }
      opts.api_keys = std::move(keys).value();
    }

    // Block the signals before any thread starts, so that every thread inherits the mask
    // and only sigtimedwait below receives them.
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGTERM);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGHUP);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);

    server::Server srv(opts);
    auto port = srv.Bind();
    if (!port.ok()) {
      ctx.exit_code = ReportError(port.status());
      return;
    }
    srv.Start();
    fmt::print(stderr, "tamiz: listening on http://{}:{} (loading lists from {})\n", a.bind, *port,
               ctx.DataDir().string());

    EngineOptions eo;
    eo.data_dir = ctx.DataDir();
    eo.lenient = ctx.lenient;
    Status load_status;
    std::atomic<bool> loaded{false};
    std::thread loader([&] {
      load_status = srv.LoadEngine(eo);
      loaded.store(true);
    });

    bool load_reported = false;
    while (true) {
      timespec timeout{0, 200 * 1000 * 1000};
      int sig = sigtimedwait(&signals, nullptr, &timeout);
      if (sig == SIGTERM || sig == SIGINT) {
        fmt::print(stderr, "tamiz: {} received, finishing in-flight requests\n",
                   sig == SIGTERM ? "SIGTERM" : "SIGINT");
        break;
      }
      if (sig == SIGHUP) {
        fmt::print(stderr, "tamiz: SIGHUP received, reloading lists\n");
        Status s = srv.Reload();
        if (s.ok()) {
          fmt::print(stderr, "tamiz: lists reloaded\n");
        } else {
          fmt::print(stderr, "tamiz: reload failed, previous lists keep serving: {}\n",
                     s.message());
        }
      }
      if (loaded.load() && !load_reported) {
        load_reported = true;
        if (!load_status.ok()) {
          ctx.exit_code = ReportError(load_status);
          break;
        }
        auto snap = srv.engine()->snapshot();
        fmt::print(stderr, "tamiz: ready: {} entities from {} lists\n", snap->entities().size(),
                   snap->versions().size());
      }
    }
    srv.Stop();
    loader.join();
    fmt::print(stderr, "tamiz: stopped\n");
  });
}

}  // namespace tamiz::cli
