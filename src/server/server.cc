#include "server/server.h"

#include <fmt/format.h>
#include <httplib.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <optional>
#include <vector>

#include "graph/network.h"
#include "index/snapshot.h"
#include "scan/scan.h"
#include "screen/batch_ftm.h"
#include "screen/json.h"
#include "screen/query_parse.h"
#include "server/ftm.h"
#include "server/openapi.h"
#include "server/task_queue.h"

namespace tamiz::server {

namespace {

using httplib::Request;
using httplib::Response;
using nlohmann::json;
using Clock = std::chrono::steady_clock;
using HandlerResponse = httplib::Server::HandlerResponse;

// Start of the request being handled on this worker (set by the pre-routing handler).
thread_local Clock::time_point t_start;
thread_local bool t_started = false;

// Paths longer than this are refused before routing (keeps std::regex inputs short).
constexpr size_t kMaxPathBytes = 2048;
constexpr int kMatchDefaultLimit = 5;  // yente's default
constexpr int kMaxNetworkDepth = 4;

std::string Dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

void SendJson(Response& res, int status, const json& body) {
  res.status = status;
  res.set_content(Dump(body), "application/json");
}

void SendError(Response& res, int status, std::string_view code, std::string_view message) {
  SendJson(res, status,
           json{{"error", {{"code", std::string(code)}, {"message", std::string(message)}}}});
}

int HttpStatusFor(const Status& s) {
  switch (s.code()) {
    case StatusCode::kOk:
      return 200;
    case StatusCode::kInvalidArgument:
      return 400;
    case StatusCode::kNotFound:
      return 404;
    case StatusCode::kUnavailable:
      return 503;
    case StatusCode::kDataError:
      return 422;
    default:
      return 500;
  }
}

std::string_view ErrorCodeFor(const Status& s) {
  switch (s.code()) {
    case StatusCode::kInvalidArgument:
      return "invalid_request";
    case StatusCode::kNotFound:
      return "not_found";
    case StatusCode::kUnavailable:
      return "unavailable";
    case StatusCode::kDataError:
      return "data_error";
    default:
      return "internal";
  }
}

void SendStatus(Response& res, const Status& s) {
  SendError(res, HttpStatusFor(s), ErrorCodeFor(s), s.message());
}

// Integer query parameter in [lo, hi]; `fallback` when absent.
Result<int> IntParam(const Request& req, const char* name, int fallback, int lo, int hi) {
  if (!req.has_param(name)) return fallback;
  std::string v = req.get_param_value(name);
  int out = 0;
  auto [ptr, ec] = std::from_chars(v.data(), v.data() + v.size(), out);
  if (ec != std::errc() || ptr != v.data() + v.size() || out < lo || out > hi) {
    return Status::InvalidArgument(fmt::format(
        "query parameter '{}': expected an integer in [{}, {}], got '{}'", name, lo, hi, v));
  }
  return out;
}

Result<double> ThresholdParam(const Request& req, double fallback) {
  if (!req.has_param("threshold")) return fallback;
  std::string v = req.get_param_value("threshold");
  char* end = nullptr;
  double d = std::strtod(v.c_str(), &end);
  if (v.empty() || end != v.c_str() + v.size() || !(d >= 0.0 && d <= 1.0)) {
    return Status::InvalidArgument(
        fmt::format("query parameter 'threshold': expected a number in [0, 1], got '{}'", v));
  }
  return d;
}

bool HasDataset(const index::Snapshot& s, std::string_view dataset) {
  return std::any_of(s.versions().begin(), s.versions().end(),
                     [&](const ListVersion& v) { return v.dataset == dataset; });
}

// Resolves the {dataset} path segment: "default" = all lists. False (404 sent) if unknown.
bool ResolveDataset(const index::Snapshot& s, const std::string& dataset,
                    std::vector<std::string>& out, Response& res) {
  out.clear();
  if (dataset == "default") return true;
  if (!HasDataset(s, dataset)) {
    std::string known = "default";
    for (const auto& v : s.versions()) known += ", " + v.dataset;
    SendError(res, 404, "unknown_dataset",
              fmt::format("unknown dataset '{}' (loaded: {})", dataset, known));
    return false;
  }
  out.push_back(dataset);
  return true;
}

bool IsTrue(const std::string& v) { return v == "1" || v == "true" || v == "yes"; }

}  // namespace

Server::Server(ServerOptions options)
    : options_(std::move(options)), http_(std::make_unique<httplib::Server>()) {
  if (options_.threads == 0) {
    options_.threads = std::max<size_t>(8, 4 * std::max(1u, std::thread::hardware_concurrency()));
  }
  if (options_.max_queued == 0) options_.max_queued = 64 * options_.threads;
  InstallRoutes();
}

Server::~Server() { Stop(); }

Result<int> Server::Bind() {
  int port = options_.port;
  if (port == 0) {
    port = http_->bind_to_any_port(options_.bind);
    if (port < 0) {
      return Status::Unavailable(fmt::format("cannot bind {}:<any port>", options_.bind));
    }
  } else if (!http_->bind_to_port(options_.bind, port)) {
    return Status::Unavailable(
        fmt::format("cannot bind {}:{} (address in use or not allowed)", options_.bind, port));
  }
  port_ = port;
  return port;
}

void Server::Start() {
  if (started_.exchange(true)) return;
  listen_thread_ = std::thread([this] { http_->listen_after_bind(); });
  // stop() is a no-op until the accept loop runs, so do not return before it does.
  for (int i = 0; i < 5000 && !http_->is_running(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
}

void Server::Stop() {
  if (stopped_.exchange(true)) return;
  if (started_) {
    http_->stop();
    if (listen_thread_.joinable()) listen_thread_.join();
  }
}

void Server::SetEngine(std::unique_ptr<Engine> engine) {
  engine_.store(std::shared_ptr<Engine>(std::move(engine)));
}

Status Server::LoadEngine(EngineOptions options) {
  auto engine = Engine::Open(std::move(options));
  if (!engine.ok()) {
    std::lock_guard<std::mutex> lock(load_error_mu_);
    load_error_ = engine.status().message();
    return engine.status();
  }
  SetEngine(std::move(engine).value());
  return Status::Ok();
}

Status Server::Reload() {
  std::unique_lock<std::mutex> lock(reload_mu_, std::try_to_lock);
  if (!lock.owns_lock()) return Status::Unavailable("a reload is already running");
  auto eng = engine();
  if (!eng) return Status::Unavailable("the lists are not loaded yet");
  Status s = eng->Reload();
  metrics_.RecordReload(s.ok());
  return s;
}

void Server::HandleReload(httplib::Response& res) {
  if (!options_.api_keys.enabled()) {
    return SendError(res, 403, "admin_disabled",
                     "admin routes need API keys: start the server with --api-key-file");
  }
  if (!ready()) {
    res.set_header("Retry-After", "1");
    return SendError(res, 503, "not_ready", "the lists are still loading; see GET /readyz");
  }
  auto start = Clock::now();
  Status s = Reload();
  if (!s.ok()) {
    if (s.code() == StatusCode::kUnavailable) {
      return SendError(res, 409, "reload_in_progress", s.message());
    }
    return SendError(res, 500, "reload_failed",
                     "reload failed; the previous lists keep serving: " + s.message());
  }
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start).count();
  auto snap = engine()->snapshot();
  SendJson(res, 200,
           json{{"status", "reloaded"},
                {"took_ms", ms},
                {"lists", screen::ListsToJson(snap->versions(), screen::TodayDays())}});
}

void Server::InstallRoutes() {
  httplib::Server& h = *http_;
  const size_t workers = options_.threads;
  const size_t max_queued = options_.max_queued;
  const size_t shed_threads = options_.shed_threads;
  h.new_task_queue = [this, workers, max_queued, shed_threads] {
    return new BoundedTaskQueue(workers, max_queued, shed_threads,
                                [this] { metrics_.RecordShed(); });
  };
  h.set_payload_max_length(options_.max_body_bytes);
  h.set_read_timeout(options_.read_timeout_ms / 1000, (options_.read_timeout_ms % 1000) * 1000);
  h.set_write_timeout(options_.write_timeout_ms / 1000, (options_.write_timeout_ms % 1000) * 1000);
  h.set_keep_alive_timeout(options_.keep_alive_timeout_s);
  h.set_keep_alive_max_count(options_.keep_alive_max_requests);
  h.set_tcp_nodelay(true);

  h.set_pre_routing_handler([this](const Request& req, Response& res) {
    t_start = Clock::now();
    t_started = true;
    const Route route = RouteOf(req.path);
    if (BoundedTaskQueue::Shedding() && route != Route::kHealthz) {
      res.set_header("Retry-After", "1");
      res.set_header("Connection", "close");
      SendError(res, 503, "overloaded", "the server is at capacity; retry shortly");
      return HandlerResponse::Handled;
    }
    if (req.path.size() > kMaxPathBytes) {
      res.set_header("Connection", "close");
      SendError(res, 414, "uri_too_long",
                fmt::format("request path longer than {} bytes", kMaxPathBytes));
      return HandlerResponse::Handled;
    }
    if (options_.api_keys.enabled() && route != Route::kHealthz && route != Route::kReadyz &&
        !options_.api_keys.Accepts(req.get_header_value("Authorization"))) {
      // The body (if any) is not read: close the connection rather than parse it as the
      // next request.
      res.set_header("Connection", "close");
      res.set_header("WWW-Authenticate", "Bearer");
      SendError(res, 401, "unauthorized",
                req.has_header("Authorization")
                    ? "wrong API key"
                    : "an API key is required: send 'Authorization: Bearer <key>'");
      return HandlerResponse::Handled;
    }
    // Reload needs no body, and clients often POST without Content-Length (which the
    // library would refuse), so it is answered here, before the body is read.
    if (route == Route::kReload && req.method == "POST") {
      if (req.get_header_value("Content-Length") != "0" && req.has_header("Content-Length")) {
        res.set_header("Connection", "close");
      }
      HandleReload(res);
      return HandlerResponse::Handled;
    }
    return HandlerResponse::Unhandled;
  });

  // Errors raised by the library itself (unknown route, oversized body, bad request line)
  // get the same JSON shape as ours; responses that already have a body are left alone.
  h.set_error_handler(httplib::Server::HandlerWithResponse([](const Request& req, Response& res) {
    if (!res.body.empty()) return HandlerResponse::Unhandled;
    switch (res.status) {
      case 404:
        SendError(res, 404, "not_found", fmt::format("no route for {} {}", req.method, req.path));
        break;
      case 413:
        SendError(res, 413, "payload_too_large", "request body is larger than the limit");
        break;
      case 414:
        SendError(res, 414, "uri_too_long", "request URI is too long");
        break;
      case 400:
        SendError(res, 400, "bad_request", "malformed HTTP request");
        break;
      default:
        SendError(res, res.status, "error", fmt::format("HTTP {}", res.status));
        break;
    }
    return HandlerResponse::Handled;
  }));

  h.set_exception_handler([](const Request&, Response& res, std::exception_ptr ep) {
    std::string what = "unexpected error";
    try {
      if (ep) std::rethrow_exception(ep);
    } catch (const std::exception& e) {
      what = e.what();
    } catch (...) {
    }
    SendError(res, 500, "internal", what);
  });

  h.set_logger([this](const Request& req, const Response& res) {
    double seconds = 0.0;
    if (t_started) {
      seconds = std::chrono::duration<double>(Clock::now() - t_start).count();
      t_started = false;
    }
    metrics_.Record(RouteOf(req.path), res.status, seconds);
  });

  h.Get("/healthz", [](const Request&, Response& res) {
    SendJson(res, 200, json{{"status", "ok"}});
  });

  h.Get("/readyz", [this](const Request&, Response& res) {
    auto eng = engine();
    if (eng) {
      auto snap = eng->snapshot();
      SendJson(res, 200,
               json{{"status", "ready"},
                    {"entities", snap->entities().size()},
                    {"lists", snap->versions().size()}});
      return;
    }
    std::lock_guard<std::mutex> lock(load_error_mu_);
    if (load_error_.empty()) {
      SendJson(res, 503, json{{"status", "loading"}});
    } else {
      SendJson(res, 503, json{{"status", "failed"}, {"message", load_error_}});
    }
  });

  h.Get("/metrics", [this](const Request&, Response& res) {
    auto eng = engine();
    std::shared_ptr<const index::Snapshot> snap = eng ? eng->snapshot() : nullptr;
    res.set_content(metrics_.Render(snap.get(), eng != nullptr, screen::TodayDays()),
                    "text/plain; version=0.0.4; charset=utf-8");
  });

  h.Get("/openapi.json", [](const Request&, Response& res) {
    res.set_content(std::string(OpenApiJson()), "application/json");
  });

  auto not_ready = [](Response& res) {
    res.set_header("Retry-After", "1");
    SendError(res, 503, "not_ready", "the lists are still loading; see GET /readyz");
  };

  h.Get("/lists", [this, not_ready](const Request&, Response& res) {
    auto eng = engine();
    if (!eng) return not_ready(res);
    auto snap = eng->snapshot();
    SendJson(res, 200, json{{"lists", screen::ListsToJson(snap->versions(), screen::TodayDays())}});
  });

  h.Post(R"(/match/([^/]+))", [this, not_ready](const Request& req, Response& res) {
    auto eng = engine();
    if (!eng) return not_ready(res);
    Query defaults;
    if (!ResolveDataset(*eng->snapshot(), req.matches[1].str(), defaults.datasets, res)) return;
    auto limit = IntParam(req, "limit", kMatchDefaultLimit, 1, options_.max_limit);
    if (!limit.ok()) return SendStatus(res, limit.status());
    auto threshold = ThresholdParam(req, kDefaultThreshold);
    if (!threshold.ok()) return SendStatus(res, threshold.status());
    defaults.limit = *limit;
    defaults.threshold = *threshold;
    // `algorithm` is accepted for yente compatibility; tamiz has one matcher.
    if (req.body.empty()) {
      return SendError(res, 400, "invalid_request",
                       "empty body: expected {\"queries\": {key: {\"schema\", \"properties\"}}}");
    }
    if (Status s = screen::CheckJsonDepth(req.body, options_.max_json_depth); !s.ok()) {
      return SendError(res, 400, "too_deep", s.message());
    }
    auto body = screen::ParseJsonBounded(req.body, options_.max_json_depth);
    if (!body.ok()) return SendError(res, 400, "invalid_json", body.status().message());
    auto qit = body->is_object() ? body->find("queries") : body->end();
    if (!body->is_object() || qit == body->end() || !qit->is_object()) {
      return SendError(res, 400, "invalid_request",
                       "expected {\"queries\": {key: {\"schema\", \"properties\"}}}");
    }
    const json& queries = *qit;
    if (queries.empty()) return SendError(res, 400, "invalid_request", "'queries' is empty");
    if (queries.size() > options_.max_queries) {
      return SendError(res, 413, "too_many_queries",
                       fmt::format("{} queries in one request; the limit is {}", queries.size(),
                                   options_.max_queries));
    }
    std::vector<std::pair<std::string, Query>> parsed;
    parsed.reserve(queries.size());
    for (const auto& [key, example] : queries.items()) {
      std::string where = "queries." + key;
      if (example.is_object()) {
        auto sit = example.find("schema");
        if (sit != example.end() && sit->is_string() && !ParseSchema(sit->get<std::string>())) {
          return SendError(res, 400, "unknown_schema",
                           fmt::format("{}: unknown schema '{}'", where, sit->get<std::string>()));
        }
      }
      auto q = screen::QueryFromFtmExample(example, defaults, where);
      if (!q.ok()) return SendError(res, 400, "invalid_query", q.status().message());
      parsed.emplace_back(key, std::move(q).value());
    }
    json responses = json::object();
    for (const auto& [key, q] : parsed) {
      ScreenResult r = eng->Screen(q);
      json results = json::array();
      for (const Hit& hit : r.hits) results.push_back(MatchResultToJson(hit));
      responses[key] = {{"status", 200},
                        {"query", screen::NormalizedFtmExample(queries.at(key))},
                        {"total", {{"value", r.hits.size()}, {"relation", "eq"}}},
                        {"results", std::move(results)}};
    }
    SendJson(res, 200, json{{"responses", std::move(responses)}, {"limit", *limit}});
  });

  h.Get(R"(/search/([^/]+))", [this, not_ready](const Request& req, Response& res) {
    auto eng = engine();
    if (!eng) return not_ready(res);
    Query q;
    if (!ResolveDataset(*eng->snapshot(), req.matches[1].str(), q.datasets, res)) return;
    std::string text = req.get_param_value("q");
    if (text.find_first_not_of(" \t") == std::string::npos) {
      return SendError(res, 400, "missing_query", "query parameter 'q' is required");
    }
    q.names.push_back(std::move(text));
    auto limit = IntParam(req, "limit", kDefaultLimit, 1, options_.max_limit);
    if (!limit.ok()) return SendStatus(res, limit.status());
    auto threshold = ThresholdParam(req, kDefaultThreshold);
    if (!threshold.ok()) return SendStatus(res, threshold.status());
    q.limit = *limit;
    q.threshold = *threshold;
    if (std::string schema = req.get_param_value("schema"); !schema.empty()) {
      auto s = ParseSchema(schema);
      if (!s) {
        return SendError(res, 400, "unknown_schema",
                         fmt::format("query parameter 'schema': unknown schema '{}'", schema));
      }
      if (*s != Schema::kUnknown) q.schema = *s;
    }
    for (const char* key : {"dob", "birthDate"}) {
      for (size_t i = 0; i < req.get_param_value_count(key); ++i) {
        auto d = screen::ParseQueryDate(req.get_param_value(key, i));
        if (!d.ok()) return SendStatus(res, d.status());
        q.birth_dates.push_back(*d);
      }
    }
    for (const char* key : {"country", "countries", "nationality"}) {
      for (size_t i = 0; i < req.get_param_value_count(key); ++i) {
        q.countries.push_back(req.get_param_value(key, i));
      }
    }
    q.gender = req.get_param_value("gender");
    for (size_t i = 0; i < req.get_param_value_count("id"); ++i) {
      q.identifiers.push_back(req.get_param_value("id", i));
    }
    SendJson(res, 200, screen::ScreenResultToJson(eng->Screen(q)));
  });

  h.Get(R"(/entities/(.+)/network)", [this, not_ready](const Request& req, Response& res) {
    auto eng = engine();
    if (!eng) return not_ready(res);
    auto depth = IntParam(req, "depth", 1, 1, kMaxNetworkDepth);
    if (!depth.ok()) return SendStatus(res, depth.status());
    auto state = eng->state();
    const auto& snap = state->snapshot;
    std::string id = req.matches[1].str();
    if (snap->Find(id) == nullptr) {
      return SendError(res, 404, "unknown_entity", fmt::format("no entity with id '{}'", id));
    }
    auto net = graph::NetworkToJson(*snap, *state->exposure, id, *depth);
    if (!net.ok()) return SendStatus(res, net.status());
    SendJson(res, 200, *net);
  });

  h.Get(R"(/entities/(.+))", [this, not_ready](const Request& req, Response& res) {
    auto eng = engine();
    if (!eng) return not_ready(res);
    auto snap = eng->snapshot();
    std::string id = req.matches[1].str();
    const Entity* e = snap->Find(id);
    if (e == nullptr) {
      return SendError(res, 404, "unknown_entity", fmt::format("no entity with id '{}'", id));
    }
    json j = screen::EntityToJson(*e);
    j["properties"] = FtmProperties(*e);
    json outgoing = json::array();
    json incoming = json::array();
    uint32_t idx = snap->IndexOf(e);
    for (uint32_t r : snap->RelationsFrom(idx)) {
      outgoing.push_back(screen::RelationToJson(*snap, snap->relations()[r]));
    }
    for (uint32_t r : snap->RelationsTo(idx)) {
      incoming.push_back(screen::RelationToJson(*snap, snap->relations()[r]));
    }
    j["relations"] = {{"outgoing", std::move(outgoing)}, {"incoming", std::move(incoming)}};
    SendJson(res, 200, j);
  });

  h.Post("/scan", [this, not_ready](const Request& req, Response& res) {
    auto eng = engine();
    if (!eng) return not_ready(res);
    if (req.body.size() > options_.max_scan_bytes) {
      return SendError(res, 413, "payload_too_large",
                       fmt::format("scan text is {} bytes; the limit is {}", req.body.size(),
                                   options_.max_scan_bytes));
    }
    if (req.body.find_first_not_of(" \t\r\n") == std::string::npos) {
      return SendError(res, 400, "invalid_request", "empty body: send the text to scan");
    }
    scan::ScanOptions so;
    std::string type = req.get_header_value("Content-Type");
    so.html = type.find("html") != std::string::npos || IsTrue(req.get_param_value("html"));
    so.payment = IsTrue(req.get_param_value("payment"));
    auto threshold = ThresholdParam(req, kDefaultThreshold);
    if (!threshold.ok()) return SendStatus(res, threshold.status());
    so.threshold = *threshold;
    auto snap = eng->snapshot();
    auto out = scan::ScanToJson(*snap, req.body, so);
    if (!out.ok()) return SendStatus(res, out.status());
    SendJson(res, 200, *out);
  });
}

}  // namespace tamiz::server
