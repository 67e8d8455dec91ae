// The curated tables of data/tables/ (legal forms, abbreviations, generic words, honorifics,
// particles, given-name equivalents, countries, vessel prefixes, trade words), parsed once and
// normalized with the same folding and tokenization as names, so lookups compare like with like.
// Thread-safe: built on first use (static initialization), read-only afterwards.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace tamiz::text {

struct Tables {
  // Multi-token phrases are keyed by their tokens joined with one space.
  std::unordered_map<std::string, std::string> legal_forms;  // phrase -> class ("llc")
  // phrase -> jurisdictions as the table gives them ("DE/AT/CH", "GB/IE/HK/common law").
  std::unordered_map<std::string, std::string> legal_form_jurisdictions;
  size_t legal_form_max_tokens = 1;
  std::unordered_map<std::string, std::vector<std::string>> abbreviations;  // phrase -> tokens
  size_t abbreviation_max_tokens = 1;
  std::unordered_set<std::string> generic_words;
  std::unordered_set<std::string> honorifics;
  std::unordered_set<std::string> particles;
  std::unordered_map<std::string, std::string> vessel_prefixes;  // phrase -> "" (set)
  size_t vessel_prefix_max_tokens = 1;
  std::unordered_map<std::string, std::vector<uint32_t>> given_name_groups;  // token -> ids
  // Country phrase (name, alternate name, demonym, iso2, iso3) -> iso2.
  std::unordered_map<std::string, std::string> countries;
  size_t country_max_tokens = 1;
  std::unordered_map<std::string, std::string> iso2_names;  // iso2 -> first name
  std::unordered_set<std::string> country_words;  // one-token names/aliases/demonyms (no codes)
  // Trade words (data/tables/trade_words.tsv): phrase -> concept id (from 1), every language
  // and script of one concept ("milk", "kat", "moloko", "kaht") under the same id.
  std::unordered_map<std::string, uint32_t> trade_words;
  size_t trade_word_max_tokens = 1;
  std::unordered_set<std::string> trade_phrase_heads;  // first tokens of multi-token phrases
  // Trade words as written in scripts without spaces between words (Han, kana, Hangul, Thai,
  // Myanmar), to set them apart before romanization ("새벽별물류" -> "새벽별 물류"): keyed by
  // their first code point, each list longest first, so a name is scanned once per code point.
  std::unordered_map<uint32_t, std::vector<std::string>> native_words;
};

// The process-wide tables, parsed from the embedded files on first call.
const Tables& GetTables();

// Normalizes a phrase the way names are normalized: folded, tokenized, joined by one space.
std::string NormalizePhrase(std::string_view phrase);

// ISO 3166-1 alpha-2 code for a country code (alpha-2/alpha-3), name, alternate name or
// demonym, case-insensitively; "" when unknown.
std::string CountryCode(std::string_view text);

}  // namespace tamiz::text
