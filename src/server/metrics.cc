#include "server/metrics.h"

#include <fmt/format.h>

#include "index/match_data.h"
#include "screen/json.h"

namespace tamiz::server {

Route RouteOf(std::string_view path) {
  auto starts = [&](std::string_view p) { return path.substr(0, p.size()) == p; };
  if (starts("/match/")) return Route::kMatch;
  if (starts("/search/")) return Route::kSearch;
  if (starts("/entities/")) {
    constexpr std::string_view kNet = "/network";
    if (path.size() > kNet.size() && path.substr(path.size() - kNet.size()) == kNet) {
      return Route::kNetwork;
    }
    return Route::kEntity;
  }
  if (path == "/scan") return Route::kScan;
  if (path == "/lists") return Route::kLists;
  if (path == "/healthz") return Route::kHealthz;
  if (path == "/readyz") return Route::kReadyz;
  if (path == "/metrics") return Route::kMetrics;
  if (path == "/openapi.json") return Route::kOpenApi;
  if (path == "/admin/reload") return Route::kReload;
  return Route::kOther;
}

std::string_view RouteLabel(Route r) {
  switch (r) {
    case Route::kMatch:
      return "/match/{dataset}";
    case Route::kSearch:
      return "/search/{dataset}";
    case Route::kEntity:
      return "/entities/{id}";
    case Route::kNetwork:
      return "/entities/{id}/network";
    case Route::kScan:
      return "/scan";
    case Route::kLists:
      return "/lists";
    case Route::kHealthz:
      return "/healthz";
    case Route::kReadyz:
      return "/readyz";
    case Route::kMetrics:
      return "/metrics";
    case Route::kOpenApi:
      return "/openapi.json";
    case Route::kReload:
      return "/admin/reload";
    case Route::kOther:
    case Route::kCount:
      break;
  }
  return "other";
}

void Metrics::Record(Route route, int status, double seconds) {
  auto idx = static_cast<size_t>(route);
  if (idx >= routes_.size()) idx = static_cast<size_t>(Route::kOther);
  PerRoute& r = routes_[idx];
  size_t s = kStatuses.size();
  for (size_t i = 0; i < kStatuses.size(); ++i) {
    if (kStatuses[i] == status) {
      s = i;
      break;
    }
  }
  r.by_status[s].fetch_add(1, std::memory_order_relaxed);
  size_t b = kBuckets.size();
  for (size_t i = 0; i < kBuckets.size(); ++i) {
    if (seconds <= kBuckets[i]) {
      b = i;
      break;
    }
  }
  r.buckets[b].fetch_add(1, std::memory_order_relaxed);
  double micros = seconds > 0 ? seconds * 1e6 : 0.0;
  r.sum_micros.fetch_add(static_cast<uint64_t>(micros), std::memory_order_relaxed);
}

std::string Metrics::Render(const index::Snapshot* snapshot, bool ready, int today_days) const {
  std::string out;
  auto load = [](const std::atomic<uint64_t>& a) { return a.load(std::memory_order_relaxed); };
  out +=
      "# HELP tamiz_http_requests_total HTTP requests served, by route pattern and status.\n"
      "# TYPE tamiz_http_requests_total counter\n";
  for (size_t r = 0; r < routes_.size(); ++r) {
    auto label = RouteLabel(static_cast<Route>(r));
    for (size_t s = 0; s <= kStatuses.size(); ++s) {
      uint64_t n = load(routes_[r].by_status[s]);
      if (n == 0) continue;
      std::string status = s < kStatuses.size() ? std::to_string(kStatuses[s]) : "other";
      out += fmt::format("tamiz_http_requests_total{{route=\"{}\",status=\"{}\"}} {}\n", label,
                         status, n);
    }
  }
  out +=
      "# HELP tamiz_http_request_duration_seconds Time from request start to handler end.\n"
      "# TYPE tamiz_http_request_duration_seconds histogram\n";
  for (size_t r = 0; r < routes_.size(); ++r) {
    const PerRoute& pr = routes_[r];
    uint64_t total = 0;
    for (const auto& b : pr.buckets) total += load(b);
    if (total == 0) continue;
    auto label = RouteLabel(static_cast<Route>(r));
    uint64_t cumulative = 0;
    for (size_t i = 0; i < kBuckets.size(); ++i) {
      cumulative += load(pr.buckets[i]);
      out +=
          fmt::format("tamiz_http_request_duration_seconds_bucket{{route=\"{}\",le=\"{}\"}} {}\n",
                      label, kBuckets[i], cumulative);
    }
    out +=
        fmt::format("tamiz_http_request_duration_seconds_bucket{{route=\"{}\",le=\"+Inf\"}} {}\n",
                    label, total);
    out += fmt::format("tamiz_http_request_duration_seconds_sum{{route=\"{}\"}} {:.6f}\n", label,
                       static_cast<double>(load(pr.sum_micros)) / 1e6);
    out +=
        fmt::format("tamiz_http_request_duration_seconds_count{{route=\"{}\"}} {}\n", label, total);
  }
  out += fmt::format(
      "# HELP tamiz_http_requests_shed_total Connections answered 503 because the queue was "
      "full.\n# TYPE tamiz_http_requests_shed_total counter\ntamiz_http_requests_shed_total {}\n",
      load(shed_));
  out += fmt::format(
      "# HELP tamiz_reloads_total List reloads, by result.\n# TYPE tamiz_reloads_total counter\n"
      "tamiz_reloads_total{{result=\"ok\"}} {}\ntamiz_reloads_total{{result=\"error\"}} {}\n",
      load(reloads_ok_), load(reloads_failed_));
  out += fmt::format(
      "# HELP tamiz_ready 1 once the lists are loaded and the API answers.\n"
      "# TYPE tamiz_ready gauge\ntamiz_ready {}\n",
      ready ? 1 : 0);
  if (snapshot != nullptr) {
    out += fmt::format(
        "# HELP tamiz_entities_indexed Entities in the serving snapshot.\n"
        "# TYPE tamiz_entities_indexed gauge\ntamiz_entities_indexed {}\n"
        "# HELP tamiz_names_indexed Analysed names in the candidate index.\n"
        "# TYPE tamiz_names_indexed gauge\ntamiz_names_indexed {}\n"
        "# HELP tamiz_relations_indexed Relations in the serving snapshot.\n"
        "# TYPE tamiz_relations_indexed gauge\ntamiz_relations_indexed {}\n",
        snapshot->entities().size(), snapshot->match_data().names.size(),
        snapshot->relations().size());
    out +=
        "# HELP tamiz_list_age_days Age of each loaded list in days (today minus its date).\n"
        "# TYPE tamiz_list_age_days gauge\n";
    for (const auto& v : snapshot->versions()) {
      int d = screen::DaysFromIso(v.date);
      if (d < 0) continue;
      out += fmt::format("tamiz_list_age_days{{dataset=\"{}\"}} {}\n", v.dataset, today_days - d);
    }
    out +=
        "# HELP tamiz_list_entities Entities per loaded list.\n"
        "# TYPE tamiz_list_entities gauge\n";
    for (const auto& v : snapshot->versions()) {
      out += fmt::format("tamiz_list_entities{{dataset=\"{}\"}} {}\n", v.dataset, v.entity_count);
    }
  }
  return out;
}

}  // namespace tamiz::server
