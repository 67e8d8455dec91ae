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

// Bit i set when letter 'a'+i occurs (bit 26: any digit). Cheap lower bound on edit distance.
uint32_t LetterMask(std::string_view token);

}  // namespace tamiz::text
