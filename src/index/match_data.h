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
  // `query.type`) that share an index key with the query. Query tokens are visited from
  // the heaviest down and the visit stops once the tokens left, plus the heaviest visited one
  // (in case its keys missed a fuzzy match), could not give a score of `min_score` (MaxScore
  // pruning: score <= matched query weight / total query weight). Each name is appended once.
  // Thread-safe.
  void Candidates(const text::AnalyzedName& query, double min_score,
                  std::vector<uint32_t>& out) const;

  // Index keys of one analysed token sequence (exposed for tests): hashes of the phonetic
  // key and its one-deletion variants, of the consonant skeleton, of the given-name groups
  // and of adjacent-token concatenations, each tagged with the name type.
  static void KeysOfToken(const text::AnalyzedName& name, size_t token, bool for_query,
                          std::vector<uint64_t>& keys);

  size_t key_count() const { return keys_.size(); }
  size_t posting_count() const { return postings_.size(); }

 private:
  friend std::unique_ptr<MatchData> BuildMatchData(const std::vector<Entity>& entities);
  void BuildIndex();

  std::unordered_map<std::string, uint32_t> df_;  // phonetic key -> names containing it
  double log_n1_ = 1.0;
  std::vector<uint64_t> keys_;      // sorted distinct key hashes
  std::vector<uint32_t> offsets_;   // keys_.size() + 1
  std::vector<uint32_t> postings_;  // name indices, per key ascending
};

// Builds the matching data for `entities`.
std::unique_ptr<MatchData> BuildMatchData(const std::vector<Entity>& entities);

}  // namespace tamiz::index
