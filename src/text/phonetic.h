// Spelling-variant keys for romanized name tokens. A key collapses the variation that
// romanization systems and spelling habits introduce (kh/h, ph/f, w/v, y/i, ts/c, doubled
// letters, ...); a skeleton keeps only consonants, to compare names romanized from abjads
// (Arabic, Hebrew), which omit short vowels. Pure functions, thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace tamiz::text {

// Phonetic key of a lowercase ASCII token, e.g. "khotintsev" and "hotincev" -> "hotincev",
// "levitskiy" and "levitsky" -> "levitski". Digits are kept as they are.
std::string PhoneticKey(std::string_view token);

// Consonant skeleton of a token: vowels and the vowel letters y and w removed, then the
// phonetic key rules, doubles collapsed ("muhammad" -> "mhmd"; Arabic "mhmd" -> "mhmd";
// Hebrew "khdd" and "haddad" -> "hd"; "dawn" and Hebrew "dwn" -> "dn"; j is written g).
std::string ConsonantSkeleton(std::string_view token);

// How often each letter occurs in a token, saturated at 3: bit i of at_least[k] is set when
// letter 'a'+i occurs more than k times (bit 26 counts digits; other bytes are not counted).
struct LetterCounts {
  uint32_t at_least[3] = {0, 0, 0};
};
LetterCounts CountLetters(std::string_view token);

// The L1 distance between the two letter histograms, each count saturated at 3: a lower bound
// of the number of letters one token has and the other lacks. Every edit changes it by at
// most 2 (a substitution) or 1 (an insertion or deletion), so it bounds an edit distance from
// below at a fraction of its cost. Since a count c is the number of k in {1, 2, 3} with
// c >= k, |c - d| is the number of thresholds one count reaches and the other does not.
inline int LetterDistance(const LetterCounts& a, const LetterCounts& b) {
  return __builtin_popcount(a.at_least[0] ^ b.at_least[0]) +
         __builtin_popcount(a.at_least[1] ^ b.at_least[1]) +
         __builtin_popcount(a.at_least[2] ^ b.at_least[2]);
}

}  // namespace tamiz::text
