#include "index/match_data.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <unordered_set>

#include "text/phonetic.h"

namespace tamiz::index {

namespace {

uint64_t Fnv(uint64_t h, std::string_view s) {
  for (char c : s) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ull;
  }
  return h;
}

uint64_t KeyHash(text::NameType type, char space, std::string_view s) {
  uint64_t h = 14695981039346656037ull;
  h ^= static_cast<uint64_t>(type) + 1;
  h *= 1099511628211ull;
  h ^= static_cast<unsigned char>(space);
  h *= 1099511628211ull;
  return Fnv(h, s);
}

bool Indexable(const text::Token& t) { return (t.flags & (text::kInitial | text::kNumber)) == 0; }

// Per-thread scratch for Candidates(): visit stamps, so no allocation per query.
struct Scratch {
  std::vector<uint32_t> stamp;
  uint32_t epoch = 0;
  std::vector<uint64_t> keys;
};

}  // namespace

text::NameType NameTypeForSchema(Schema s) {
  switch (s) {
    case Schema::kPerson:
      return text::NameType::kPerson;
    case Schema::kVessel:
    case Schema::kAirplane:
      return text::NameType::kVessel;
    default:
      return text::NameType::kOrganization;
  }
}

float MatchData::TokenWeight(const text::Token& t) const {
  double idf = 1.0;
  if (auto it = df_.find(t.key); it != df_.end()) {
    idf = std::log((static_cast<double>(names.size()) + 1.0) / (it->second + 0.5)) / log_n1_;
  }
  double w = std::clamp(0.25 + 0.75 * idf, 0.25, 1.0);
  return static_cast<float>(w * t.factor);
}

void MatchData::ApplyWeights(text::AnalyzedName& name) const {
  for (auto& t : name.tokens) t.weight = TokenWeight(t);
}

void MatchData::KeysOfToken(const text::AnalyzedName& name, size_t i, bool for_query,
                            std::vector<uint64_t>& keys) {
  const text::Token& t = name.tokens[i];
  const auto type = name.type;
  if (!Indexable(t)) return;
  const std::string& k = t.key;
  // One-deletion neighbourhoods (symmetric deletion, as in SymSpell) of the phonetic key and
  // of the text: a name within one edit of the query in either form shares a key with it. The
  // text form catches typos that change a key rule (a typo creating "ts", "ou", a double).
  auto neighbourhood = [&](char space, const std::string& s) {
    keys.push_back(KeyHash(type, space, s));
    if (s.size() < 4) return;
    std::string del;
    for (size_t p = 0; p < s.size(); ++p) {
      del.assign(s, 0, p);
      del.append(s, p + 1, std::string::npos);
      keys.push_back(KeyHash(type, space, del));
    }
  };
  neighbourhood('E', k);
  neighbourhood('T', t.text);
  // Skeletons: names romanized from an abjad are indexed under 'A' (looked up by every
  // query); others under 'S' (looked up only by abjad queries).
  if (t.skel.size() >= 2) {
    const bool abjad = (t.flags & text::kAbjad) != 0;
    if (for_query) {
      keys.push_back(KeyHash(type, 'A', t.skel));
      if (abjad && t.skel.size() >= 3) keys.push_back(KeyHash(type, 'S', t.skel));
    } else if (abjad || t.skel.size() >= 3) {
      keys.push_back(KeyHash(type, abjad ? 'A' : 'S', t.skel));
    }
  }
  for (uint32_t g : t.groups) {
    if (g != 0) keys.push_back(KeyHash(type, 'G', std::to_string(g)));
  }
  // Adjacent concatenation, so "wirra long" finds "wirralong" and vice versa.
  if (i + 1 < name.tokens.size() && Indexable(name.tokens[i + 1])) {
    keys.push_back(KeyHash(type, 'E', text::PhoneticKey(t.text + name.tokens[i + 1].text)));
  }
  // A query token also looks up its merge with the token before it, in case that one is
  // pruned (too common to visit).
  if (for_query && i > 0 && Indexable(name.tokens[i - 1])) {
    keys.push_back(KeyHash(type, 'E', text::PhoneticKey(name.tokens[i - 1].text + t.text)));
  }
}

void MatchData::BuildIndex() {
  std::vector<std::pair<uint64_t, uint32_t>> pairs;
  std::vector<uint64_t> keys;
  for (uint32_t n = 0; n < names.size(); ++n) {
    const auto& an = names[n].analyzed;
    keys.clear();
    for (size_t i = 0; i < an.tokens.size(); ++i) KeysOfToken(an, i, false, keys);
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    for (uint64_t k : keys) pairs.emplace_back(k, n);
  }
  std::sort(pairs.begin(), pairs.end());
  keys_.clear();
  offsets_.clear();
  postings_.clear();
  postings_.reserve(pairs.size());
  for (size_t i = 0; i < pairs.size(); ++i) {
    if (i == 0 || pairs[i].first != pairs[i - 1].first) {
      keys_.push_back(pairs[i].first);
      offsets_.push_back(static_cast<uint32_t>(postings_.size()));
    }
    postings_.push_back(pairs[i].second);
  }
  offsets_.push_back(static_cast<uint32_t>(postings_.size()));
}

void MatchData::Candidates(const text::AnalyzedName& query, double min_score,
                           std::vector<uint32_t>& out) const {
  thread_local Scratch s;
  if (s.stamp.size() < names.size()) s.stamp.assign(names.size(), 0);
  if (++s.epoch == 0) {
    std::fill(s.stamp.begin(), s.stamp.end(), 0);
    s.epoch = 1;
  }
  const size_t n = query.tokens.size();
  if (n == 0) return;
  // Visit order: heaviest tokens first.
  std::array<uint8_t, 32> order{};
  const size_t nn = std::min<size_t>(n, order.size());
  std::iota(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(nn), 0);
  std::sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(nn),
            [&](uint8_t a, uint8_t b) { return query.tokens[a].weight > query.tokens[b].weight; });
  double total = 0;
  for (size_t i = 0; i < n; ++i) total += query.tokens[i].weight;
  double remaining = total;
  // Weight of the heaviest visited token whose keys cannot be trusted to have found every
  // fuzzy match: too short for deletion keys, or it found nothing at all (likely a typo
  // beyond one edit). The bound keeps it as if unvisited.
  double unreliable = 0;
  bool indexable_seen = false;
  for (size_t oi = 0; oi < nn; ++oi) {
    const size_t i = order[oi];
    // Stop when no candidate outside those found so far can reach min_score.
    if (indexable_seen && total > 0 && (remaining + unreliable) / total < min_score) break;
    remaining -= query.tokens[i].weight;
    s.keys.clear();
    KeysOfToken(query, i, true, s.keys);
    // A token merged with its left neighbour also needs that concatenation looked up.
    if (s.keys.empty()) continue;
    indexable_seen = true;
    const size_t before = out.size();
    for (uint64_t k : s.keys) {
      auto it = std::lower_bound(keys_.begin(), keys_.end(), k);
      if (it == keys_.end() || *it != k) continue;
      const size_t ki = static_cast<size_t>(it - keys_.begin());
      for (uint32_t p = offsets_[ki]; p < offsets_[ki + 1]; ++p) {
        const uint32_t name = postings_[p];
        if (s.stamp[name] == s.epoch) continue;
        s.stamp[name] = s.epoch;
        out.push_back(name);
      }
    }
    if (query.tokens[i].key.size() < 4 || out.size() == before) {
      unreliable = std::max<double>(unreliable, query.tokens[i].weight);
    }
  }
  if (!indexable_seen) {
    // Only initials/numbers: fall back to every name of this type.
    for (uint32_t i = 0; i < names.size(); ++i) {
      if (names[i].analyzed.type == query.type && s.stamp[i] != s.epoch) {
        s.stamp[i] = s.epoch;
        out.push_back(i);
      }
    }
  }
}

std::unique_ptr<MatchData> BuildMatchData(const std::vector<Entity>& entities) {
  auto md = std::make_unique<MatchData>();
  for (uint32_t e = 0; e < entities.size(); ++e) {
    const auto type = NameTypeForSchema(entities[e].schema);
    for (uint32_t n = 0; n < entities[e].names.size(); ++n) {
      const Name& name = entities[e].names[n];
      for (const auto& variant : text::NameVariants(name.full)) {
        IndexedName in;
        in.entity = e;
        in.name = n;
        in.kind = name.kind;
        in.analyzed = text::AnalyzeName(variant, type);
        if (in.analyzed.tokens.empty()) continue;
        for (const auto& t : in.analyzed.tokens) {
          if (!in.normalized.empty()) in.normalized.push_back(' ');
          in.normalized += t.text;
        }
        md->names.push_back(std::move(in));
      }
    }
  }
  // Document frequencies by phonetic key, each key counted once per name.
  std::unordered_set<std::string_view> seen;
  for (const auto& in : md->names) {
    seen.clear();
    for (const auto& t : in.analyzed.tokens) {
      if (seen.insert(t.key).second) ++md->df_[t.key];
    }
  }
  md->log_n1_ = std::log(static_cast<double>(md->names.size()) + 1.0);
  if (md->log_n1_ <= 0) md->log_n1_ = 1.0;
  for (auto& in : md->names) md->ApplyWeights(in.analyzed);
  md->BuildIndex();
  return md;
}

}  // namespace tamiz::index
