// Request counters and latency histograms for GET /metrics, rendered in the Prometheus text
// exposition format 0.0.4 (https://prometheus.io/docs/instrumenting/exposition_formats/).
// Thread-safe: every counter is a relaxed atomic, so recording never blocks a request.
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <string>
#include <string_view>

#include "index/snapshot.h"

namespace tamiz::server {

// The route families the API serves; labels stay bounded whatever paths clients send.
enum class Route : uint8_t {
  kMatch = 0,
  kSearch,
  kEntity,
  kNetwork,
  kScan,
  kLists,
  kHealthz,
  kReadyz,
  kMetrics,
  kOpenApi,
  kReload,
  kOther,
  kCount,
};

// The route pattern of a request path ("/match/{dataset}", ...).
Route RouteOf(std::string_view path);
std::string_view RouteLabel(Route r);

class Metrics {
 public:
  // Upper bounds (seconds) of the latency histogram buckets; +Inf is implicit.
  static constexpr std::array<double, 12> kBuckets = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                      0.05,   0.1,   0.25,   0.5,   1.0,  2.5};
  // Status codes counted individually; anything else is counted as "other".
  static constexpr std::array<int, 14> kStatuses = {200, 204, 400, 401, 403, 404, 405,
                                                    409, 413, 414, 422, 500, 501, 503};

  void Record(Route route, int status, double seconds);
  void RecordShed() { shed_.fetch_add(1, std::memory_order_relaxed); }
  void RecordReload(bool ok) { (ok ? reloads_ok_ : reloads_failed_).fetch_add(1); }

  // Prometheus text for the counters plus gauges describing `snapshot` (may be null while
  // loading): entities and names indexed, list age in days per dataset.
  std::string Render(const index::Snapshot* snapshot, bool ready, int today_days) const;

 private:
  struct PerRoute {
    std::array<std::atomic<uint64_t>, kStatuses.size() + 1> by_status{};
    std::array<std::atomic<uint64_t>, kBuckets.size() + 1> buckets{};  // non-cumulative
    std::atomic<uint64_t> sum_micros{0};
  };
  std::array<PerRoute, static_cast<size_t>(Route::kCount)> routes_{};
  std::atomic<uint64_t> shed_{0};
  std::atomic<uint64_t> reloads_ok_{0};
  std::atomic<uint64_t> reloads_failed_{0};
};

}  // namespace tamiz::server
