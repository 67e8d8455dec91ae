#include "index/match_data.h"

#include <algorithm>
#include <bit>
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

// Query tokens beyond this many are ignored by retrieval (they still count in scoring).
constexpr size_t kMaxBoundTokens = 32;
// Candidate count above which the tokens not looked up are credited (see Candidates).
constexpr size_t kCreditFrom = 64;
// Longest token (phonetic key letters) credited that way.
constexpr size_t kMaxCreditLength = 5;
// A query written in another script, of at most this many tokens, visits all of them.
constexpr size_t kMaxNativeExhaustive = 3;

// Per-thread scratch for Candidates(): visit stamps, so no allocation per query.
struct Scratch {
  std::vector<uint32_t> stamp;
  std::vector<uint32_t> found;  // per name: bit i = found through query token i
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

namespace {

// Who asks for a token's keys: the index (a listed name), a query finding candidates, or a
// query crediting candidates already found with the tokens it did not visit.
enum class KeyUse { kListed, kLookup, kCredit };

// Shortest string whose one-deletion neighbourhood is used. Listed names carry it from 3
// letters, so a query token of 3 letters can credit the names within one edit of it; a query
// only looks candidates up through it from 4 letters (the deletions of a 3-letter word, such
// as "al", are in too many names to be worth visiting).
size_t MinNeighbourhood(KeyUse use) { return use == KeyUse::kLookup ? 4 : 3; }

// Longest abbreviation head a query word looks up ("industri" for "industria"); a listed
// truncation longer than this is not found through its head (docs/MATCHING.md, section 4).
constexpr size_t kMaxAbbreviationHead = 8;

// The keys of token i itself (not of its merges with neighbours).
void OwnKeys(const text::AnalyzedName& name, size_t i, KeyUse use, std::vector<uint64_t>& keys) {
  const bool for_query = use != KeyUse::kListed;
  const text::Token& t = name.tokens[i];
  const auto type = name.type;
  // Numbers match only equal numbers; outside person names an initial matches only the same
  // initial. Both are found by an exact key. (A person's initial matches any word with that
  // letter: not indexable.)
  if ((t.flags & text::kNumber) != 0) {
    keys.push_back(KeyHash(type, 'N', std::to_string(t.number)));
    return;
  }
  if ((t.flags & text::kInitial) != 0) {
    if (type != text::NameType::kPerson) keys.push_back(KeyHash(type, 'I', t.text));
    return;
  }
  // Abbreviations: a listed one is indexed under its head ("ind" of "ind.", "f" of "f.lli"),
  // which a query word looks up through its own heads ("industria": "i" .. "industri"). A
  // query abbreviation cannot look its expansions up; Candidates() treats it as unknown.
  if (!t.abbrev.empty()) {
    if (!for_query) {
      keys.push_back(KeyHash(type, 'P', std::string_view(t.abbrev).substr(0, t.abbrev.find('.'))));
    }
  } else if (for_query && type != text::NameType::kPerson) {
    for (size_t len = 1; len <= kMaxAbbreviationHead && len + 2 <= t.text.size(); ++len) {
      keys.push_back(KeyHash(type, 'P', std::string_view(t.text).substr(0, len)));
    }
  }
  const std::string& k = t.key;
  // One-deletion neighbourhoods (symmetric deletion, as in SymSpell) of the phonetic key and
  // of the text: a name within one edit of the query in either form shares a key with it. The
  // text form catches typos that change a key rule (a typo creating "ts", "ou", a double).
  auto neighbourhood = [&](char space, const std::string& s) {
    keys.push_back(KeyHash(type, space, s));
    if (s.size() < MinNeighbourhood(use)) return;
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
  // Across scripts a romanization can differ from a Latin spelling by more than one letter
  // and still match (Shohrat / ashtry, Plyshevskiy / alshevskikh), mostly in vowels and
  // consonant order. Names written in another script are also indexed under the one-deletion
  // neighbourhood of their skeletons ('X'), which Latin queries look up: consonant skeletons
  // within two edits of each other share a key.
  const bool cross =
      for_query ? text::IsLatinOrNone(name.script) : !text::IsLatinOrNone(name.script);
  if (cross && t.skel.size() >= 3) {
    keys.push_back(KeyHash(type, 'X', t.skel));
    if (t.skel.size() >= 4) {
      std::string del;
      for (size_t p = 0; p < t.skel.size(); ++p) {
        del.assign(t.skel, 0, p);
        del.append(t.skel, p + 1, std::string::npos);
        keys.push_back(KeyHash(type, 'X', del));
      }
    }
  }
}

// The key of tokens i and i+1 written together ("wirra long" -> "wirralong"), or 0 when
// either is not indexable.
uint64_t ConcatKey(const text::AnalyzedName& name, size_t i) {
  if (i + 1 >= name.tokens.size() || !Indexable(name.tokens[i]) || !Indexable(name.tokens[i + 1])) {
    return 0;
  }
  return KeyHash(name.type, 'E', text::PhoneticKey(name.tokens[i].text + name.tokens[i + 1].text));
}

}  // namespace

void MatchData::KeysOfToken(const text::AnalyzedName& name, size_t i, bool for_query,
                            std::vector<uint64_t>& keys) {
  OwnKeys(name, i, for_query ? KeyUse::kLookup : KeyUse::kListed, keys);
  // Adjacent concatenation, so "wirra long" finds "wirralong" and vice versa. A query token
  // also looks up its merge with the token before it, in case that one is pruned.
  if (uint64_t k = ConcatKey(name, i); k != 0) keys.push_back(k);
  if (for_query && i > 0) {
    if (uint64_t k = ConcatKey(name, i - 1); k != 0) keys.push_back(k);
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
  // Open-addressing table over keys_ (load <= 1/2): one or two cache misses per lookup
  // instead of the ~20 of a binary search over a million keys.
  size_t size = 16;
  while (size < 2 * keys_.size()) size *= 2;
  table_.assign(size, 0);
  table_mask_ = size - 1;
  for (size_t ki = 0; ki < keys_.size(); ++ki) {
    size_t h = Slot(keys_[ki]);
    while (table_[h] != 0) h = (h + 1) & table_mask_;
    table_[h] = static_cast<uint32_t>(ki + 1);
  }
}

size_t MatchData::Find(uint64_t key) const {
  if (table_.empty()) return kNotFound;
  for (size_t h = Slot(key);; h = (h + 1) & table_mask_) {
    const uint32_t e = table_[h];
    if (e == 0) return kNotFound;
    if (keys_[e - 1] == key) return e - 1;
  }
}

void MatchData::BuildVocabulary() {
  vocab_.assign(1, nullptr);
  pair_texts_.assign(1, std::string());
  std::unordered_map<std::string, uint32_t> ids, pair_ids;
  std::string key;
  constexpr uint16_t kDistinguishing = text::kNumber | text::kInitial | text::kAbjad;
  for (auto& in : names) {
    auto& tokens = in.analyzed.tokens;
    for (size_t j = 0; j < tokens.size(); ++j) {
      text::Token& t = tokens[j];
      key.clear();
      key.push_back(static_cast<char>(t.flags & kDistinguishing));
      key.append(reinterpret_cast<const char*>(&t.number), sizeof t.number);
      key += t.text;
      // Equivalence groups and the abbreviation also decide similarities: a trade word joined
      // from a phrase ("yuan yang") or an abbreviation expanded ("com." -> "commercial") is
      // not the same word as the same text written plainly.
      key.append(reinterpret_cast<const char*>(t.groups), sizeof t.groups);
      if (!t.abbrev.empty()) key.append("\x01").append(t.abbrev);
      auto [it, added] = ids.try_emplace(key, static_cast<uint32_t>(vocab_.size()));
      if (added) vocab_.push_back(&t);
      t.vocab = it->second;
      t.pair_vocab = 0;
      if (j + 1 < tokens.size() && text::Mergeable(t) && text::Mergeable(tokens[j + 1]) &&
          t.text.size() + tokens[j + 1].text.size() <= kMaxPairText) {
        key = t.text + tokens[j + 1].text;
        auto [pit, padded] = pair_ids.try_emplace(key, static_cast<uint32_t>(pair_texts_.size()));
        if (padded) pair_texts_.push_back(key);
        t.pair_vocab = pit->second;
      }
    }
  }
  vocab_sketch_.assign(1, text::TokenSketch{});
  for (size_t id = 1; id < vocab_.size(); ++id) {
    vocab_sketch_.push_back(text::SketchToken(*vocab_[id]));
  }
  scoring_begin_.clear();
  scoring_tokens_.clear();
  name_info_.clear();
  for (const auto& in : names) {
    scoring_begin_.push_back(static_cast<uint32_t>(scoring_tokens_.size()));
    name_info_.push_back(
        {in.entity, in.kind, static_cast<uint8_t>(text::IsLatinOrNone(in.analyzed.script))});
    for (const auto& t : in.analyzed.tokens) {
      const std::string& pair = pair_texts_[t.pair_vocab];
      scoring_tokens_.push_back({t.vocab, t.pair_vocab, t.weight, t.flags,
                                 pair.empty() ? '\0' : pair[0], static_cast<uint8_t>(pair.size())});
    }
  }
  scoring_begin_.push_back(static_cast<uint32_t>(scoring_tokens_.size()));
}

void MatchData::Candidates(const text::AnalyzedName& query, double min_score,
                           std::vector<uint32_t>& out) const {
  thread_local Scratch s;
  if (s.stamp.size() < names.size()) {
    s.stamp.assign(names.size(), 0);
    s.found.resize(names.size());
  }
  if (++s.epoch == 0) {
    std::fill(s.stamp.begin(), s.stamp.end(), 0);
    s.epoch = 1;
  }
  const size_t n = std::min<size_t>(query.tokens.size(), kMaxBoundTokens);
  if (n == 0) return;
  const auto& qt = query.tokens;
  // Visit order: heaviest tokens first.
  std::array<uint8_t, kMaxBoundTokens> order{};
  std::iota(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(n), 0);
  std::sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(n),
            [&](uint8_t a, uint8_t b) { return qt[a].weight > qt[b].weight; });
  double total = 0, main_total = 0;  // all tokens; tokens that are not annotations
  for (size_t i = 0; i < n; ++i) {
    total += qt[i].weight;
    if ((qt[i].flags & text::kAnnotation) == 0) main_total += qt[i].weight;
  }
  double remaining = total;
  // Tokens whose keys cannot be trusted to have found every fuzzy match: a person's initial,
  // too short for deletion keys, or found nothing at all (likely a typo beyond one edit).
  // Any candidate may match them.
  uint32_t unknown = 0, hopeless = 0;
  double unreliable = 0;  // weight of the heaviest of them, for the stopping rule
  bool indexable_seen = false;
  const size_t first_new = out.size();
  // Appends the names under key `k`, crediting them with the query tokens in `mask`.
  auto visit = [&](uint64_t k, uint32_t mask) {
    const size_t ki = Find(k);
    if (ki == kNotFound) return;
    for (uint32_t p = offsets_[ki]; p < offsets_[ki + 1]; ++p) {
      const uint32_t name = postings_[p];
      if (s.stamp[name] != s.epoch) {
        s.stamp[name] = s.epoch;
        s.found[name] = 0;
        out.push_back(name);
      }
      s.found[name] |= mask;
    }
  };
  // Credits the names already found under key `k` with the query tokens in `mask`.
  auto credit = [&](uint64_t k, uint32_t mask) {
    const size_t ki = Find(k);
    if (ki == kNotFound) return;
    for (uint32_t p = offsets_[ki]; p < offsets_[ki + 1]; ++p) {
      const uint32_t name = postings_[p];
      if (s.stamp[name] == s.epoch) s.found[name] |= mask;
    }
  };
  const bool native_query = !text::IsLatinOrNone(query.script) && n <= kMaxNativeExhaustive;
  size_t visited = 0;
  for (; visited < n; ++visited) {
    const size_t i = order[visited];
    // Stop when no candidate outside those found so far can reach min_score. A short query
    // transliterated from another script visits every token, and its candidates are all
    // scored: its romanization may differ from the listed spelling by more than the keys
    // reach (Kazimi / Qasim) and still score, across scripts.
    if (!native_query && indexable_seen && total > 0 &&
        (remaining + unreliable) / total < min_score) {
      break;
    }
    remaining -= qt[i].weight;
    s.keys.clear();
    OwnKeys(query, i, KeyUse::kLookup, s.keys);
    if (s.keys.empty()) {
      unknown |= 1u << i;
      continue;
    }
    indexable_seen = true;
    const size_t before = out.size();
    for (uint64_t k : s.keys) visit(k, 1u << i);
    // Merges with each neighbour (credited with both tokens).
    if (uint64_t k = ConcatKey(query, i); k != 0) visit(k, 3u << i);
    if (i > 0) {
      if (uint64_t k = ConcatKey(query, i - 1); k != 0) visit(k, 3u << (i - 1));
    }
    const bool exact_key = (qt[i].flags & (text::kNumber | text::kInitial)) != 0;
    if (!qt[i].abbrev.empty()) {
      // An abbreviation matches the words it begins, which no key finds.
      unreliable = std::max<double>(unreliable, qt[i].weight);
      unknown |= 1u << i;
    } else if (!exact_key && (qt[i].key.size() < 4 || out.size() == before)) {
      unreliable = std::max<double>(unreliable, qt[i].weight);
      unknown |= 1u << i;
      // Found nothing within one edit: a typo beyond it, whatever matches is unknown.
      if (out.size() == before) hopeless |= 1u << i;
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
    return;
  }
  for (size_t v = visited; v < n; ++v) unknown |= 1u << order[v];
  // Many candidates: credit them with the tokens not looked up (or looked up through exact
  // keys only), visiting those tokens' full neighbourhoods without adding names. A scan of
  // postings is much cheaper than scoring names that the bound below then rules out.
  if (out.size() - first_new > kCreditFrom) {
    for (size_t i = 0; i < n; ++i) {
      const uint32_t bit = 1u << i;
      if ((unknown & bit) == 0 || (hopeless & bit) != 0 || !qt[i].abbrev.empty()) continue;
      // Only short tokens: a long one can match a name beyond one edit of it (two vowel
      // changes in "sergeyevich" still make 0.8), which its neighbourhood does not reach.
      const size_t len = qt[i].key.size();
      if ((len < MinNeighbourhood(KeyUse::kCredit) || len > kMaxCreditLength) &&
          (qt[i].flags & (text::kNumber | text::kInitial)) == 0) {
        continue;
      }
      s.keys.clear();
      OwnKeys(query, i, KeyUse::kCredit, s.keys);
      if (s.keys.empty()) continue;  // a person's initial
      for (uint64_t k : s.keys) credit(k, bit);
      if (uint64_t k = ConcatKey(query, i); k != 0) credit(k, 3u << i);
      if (i > 0) {
        if (uint64_t k = ConcatKey(query, i - 1); k != 0) credit(k, 3u << (i - 1));
      }
      unknown &= ~bit;
    }
  }
  // Per-candidate bound: the query coverage of a name is at most the weight of the query
  // tokens it was found through, plus those it could still match unseen, over the query
  // weight (unmatched annotations leave the denominator: (a + x) / (D + x) grows with x).
  // A non-person name of one word can still match the whole query written together.
  if (main_total <= 0 || native_query) return;
  const bool concat_possible = query.type != text::NameType::kPerson && n >= 2;
  const uint32_t valid = n >= 32 ? ~0u : (1u << n) - 1;
  size_t w = first_new;
  for (size_t r = first_new; r < out.size(); ++r) {
    const uint32_t name = out[r];
    const uint32_t mask = (s.found[name] | unknown) & valid;
    double got = 0, ann = 0;
    for (uint32_t m = mask; m != 0; m &= m - 1) {
      const auto& t = qt[static_cast<size_t>(std::countr_zero(m))];
      got += t.weight;
      if ((t.flags & text::kAnnotation) != 0) ann += t.weight;
    }
    const bool keep = got / (main_total + ann) >= min_score - 1e-9 ||
                      (concat_possible && ScoringTokens(name).size() == 1);
    if (keep) out[w++] = name;
  }
  out.resize(w);
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
  md->BuildVocabulary();
  md->BuildIndex();
  return md;
}

}  // namespace tamiz::index
