#include "text/phonetic.h"

namespace tamiz::text {

namespace {
bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }
bool StartsWith(std::string_view s, size_t i, std::string_view p) {
  return s.substr(i, p.size()) == p;
}
}  // namespace

std::string PhoneticKey(std::string_view t) {
  // Rewrite rules chosen from the variation seen between BGN/PCGN, ISO 9, German and French
  // romanizations of Cyrillic and between common spellings of Arabic names (see
  // docs/MATCHING.md, "Phonetic key"). Applied left to right, longest rule first.
  std::string out;
  out.reserve(t.size());
  for (size_t i = 0; i < t.size();) {
    if (StartsWith(t, i, "sch")) {
      out += "sh";
      i += 3;
    } else if (StartsWith(t, i, "tch")) {
      out += "ch";
      i += 3;
    } else if (StartsWith(t, i, "ph")) {
      out += 'f';
      i += 2;
    } else if (StartsWith(t, i, "ck")) {
      out += 'k';
      i += 2;
    } else if (StartsWith(t, i, "kh") || StartsWith(t, i, "gh")) {
      out += t[i] == 'k' ? 'h' : 'g';
      i += 2;
    } else if (StartsWith(t, i, "th") || StartsWith(t, i, "dh")) {
      out += t[i];
      i += 2;
    } else if (StartsWith(t, i, "ts") || StartsWith(t, i, "tz")) {
      out += 'c';
      i += 2;
    } else if (StartsWith(t, i, "zh") || StartsWith(t, i, "dj") || StartsWith(t, i, "dzh")) {
      out += 'j';
      i += StartsWith(t, i, "dzh") ? 3 : 2;
    } else if (StartsWith(t, i, "ai") || StartsWith(t, i, "ei")) {
      out += 'e';
      i += 2;
    } else if (StartsWith(t, i, "ee")) {
      out += 'i';
      i += 2;
    } else if (StartsWith(t, i, "oo") || StartsWith(t, i, "ou")) {
      out += 'u';
      i += 2;
    } else {
      char c = t[i];
      switch (c) {
        case 'q':
          c = 'k';
          break;
        case 'w':
          c = 'v';
          break;
        case 'y':
          c = 'i';
          break;
        case 'x':
          out += 'k';
          c = 's';
          break;
        default:
          break;
      }
      out += c;
      ++i;
    }
  }
  // Collapse doubled letters (after rewriting, so "iy" -> "ii" -> "i").
  std::string dedup;
  dedup.reserve(out.size());
  for (char c : out) {
    if (dedup.empty() || dedup.back() != c || (c >= '0' && c <= '9')) dedup.push_back(c);
  }
  return dedup;
}

std::string ConsonantSkeleton(std::string_view token) {
  std::string stripped;
  stripped.reserve(token.size());
  for (char c : token) {
    if (c == 'y' || c == 'w' || c == '\'') continue;
    stripped.push_back(c);
  }
  std::string key = PhoneticKey(stripped);
  std::string out;
  out.reserve(key.size());
  for (char c : key) {
    if (IsVowel(c)) continue;
    if (c == 'j') c = 'g';  // Hebrew gimel+geresh and Latin g both write /dZ/ (George)
    if (!out.empty() && out.back() == c) continue;
    out.push_back(c);
  }
  return out;
}

LetterCounts CountLetters(std::string_view token) {
  LetterCounts counts;
  for (char c : token) {
    uint32_t bit = 0;
    if (c >= 'a' && c <= 'z') {
      bit = 1u << static_cast<unsigned>(c - 'a');
    } else if (c >= '0' && c <= '9') {
      bit = 1u << 26;
    } else {
      continue;
    }
    // The first threshold this letter has not reached yet.
    for (uint32_t& level : counts.at_least) {
      if ((level & bit) == 0) {
        level |= bit;
        break;
      }
    }
  }
  return counts;
}

}  // namespace tamiz::text
