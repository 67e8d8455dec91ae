#include "match/similarity.h"

#include <algorithm>
#include <array>

namespace tamiz::match {

namespace {

constexpr size_t kMaxLen = 63;

// An abbreviation and a word it may stand for ("ind." / "industria", "f.lli" / "fratelli"):
// the same word written short, not a misspelling, but not certain either (an abbreviation
// stands for several words).
constexpr double kAbbreviationSimilarity = 0.97;

// Two words at least this similar by spelling look alike.
constexpr double kLookAlikeSimilarity = 0.75;

// Least cost per unit of the letter-count distance (text::LetterDistance): a substitution
// costs at least 0.55 and changes two counts, an insertion or deletion at least 0.35 (a
// doubled letter) and changes one.
constexpr double kMinCostPerLetter = 0.275;

bool IsVowel(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}

// Groups of consonants often written for one another in romanized names.
int SoundClass(char c) {
  switch (c) {
    case 'c':
    case 'k':
    case 'q':
      return 1;
    case 's':
    case 'z':
      return 2;
    case 'v':
    case 'w':
    case 'f':
      return 3;
    case 'j':
    case 'y':
    case 'i':
      return 4;
    case 'd':
    case 't':
      return 5;
    case 'b':
    case 'p':
      return 6;
    case 'm':
    case 'n':
      return 7;
    case 'g':
    case 'h':
      return 8;
    default:
      return 0;
  }
}

double SubstitutionCost(char a, char b) {
  if (a == b) return 0.0;
  if (IsVowel(a) && IsVowel(b)) return 0.55;
  int ca = SoundClass(a), cb = SoundClass(b);
  if (ca != 0 && ca == cb) return 0.6;
  if ((a == 'c' && b == 's') || (a == 's' && b == 'c')) return 0.6;
  // Hebrew bet/vet and Arabic/Persian b/v romanizations.
  if ((a == 'b' && b == 'v') || (a == 'v' && b == 'b')) return 0.6;
  return 1.0;
}

// Cost of inserting/deleting s[i] given its neighbours.
float IndelCost(std::string_view s, size_t i) {
  char c = s[i];
  if ((i > 0 && s[i - 1] == c) || (i + 1 < s.size() && s[i + 1] == c)) return 0.35f;
  if (c == 'h') return 0.5f;
  if (IsVowel(c)) return 0.75f;
  return 1.0f;
}

// The kernel's alphabet: 'a'..'z' are 0..25, every other byte is 26 ("other"). Substitution
// costs only tell letters apart; two other bytes cost 0 when equal and 1 otherwise, which
// the kernel checks on the bytes themselves.
constexpr size_t kOther = 26;
uint8_t LetterClass(char c) {
  return c >= 'a' && c <= 'z' ? static_cast<uint8_t>(c - 'a') : static_cast<uint8_t>(kOther);
}

// SubstitutionCost between the classes, precomputed: 27 x 32 floats (3.4 KiB) stay in the L1
// cache, where a table over all byte pairs (256 KiB) did not.
struct SubstitutionTable {
  std::array<std::array<float, 32>, kOther + 1> cost{};
  SubstitutionTable() {
    for (size_t x = 0; x <= kOther; ++x) {
      for (size_t y = 0; y <= kOther; ++y) {
        const char cx = x == kOther ? '0' : static_cast<char>('a' + x);
        const char cy = y == kOther ? '0' : static_cast<char>('a' + y);
        cost[x][y] =
            x == kOther || y == kOther ? 1.0f : static_cast<float>(SubstitutionCost(cx, cy));
      }
    }
  }
  const float* Row(uint8_t letter_class) const { return cost[letter_class].data(); }
};

}  // namespace

double EditSimilarity(std::string_view a, std::string_view b) {
  return EditSimilarityAtLeast(a, b, 0.0);
}

double EditSimilarityAtLeast(std::string_view a, std::string_view b, double min_sim) {
  if (a.size() > kMaxLen) a = a.substr(0, kMaxLen);
  if (b.size() > kMaxLen) b = b.substr(0, kMaxLen);
  const size_t n = a.size(), m = b.size();
  if (n == 0 && m == 0) return 1.0;
  if (n == 0 || m == 0) return 0.0;
  if (a == b) return 1.0;
  static const SubstitutionTable kSub;
  const float longest = static_cast<float>(std::max(n, m));
  // Costs above this cannot reach min_sim; every indel costs at least 0.35.
  const float max_cost = static_cast<float>(1.0 - min_sim) * longest + 1e-4f;
  const float len_diff = static_cast<float>(n > m ? n - m : m - n);
  if (min_sim > 0 && len_diff * 0.35f > max_cost) return 0.0;
  std::array<float, kMaxLen> del_a, ins_b;
  std::array<uint8_t, kMaxLen> class_b;
  for (size_t i = 0; i < n; ++i) del_a[i] = IndelCost(a, i);
  for (size_t j = 0; j < m; ++j) {
    ins_b[j] = IndelCost(b, j);
    class_b[j] = LetterClass(b[j]);
  }
  // Three rolling rows for Damerau (optimal string alignment) distance.
  std::array<float, kMaxLen + 1> r0, r1, r2;
  float* prev2 = r0.data();
  float* prev = r1.data();
  float* cur = r2.data();
  prev[0] = 0.0f;
  for (size_t j = 1; j <= m; ++j) prev[j] = prev[j - 1] + ins_b[j - 1];
  for (size_t i = 1; i <= n; ++i) {
    const char ca = a[i - 1];
    const float* sub_row = kSub.Row(LetterClass(ca));
    cur[0] = prev[0] + del_a[i - 1];
    float row_min = cur[0];
    for (size_t j = 1; j <= m; ++j) {
      const char cb = b[j - 1];
      const float sub = ca == cb ? 0.0f : sub_row[class_b[j - 1]];
      float best = prev[j - 1] + sub;
      best = std::min(best, prev[j] + del_a[i - 1]);
      best = std::min(best, cur[j - 1] + ins_b[j - 1]);
      if (i > 1 && j > 1 && ca == b[j - 2] && a[i - 2] == cb && ca != cb) {
        best = std::min(best, prev2[j - 2] + 0.6f);
      }
      cur[j] = best;
      row_min = std::min(row_min, best);
    }
    if (min_sim > 0 && row_min > max_cost) return 0.0;
    float* t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  const double sim = 1.0 - static_cast<double>(prev[m]) / static_cast<double>(longest);
  if (sim < min_sim) return 0.0;
  return std::clamp(sim, 0.0, 1.0);
}

bool EditSimilarityMayReach(size_t length_a, size_t length_b, const text::LetterCounts& a,
                            const text::LetterCounts& b, double min_sim) {
  const size_t longest = std::max(length_a, length_b);
  if (longest == 0 || longest > kMaxLen) return true;  // compared truncated: no bound
  const double bound =
      1.0 - kMinCostPerLetter * text::LetterDistance(a, b) / static_cast<double>(longest);
  return bound >= min_sim - 1e-6;
}

bool TokenMayBeSimilar(const text::TokenSketch& a, const text::TokenSketch& b, double min_sim) {
  using text::kAbjad;
  if (((a.flags | b.flags) & (text::kNumber | text::kInitial)) != 0 || a.abbrev || b.abbrev) {
    return true;
  }
  for (uint32_t ga : a.groups) {
    if (ga != 0 && (ga == b.groups[0] || ga == b.groups[1])) return true;
  }
  // The rules of TokenSimilarity below that compare spellings, each by its own bound.
  if (EditSimilarityMayReach(a.length, b.length, a.letters, b.letters, min_sim)) return true;
  if (a.key_length > 0 && b.key_length > 0 &&
      EditSimilarityMayReach(a.key_length, b.key_length, a.key_letters, b.key_letters,
                             min_sim / 0.97)) {
    return true;
  }
  return ((a.flags | b.flags) & kAbjad) != 0 && a.skel_length >= 2 && b.skel_length >= 2 &&
         EditSimilarityMayReach(a.skel_length, b.skel_length, a.skel_letters, b.skel_letters,
                                min_sim);
}

double TokenSimilarity(const text::Token& a, const text::Token& b, bool allow_initials,
                       double min_sim) {
  using text::kAbjad;
  using text::kInitial;
  using text::kNumber;
  const bool an = (a.flags & kNumber) != 0, bn = (b.flags & kNumber) != 0;
  if (an || bn) return an && bn && a.number == b.number ? 1.0 : 0.0;
  if (a.text == b.text) return 1.0;
  for (uint32_t ga : a.groups) {
    if (ga == 0) continue;
    for (uint32_t gb : b.groups) {
      if (ga != gb) continue;
      // A trade-word concept joins translations (moloko / milk, 贸易 / trading). Two forms
      // that look alike (star / stars, comercio / comercial) are the same word inflected or a
      // cognate, and are compared by spelling as any other words (docs/MATCHING.md, section 3,
      // keeps Star and Stars apart in company names).
      if ((ga & text::kConceptGroup) == 0) return 0.95;
      if (EditSimilarity(a.text, b.text) < kLookAlikeSimilarity) {
        return static_cast<double>(kTranslationSimilarity);
      }
    }
  }
  if ((!a.abbrev.empty() && text::Abbreviates(a.abbrev, b.text)) ||
      (!b.abbrev.empty() && text::Abbreviates(b.abbrev, a.text))) {
    return kAbbreviationSimilarity;
  }
  const bool ai = (a.flags & kInitial) != 0, bi = (b.flags & kInitial) != 0;
  if (ai || bi) {
    if (allow_initials && !a.text.empty() && !b.text.empty() && a.text[0] == b.text[0]) {
      return 0.8;
    }
    return 0.0;
  }
  const bool abjad = ((a.flags | b.flags) & kAbjad) != 0;
  double best = 0.0;
  if (a.key == b.key && a.key.size() >= 2) best = 0.93;
  if (best < 0.93 &&
      EditSimilarityMayReach(a.text.size(), b.text.size(), a.letters, b.letters, min_sim)) {
    best = std::max(best, EditSimilarityAtLeast(a.text, b.text, min_sim));
  }
  if (best < 0.93 && !a.key.empty() && !b.key.empty() &&
      EditSimilarityMayReach(a.key.size(), b.key.size(), a.key_letters, b.key_letters,
                             min_sim / 0.97)) {
    best = std::max(best, 0.97 * EditSimilarityAtLeast(a.key, b.key, min_sim / 0.97));
  }
  if (abjad && a.skel.size() >= 2 && b.skel.size() >= 2) {
    if (a.skel == b.skel) {
      best = std::max(best, a.skel.size() >= 3 ? 0.95 : 0.9);
    } else {
      best = std::max(best, 0.95 * EditSimilarityAtLeast(a.skel, b.skel, min_sim));
    }
  }
  return best;
}

}  // namespace tamiz::match
