#include "text/myanmar.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "util/file_io.h"

// Conventional romanization of Burmese names. There is no standard: the spellings below are
// the ones most often seen in Burmese personal names and registered company names written in
// Latin letters (passports, the Directorate of Investment and Company Administration register,
// sanctions lists: "Min Aung Hlaing", "Thein Sein", "Aung San Suu Kyi", "Myint Swe", "Zaw
// Min Tun", "Nyunt Tin", "Kyaw Kyaw Oo", "Yadanarpon", "Shwe Taung", "Htoo Group", "Mingalar
// Yadanar"). Facts relied on:
// - Script structure (Unicode Technical Note #11, "Representing Myanmar in Unicode"): a
//   syllable is stored as [kinzi] consonant [stack] [ျ][ြ][ွ][ှ] [ေ][ိ ီ ဲ][ု ူ][ါ ာ][ံ][့][်][း];
//   a final consonant is a consonant killed by asat ်, or by virama ္ when the next consonant
//   is stacked under it; ့ has canonical combining class 7 and ် class 9, so NFC text has ့
//   before ် ("မြင့်").
// - Burmese pronunciation (Okell, "A Reference Grammar of Colloquial Burmese"; Wheatley,
//   "Burmese" in The World's Major Languages): finals collapse to a glottal stop (က် စ် တ်
//   ပ်) or nasalization (င် ဉ် န် မ် ံ), and the vowel before them shifts: ိန် /ein/, ုန် /oun/,
//   ောင် /aun/, ိုင် /ain/, ွန် /un/, တ် ပ် /aʔ/, က် /eʔ/, စ် /iʔ/, ည် /i/~/e/, ယ် /ɛ/; ျ and ြ
//   palatalize (ကျ /tɕ/ written ky, ချ /tɕʰ/ ch), ှ devoices (လှ hl, ရှ /ʃ/ sh).
// - Name spelling habits: long open "a" from ာ written "ar" (Yadanar, Mingalar, Thar), ေ
//   written "ay" (Nay, Htay, Zay) but "we" after wa-hswe (Shwe, Thwe, Swe) and "Aye" without
//   consonant, ို written "o" (Ko, Phyo, Myo) but "oe" with high tone (Soe, Moe, Toe), a creaky
//   tone on a nasal final written with t (Myint, Thant, Nyunt, Pwint), ုန် "one" (Kone, Phone)
//   but အုန်း "Ohn", ဦး "U" as a title and "Oo" at the end of a name, ကြီး "Gyi" at the end of
//   a name, ခိုင် "Khine", ဝေ "Wai", မွန် "Mon".
// Unstacked voicing sandhi (ta -> da inside a word) is lexical, so only the listed words get it.

namespace tamiz::text {
namespace {

constexpr char32_t kVowelE = 0x1031;
constexpr char32_t kAnusvara = 0x1036;
constexpr char32_t kDotBelow = 0x1037;
constexpr char32_t kVisarga = 0x1038;
constexpr char32_t kVirama = 0x1039;
constexpr char32_t kAsat = 0x103A;
constexpr char32_t kGreatSa = 0x103F;
constexpr char32_t kLetterA = 0x1021;
constexpr char32_t kLetterWa = 0x101D;
constexpr char32_t kLetterSa = 0x101E;
constexpr char32_t kLetterNga = 0x1004;
constexpr char32_t kLetterNya = 0x1009;
constexpr char32_t kIndependentU = 0x1025;
constexpr char32_t kIndependentUu = 0x1026;
constexpr char32_t kVowelIi = 0x102E;

// ---------------------------------------------------------------------------------------
// UTF-8

// Decodes `s`, dropping invalid bytes (overlongs, surrogates, truncated sequences, stray
// continuation bytes). After a Myanmar character, U+200C/U+200D are dropped and U+200B
// (the word separator of Burmese text) becomes a space.
std::vector<char32_t> DecodeUtf8(std::string_view s) {
  std::vector<char32_t> out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    char32_t cp = 0;
    size_t len = 0;
    if (b0 < 0x80) {
      cp = b0;
      len = 1;
    } else if (b0 >= 0xC2 && b0 <= 0xDF) {
      cp = b0 & 0x1Fu;
      len = 2;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
      cp = b0 & 0x0Fu;
      len = 3;
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
      cp = b0 & 0x07u;
      len = 4;
    } else {
      ++i;
      continue;
    }
    if (i + len > s.size()) {
      ++i;
      continue;
    }
    bool ok = true;
    for (size_t k = 1; k < len; ++k) {
      const auto b = static_cast<unsigned char>(s[i + k]);
      if ((b & 0xC0u) != 0x80u) {
        ok = false;
        break;
      }
      cp = (cp << 6) | (b & 0x3Fu);
    }
    if (ok) {
      if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
          (cp >= 0xD800 && cp <= 0xDFFF)) {
        ok = false;
      }
    }
    if (!ok) {
      ++i;
      continue;
    }
    i += len;
    const bool after_myanmar = !out.empty() && out.back() >= 0x1000 && out.back() <= 0x109F;
    if (after_myanmar && (cp == 0x200C || cp == 0x200D)) continue;
    if (after_myanmar && cp == 0x200B) cp = U' ';
    out.push_back(cp);
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// Character classes of the Myanmar block (Unicode 15, U+1000-U+109F).

bool IsMyanmar(char32_t c) { return c >= 0x1000 && c <= 0x109F; }

// Letters that can start a syllable or close one: Burmese consonants, great sa, and the
// consonants added for Pali/Sanskrit, Mon, Karen and Shan.
bool IsConsonant(char32_t c) {
  return (c >= 0x1000 && c <= 0x1021) || c == kGreatSa || c == 0x1050 || c == 0x1051 ||
         (c >= 0x105A && c <= 0x105D) || c == 0x1061 || c == 0x1065 || c == 0x1066 ||
         (c >= 0x106E && c <= 0x1070) || (c >= 0x1075 && c <= 0x1081) || c == 0x108E;
}

bool IsIndependentVowel(char32_t c) {
  return (c >= 0x1022 && c <= 0x102A) || (c >= 0x1052 && c <= 0x1055);
}

// Digit value, or -1.
int DigitValue(char32_t c) {
  if (c >= 0x1040 && c <= 0x1049) return static_cast<int>(c - 0x1040);
  if (c >= 0x1090 && c <= 0x1099) return static_cast<int>(c - 0x1090);
  return -1;
}

// Signs, punctuation and symbols: everything in the block that is handled on its own.
bool IsStandalone(char32_t c) { return (c >= 0x104A && c <= 0x104F) || c == 0x109E || c == 0x109F; }

// Combining marks: whatever else the block holds (vowel signs, medials, tones, asat, virama).
bool IsMark(char32_t c) {
  return IsMyanmar(c) && !IsConsonant(c) && !IsIndependentVowel(c) && DigitValue(c) < 0 &&
         !IsStandalone(c);
}

// ---------------------------------------------------------------------------------------
// Syllables

struct Syllable {
  size_t begin = 0;  // code point range in the decoded input
  size_t end = 0;
  char32_t onset = 0;     // consonant, or 0 (အ, independent vowel, or a stray mark)
  char32_t indep = 0;     // independent vowel, or 0
  bool letter_a = false;  // onset is the vowel carrier အ
  bool medial_y = false, medial_r = false, medial_w = false, medial_h = false;
  bool e = false, i = false, ii = false, u = false, uu = false, aa = false, ai = false;
  bool anusvara = false, creaky = false, visarga = false, asat = false;
  char32_t final = 0;    // final consonant, or 0
  bool stacked = false;  // final killed by virama (the next consonant is stacked under it)
};

void ApplyMark(Syllable& s, char32_t c) {
  switch (c) {
    case 0x102B:
    case 0x102C:
    case 0x1083:  // Shan aa
      s.aa = true;
      break;
    case 0x102D:
      s.i = true;
      break;
    case 0x102E:
    case 0x1033:  // Mon ii
      s.ii = true;
      break;
    case 0x102F:
      s.u = true;
      break;
    case 0x1030:
      s.uu = true;
      break;
    case kVowelE:
    case 0x1035:  // e above
    case 0x1084:  // Shan e
      s.e = true;
      break;
    case 0x1032:
      s.ai = true;
      break;
    case kAnusvara:
      s.anusvara = true;
      break;
    case kDotBelow:
      s.creaky = true;
      break;
    case kVisarga:
      s.visarga = true;
      break;
    case 0x103B:
      s.medial_y = true;
      break;
    case 0x103C:
      s.medial_r = true;
      break;
    case 0x103D:
    case 0x1082:  // Shan medial wa
      s.medial_w = true;
      break;
    case 0x103E:
      s.medial_h = true;
      break;
    case kAsat:  // on a vowel (ော်), or killing the onset itself
      s.asat = true;
      break;
    default:  // stray virama, tones and signs of other languages
      break;
  }
}

// Parses the syllable starting at `cps[pos]` (a consonant, independent vowel or mark);
// returns it with `end` > `begin`.
Syllable ParseSyllable(const std::vector<char32_t>& cps, size_t pos) {
  const size_t n = cps.size();
  Syllable s;
  s.begin = pos;
  size_t i = pos;
  // ေ typed before its consonant (visual order, as in Zawgyi-era input).
  if (cps[i] == kVowelE && i + 1 < n && IsConsonant(cps[i + 1])) {
    s.e = true;
    ++i;
  }
  if (IsConsonant(cps[i])) {
    s.letter_a = cps[i] == kLetterA;
    s.onset = s.letter_a ? 0 : cps[i];
    ++i;
  } else if (IsIndependentVowel(cps[i])) {
    s.indep = cps[i];
    ++i;
    if (s.indep == kIndependentU && i < n && cps[i] == kVowelIi) {  // ဥ + ီ = ဦ
      s.indep = kIndependentUu;
      ++i;
    }
  }
  while (i < n && IsMark(cps[i])) ApplyMark(s, cps[i++]);
  // Final consonant: C [့] ်, or C ္ (stack), or ဿ (= သ္သ); ဥ ် is a common typo for ဉ ်.
  if (i < n) {
    const char32_t c = cps[i];
    if (c == kGreatSa) {
      s.final = kLetterSa;
      s.stacked = true;
    } else if (IsConsonant(c) || c == kIndependentU) {
      size_t j = i + 1;
      bool creaky = false;
      if (j < n && cps[j] == kDotBelow) {
        creaky = true;
        ++j;
      }
      if (j < n && cps[j] == kAsat) {
        s.final = c == kIndependentU ? kLetterNya : c;
        s.creaky = s.creaky || creaky;
        i = j + 1;
        // Tones, repeated asat, and the virama of kinzi (င်္).
        while (i < n && (cps[i] == kDotBelow || cps[i] == kVisarga || cps[i] == kAsat ||
                         cps[i] == kVirama)) {
          ApplyMark(s, cps[i++]);
        }
      } else if (!creaky && IsConsonant(c) && j < n && cps[j] == kVirama) {
        s.final = c;
        s.stacked = true;
        i = j + 1;
      }
    }
  }
  s.end = i > pos ? i : pos + 1;
  return s;
}

// ---------------------------------------------------------------------------------------
// Rendering

enum class Vowel : uint8_t { kA, kAa, kI, kU, kE, kAi, kAw, kO };
enum class Final : uint8_t { kNone, kK, kC, kT, kP, kNg, kNya, kN, kM, kY };

Final FinalClass(char32_t c) {
  switch (c) {
    case 0:
      return Final::kNone;
    case 0x1000:  // က ခ ဂ ဃ
    case 0x1001:
    case 0x1002:
    case 0x1003:
      return Final::kK;
    case 0x1005:  // စ ဆ ဇ ဈ
    case 0x1006:
    case 0x1007:
    case 0x1008:
      return Final::kC;
    case 0x100B:  // ဋ ဌ ဍ ဎ တ ထ ဒ ဓ သ
    case 0x100C:
    case 0x100D:
    case 0x100E:
    case 0x1010:
    case 0x1011:
    case 0x1012:
    case 0x1013:
    case kLetterSa:
      return Final::kT;
    case 0x1015:  // ပ ဖ ဗ ဘ
    case 0x1016:
    case 0x1017:
    case 0x1018:
      return Final::kP;
    case kLetterNga:
    case kLetterNya:  // ဉ် is read like င်
      return Final::kNg;
    case 0x100A:  // ည
      return Final::kNya;
    case 0x100F:  // ဏ န
    case 0x1014:
      return Final::kN;
    case 0x1019:  // မ
      return Final::kM;
    case 0x101A:  // ယ
      return Final::kY;
    default:  // ရ လ ဝ ဟ ဠ and letters of other languages: silent (ဗိုလ် bo)
      return Final::kNone;
  }
}

bool IsNasal(Final f) { return f == Final::kNg || f == Final::kN || f == Final::kM; }

// Onsets of က..အ (U+1000-U+1021); အ is the vowel carrier.
constexpr std::array<std::string_view, 0x22> kOnsets = {
    "k",  "kh", "g", "g", "ng", "s",  "hs", "z", "z", "ny", "ny", "t", "ht", "d",  "d", "n", "t",
    "ht", "d",  "d", "n", "p",  "ph", "b",  "b", "m", "y",  "y",  "l", "w",  "th", "h", "l", ""};

std::string_view OnsetBase(char32_t c) {
  if (c >= 0x1000 && c <= 0x1021) return kOnsets[c - 0x1000];
  switch (c) {
    case kGreatSa:
    case 0x1065:  // Western Pwo Karen tha
    case 0x1080:  // Shan tha
      return "th";
    case 0x1050:  // Pali/Sanskrit sha
    case 0x1061:  // Sgaw Karen sha
      return "sh";
    case 0x1051:  // Pali/Sanskrit ssa
    case 0x1078:  // Shan ca
      return "s";
    case 0x105A:  // Mon nga
      return "ng";
    case 0x105B:  // Mon jha
      return "j";
    case 0x105C:  // Mon bba, bbe
    case 0x105D:
    case 0x107F:  // Shan ba
      return "b";
    case 0x1066:  // Western Pwo Karen pwa
      return "p";
    case 0x106E:  // Eastern Pwo Karen nna
    case 0x107C:  // Shan na
      return "n";
    case 0x106F:  // Eastern Pwo Karen ywa
      return "y";
    case 0x1070:  // Eastern Pwo Karen ghwa
    case 0x1077:  // Shan ga
      return "g";
    case 0x1075:  // Shan ka, kha
      return "k";
    case 0x1076:
      return "kh";
    case 0x1079:  // Shan za, nya, da
      return "z";
    case 0x107A:
      return "ny";
    case 0x107B:
      return "d";
    case 0x107D:  // Shan pha, fa; Rumai Palaung fa
      return "ph";
    case 0x107E:
    case 0x108E:
      return "f";
    case 0x1081:  // Shan ha
      return "h";
    default:
      return "";
  }
}

std::string Onset(const Syllable& s) {
  const char32_t c = s.onset;
  if (c == 0) return "";
  if (s.medial_y || s.medial_r) {
    switch (c) {
      case 0x1000:
        return "ky";
      case 0x1001:
        return "ch";
      case 0x1002:
      case 0x1003:
        return "gy";
      case 0x1004:
        return "ny";  // ငြိမ်း Nyein
      case 0x1015:
        return "py";
      case 0x1016:
        return "phy";
      case 0x1017:
      case 0x1018:
        return "by";
      case 0x1019:
        return s.medial_h ? "hmy" : "my";
      case 0x101C:
        return s.medial_h ? "sh" : "ly";  // လျှော် shaw
      case kLetterSa:
        return s.medial_h ? "sh" : "thy";  // သျှင် shin
      case 0x101A:
      case 0x101B:
        return "y";
      default:
        break;
    }
    std::string base(OnsetBase(c));
    if (!base.empty() && base.back() != 'y') base += 'y';
    return base;
  }
  if (s.medial_h) {
    switch (c) {
      case 0x1019:
        return "hm";
      case 0x1014:
      case 0x100F:
        return "hn";
      case 0x1004:
        return "hng";
      case 0x1009:
      case 0x100A:
        return "hny";
      case 0x101C:
      case 0x1020:
        return "hl";
      case 0x101D:
        return "wh";
      case 0x101A:
      case 0x101B:
        return "sh";
      default:
        break;
    }
  }
  return std::string(OnsetBase(c));
}

Vowel VowelOf(const Syllable& s) {
  switch (s.indep) {
    case 0x1023:
    case 0x1024:
    case 0x1052:
    case 0x1053:
    case 0x1054:
    case 0x1055:
      return Vowel::kI;
    case 0x1025:
    case 0x1026:
      return Vowel::kU;
    case 0x1027:
    case 0x1028:
      return Vowel::kE;
    case 0x1029:
    case 0x102A:
      return Vowel::kAw;
    case 0x1022:
      return Vowel::kA;
    default:
      break;
  }
  if (s.e && s.aa) return Vowel::kAw;
  if (s.i && (s.u || s.uu)) return Vowel::kO;
  if (s.e) return Vowel::kE;
  if (s.ai) return Vowel::kAi;
  if (s.i || s.ii) return Vowel::kI;
  if (s.u || s.uu) return Vowel::kU;
  if (s.aa) return Vowel::kAa;
  return Vowel::kA;
}

// Vowel + final in name spelling. `carrier`: no consonant onset (အ, independent vowel).
std::string Rhyme(const Syllable& s, Vowel v, Final f, bool carrier) {
  const bool w = s.medial_w;
  // ဝ onset reads like wa-hswe before n, m, t, p finals (ဝန် wun).
  const bool w_merge = w || s.onset == kLetterWa;
  const std::string wp = w ? "w" : "";
  if (v == Vowel::kAa && f != Final::kNone) v = Vowel::kA;  // ဉာဏ် nyan
  std::string r;
  switch (v) {
    case Vowel::kA:
    case Vowel::kAa:
      if (w_merge && (f == Final::kN || (f == Final::kM && !s.stacked))) {
        r = "un";
      } else if (w_merge && (f == Final::kT || f == Final::kP)) {
        r = "ut";
      } else if (w && f == Final::kY) {
        r = "we";  // ကုန်သွယ် thwe, နွယ် Nwe
      } else {
        switch (f) {
          case Final::kNone:
            r = v == Vowel::kAa ? "ar" : "a";
            break;
          case Final::kK:
            r = "et";
            break;
          case Final::kC:
            r = "it";
            break;
          case Final::kT:
          case Final::kP:
            r = "at";
            break;
          case Final::kNg:
            r = "in";
            break;
          case Final::kNya:
            r = s.creaky ? "ae" : "i";
            break;  // ပြည့် Pyae, ကြည် Kyi
          case Final::kN:
            r = "an";
            break;
          case Final::kM:
            r = s.stacked ? "am" : "an";
            break;
          case Final::kY:
            r = s.stacked ? "ay" : "al";
            break;  // ကြယ် Kyal
        }
        r = wp + r;
      }
      break;
    case Vowel::kI:
      switch (f) {
        case Final::kNone:
        case Final::kNya:
        case Final::kY:
          r = carrier && s.indep == 0 ? "ei" : "i";
          break;  // အိ Ei
        case Final::kK:
        case Final::kC:
        case Final::kT:
        case Final::kP:
          r = "eik";
          break;
        case Final::kNg:
        case Final::kN:
          r = "ein";
          break;
        case Final::kM:
          r = s.stacked ? "eim" : "ein";
          break;
      }
      r = wp + r;
      break;
    case Vowel::kU:
      switch (f) {
        case Final::kNone:
        case Final::kNya:
        case Final::kY:
          r = "u";
          break;
        case Final::kK:
        case Final::kC:
        case Final::kT:
        case Final::kP:
          r = "ok";
          break;
        case Final::kNg:
        case Final::kN:
        case Final::kM:
          r = f == Final::kM && s.stacked ? "om" : carrier ? "ohn" : "one";  // Kone, Ohn
          break;
      }
      r = wp + r;
      break;
    case Vowel::kE:
      r = w ? "we" : carrier ? "aye" : "ay";  // Shwe, Aye, Nay
      break;
    case Vowel::kAi:
      r = w ? "we" : "e";
      break;
    case Vowel::kAw:
      r = wp + (f == Final::kNg ? "aung" : f == Final::kK ? "auk" : "aw");
      break;
    case Vowel::kO:
      if (f == Final::kNg) {
        r = "aing";
      } else if (f == Final::kK) {
        r = "aik";
      } else {
        // High tone without y-medial: Soe, Moe, Toe; else Ko, Phyo, Myo, Po.
        const bool oe = s.visarga && !s.medial_y && !s.medial_r && !carrier;
        r = oe ? "oe" : "o";
      }
      r = wp + r;
      break;
  }
  // Creaky tone on a nasal final is written with t: Myint, Thant, Nyunt, Mont.
  if (s.creaky && IsNasal(f) && !s.stacked) {
    if (r.size() >= 3 && (r.ends_with("one") || r.ends_with("ohn"))) {
      r.replace(r.size() - 3, 3, "ont");
    } else if (r.ends_with('n')) {
      r += 't';
    }
  }
  return r;
}

// `name_initial`: no syllable of the same name (words joined by spaces) precedes this one.
std::string RenderSyllable(const Syllable& s, bool name_initial) {
  Final f = FinalClass(s.final);
  if (f == Final::kNone && s.anusvara) f = Final::kM;
  if (s.indep != 0 && f == Final::kNone) {
    switch (s.indep) {
      case 0x1023:
      case 0x1024:
        return "i";
      case kIndependentU:
        return "u";
      case kIndependentUu:
        return name_initial ? "u" : "oo";  // title U; Aung Kyaw Oo
      case 0x1027:
      case 0x1028:
        return "e";
      case 0x1029:
      case 0x102A:
        return "aw";
      case 0x1052:
      case 0x1053:
        return "ri";
      case 0x1054:
      case 0x1055:
        return "li";
      default:
        return "a";
    }
  }
  const bool carrier = s.onset == 0;
  const Vowel v = VowelOf(s);
  // Stray marks with no vowel to carry (a killed consonant, a lone tone): nothing to say.
  if (v == Vowel::kA && f == Final::kNone && s.indep == 0 && (s.asat || (carrier && !s.letter_a))) {
    return "";
  }
  return Onset(s) + Rhyme(s, v, f, carrier);
}

// Words whose conventional spelling the rules do not give (lexical voicing, vowel reduction,
// established place and name spellings). Keys are matched on whole syllables.
struct LexiconEntry {
  std::u32string_view key;
  std::array<std::string_view, 4> syllables;
  bool non_initial_only;  // only after another syllable of the name
};

constexpr LexiconEntry kLexicon[] = {
    {U"ရတနာ", {"ya", "da", "nar"}, false},
    {U"ရန်ကုန်", {"yan", "gon"}, false},
    {U"မန္တလေး", {"man", "da", "lay"}, false},
    {U"တပ်မတော်", {"tat", "ma", "daw"}, false},
    {U"ဧရာဝတီ", {"aye", "yar", "wa", "di"}, false},
    {U"ပုဂံ", {"ba", "gan"}, false},
    {U"ပုလဲ", {"pa", "le"}, false},
    {U"ဒဂုံ", {"da", "gon"}, false},
    {U"ပဲခူး", {"ba", "go"}, false},
    {U"စစ်ကိုင်း", {"sa", "gaing"}, false},
    {U"ရခိုင်", {"ra", "khine"}, false},
    {U"ဗိုလ်ချုပ်", {"bo", "gyoke"}, false},
    {U"သီရိ", {"thi", "ri"}, false},  // Pali siri, sura, suriya keep r
    {U"သိရိ", {"thi", "ri"}, false},
    {U"သူရ", {"thu", "ra"}, false},
    {U"သူရိယ", {"thu", "ri", "ya"}, false},
    {U"ထူး", {"htoo"}, false},
    {U"ဘုန်း", {"phone"}, false},
    {U"ခိုင်", {"khine"}, false},
    {U"ဝေ", {"wai"}, false},
    {U"မွန်", {"mon"}, false},
    {U"ငယ်", {"nge"}, false},
    {U"ကြီး", {"gyi"}, true},
};

// The lexicon entry covering word[at..at+k) for the largest k, or nullptr; sets `k`.
const LexiconEntry* LookUp(const std::vector<char32_t>& cps, const std::vector<Syllable>& word,
                           size_t at, bool name_initial, size_t& k) {
  const LexiconEntry* best = nullptr;
  k = 0;
  const size_t begin = word[at].begin;
  const size_t limit = word.back().end;
  for (const LexiconEntry& e : kLexicon) {
    if (e.non_initial_only && name_initial) continue;
    const size_t end = begin + e.key.size();
    if (end > limit) continue;
    if (std::u32string_view(cps.data() + begin, e.key.size()) != e.key) continue;
    for (size_t j = at; j < word.size() && word[j].end <= end; ++j) {
      if (word[j].end == end && j + 1 - at > k) {
        k = j + 1 - at;
        best = &e;
      }
    }
  }
  return best;
}

bool IsWordByte(char c) {
  const auto b = static_cast<unsigned char>(c);
  return b >= 0x80 || (b >= '0' && b <= '9') || (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z');
}

bool IsSpace(char32_t c) {
  return c == U' ' || c == U'\t' || c == U'\n' || c == U'\r' || c == U'\f' || c == U'\v' ||
         c == 0xA0 || c == 0x3000 || (c >= 0x2000 && c <= 0x200B);
}

class Romanizer {
 public:
  explicit Romanizer(std::string_view utf8) : cps_(DecodeUtf8(utf8)) {
    out_.reserve(utf8.size() + utf8.size() / 2);
  }

  std::string Run() {
    const size_t n = cps_.size();
    size_t i = 0;
    while (i < n) {
      const char32_t c = cps_[i];
      if (!IsMyanmar(c)) {
        FlushWord();
        if (last_syllable_ && !IsSpace(c) && (c >= 0x80 || IsWordByte(static_cast<char>(c)))) {
          out_ += ' ';
        }
        util::AppendUtf8(out_, c);
        last_syllable_ = false;
        if (!IsSpace(c)) name_initial_ = true;
        ++i;
      } else if (DigitValue(c) >= 0) {
        FlushWord();
        if (last_syllable_) out_ += ' ';
        for (; i < n && DigitValue(cps_[i]) >= 0; ++i) {
          out_ += static_cast<char>('0' + DigitValue(cps_[i]));
        }
        last_syllable_ = false;
        name_initial_ = true;
      } else if (IsStandalone(c)) {
        FlushWord();
        i = EmitStandalone(i);
      } else {
        Syllable s = ParseSyllable(cps_, i);
        i = s.end;
        word_.push_back(s);
      }
    }
    FlushWord();
    return std::move(out_);
  }

 private:
  void EmitSyllable(std::string_view text) {
    if (text.empty()) return;
    if (!out_.empty() && IsWordByte(out_.back())) out_ += ' ';
    out_ += text;
    last_syllable_ = true;
    name_initial_ = false;
  }

  void FlushWord() {
    for (size_t at = 0; at < word_.size();) {
      size_t k = 0;
      if (const LexiconEntry* e = LookUp(cps_, word_, at, name_initial_, k)) {
        for (std::string_view syl : e->syllables) EmitSyllable(syl);
        at += k;
      } else {
        EmitSyllable(RenderSyllable(word_[at], name_initial_));
        ++at;
      }
    }
    word_.clear();
  }

  // Punctuation and abbreviation symbols; returns the index after them.
  size_t EmitStandalone(size_t i) {
    switch (cps_[i]) {
      case 0x104A:  // ၊ section
        out_ += ',';
        break;
      case 0x104B:  // ။ section end
        out_ += '.';
        break;
      case 0x104C:  // ၌ locative
        EmitSyllable("hnaik");
        break;
      case 0x104D:  // ၍ completed
        EmitSyllable("ywe");
        break;
      case 0x104E:  // ၎ "aforementioned", written ၎င်း
        EmitSyllable("la");
        if (i + 2 < cps_.size() && cps_[i + 1] == kLetterNga && cps_[i + 2] == kAsat) {
          EmitSyllable("kaung");
          i += 2;
          while (i + 1 < cps_.size() && (cps_[i + 1] == kVisarga || cps_[i + 1] == kDotBelow)) ++i;
        }
        break;
      case 0x104F:  // ၏ genitive
        EmitSyllable("i");
        break;
      default:  // Shan symbols
        break;
    }
    if (cps_[i] == 0x104A || cps_[i] == 0x104B) {
      last_syllable_ = false;
      name_initial_ = true;
    }
    return i + 1;
  }

  std::vector<char32_t> cps_;
  std::vector<Syllable> word_;
  std::string out_;
  bool last_syllable_ = false;  // the output ends with a romanized syllable
  bool name_initial_ = true;    // no syllable of the current name emitted yet
};

}  // namespace

std::string RomanizeMyanmar(std::string_view utf8) { return Romanizer(utf8).Run(); }

}  // namespace tamiz::text
