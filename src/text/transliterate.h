// Script detection and folding of any-script text to lowercase ASCII Latin: the first step
// of name analysis. Thread-safe: ICU transliterators are created once and cloned per thread.
#pragma once

#include <string>
#include <string_view>

namespace tamiz::text {

// Dominant writing system of a string (by letter count), coarse enough for matching.
enum class Script : unsigned char {
  kNone = 0,  // no letters
  kLatin,
  kCyrillic,
  kGreek,
  kArabic,  // Arabic, Persian, Urdu
  kHebrew,
  kHan,
  kHangul,
  kKana,
  kThai,
  kArmenian,
  kGeorgian,
  kMyanmar,
  kOther,
};

// Dominant script of UTF-8 `s`; pure ASCII input is answered without ICU.
Script DetectScript(std::string_view s);

// Written in Latin letters (or no letters at all): names compared without romanization.
inline bool IsLatinOrNone(Script s) { return s == Script::kLatin || s == Script::kNone; }

// True when the script puts no spaces between words (Han, kana, Hangul, Thai, Myanmar).
inline bool WritesWithoutSpaces(Script s) {
  return s == Script::kHan || s == Script::kKana || s == Script::kHangul || s == Script::kThai ||
         s == Script::kMyanmar;
}

// True when the script writes consonants but usually omits short vowels (Arabic, Hebrew), so
// a romanized form must be compared by its consonant skeleton.
inline bool IsAbjad(Script s) { return s == Script::kArabic || s == Script::kHebrew; }

// NFKC, transliteration to Latin (Cyrillic by BGN/PCGN, Greek by UNGEGN, everything else by
// ICU Any-Latin; Han as pinyin, Hangul as Revised Romanization-like), then Latin-ASCII folding
// and lowercasing. Punctuation is kept (the tokenizer decides what it means). Invalid UTF-8 is
// repaired first. Pure-ASCII input takes a fast path (lowercasing only).
std::string FoldToAscii(std::string_view utf8);

}  // namespace tamiz::text
