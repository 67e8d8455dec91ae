#include "match/bench.h"

#include <time.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <random>
#include <set>
#include <sstream>

#include "index/match_data.h"
#include "match/screen.h"

namespace tamiz::match {

namespace {

// CPU time of the calling thread: the machine may be shared, and the figures are per core.
struct Clock {
  using time_point = double;  // microseconds
  static time_point now() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1e6 + static_cast<double>(ts.tv_nsec) / 1e3;
  }
};

double Micros(Clock::time_point a, Clock::time_point b) { return b - a; }

double Percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  size_t k = static_cast<size_t>(p * static_cast<double>(v.size() - 1) + 0.5);
  return v[std::min(k, v.size() - 1)];
}

std::vector<std::string> Words(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  std::string w;
  while (in >> w) out.push_back(w);
  return out;
}

std::string JoinWords(const std::vector<std::string>& w) {
  std::string s;
  for (const auto& x : w) {
    if (!s.empty()) s += ' ';
    s += x;
  }
  return s;
}

}  // namespace

std::vector<BenchQuery> GenerateBenchQueries(const index::Snapshot& snapshot, size_t count,
                                             uint64_t seed) {
  std::mt19937_64 rng(seed);
  const auto& ents = snapshot.entities();
  std::vector<BenchQuery> out;
  if (ents.empty()) return out;
  std::vector<uint32_t> persons;
  for (uint32_t i = 0; i < ents.size(); ++i) {
    if (ents[i].schema == Schema::kPerson && !ents[i].names.empty()) persons.push_back(i);
  }
  auto pick = [&](size_t n) { return static_cast<size_t>(rng() % std::max<size_t>(n, 1)); };
  while (out.size() < count) {
    const size_t r = pick(10);
    if (r >= 8 && persons.size() >= 2) {
      // Negative: given name of one listed person, family name of another.
      auto a = Words(ents[persons[pick(persons.size())]].names[0].full);
      auto b = Words(ents[persons[pick(persons.size())]].names[0].full);
      if (a.empty() || b.empty()) continue;
      out.push_back({a.back() + " " + b.front(), "negative"});
      continue;
    }
    const Entity& e = ents[pick(ents.size())];
    if (e.names.empty()) continue;
    const Name& n = e.names[pick(e.names.size())];
    if (n.kind == NameKind::kWeakAlias) continue;
    auto w = Words(n.full);
    if (w.empty()) continue;
    switch (r % 5) {
      case 0:
        out.push_back({n.full, "exact"});
        break;
      case 1: {  // one typo in the longest word: substitution, deletion or transposition
        auto& longest = *std::max_element(w.begin(), w.end(),
                                          [](auto& x, auto& y) { return x.size() < y.size(); });
        const bool ascii = std::all_of(longest.begin(), longest.end(),
                                       [](char c) { return static_cast<unsigned char>(c) < 0x80; });
        if (ascii && longest.size() >= 5) {  // typos on letters, never inside a UTF-8 sequence
          size_t p = 1 + pick(longest.size() - 2);
          switch (pick(3)) {
            case 0:
              longest[p] = static_cast<char>('a' + pick(26));
              break;
            case 1:
              longest.erase(p, 1);
              break;
            default:
              std::swap(longest[p], longest[p + 1]);
              break;
          }
        }
        out.push_back({JoinWords(w), "typo"});
        break;
      }
      case 2:
        std::rotate(w.begin(), w.begin() + 1, w.end());
        out.push_back({JoinWords(w), "reorder"});
        break;
      case 3:
        if (w.size() >= 3) w.erase(w.begin() + 1);
        out.push_back({JoinWords(w), "drop-middle"});
        break;
      default: {
        std::string s = JoinWords(w);
        for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        size_t p = s.find('e');
        if (p != std::string::npos) s.replace(p, 1, "\xC3\xA9");  // é
        out.push_back({s, "case-accents"});
        break;
      }
    }
  }
  return out;
}

double ResidentMegabytes() {
  std::ifstream f("/proc/self/status");
  std::string line;
  while (std::getline(f, line)) {
    if (line.rfind("VmRSS:", 0) == 0) {
      std::istringstream in(line.substr(6));
      double kb = 0;
      in >> kb;
      return kb / 1024.0;
    }
  }
  return 0;
}

BenchResult RunScreenBench(const index::Snapshot& snapshot, const std::vector<BenchQuery>& queries,
                           double threshold, size_t bruteforce_max) {
  BenchResult r;
  r.queries = queries.size();
  {
    auto t0 = Clock::now();
    auto md = index::BuildMatchData(snapshot.entities());
    r.index_build_ms = Micros(t0, Clock::now()) / 1000.0;
  }
  std::vector<Query> qs(queries.size());
  for (size_t i = 0; i < queries.size(); ++i) {
    qs[i].names.push_back(queries[i].name);
    qs[i].threshold = threshold;
    qs[i].limit = kDefaultLimit;
  }
  // Warm-up (thread-local transliterator and scratch buffers).
  for (size_t i = 0; i < std::min<size_t>(qs.size(), 20); ++i) ScreenSnapshot(snapshot, qs[i]);
  std::vector<double> lat;
  lat.reserve(qs.size());
  size_t returned = 0;
  auto all0 = Clock::now();
  for (size_t i = 0; i < qs.size(); ++i) {
    auto t0 = Clock::now();
    returned += ScreenSnapshot(snapshot, qs[i]).size();
    lat.push_back(Micros(t0, Clock::now()));
  }
  const double total_us = Micros(all0, Clock::now());
  (void)returned;
  {
    std::vector<size_t> order(lat.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    const size_t k = std::min<size_t>(10, order.size());
    std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(k), order.end(),
                      [&](size_t a, size_t b) { return lat[a] > lat[b]; });
    for (size_t i = 0; i < k; ++i) {
      r.slowest.push_back(std::to_string(static_cast<int>(lat[order[i]])) + " us  " +
                          queries[order[i]].name + " (" + queries[order[i]].kind + ")");
    }
  }
  r.p50_us = Percentile(lat, 0.5);
  r.p99_us = Percentile(lat, 0.99);
  r.qps_per_core = total_us > 0 ? 1e6 * static_cast<double>(qs.size()) / total_us : 0;
  // Batch: queries analysed once, then screened back to back.
  {
    std::vector<PreparedQuery> prepared;
    prepared.reserve(qs.size());
    for (const auto& q : qs) prepared.push_back(PrepareQuery(snapshot, q));
    auto t0 = Clock::now();
    size_t total_hits = 0;
    for (const auto& pq : prepared) total_hits += ScreenPrepared(snapshot, pq, false).size();
    const double us = Micros(t0, Clock::now());
    r.batch_screens_per_s = us > 0 ? 1e6 * static_cast<double>(qs.size()) / us : 0;
    (void)total_hits;
  }
  // Brute force over (an evenly spaced subset of) the same queries.
  const size_t nb = std::min(bruteforce_max, qs.size());
  r.bruteforce_queries = nb;
  std::vector<double> blat;
  size_t brute_matches = 0, found = 0;
  for (size_t k = 0; k < nb; ++k) {
    const size_t i = nb == qs.size() ? k : k * qs.size() / nb;
    auto t0 = Clock::now();
    auto brute_timed = ScreenSnapshotBruteForce(snapshot, qs[i]);
    blat.push_back(Micros(t0, Clock::now()));
    // Recall over every match, not only the top kDefaultLimit.
    Query all = qs[i];
    all.limit = 100000;
    auto brute = ScreenSnapshotBruteForce(snapshot, all);
    auto indexed = ScreenSnapshot(snapshot, all);
    std::set<std::string> got;
    for (const auto& h : indexed) {
      if (h.match) got.insert(h.entity->id);
    }
    for (const auto& h : brute) {
      if (!h.match) continue;
      ++brute_matches;
      if (got.count(h.entity->id) > 0) {
        ++found;
      } else if (r.index_misses.size() < 20) {
        r.index_misses.push_back(qs[i].names[0] + " -> " + h.entity->id + " '" + h.matched_name +
                                 "' " + std::to_string(h.score));
      }
    }
  }
  r.bruteforce_p50_us = Percentile(blat, 0.5);
  r.speedup_vs_bruteforce = r.p50_us > 0 ? r.bruteforce_p50_us / r.p50_us : 0;
  r.index_recall =
      brute_matches > 0 ? static_cast<double>(found) / static_cast<double>(brute_matches) : 1.0;
  r.rss_mb = ResidentMegabytes();
  return r;
}

}  // namespace tamiz::match
