// Matching data attached to a Snapshot: every listed name analysed once (text/analyze.h),
// token rarity weights (IDF) over all loaded names, and the candidate index used to find the
// names worth scoring for a query. Built by BuildMatchData() inside Snapshot::Build, before
// the snapshot is published; immutable afterwards, so any number of threads may read it.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "tamiz/entity.h"
#include "text/analyze.h"

namespace tamiz::index {

// One analysed, normalized name of an entity.
struct IndexedName {
  uint32_t entity = 0;     // index into Snapshot::entities()
  uint32_t name = 0;       // index into Entity::names
  std::string normalized;  // folded tokens joined by single spaces
  NameKind kind = NameKind::kPrimary;
  text::AnalyzedName analyzed;  // token weights set
};

// The matching path an entity's names take.
text::NameType NameTypeForSchema(Schema s);

struct MatchData {
 public:
  std::vector<IndexedName> names;

  // Rarity weight of a token (by phonetic key) times its role factor, in (0, 1]:
  //   0.25 + 0.75 * ln((N + 1) / (df + 0.5)) / ln(N + 1), clamped to [0.25, 1],
  // with N = number of names and df = names containing the key (Sparck Jones IDF, scaled
  // so a token seen once weighs ~1 and one in every name 0.25). Unseen tokens weigh 1.
  float TokenWeight(const text::Token& t) const;
  // Sets the weight of every token of `name`.
  void ApplyWeights(text::AnalyzedName& name) const;

  // Candidate retrieval. Appends to `out` the indices into `names` (of names analysed as
  // `query.type`) that share an index key with the query and may still reach `min_score`.
  // Query tokens are visited from the heaviest down and the visit stops once the tokens
  // left, plus the heaviest visited one whose keys cannot be trusted, could not give a score
  // of `min_score` (MaxScore pruning: score <= matched query weight / total query weight).
  // Then each name is kept only if the weight of the query tokens it was found through, plus
  // that of the tokens nothing is known about, can reach `min_score` (short tokens left
  // unvisited are first credited from their postings when there are many candidates). Short
  // queries written in a non-Latin script skip both bounds. Each name is appended once.
  // Thread-safe. docs/MATCHING.md, section 4.
  void Candidates(const text::AnalyzedName& query, double min_score,
                  std::vector<uint32_t>& out) const;

  // Index keys of one analysed token sequence (exposed for tests): hashes of the phonetic
  // key and its one-deletion variants, of the consonant skeleton (and, across scripts, its
  // one-deletion variants), of the given-name groups, exact keys of numbers and company
  // initials, and of adjacent-token concatenations, each tagged with the name type.
  static void KeysOfToken(const text::AnalyzedName& name, size_t token, bool for_query,
                          std::vector<uint64_t>& keys);

  // The vocabulary: one representative token per distinct listed token (same text, and same
  // number/initial/abjad flags and number value, so any token similarity to it is the same).
  // Ids run from 1 to vocab_size() - 1 and are stored in Token::vocab of every listed token.
  size_t vocab_size() const { return vocab_.size(); }
  const text::Token& VocabToken(uint32_t id) const { return *vocab_[id]; }
  // Its sketch (text::SketchToken), stored densely: most comparisons with a query token are
  // ruled out from it without reading the token itself.
  const text::TokenSketch& VocabSketch(uint32_t id) const { return vocab_sketch_[id]; }
  // The vocabulary of adjacent pairs: the texts of two Mergeable neighbours written together
  // (at most kMaxPairText bytes), ids from 1, stored in Token::pair_vocab of the first one.
  static constexpr size_t kMaxPairText = 128;
  static_assert(kMaxPairText <= 255, "ScoringToken::pair_length is one byte");
  size_t pair_vocab_size() const { return pair_texts_.size(); }
  const std::string& PairText(uint32_t id) const { return pair_texts_[id]; }

  // What scoring needs of a listed token, packed per name so that the candidates of a query
  // can be scored (or ruled out) without touching their analysed names. `pair_first` and
  // `pair_length` describe the pair text of `pair_vocab` (its first byte, its length), so that
  // a pair no query token can be merged with is ruled out without reading the text.
  struct ScoringToken {
    uint32_t vocab = 0;
    uint32_t pair_vocab = 0;
    float weight = 0;
    uint16_t flags = 0;
    char pair_first = 0;
    uint8_t pair_length = 0;
  };
  std::span<const ScoringToken> ScoringTokens(uint32_t name) const {
    return {scoring_tokens_.data() + scoring_begin_[name],
            scoring_begin_[name + 1] - scoring_begin_[name]};
  }

  // What screening reads of every candidate before scoring it, packed (8 bytes per name)
  // so that ruling a candidate out touches neither its IndexedName nor its entity.
  struct NameInfo {
    uint32_t entity = 0;  // IndexedName::entity
    NameKind kind = NameKind::kPrimary;
    uint8_t latin = 0;  // written in Latin letters (text::IsLatinOrNone)
  };
  const NameInfo& Info(uint32_t name) const { return name_info_[name]; }
  // Asks the CPU to fetch what Info() and ScoringTokens() of `name` read, ahead of use:
  // candidates are read in an order the caches cannot guess.
  void Prefetch(uint32_t name) const {
    __builtin_prefetch(&name_info_[name]);
    __builtin_prefetch(scoring_tokens_.data() + scoring_begin_[name]);
  }

  size_t key_count() const { return keys_.size(); }
  size_t posting_count() const { return postings_.size(); }

 private:
  friend std::unique_ptr<MatchData> BuildMatchData(const std::vector<Entity>& entities);
  void BuildIndex();
  void BuildVocabulary();

  std::unordered_map<std::string, uint32_t> df_;  // phonetic key -> names containing it
  double log_n1_ = 1.0;
  std::vector<const text::Token*> vocab_;        // [0] is null; points into names[].analyzed
  std::vector<text::TokenSketch> vocab_sketch_;  // [0] is empty
  std::vector<std::string> pair_texts_;          // [0] is empty
  std::vector<uint32_t> scoring_begin_;          // names.size() + 1 offsets into scoring_tokens_
  std::vector<ScoringToken> scoring_tokens_;
  std::vector<NameInfo> name_info_;
  std::vector<uint64_t> keys_;      // sorted distinct key hashes
  std::vector<uint32_t> offsets_;   // keys_.size() + 1
  std::vector<uint32_t> postings_;  // name indices, per key ascending
  std::vector<uint32_t> table_;     // hash slots: index into keys_ + 1, 0 = empty
  size_t table_mask_ = 0;
  static constexpr size_t kNotFound = static_cast<size_t>(-1);
  size_t Slot(uint64_t key) const {
    return static_cast<size_t>((key * 0x9E3779B97F4A7C15ull) >> 20) & table_mask_;
  }
  // Index of `key` in keys_, or kNotFound.
  size_t Find(uint64_t key) const;
};

// Builds the matching data for `entities`.
std::unique_ptr<MatchData> BuildMatchData(const std::vector<Entity>& entities);

}  // namespace tamiz::index
