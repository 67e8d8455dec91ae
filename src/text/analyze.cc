#include "text/analyze.h"

#include <unicode/utf8.h>

#include <algorithm>
#include <array>

#include "text/phonetic.h"
#include "text/tables.h"
#include "text/tokenize.h"

namespace tamiz::text {

namespace {

constexpr float kParticleFactor = 0.3f;
constexpr float kGenericFactor = 0.45f;
constexpr float kAnnotationFactor = 0.3f;
constexpr float kInitialFactor = 0.5f;
constexpr float kPatronymicFactor = 0.35f;
constexpr size_t kMaxTokens = 24;

bool IsDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

int32_t RomanValue(std::string_view s) {
  static constexpr std::array<std::string_view, 30> kRoman = {
      "i",   "ii",   "iii",   "iv",   "v",   "vi",   "vii",   "viii",   "ix",   "x",
      "xi",  "xii",  "xiii",  "xiv",  "xv",  "xvi",  "xvii",  "xviii",  "xix",  "xx",
      "xxi", "xxii", "xxiii", "xxiv", "xxv", "xxvi", "xxvii", "xxviii", "xxix", "xxx"};
  for (size_t i = 0; i < kRoman.size(); ++i) {
    if (kRoman[i] == s) return static_cast<int32_t>(i + 1);
  }
  return -1;
}

int32_t WordValue(std::string_view s) {
  static constexpr std::array<std::string_view, 20> kWords = {
      "one",     "two",     "three",     "four",     "five",     "six",      "seven",
      "eight",   "nine",    "ten",       "eleven",   "twelve",   "thirteen", "fourteen",
      "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"};
  for (size_t i = 0; i < kWords.size(); ++i) {
    if (kWords[i] == s) return static_cast<int32_t>(i + 1);
  }
  return -1;
}

// Joins tokens [b, e) with single spaces.
std::string Join(const std::vector<RawToken>& t, size_t b, size_t e) {
  std::string s;
  for (size_t i = b; i < e; ++i) {
    if (i > b) s.push_back(' ');
    s += t[i].text;
  }
  return s;
}

// Length of the longest phrase of `map` starting at token i (within [i, end)), 0 if none.
template <typename Map>
size_t PhraseAt(const std::vector<RawToken>& t, size_t i, size_t end, const Map& map,
                size_t max_tokens) {
  for (size_t n = std::min(max_tokens, end - i); n >= 1; --n) {
    if (map.count(Join(t, i, i + n)) > 0) return n;
  }
  return 0;
}

// Length of the longest phrase of `map` ending at token end-1 (within [begin, end)).
template <typename Map>
size_t PhraseEndingAt(const std::vector<RawToken>& t, size_t begin, size_t end, const Map& map,
                      size_t max_tokens) {
  for (size_t n = std::min(max_tokens, end - begin); n >= 1; --n) {
    if (map.count(Join(t, end - n, end)) > 0) return n;
  }
  return 0;
}

// East Slavic and Turkic patronymics (BGN/PCGN romanizations): "-ovich", "-evna", "ogly".
bool IsPatronymic(std::string_view s) {
  static constexpr std::array<std::string_view, 10> kSuffixes = {
      "ovich", "evich", "ovych", "evych", "ovna", "evna", "ichna", "ogly", "oglu", "kyzy"};
  if (s.size() < 7 && s != "ogly" && s != "oglu" && s != "kyzy") return false;
  for (auto suf : kSuffixes) {
    if (s.size() >= suf.size() && s.substr(s.size() - suf.size()) == suf) return true;
  }
  return false;
}

bool IsLetters(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < 'a' || c > 'z') return false;
  }
  return true;
}

// A word that, written with a dot, abbreviates a longer one ("ind.", "comm."): 3 to 8 letters.
bool IsTruncation(std::string_view s) { return s.size() >= 3 && s.size() <= 8 && IsLetters(s); }

// Raw tokens i and i+1 are a contraction "f.lli", "sig.ra": a short dotted head with a short
// ending written right after the dot (Italian, Spanish, Portuguese business usage).
bool IsContraction(const std::vector<RawToken>& raw, const std::vector<bool>& drop, size_t i) {
  if (i + 1 >= raw.size() || drop[i + 1] || !raw[i].dotted || raw[i + 1].dotted) return false;
  const RawToken& head = raw[i];
  const RawToken& tail = raw[i + 1];
  return !tail.space_before && !tail.break_before && head.text.size() <= 4 &&
         tail.text.size() >= 2 && tail.text.size() <= 4 && IsLetters(head.text) &&
         IsLetters(tail.text);
}

bool IsConnector(std::string_view s) {
  return s == "and" || s == "et" || s == "e" || s == "y" || s == "und" || s == "i" || s == "ve" ||
         s == "u";
}

}  // namespace

TokenSketch SketchToken(const Token& t) {
  auto saturate = [](size_t n) { return static_cast<uint8_t>(std::min<size_t>(n, 255)); };
  TokenSketch s;
  s.letters = t.letters;
  s.key_letters = t.key_letters;
  s.skel_letters = CountLetters(t.skel);
  s.groups[0] = t.groups[0];
  s.groups[1] = t.groups[1];
  s.flags = t.flags;
  s.length = saturate(t.text.size());
  s.key_length = saturate(t.key.size());
  s.skel_length = saturate(t.skel.size());
  s.first = t.text.empty() ? '\0' : t.text[0];
  s.abbrev = !t.abbrev.empty();
  return s;
}

bool Abbreviates(std::string_view abbrev, std::string_view word) {
  const size_t dot = abbrev.find('.');
  if (dot == std::string_view::npos) {
    return abbrev.size() >= 3 && word.size() >= abbrev.size() + 2 && word.starts_with(abbrev);
  }
  const std::string_view head = abbrev.substr(0, dot), tail = abbrev.substr(dot + 1);
  return word.size() > head.size() + tail.size() && word.starts_with(head) && word.ends_with(tail);
}

int32_t NumberValue(std::string_view token, bool allow_single_roman) {
  if (IsDigits(token)) {
    if (token.size() > 9) return 999999999;
    int32_t v = 0;
    for (char c : token) v = v * 10 + (c - '0');
    return v;
  }
  if (token.size() == 1 && !allow_single_roman) return -1;
  if (int32_t r = RomanValue(token); r > 0) return r;
  return WordValue(token);
}

std::vector<std::string> NameVariants(std::string_view name) {
  std::vector<std::string> out{std::string(name)};
  std::string lower(name);
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  static constexpr std::array<std::string_view, 8> kMarkers = {
      "(ex-", "(ex ", "(a.k.a.", "(f.k.a.", "(aka ", "(fka ", "(formerly ", "(f/k/a "};
  for (auto m : kMarkers) {
    size_t p = lower.find(m);
    if (p == std::string::npos) continue;
    size_t close = lower.find(')', p);
    size_t end = close == std::string::npos ? name.size() : close;
    std::string main = std::string(name.substr(0, p));
    if (close != std::string::npos) main += std::string(name.substr(close + 1));
    std::string alias(name.substr(p + m.size(), end - p - m.size()));
    if (!main.empty()) out.push_back(main);
    if (!alias.empty()) out.push_back(alias);
    break;
  }
  return out;
}

namespace {

// AnalyzeName after folding and tokenizing (done once for several types).
AnalyzedName AnalyzeTokens(std::vector<RawToken> raw, Script script, NameType type) {
  const Tables& tab = GetTables();
  AnalyzedName out;
  out.type = type;
  out.script = script;
  if (raw.size() > kMaxTokens) raw.resize(kMaxTokens);

  // Payment-message labels: "BENEFICIARY: X", "FIELD 59: X".
  for (size_t i = 0; i < raw.size() && i < 3; ++i) {
    if (raw[i].colon_after && i + 1 < raw.size()) {
      raw.erase(raw.begin(), raw.begin() + static_cast<std::ptrdiff_t>(i + 1));
      raw.front().break_before = false;
      break;
    }
  }
  // Arabic script: the article is written attached ("alysmy").
  if (IsAbjad(out.script)) {
    std::vector<RawToken> split;
    for (auto& t : raw) {
      if (t.text.size() > 4 && (t.text.rfind("al", 0) == 0 || t.text.rfind("el", 0) == 0)) {
        RawToken a = t;
        a.text = t.text.substr(0, 2);
        t.text = t.text.substr(2);
        t.break_before = false;
        split.push_back(std::move(a));
      }
      split.push_back(std::move(t));
    }
    raw = std::move(split);
  }

  std::vector<bool> drop(raw.size(), false);
  std::vector<std::string> legal;  // class per stripped legal form (last first)
  std::vector<std::string> legal_phrase;
  auto live_end = [&](size_t end) {
    while (end > 0 && drop[end - 1]) --end;
    return end;
  };
  auto live_count = [&] {
    size_t n = 0;
    for (bool d : drop) n += d ? 0 : 1;
    return n;
  };

  if (type == NameType::kPerson) {
    // Honorifics at either end (repeatedly), keeping at least one token.
    for (size_t i = 0; i < raw.size() && live_count() > 1; ++i) {
      if (tab.honorifics.count(raw[i].text) == 0) break;
      drop[i] = true;
    }
    for (size_t i = raw.size(); i > 0 && live_count() > 1; --i) {
      if (drop[i - 1]) continue;
      if (tab.honorifics.count(raw[i - 1].text) == 0 || raw[i - 1].text.size() < 2) break;
      drop[i - 1] = true;
    }
  } else {
    // "Messrs." / "M/s." before a firm name.
    if (type == NameType::kOrganization && raw.size() > 1 &&
        (raw[0].text == "messrs" || raw[0].text == "ms")) {
      drop[0] = true;
    }
    // A voyage number after a ship's name ("V.214W", "VOY 12": the trip, not the ship), as
    // bills of lading and payment messages write it. ("Voyage 2000" may be a firm's name.)
    for (size_t i = 1; i + 1 < raw.size(); ++i) {
      const std::string& v = raw[i].text;
      const bool marker = (v == "v" && raw[i].dotted) || v == "voy";
      if (!marker || !IsDigits(raw[i + 1].text) || raw[i + 1].break_before) continue;
      drop[i] = drop[i + 1] = true;
      // A direction letter written right after the number ("214W", "031E").
      if (i + 2 < raw.size() && !raw[i + 2].space_before && raw[i + 2].text.size() == 1 &&
          std::string_view("nsew").find(raw[i + 2].text[0]) != std::string_view::npos) {
        drop[i + 2] = true;
      }
    }
    // Vessel prefixes at the start.
    {
      size_t n = PhraseAt(raw, 0, raw.size(), tab.vessel_prefixes, tab.vessel_prefix_max_tokens);
      if (n > 0 && n + (type == NameType::kVessel ? 0 : 1) < raw.size()) {
        for (size_t k = 0; k < n; ++k) drop[k] = true;
      }
    }
    // Legal forms: at the start, and at the end of every segment (before a break).
    size_t first = 0;
    while (first < raw.size() && drop[first]) ++first;
    if (size_t n = PhraseAt(raw, first, raw.size(), tab.legal_forms, tab.legal_form_max_tokens);
        n > 0 && n + first < raw.size()) {
      legal.push_back(tab.legal_forms.at(Join(raw, first, first + n)));
      legal_phrase.push_back(Join(raw, first, first + n));
      for (size_t k = first; k < first + n; ++k) drop[k] = true;
    }
    for (size_t seg_end = raw.size(); seg_end > 0;) {
      size_t seg_begin = seg_end - 1;
      while (seg_begin > 0 && !raw[seg_begin].break_before) --seg_begin;
      // Strip repeatedly from the end of this segment.
      size_t end = seg_end;
      while (true) {
        size_t e = live_end(end);
        if (e <= seg_begin) break;
        size_t n = PhraseEndingAt(raw, seg_begin, e, tab.legal_forms, tab.legal_form_max_tokens);
        if (n == 0 || live_count() <= n) break;
        legal.push_back(tab.legal_forms.at(Join(raw, e - n, e)));
        legal_phrase.push_back(Join(raw, e - n, e));
        for (size_t k = e - n; k < e; ++k) drop[k] = true;
        end = e - n;
      }
      seg_end = seg_begin;
    }
  }
  if (legal.size() >= 2) {
    // "Co., Ltd.": a form written across a comma is one form ("co ltd"), not two.
    std::string joined = legal_phrase.back() + " " + legal_phrase[legal_phrase.size() - 2];
    if (auto it = tab.legal_forms.find(joined); it != tab.legal_forms.end()) {
      legal.pop_back();
      legal_phrase.pop_back();
      legal.back() = it->second;
      legal_phrase.back() = std::move(joined);
    }
  }
  if (!legal.empty()) {
    out.legal_class = legal.back();
    if (auto it = tab.legal_form_jurisdictions.find(legal_phrase.back());
        it != tab.legal_form_jurisdictions.end()) {
      out.legal_jurisdiction = it->second;
      const auto& j = it->second;
      const bool generic = j.find("US") != std::string::npos || j.find("GB") != std::string::npos ||
                           j.find("common") != std::string::npos ||
                           j.find("English") != std::string::npos ||
                           j.find("various") != std::string::npos;
      out.legal_native = !generic;
    }
  }

  // Build tokens, expanding abbreviations (organizations) and marking roles.
  size_t main_tokens = 0;
  std::string joined;  // AnalyzedName::joined_with_connectors
  bool connector_dropped = false;
  bool annotation = false;
  for (size_t i = 0; i < raw.size(); ++i) {
    if (drop[i]) continue;
    const RawToken& r = raw[i];
    const size_t first_raw = i;  // raw tokens first_raw..i make this step's tokens
    if (r.break_before && main_tokens >= 1 && type != NameType::kPerson) annotation = true;
    if (r.in_parens && main_tokens >= 1 && type != NameType::kPerson) annotation = true;
    std::vector<std::string> texts;
    std::string abbrev;          // Token::abbrev of a single resulting token
    uint32_t trade_concept = 0;  // trade-word concept of a phrase
    if (type != NameType::kPerson) {
      size_t n = 0;
      if (i + 1 < raw.size() && tab.trade_phrase_heads.count(r.text) > 0) {
        n = PhraseAt(raw, i, raw.size(), tab.trade_words, tab.trade_word_max_tokens);
      }
      if (n >= 2) {
        // A trade word of several tokens ("fresh produce", pinyin "yuan yang") is one token.
        std::string phrase = Join(raw, i, i + n);
        trade_concept = tab.trade_words.at(phrase);
        std::erase(phrase, ' ');
        texts.push_back(std::move(phrase));
        i += n - 1;
      } else if (IsContraction(raw, drop, i)) {
        abbrev = raw[i].text + "." + raw[i + 1].text;
        texts.push_back(raw[i].text + raw[i + 1].text);
        ++i;
      }
    }
    if (texts.empty() && type == NameType::kOrganization) {
      size_t n = PhraseAt(raw, i, raw.size(), tab.abbreviations, tab.abbreviation_max_tokens);
      if (n > 0) {
        texts = tab.abbreviations.at(Join(raw, i, i + n));
        if (n == 1 && texts.size() == 1 && IsTruncation(r.text)) abbrev = r.text;
        i += n - 1;
      }
    }
    if (texts.empty()) {
      texts.push_back(r.text);
      // "IND." written with a dot and followed by a space (or nothing): a truncation.
      const bool spaced_after =
          i + 1 == raw.size() || raw[i + 1].space_before || raw[i + 1].break_before;
      if (type != NameType::kPerson && r.dotted && spaced_after && IsTruncation(r.text)) {
        abbrev = r.text;
      }
    }
    if (texts.size() != 1) abbrev.clear();
    for (auto& text : texts) {
      Token t;
      t.text = std::move(text);
      if (type != NameType::kPerson && IsConnector(t.text)) {
        connector_dropped |= !annotation;
        continue;
      }
      if (type == NameType::kVessel && t.text == "no" && i + 1 < raw.size() &&
          IsDigits(raw[i + 1].text)) {
        continue;
      }
      bool last = i + 1 == raw.size();
      int32_t num = NumberValue(t.text, type != NameType::kPerson && last && main_tokens > 0);
      if (num >= 0 && (type != NameType::kPerson || IsDigits(t.text))) {
        t.flags |= kNumber;
        t.number = num;
      }
      if (tab.particles.count(t.text) > 0) {
        t.flags |= kParticle;
        t.factor *= kParticleFactor;
      }
      if (type != NameType::kPerson && tab.generic_words.count(t.text) > 0) {
        t.flags |= kGeneric;
        t.factor *= kGenericFactor;
      }
      if (type != NameType::kPerson && tab.country_words.count(t.text) > 0) {
        t.flags |= kCountry;
      }
      if (type == NameType::kPerson && IsPatronymic(t.text)) {
        t.flags |= kPatronymic;
        t.factor *= kPatronymicFactor;
      }
      if (t.text.size() == 1 && (t.flags & kNumber) == 0) {
        t.flags |= kInitial;
        t.factor *= kInitialFactor;
      }
      if (annotation && (t.flags & kCountry) == 0) {
        t.flags |= kAnnotation;
        t.factor *= kAnnotationFactor;
      }
      if (IsAbjad(out.script)) t.flags |= kAbjad;
      size_t groups = 0;
      if (type != NameType::kPerson) {
        uint32_t c = trade_concept;
        if (c == 0) {
          if (auto it = tab.trade_words.find(t.text); it != tab.trade_words.end()) c = it->second;
        }
        if (c != 0) t.groups[groups++] = kConceptGroup | c;
      }
      if (auto it = tab.given_name_groups.find(t.text); it != tab.given_name_groups.end()) {
        for (size_t g = 0; g < it->second.size() && groups < 2; ++g) {
          t.groups[groups++] = it->second[g];
        }
      }
      t.abbrev = abbrev;
      t.key = PhoneticKey(t.text);
      t.skel = ConsonantSkeleton(t.text);
      t.letters = CountLetters(t.text);
      t.key_letters = CountLetters(t.key);
      out.tokens.push_back(std::move(t));
    }
    if (type != NameType::kPerson && !annotation) {
      for (size_t k = first_raw; k <= i; ++k) joined += raw[k].text;
    }
    if (!annotation) ++main_tokens;
  }
  if (connector_dropped) out.joined_with_connectors = std::move(joined);
  // A name made only of low-weight words still needs full-weight tokens to be comparable.
  bool any_full = false;
  for (const auto& t : out.tokens) any_full |= t.factor >= 0.99f;
  if (!any_full) {
    for (auto& t : out.tokens) {
      if ((t.flags & kAnnotation) == 0) t.factor = std::max(t.factor, 0.8f);
    }
  }
  return out;
}

}  // namespace

namespace {

// Code points of UTF-8 `s` with their byte offsets (invalid bytes are skipped).
struct CodePoint {
  UChar32 c;
  size_t begin, end;
};
std::vector<CodePoint> CodePoints(std::string_view s) {
  std::vector<CodePoint> out;
  int32_t i = 0;
  const auto len = static_cast<int32_t>(s.size());
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  while (i < len) {
    const int32_t begin = i;
    UChar32 c;
    U8_NEXT(p, i, len, c);
    if (c >= 0) out.push_back({c, static_cast<size_t>(begin), static_cast<size_t>(i)});
  }
  return out;
}

// Value of a CJK digit (〇 零 一 .. 九), -1 otherwise; multipliers 十 百 千 give 10/100/1000
// through CjkMultiplier.
int CjkDigit(UChar32 c) {
  switch (c) {
    case 0x3007:  // 〇
    case 0x96F6:  // 零
      return 0;
    case 0x4E00:
      return 1;  // 一
    case 0x4E8C:
      return 2;  // 二
    case 0x4E24:
      return 2;  // 两
    case 0x5169:
      return 2;  // 兩
    case 0x4E09:
      return 3;  // 三
    case 0x56DB:
      return 4;  // 四
    case 0x4E94:
      return 5;  // 五
    case 0x516D:
      return 6;  // 六
    case 0x4E03:
      return 7;  // 七
    case 0x516B:
      return 8;  // 八
    case 0x4E5D:
      return 9;  // 九
    default:
      return -1;
  }
}
int CjkMultiplier(UChar32 c) {
  switch (c) {
    case 0x5341:
      return 10;  // 十
    case 0x767E:
      return 100;  // 百
    case 0x5343:
      return 1000;  // 千
    default:
      return 0;
  }
}

// Value of the CJK numeral cp[b, e): positional digits ("二〇一八") or with multipliers
// ("十八", "二百五"); -1 when it is not one.
int64_t CjkNumber(const std::vector<CodePoint>& cp, size_t b, size_t e) {
  bool multiplied = false;
  for (size_t k = b; k < e; ++k) multiplied |= CjkMultiplier(cp[k].c) != 0;
  int64_t total = 0, digit = -1;
  for (size_t k = b; k < e; ++k) {
    if (int d = CjkDigit(cp[k].c); d >= 0) {
      digit = multiplied ? d : std::max<int64_t>(digit, 0) * 10 + d;
      if (digit > 99999999) return -1;
    } else {
      total += (digit < 0 ? 1 : digit) * CjkMultiplier(cp[k].c);
      digit = -1;
    }
  }
  return total + std::max<int64_t>(digit, 0);
}

// Han and kana: an ordinal "第八" (dai-hachi, the 8th: Japanese fishing vessels, Chinese
// ship and company names) or a numbered "八号" becomes the number, which the matcher then
// compares as a number ("第八星風丸" is not "第十八星風丸").
std::string CjkOrdinalsToDigits(std::string_view s) {
  const std::vector<CodePoint> cp = CodePoints(s);
  std::string out;
  size_t copied = 0;  // bytes of `s` already in `out`
  for (size_t k = 0; k < cp.size(); ++k) {
    const bool ordinal = cp[k].c == 0x7B2C;  // 第
    const size_t b = ordinal ? k + 1 : k;
    size_t e = b;
    while (e < cp.size() && (CjkDigit(cp[e].c) >= 0 || CjkMultiplier(cp[e].c) != 0)) ++e;
    if (e == b) continue;
    const bool numbered = e < cp.size() && (cp[e].c == 0x53F7 || cp[e].c == 0x865F);  // 号 號
    if (!ordinal && !numbered) {
      k = e - 1;
      continue;
    }
    const int64_t v = CjkNumber(cp, b, e);
    if (v < 0) continue;
    out.append(s, copied, cp[k].begin - copied);
    out += ' ' + std::to_string(v) + ' ';
    copied = numbered ? cp[e].end : cp[e - 1].end;
    k = numbered ? e : e - 1;
  }
  if (copied == 0) return std::string(s);
  out.append(s, copied, std::string_view::npos);
  return out;
}

// Scripts without spaces between words: the trade words of data/tables/trade_words.tsv are
// set apart by spaces (longest first, left to right), so "새벽별물류" romanizes to two words.
std::string SeparateNativeWords(std::string_view s) {
  const Tables& tab = GetTables();
  if (tab.native_words.empty()) return std::string(s);
  const std::vector<CodePoint> cp = CodePoints(s);
  std::string out;
  size_t copied = 0;
  for (size_t k = 0; k < cp.size();) {
    size_t end = 0;  // the byte after the longest trade word at cp[k]; 0: none
    if (auto it = tab.native_words.find(static_cast<uint32_t>(cp[k].c));
        it != tab.native_words.end()) {
      const std::string_view rest = s.substr(cp[k].begin);
      for (const std::string& word : it->second) {  // longest first
        if (rest.starts_with(word)) {
          end = cp[k].begin + word.size();
          break;
        }
      }
    }
    if (end == 0) {
      ++k;
      continue;
    }
    out.append(s, copied, cp[k].begin - copied);
    out.push_back(' ');
    out.append(s, cp[k].begin, end - cp[k].begin);
    out.push_back(' ');
    copied = end;
    // A word is valid UTF-8, so its end is where a code point of `s` begins.
    while (k < cp.size() && cp[k].begin < end) ++k;
  }
  if (copied == 0 && out.empty()) return std::string(s);
  out.append(s, copied, std::string_view::npos);
  return out;
}

// The steps before folding that depend on the script.
std::string PrepareNative(std::string_view name, Script script) {
  if (!WritesWithoutSpaces(script)) return std::string(name);
  if (script == Script::kHan || script == Script::kKana) {
    return SeparateNativeWords(CjkOrdinalsToDigits(name));
  }
  return SeparateNativeWords(name);
}

}  // namespace

AnalyzedName AnalyzeName(std::string_view name, NameType type) {
  const Script script = DetectScript(name);
  return AnalyzeTokens(TokenizeFolded(FoldToAscii(PrepareNative(name, script))), script, type);
}

std::vector<AnalyzedName> AnalyzeNameAs(std::string_view name, std::span<const NameType> types) {
  std::vector<AnalyzedName> out;
  if (types.empty()) return out;
  const Script script = DetectScript(name);
  const std::vector<RawToken> raw = TokenizeFolded(FoldToAscii(PrepareNative(name, script)));
  out.reserve(types.size());
  for (NameType type : types) out.push_back(AnalyzeTokens(raw, script, type));
  return out;
}

}  // namespace tamiz::text
