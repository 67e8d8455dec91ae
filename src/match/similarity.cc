#include "match/similarity.h"

#include <algorithm>
#include <array>

namespace tamiz::match {

namespace {

constexpr size_t kMaxLen = 63;

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
double IndelCost(std::string_view s, size_t i) {
  char c = s[i];
  if ((i > 0 && s[i - 1] == c) || (i + 1 < s.size() && s[i + 1] == c)) return 0.35;
  if (c == 'h') return 0.5;
  if (IsVowel(c)) return 0.75;
  return 1.0;
}

}  // namespace

double EditSimilarity(std::string_view a, std::string_view b) {
  if (a.size() > kMaxLen) a = a.substr(0, kMaxLen);
  if (b.size() > kMaxLen) b = b.substr(0, kMaxLen);
  const size_t n = a.size(), m = b.size();
  if (n == 0 && m == 0) return 1.0;
  if (n == 0 || m == 0) return 0.0;
  if (a == b) return 1.0;
  // Three rolling rows for Damerau (optimal string alignment) distance.
  std::array<double, kMaxLen + 1> r0{}, r1{}, r2{};
  double* prev2 = r0.data();
  double* prev = r1.data();
  double* cur = r2.data();
  prev[0] = 0.0;
  for (size_t j = 1; j <= m; ++j) prev[j] = prev[j - 1] + IndelCost(b, j - 1);
  for (size_t i = 1; i <= n; ++i) {
    cur[0] = prev[0] + IndelCost(a, i - 1);
    for (size_t j = 1; j <= m; ++j) {
      double best = prev[j - 1] + SubstitutionCost(a[i - 1], b[j - 1]);
      best = std::min(best, prev[j] + IndelCost(a, i - 1));
      best = std::min(best, cur[j - 1] + IndelCost(b, j - 1));
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] && a[i - 1] != b[j - 1]) {
        best = std::min(best, prev2[j - 2] + 0.6);
      }
      cur[j] = best;
    }
    double* t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  double cost = prev[m];
  double sim = 1.0 - cost / static_cast<double>(std::max(n, m));
  return std::clamp(sim, 0.0, 1.0);
}

double TokenSimilarity(const text::Token& a, const text::Token& b, bool allow_initials) {
  using text::kAbjad;
  using text::kInitial;
  using text::kNumber;
  const bool an = (a.flags & kNumber) != 0, bn = (b.flags & kNumber) != 0;
  if (an || bn) return an && bn && a.number == b.number ? 1.0 : 0.0;
  if (a.text == b.text) return 1.0;
  for (uint32_t ga : a.groups) {
    if (ga == 0) continue;
    for (uint32_t gb : b.groups) {
      if (ga == gb) return 0.95;
    }
  }
  const bool ai = (a.flags & kInitial) != 0, bi = (b.flags & kInitial) != 0;
  if (ai || bi) {
    if (allow_initials && !a.text.empty() && !b.text.empty() && a.text[0] == b.text[0]) {
      return 0.8;
    }
    return 0.0;
  }
  // Cheap bound: letters present in only one token each need at least one edit.
  const size_t longest = std::max(a.text.size(), b.text.size());
  const int diff = __builtin_popcount(a.mask ^ b.mask);
  const bool abjad = ((a.flags | b.flags) & kAbjad) != 0;
  double best = 0.0;
  if (a.key == b.key && a.key.size() >= 2) best = 0.93;
  if (best < 0.93 && static_cast<double>(diff) * 0.5 <= 0.45 * static_cast<double>(longest)) {
    best = std::max(best, EditSimilarity(a.text, b.text));
    if (best < 0.93) best = std::max(best, 0.97 * EditSimilarity(a.key, b.key));
  }
  if (abjad && a.skel.size() >= 2 && b.skel.size() >= 2) {
    if (a.skel == b.skel) {
      best = std::max(best, a.skel.size() >= 3 ? 0.95 : 0.9);
    } else {
      best = std::max(best, 0.95 * EditSimilarity(a.skel, b.skel));
    }
  }
  return best;
}

}  // namespace tamiz::match
