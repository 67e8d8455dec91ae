#include "match/screen.h"

#include <algorithm>
#include <cctype>
#include <sstream>

#include "index/match_data.h"

namespace tamiz::match {

namespace {
std::vector<std::string> Tokens(const std::string& s) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {
    unsigned char u = static_cast<unsigned char>(c);
    if (u >= 0x80 || std::isalnum(u) != 0) {
      cur.push_back(static_cast<char>(u < 0x80 ? std::tolower(u) : u));
    } else if (!cur.empty()) {
      out.push_back(cur);
      cur.clear();
    }
  }
  if (!cur.empty()) out.push_back(cur);
  return out;
}

// Placeholder token-overlap score; replaced by the matching engine.
double TokenScore(const std::vector<std::string>& q, const std::vector<std::string>& c) {
  if (q.empty() || c.empty()) return 0;
  size_t common = 0;
  for (const auto& t : q) {
    if (std::find(c.begin(), c.end(), t) != c.end()) ++common;
  }
  return static_cast<double>(common) / static_cast<double>(std::max(q.size(), c.size()));
}
}  // namespace

std::vector<Hit> ScreenSnapshot(const index::Snapshot& snapshot, const Query& query) {
  std::vector<Hit> hits;
  if (query.names.empty()) return hits;
  auto qt = Tokens(query.names.front());
  std::vector<double> best(snapshot.entities().size(), 0.0);
  std::vector<uint32_t> best_name(snapshot.entities().size(), 0);
  for (const auto& n : snapshot.match_data().names) {
    double s = TokenScore(qt, Tokens(n.normalized));
    if (s > best[n.entity]) {
      best[n.entity] = s;
      best_name[n.entity] = n.name;
    }
  }
  for (uint32_t i = 0; i < best.size(); ++i) {
    const Entity& e = snapshot.entities()[i];
    if (best[i] < kReportFloor) continue;
    if (query.schema && e.schema != *query.schema) continue;
    Hit h;
    h.entity = &e;
    h.score = best[i];
    h.match = h.score >= query.threshold;
    h.matched_name = e.names[best_name[i]].full;
    h.query_name = query.names.front();
    h.explanation.push_back({"name", h.score, "token overlap"});
    hits.push_back(std::move(h));
  }
  std::sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) { return a.score > b.score; });
  if (hits.size() > static_cast<size_t>(query.limit)) hits.resize(static_cast<size_t>(query.limit));
  return hits;
}

}  // namespace tamiz::match
