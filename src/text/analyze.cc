#include "text/analyze.h"

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

bool IsConnector(std::string_view s) {
  return s == "and" || s == "et" || s == "e" || s == "y" || s == "und" || s == "i" || s == "ve" ||
         s == "u";
}

}  // namespace

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
  bool annotation = false;
  for (size_t i = 0; i < raw.size(); ++i) {
    if (drop[i]) continue;
    const RawToken& r = raw[i];
    if (r.break_before && main_tokens >= 1 && type != NameType::kPerson) annotation = true;
    if (r.in_parens && main_tokens >= 1 && type != NameType::kPerson) annotation = true;
    std::vector<std::string> texts;
    if (type == NameType::kOrganization) {
      size_t n = PhraseAt(raw, i, raw.size(), tab.abbreviations, tab.abbreviation_max_tokens);
      if (n > 0) {
        texts = tab.abbreviations.at(Join(raw, i, i + n));
        i += n - 1;
      }
    }
    if (texts.empty()) texts.push_back(r.text);
    for (auto& text : texts) {
      Token t;
      t.text = std::move(text);
      if (type != NameType::kPerson && IsConnector(t.text)) continue;
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
      if (auto it = tab.given_name_groups.find(t.text); it != tab.given_name_groups.end()) {
        for (size_t g = 0; g < it->second.size() && g < 2; ++g) t.groups[g] = it->second[g];
      }
      t.key = PhoneticKey(t.text);
      t.skel = ConsonantSkeleton(t.text);
      t.mask = LetterMask(t.text);
      t.key_mask = LetterMask(t.key);
      out.tokens.push_back(std::move(t));
    }
    if (!annotation) ++main_tokens;
  }
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

AnalyzedName AnalyzeName(std::string_view name, NameType type) {
  return AnalyzeTokens(TokenizeFolded(FoldToAscii(name)), DetectScript(name), type);
}

std::vector<AnalyzedName> AnalyzeNameAs(std::string_view name, std::span<const NameType> types) {
  std::vector<AnalyzedName> out;
  if (types.empty()) return out;
  const Script script = DetectScript(name);
  const std::vector<RawToken> raw = TokenizeFolded(FoldToAscii(name));
  out.reserve(types.size());
  for (NameType type : types) out.push_back(AnalyzeTokens(raw, script, type));
  return out;
}

}  // namespace tamiz::text
