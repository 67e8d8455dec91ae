// Name-to-name scoring: aligns the tokens of a query name with those of a listed name and
// turns the alignment into a score in [0, 1]. Pure functions, thread-safe, no allocation
// unless an explanation is requested.
#pragma once

#include <string>
#include <string_view>

#include "text/analyze.h"

namespace tamiz::match {

// Tokens below this similarity are not aligned at all.
inline constexpr double kAlignFloor = 0.75;
// Tokens beyond this many on either side are ignored.
inline constexpr size_t kMaxNameTokens = 24;

struct NameScore {
  double score = 0.0;
  double query_coverage = 0.0;      // weighted share of the query explained by the listed name
  double candidate_coverage = 0.0;  // weighted share of the listed name explained by the query
  bool number_conflict = false;     // both carry numbers and they differ
  bool legal_class_conflict = false;
  bool jurisdiction_conflict = false;  // native legal forms of different countries
  bool country_conflict = false;       // a country named on one side only (organizations)
};

// Scores `query` against `candidate` (both analysed with the same NameType, weights set).
// Alignment: every query token (or pair of adjacent tokens, for merged/split words such as
// "wirralong" / "wirra long") is paired with at most one candidate token (or pair), greedily
// by descending similarity, ignoring pairs below kAlignFloor. Then
//   query_coverage     = sum(w_q * sim^2 over pairs) / sum(w_q)
//   candidate_coverage = sum(w_c * sim over pairs) / sum(w_c)
//   score = query_coverage * (beta + (1 - beta) * candidate_coverage)
// with beta = 0.75 for persons (a missing middle name costs little) and 0.55 for
// organizations and vessels. Differing numbers (vessel/company numbers) multiply by 0.5, a
// conflicting legal-form class by 0.95. When `explain` is not null it receives a readable
// alignment ("diosdado=diosdado cabello=cabello +rondon").
NameScore ScoreNames(const text::AnalyzedName& query, const text::AnalyzedName& candidate,
                     std::string* explain = nullptr);

// The name score from the two coverages (see ScoreNames), before the number, legal-form and
// country penalties: query_coverage * (beta + (1 - beta) * candidate_coverage).
double CombineCoverage(double query_coverage, double candidate_coverage, bool person);

// The value a raw token similarity takes in the alignment: in company and vessel names
// written in Latin letters on both sides (`sharpen`), tolerance below a phonetic-key match
// is halved; below kAlignFloor the pair is not aligned at all (0).
double AlignedSimilarity(double raw, bool sharpen);

// Similarity of one token to two adjacent tokens written together (`joined`), as the
// alignment uses it: 0 unless their lengths differ by at most 2 and their first letters
// agree; may return 0 below `min_sim`.
double MergedSimilarity(std::string_view one, std::string_view joined, double min_sim);

// MergedSimilarity's first test, from the first bytes and lengths alone: false when it is
// certainly 0 (either side empty, other first letters, lengths more than 2 apart).
inline bool MergeMayMatch(char one_first, size_t one_length, char joined_first,
                          size_t joined_length) {
  return one_length != 0 && joined_length != 0 && one_first == joined_first &&
         one_length + 2 >= joined_length && one_length <= joined_length + 2;
}

// Token similarities known in advance (screening caches them per distinct listed token and
// per distinct adjacent pair). With n and m the query and candidate token counts, each capped
// at kMaxNameTokens, and person = the query is a person name:
struct TokenSimilarities {
  // [i * m + j]: TokenSimilarity(query.tokens[i], candidate.tokens[j], person, kAlignFloor).
  const float* single = nullptr;
  // [i * m + j], i + 1 < n: MergedSimilarity(candidate.tokens[j], query tokens i and i + 1
  // joined, kAlignFloor), 0 when they are not both Mergeable.
  const float* query_pairs = nullptr;
  // [j * n + i], j + 1 < m: MergedSimilarity(query.tokens[i], candidate tokens j and j + 1
  // joined, kAlignFloor), 0 when they are not both Mergeable.
  const float* candidate_pairs = nullptr;
};

// ScoreNames with the token similarities given. Same result as ScoreNames.
NameScore ScoreNamesWithSimilarities(const text::AnalyzedName& query,
                                     const text::AnalyzedName& candidate,
                                     const TokenSimilarities& sims, std::string* explain = nullptr);

// Symmetric similarity of two names, for comparing peers (eval pairs): the mean of both
// directions of ScoreNames.
double SymmetricNameScore(const text::AnalyzedName& a, const text::AnalyzedName& b);

}  // namespace tamiz::match
