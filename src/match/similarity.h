// The token similarity kernel: how alike two name tokens are, in [0, 1]. Pure functions,
// thread-safe, no allocation.
#pragma once

#include <string_view>

#include "text/analyze.h"

namespace tamiz::match {

// 1 - (weighted Damerau-Levenshtein cost) / (length of the longer string). Costs model
// spelling and romanization variation: a doubled letter or an 'h' costs less than another
// insertion, vowel-for-vowel and look-alike/sound-alike consonant substitutions (c/k/q, s/z,
// v/w/f, i/y/j, d/t, b/p, m/n) cost less than others, a transposition less than two edits.
// Symmetric. Strings longer than 63 bytes are compared on their first 63 bytes.
double EditSimilarity(std::string_view a, std::string_view b);

// EditSimilarity when it is at least `min_sim`, else 0 (may stop early: banded by cost).
double EditSimilarityAtLeast(std::string_view a, std::string_view b, double min_sim);

// False when EditSimilarityAtLeast(a, b, min_sim) is certainly 0, judged from the lengths and
// letter counts (text::CountLetters) of a and b alone: the cost of the edits is at least
// 0.275 per unit of text::LetterDistance.
bool EditSimilarityMayReach(size_t length_a, size_t length_b, const text::LetterCounts& a,
                            const text::LetterCounts& b, double min_sim);

// False when TokenSimilarity(a, b, allow_initials, min_sim) is certainly 0 for the tokens
// sketched as `a` and `b` (text::SketchToken), whatever `allow_initials`: they share no
// equivalence group, neither is a number, initial or abbreviation, and their texts, keys and
// (if either is romanized from an abjad) skeletons are too far apart by letter counts.
bool TokenMayBeSimilar(const text::TokenSketch& a, const text::TokenSketch& b, double min_sim);

// Similarity of two tokens that are translations of each other (the same trade-word concept,
// text/tables.h, and not alike in spelling). A value of its own, so that the alignment can
// tell a translated word from a spelled one (match/score.cc).
inline constexpr float kTranslationSimilarity = 0.945f;

// Similarity of two analysed tokens: 1 for equal text; 0.95 for given-name equivalents
// (same group in given_name_equivalents.tsv); kTranslationSimilarity for translations; an
// abbreviation and a word it may shorten 0.97; numbers match only when their values are
// equal; an initial matches a word with the same first letter at 0.8 when `allow_initials`;
// otherwise the best of the edit similarity of the texts, of the phonetic keys (x0.97) and,
// when either side was romanized from an abjad, of the consonant skeletons (x0.95; equal
// skeletons 0.95, or 0.9 when shorter than 3). Symmetric. Similarities below `min_sim` may be
// returned as 0 (the caller ignores them anyway), which lets the kernel stop early.
double TokenSimilarity(const text::Token& a, const text::Token& b, bool allow_initials,
                       double min_sim = 0.0);

}  // namespace tamiz::match
