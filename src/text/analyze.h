// Name analysis: turns one name as written (any script) into the tokens the matcher
// compares, per kind of name (person, organization, vessel). Pure functions, thread-safe.
//
// Persons: honorifics stripped, particles (bin, al, de, van) kept with a low weight,
// given-name equivalence groups attached. Organizations: legal forms stripped (their class
// kept), abbreviations expanded, generic words and connectors weighted low, trailing
// annotations (", Sukkur Branch", "(Marshall Islands flag)", "c/o ...") weighted low.
// Vessels: prefixes (MV, M/T) stripped, "No." dropped. Everywhere: numbers and numerals
// (8, VIII, eight) become number tokens, payment-message labels ("BENEFICIARY:") dropped.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "text/phonetic.h"
#include "text/transliterate.h"

namespace tamiz::text {

enum class NameType : uint8_t { kPerson = 0, kOrganization, kVessel };

enum TokenFlag : uint16_t {
  kParticle = 1 << 0,    // bin, al, de, van ...
  kGeneric = 1 << 1,     // trading, group, international ...
  kAnnotation = 1 << 2,  // branch/port/address qualifier after the name proper
  kNumber = 1 << 3,      // "8", "viii", "eight"
  kInitial = 1 << 4,     // a single letter
  kAbjad = 1 << 5,       // romanized from Arabic/Hebrew script: compare by skeleton
  kConnector = 1 << 6,   // and, et, y, und
  kCountry = 1 << 7,     // a country name or demonym inside an organization name
  kPatronymic = 1 << 8,  // Vladimirovich, Ivanovna, ogly: a person's middle name by rule
};

struct Token {
  std::string text;          // folded token
  std::string key;           // PhoneticKey(text)
  std::string skel;          // ConsonantSkeleton(key)
  LetterCounts letters;      // CountLetters(text)
  LetterCounts key_letters;  // CountLetters(key)
  uint16_t flags = 0;
  int32_t number = -1;  // value when kNumber
  // Equivalence groups, 0 = none: a trade-word concept (kConceptGroup | id, organizations and
  // vessels) and given-name groups.
  uint32_t groups[2] = {0, 0};
  // The short form as written when the token is an abbreviation, "" otherwise: a truncation
  // ("ind" of "IND.", "comm" of "Comm.") matches the words it begins, a contraction
  // ("f.lli" of "F.lli") the words that begin and end like it (see Abbreviates()).
  std::string abbrev;
  float factor = 1.0f;  // weight multiplier from the token's role (particle, ...)
  float weight = 1.0f;  // factor x rarity; set by the index (see index/match_data.h)
  // Set by the index on listed names (see index/match_data.h), 0 = none: the id of this token
  // in the vocabulary of distinct listed tokens, and of this token written together with the
  // next one in the vocabulary of adjacent pairs.
  uint32_t vocab = 0;
  uint32_t pair_vocab = 0;
};

// What comparing two tokens needs to rule the pair out without reading their texts
// (match::TokenMayBeSimilar): lengths (saturated at 255), letter counts of the text, key and
// skeleton, equivalence groups, and the flags that select the other rules.
struct TokenSketch {
  LetterCounts letters, key_letters, skel_letters;
  uint32_t groups[2] = {0, 0};
  uint16_t flags = 0;
  uint8_t length = 0, key_length = 0, skel_length = 0;
  char first = 0;  // first byte of the text, 0 when empty
  bool abbrev = false;
};
TokenSketch SketchToken(const Token& t);

// Bit set in Token::groups for a trade-word concept (data/tables/trade_words.tsv), so concept
// ids never collide with given-name group ids.
inline constexpr uint32_t kConceptGroup = 1u << 30;

// Whether `word` may be what the abbreviation `abbrev` (Token::abbrev) stands for: it begins
// with the truncation (of at least 3 letters) and is at least 2 letters longer, or, for a
// contraction "f.lli", it begins with "f", ends with "lli" and is longer than both together.
bool Abbreviates(std::string_view abbrev, std::string_view word);

struct AnalyzedName {
  std::vector<Token> tokens;
  NameType type = NameType::kPerson;
  Script script = Script::kNone;
  std::string legal_class;  // canonical legal-form class of an organization ("llc"), or ""
  // Jurisdictions of that legal form ("DE/AT/CH"); `legal_native` when it is specific to
  // them, i.e. not an English form used worldwide in translations (Ltd, Inc, LLC, JSC).
  std::string legal_jurisdiction;
  bool legal_native = false;
  // Organizations and vessels whose name had connectors (and, et, y): the name proper written
  // without spaces, connectors included ("etskoffietfreres"), for names written as one word
  // ("EtsKoffietFreres"); "" when there was no connector.
  std::string joined_with_connectors;
};

// Whether a token may be read together with a neighbour, for words merged or split
// differently on the two sides ("wirralong" / "wirra long"): not numbers, not annotations.
inline bool Mergeable(const Token& t) { return (t.flags & (kNumber | kAnnotation)) == 0; }

// Analyses `name` as a name of `type`.
AnalyzedName AnalyzeName(std::string_view name, NameType type);

// AnalyzeName(name, t) for each t of `types`, in that order; the name is folded (ICU for
// non-ASCII) and tokenized once.
std::vector<AnalyzedName> AnalyzeNameAs(std::string_view name, std::span<const NameType> types);

// The name plus the aliases written inside it: "Ocean Pioneer (ex-Cape Diamond)" gives
// "Ocean Pioneer (ex-Cape Diamond)", "Ocean Pioneer" and "Cape Diamond". Also splits on
// "a.k.a." / "f.k.a." / "formerly".
std::vector<std::string> NameVariants(std::string_view name);

// Value of a number token: digits, roman numerals (ii..xxx) and English number words
// (one..twenty); -1 when `token` is not a number.
int32_t NumberValue(std::string_view token, bool allow_single_roman);

}  // namespace tamiz::text
