#include "text/tables.h"

#include <unicode/utf8.h>

#include <algorithm>

#include "text/tokenize.h"
#include "text/transliterate.h"
#include "util/embedded.h"

namespace tamiz::text {

namespace {

// Lines of an embedded table without comments and blank lines.
std::vector<std::string_view> Lines(std::string_view name) {
  std::string_view data = util::EmbeddedFile(name);
  std::vector<std::string_view> out;
  size_t pos = 0;
  while (pos < data.size()) {
    size_t end = data.find('\n', pos);
    if (end == std::string_view::npos) end = data.size();
    std::string_view line = data.substr(pos, end - pos);
    pos = end + 1;
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    out.push_back(line);
  }
  return out;
}

std::vector<std::string_view> Split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t pos = 0;
  while (true) {
    size_t end = s.find(sep, pos);
    out.push_back(s.substr(pos, end == std::string_view::npos ? s.size() - pos : end - pos));
    if (end == std::string_view::npos) break;
    pos = end + 1;
  }
  return out;
}

// Whether `form` is one word of a script that puts no spaces between words.
bool WrittenWithoutSpaces(std::string_view form) {
  return form.find(' ') == std::string_view::npos && WritesWithoutSpaces(DetectScript(form));
}

size_t CountTokens(const std::string& phrase) {
  return phrase.empty() ? 0
                        : static_cast<size_t>(std::count(phrase.begin(), phrase.end(), ' ')) + 1;
}

Tables Load() {
  Tables t;
  std::vector<std::string_view> legal_lines = Lines("tables/legal_forms.tsv");
  for (auto line : Lines("tables/legal_forms_spelled_out.tsv")) legal_lines.push_back(line);
  for (auto line : legal_lines) {
    auto f = Split(line, '\t');
    if (f.size() < 2) continue;
    std::string p = NormalizePhrase(f[0]);
    if (p.empty()) continue;
    t.legal_form_max_tokens = std::max(t.legal_form_max_tokens, CountTokens(p));
    t.legal_forms.emplace(p, std::string(f[1]));
    if (f.size() >= 3) t.legal_form_jurisdictions.emplace(p, std::string(f[2]));
  }
  for (auto line : Lines("tables/org_abbreviations.tsv")) {
    auto f = Split(line, '\t');
    if (f.size() < 2) continue;
    std::string p = NormalizePhrase(f[0]);
    if (p.empty()) continue;
    t.abbreviation_max_tokens = std::max(t.abbreviation_max_tokens, CountTokens(p));
    t.abbreviations.emplace(p, TokenTexts(FoldToAscii(f[1])));
  }
  for (auto line : Lines("tables/org_generic_words.txt")) {
    for (auto& w : TokenTexts(FoldToAscii(line))) t.generic_words.insert(w);
  }
  for (auto line : Lines("tables/honorifics.txt")) {
    std::string p = NormalizePhrase(line);
    if (!p.empty()) t.honorifics.insert(p);
  }
  for (auto line : Lines("tables/name_particles.txt")) {
    std::string p = NormalizePhrase(line);
    if (!p.empty()) t.particles.insert(p);
  }
  for (auto line : Lines("tables/vessel_prefixes.txt")) {
    std::string p = NormalizePhrase(line);
    if (p.empty()) continue;
    t.vessel_prefix_max_tokens = std::max(t.vessel_prefix_max_tokens, CountTokens(p));
    t.vessel_prefixes.emplace(p, "");
  }
  uint32_t group = 0;
  for (auto line : Lines("tables/given_name_equivalents.tsv")) {
    ++group;
    for (auto name : Split(line, ',')) {
      std::string p = NormalizePhrase(name);
      if (p.empty() || p.find(' ') != std::string::npos) continue;
      auto& ids = t.given_name_groups[p];
      if (std::find(ids.begin(), ids.end(), group) == ids.end()) ids.push_back(group);
    }
  }
  for (auto line : Lines("tables/countries.tsv")) {
    auto f = Split(line, '\t');
    if (f.size() < 3) continue;
    std::string iso2 = NormalizePhrase(f[0]);
    if (iso2.size() != 2) continue;
    t.countries.emplace(iso2, iso2);
    t.countries.emplace(NormalizePhrase(f[1]), iso2);
    bool first = true;
    for (auto n : Split(f[2], '|')) {
      std::string p = NormalizePhrase(n);
      if (p.empty()) continue;
      if (first) t.iso2_names.emplace(iso2, p);
      first = false;
      t.country_max_tokens = std::max(t.country_max_tokens, CountTokens(p));
      t.countries.emplace(p, iso2);
      if (p.find(' ') == std::string::npos) t.country_words.insert(p);
    }
  }
  std::unordered_map<std::string, uint32_t> concepts;
  for (auto line : Lines("tables/trade_words.tsv")) {
    auto f = Split(line, '\t');
    if (f.size() != 2 || f[0].empty()) continue;
    std::string p = NormalizePhrase(f[1]);
    if (p.empty()) continue;
    auto [it, added] =
        concepts.try_emplace(std::string(f[0]), static_cast<uint32_t>(concepts.size() + 1));
    // A form listed under two concepts keeps the first (the table forbids it; be safe).
    t.trade_words.try_emplace(p, it->second);
    t.trade_word_max_tokens = std::max(t.trade_word_max_tokens, CountTokens(p));
    if (size_t sp = p.find(' '); sp != std::string::npos)
      t.trade_phrase_heads.insert(p.substr(0, sp));
    if (WrittenWithoutSpaces(f[1])) {
      int32_t i = 0;
      UChar32 c;
      const auto* bytes = reinterpret_cast<const uint8_t*>(f[1].data());
      U8_NEXT(bytes, i, static_cast<int32_t>(f[1].size()), c);
      if (c >= 0) t.native_words[static_cast<uint32_t>(c)].emplace_back(f[1]);
    }
  }
  for (auto& [first, words] : t.native_words) {
    std::sort(words.begin(), words.end(), [](const std::string& a, const std::string& b) {
      return a.size() != b.size() ? a.size() > b.size() : a < b;
    });
    words.erase(std::unique(words.begin(), words.end()), words.end());
  }
  return t;
}

}  // namespace

std::string NormalizePhrase(std::string_view phrase) {
  std::string out;
  for (const auto& tok : TokenizeFolded(FoldToAscii(phrase))) {
    if (!out.empty()) out.push_back(' ');
    out += tok.text;
  }
  return out;
}

const Tables& GetTables() {
  static const Tables tables = Load();
  return tables;
}

std::string CountryCode(std::string_view text) {
  const auto& c = GetTables().countries;
  auto it = c.find(NormalizePhrase(text));
  return it == c.end() ? std::string() : it->second;
}

}  // namespace tamiz::text
