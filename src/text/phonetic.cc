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

namespace {

// The bit of a byte in LetterCounts::by_sound, or 0 when it is not counted.
uint32_t SoundBit(char c) {
  switch (c) {
    case 'a':
      return 1u << 0;
    case 'e':
      return 1u << 1;
    case 'i':
      return 1u << 2;
    case 'o':
      return 1u << 3;
    case 'u':
      return 1u << 4;
    case 'y':
      return 1u << 5;
    case 'j':
      return 1u << 6;
    case 'c':
    case 'k':
    case 'q':
    case 's':
    case 'z':
      return 1u << 8;
    case 'b':
    case 'p':
    case 'v':
    case 'w':
    case 'f':
      return 1u << 9;
    case 'd':
    case 't':
      return 1u << 10;
    case 'm':
    case 'n':
      return 1u << 11;
    case 'g':
    case 'h':
      return 1u << 12;
    case 'l':
      return 1u << 13;
    case 'r':
      return 1u << 14;
    case 'x':
      return 1u << 15;
    default:
      return c >= '0' && c <= '9' ? 1u << 16 : 0;
  }
}

// Raises the count of `bit` in levels (at most 3).
void Count(uint32_t (&levels)[3], uint32_t bit) {
  for (uint32_t& level : levels) {
    if ((level & bit) == 0) {
      level |= bit;
      return;
    }
  }
}

}  // namespace

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
    Count(counts.at_least, bit);
    Count(counts.by_sound, SoundBit(c));
  }
  return counts;
}

}  // namespace tamiz::text
