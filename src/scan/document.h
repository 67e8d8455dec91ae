// Running text prepared for scanning: HTML stripped to text, words with their UTF-8 byte
// offsets and folded (lowercase ASCII) forms, sentences, and the language. Pure functions
// and plain data; thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace tamiz::scan {

// What separates a word from the previous one.
enum class Gap : uint8_t {
  kSpace = 0,   // whitespace only (a single line break included)
  kComma,       // a comma (and whitespace)
  kPeriod,      // a period (abbreviation or sentence end)
  kStop,        // ! ? or an ellipsis
  kPunct,       // any other punctuation: quotes, brackets, colon, semicolon, dash, slash
  kParagraph,   // a blank line
  kApostrophe,  // an apostrophe inside the word run ("Cabello's", "O'Brien")
  kHyphen,      // an in-word hyphen ("El-Aissami")
};

enum WordFlag : uint8_t {
  kCapitalized = 1 << 0,  // first letter uppercase
  kAllCaps = 1 << 1,      // every letter uppercase (2 letters or more)
  kHasDigit = 1 << 2,
  kNonAscii = 1 << 3,
  kCyrillic = 1 << 4,
};

struct Word {
  uint32_t start = 0, end = 0;  // byte offsets into the text
  uint32_t fold = 0;            // offset of the folded form in Document::folded
  uint16_t fold_len = 0;
  uint8_t flags = 0;
  Gap gap = Gap::kParagraph;  // separator before this word
};

struct Sentence {
  uint32_t start = 0, end = 0;            // byte offsets (trimmed)
  uint32_t first_word = 0, end_word = 0;  // [first_word, end_word) into Document::words
};

struct Document {
  std::string_view text;
  std::vector<Word> words;
  std::string folded;  // folded words, back to back
  std::vector<Sentence> sentences;

  std::string_view Fold(const Word& w) const { return {folded.data() + w.fold, w.fold_len}; }
  std::string_view Text(const Word& w) const { return text.substr(w.start, w.end - w.start); }
};

// Splits `text` (valid UTF-8) into words and sentences. Words are runs of letters and digits;
// apostrophes and hyphens split a run without a break (as in name analysis); non-ASCII words
// are folded with text::FoldToAscii (Cyrillic by BGN/PCGN). Sentences end at . ! ? followed by
// a space and not preceded by a known abbreviation or an initial, and at blank lines.
// REQUIRES: text.size() < 4 GiB; `text` outlives the Document.
Document AnalyzeDocument(std::string_view text);

// HTML to text: tags removed (block-level tags and <br> become line breaks), script, style and
// comments dropped, character references decoded (named common ones, &#NNN; and &#xHH;).
std::string StripHtml(std::string_view html);

// True when `text` looks like HTML (a tag such as <html, <body, <p>, <div, <br, or a doctype
// near the start).
bool LooksLikeHtml(std::string_view text);

}  // namespace tamiz::scan
