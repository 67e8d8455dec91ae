// Text helpers shared by the UK parsers (OFSI ConList.csv and the FCDO UK Sanctions List XML):
// legacy encodings, OFSI numbered lists and "(Tag):value" segments. Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tamiz::sources::gb {

// True when `data` is not valid UTF-8 and contains no valid multi-byte UTF-8 sequence at all:
// a legacy single-byte file (the 2016 OFSI ConList.csv is Windows-1252).
bool LooksLikeWindows1252(std::string_view data);

// Decodes Windows-1252 bytes to UTF-8 (WHATWG mapping; undefined bytes 0x81, 0x8D, 0x8F, 0x90,
// 0x9D map to the C1 control of the same value, as in the WHATWG table).
std::string Windows1252ToUtf8(std::string_view data);

// Splits an OFSI numbered list "(1) Germany (2) Morocco" or "1) Saudi Arabia 2) Qatar" into
// its items (markers must count up from 1, each at the start or after a blank); trailing
// ". , ;" and blanks are trimmed from each item. Text without a leading "(1)"/"1)" marker is
// one item. Empty input gives no items.
std::vector<std::string> SplitNumbered(std::string_view text);

// Splits OFSI "Other Information" into the free text before the first known tag and the
// "(Tag):value" segments for the tags in `known` (value runs to the next known tag).
struct TaggedText {
  std::string text;
  std::vector<std::pair<std::string, std::string>> tags;
};
TaggedText SplitTags(std::string_view text, const std::vector<std::string_view>& known);

// Trims ASCII blanks and trailing '.', ',', ';'.
std::string TrimItem(std::string_view s);

}  // namespace tamiz::sources::gb
