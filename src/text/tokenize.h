// Tokenization of folded (lowercase ASCII) name text into name tokens, keeping the
// punctuation facts name analysis needs: segment breaks (comma, parentheses, " - ", "c/o",
// colon) and parenthesized spans. Pure functions, thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace tamiz::text {

struct RawToken {
  std::string text;
  bool break_before = false;  // a comma, colon, parenthesis, " - " or "c/o" precedes it
  bool in_parens = false;
  bool colon_after = false;   // followed by ':' (payment-message labels: "BENEFICIARY:")
  bool dotted = false;        // immediately followed by '.'
  bool space_before = false;  // whitespace immediately before it
};

// Splits folded text into alphanumeric tokens. Letters and digits are split apart ("no8" ->
// "no", "8"); apostrophes and in-word hyphens split without a break ("o'doyle", "el-aissami");
// "&" becomes "and"; dotted or spaced single letters are merged ("u.s.a." and "n k" -> "usa",
// "nk"). REQUIRES: `folded` is the output of FoldToAscii.
std::vector<RawToken> TokenizeFolded(std::string_view folded);

// Token texts only.
std::vector<std::string> TokenTexts(std::string_view folded);

}  // namespace tamiz::text
