// Risk-topic lexicons (data/lexicons/<lang>.tsv, embedded) and the topic, negation and
// language-profile matching built on them. The lexicon set is parsed once (static) and is
// read-only afterwards: thread-safe.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "scan/document.h"

namespace tamiz::scan {

// DESIGN.md topic keys, in output order.
inline constexpr std::array<std::string_view, 13> kTopicKeys = {
    "sanctions",  "drug_trafficking", "money_laundering", "corruption",        "fraud",
    "terrorism",  "organized_crime",  "arms_trafficking", "human_trafficking", "illegal_mining",
    "cybercrime", "tax_evasion",      "violent_crime"};

inline constexpr std::array<std::string_view, 5> kLanguages = {"en", "es", "fr", "pt", "ru"};

// FNV-1a 64 of a folded token.
uint64_t HashToken(std::string_view s);

struct LexiconEntry {
  std::vector<uint64_t> rest;  // hashes of the tokens after the first
  int16_t topic = -1;          // index into kTopicKeys; -1 for a negation cue
  uint8_t lang = 0;            // index into kLanguages
  float weight = 0.5f;
};

class Lexicons {
 public:
  // The embedded lexicons (parsed on first call).
  static const Lexicons& Get();
  // Parses lexicon files given as (language, contents); exposed for tests.
  static Lexicons Parse(const std::vector<std::pair<std::string, std::string_view>>& files);

  // Language by stop-word profile: "en", "es", "fr", "pt", "ru", or "und" when no profile
  // scores. Text written mostly in Cyrillic is "ru".
  std::string DetectLanguage(const Document& doc) const;

  // Entries whose first token hashes to `h` (nullptr when none).
  const std::vector<LexiconEntry>* Find(uint64_t h) const {
    if ((filter_[(h >> 6) & kFilterMask] & (uint64_t{1} << (h & 63))) == 0) return nullptr;
    auto it = entries_.find(h);
    return it == entries_.end() ? nullptr : &it->second;
  }
  size_t size() const { return count_; }

 private:
  // A one-hash Bloom filter over the first-token hashes: most words are rejected without a
  // hash-table probe.
  static constexpr uint64_t kFilterMask = (1u << 12) - 1;
  std::vector<uint64_t> filter_ = std::vector<uint64_t>(kFilterMask + 1, 0);
  std::unordered_map<uint64_t, std::vector<LexiconEntry>> entries_;
  std::array<std::unordered_map<uint64_t, int>, kLanguages.size()> stop_;
  size_t count_ = 0;
};

struct TopicHit {
  int topic = 0;
  uint32_t word = 0, end_word = 0;  // matched words [word, end_word)
  uint32_t sentence = 0;
  bool negated = false;
  float weight = 0;
};

// Every lexicon hit in `doc`, using the lexicons of `lang` and English. `word_hashes[i]` is
// HashToken of word i's folded form. A hit is negated when a negation cue ("denied", "no
// evidence of", "negó", "sin pruebas") occurs earlier in the same sentence, at most 8 words
// before it.
std::vector<TopicHit> FindTopicHits(const Lexicons& lex, const Document& doc,
                                    const std::vector<uint64_t>& word_hashes,
                                    std::string_view lang);

// Topic score from the summed weights of its non-negated hits: 1 - exp(-sum).
double TopicScore(double weight_sum);

}  // namespace tamiz::scan
