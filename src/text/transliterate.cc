#include "text/transliterate.h"

#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <array>
#include <memory>
#include <mutex>

#include "text/myanmar.h"
#include "util/file_io.h"

namespace tamiz::text {

namespace {

// ICU transform IDs: https://unicode-org.github.io/icu/userguide/transforms/general/
// BGN/PCGN for Russian and UNGEGN for Greek give the romanizations sanctions lists use
// ("Zhukov", "Alexis"), where generic Any-Latin would give ISO 9 ("Žukov", "Alexēs").
constexpr char16_t kTransformId[] =
    u"NFKC; [[:Greek:][:Mn:]] Greek-Latin/UNGEGN; [[:Cyrillic:][:Mn:]] Russian-Latin/BGN; "
    u"Any-Latin; Latin-ASCII; Any-Lower; NFKC";

// The prototype is built once (expensive: ICU compiles the rule sets); each thread clones it,
// because icu::Transliterator::transliterate is not thread-safe on a shared instance.
const icu::Transliterator* Prototype() {
  static const icu::Transliterator* proto = [] {
    UErrorCode status = U_ZERO_ERROR;
    icu::Transliterator* t = icu::Transliterator::createInstance(icu::UnicodeString(kTransformId),
                                                                 UTRANS_FORWARD, status);
    if (U_FAILURE(status)) {
      delete t;
      status = U_ZERO_ERROR;
      t = icu::Transliterator::createInstance(u"Any-Latin; Latin-ASCII; Any-Lower", UTRANS_FORWARD,
                                              status);
      if (U_FAILURE(status)) {
        delete t;
        return static_cast<icu::Transliterator*>(nullptr);
      }
    }
    return t;
  }();
  return proto;
}

icu::Transliterator* ThreadTransliterator() {
  thread_local std::unique_ptr<icu::Transliterator> local;
  if (!local) {
    const icu::Transliterator* p = Prototype();
    if (p == nullptr) return nullptr;
    local.reset(p->clone());
  }
  return local.get();
}

bool IsAscii(std::string_view s) {
  for (char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

Script FromUScript(UScriptCode code) {
  switch (code) {
    case USCRIPT_LATIN:
      return Script::kLatin;
    case USCRIPT_CYRILLIC:
      return Script::kCyrillic;
    case USCRIPT_GREEK:
      return Script::kGreek;
    case USCRIPT_ARABIC:
    case USCRIPT_SYRIAC:
      return Script::kArabic;
    case USCRIPT_HEBREW:
      return Script::kHebrew;
    case USCRIPT_HAN:
      return Script::kHan;
    case USCRIPT_HANGUL:
      return Script::kHangul;
    case USCRIPT_HIRAGANA:
    case USCRIPT_KATAKANA:
      return Script::kKana;
    case USCRIPT_THAI:
      return Script::kThai;
    case USCRIPT_ARMENIAN:
      return Script::kArmenian;
    case USCRIPT_GEORGIAN:
      return Script::kGeorgian;
    case USCRIPT_MYANMAR:
      return Script::kMyanmar;
    case USCRIPT_COMMON:
    case USCRIPT_INHERITED:
      return Script::kNone;
    default:
      return Script::kOther;
  }
}

}  // namespace

Script DetectScript(std::string_view s) {
  if (IsAscii(s)) {
    for (char c : s) {
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return Script::kLatin;
    }
    return Script::kNone;
  }
  std::array<int, static_cast<size_t>(Script::kOther) + 1> counts{};
  int32_t i = 0;
  const auto len = static_cast<int32_t>(s.size());
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  while (i < len) {
    UChar32 c;
    U8_NEXT(p, i, len, c);
    if (c < 0 || !u_isalpha(c)) continue;
    UErrorCode status = U_ZERO_ERROR;
    Script sc = FromUScript(uscript_getScript(c, &status));
    if (U_SUCCESS(status)) ++counts[static_cast<size_t>(sc)];
  }
  size_t best = 0;
  for (size_t k = 1; k < counts.size(); ++k) {
    if (counts[k] > counts[best]) best = k;
  }
  return counts[best] == 0 ? Script::kNone : static_cast<Script>(best);
}

std::string FoldToAscii(std::string_view utf8) {
  if (IsAscii(utf8)) {
    std::string out(utf8);
    for (char& c : out) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
  }
  std::string repaired;
  if (util::FindInvalidUtf8(utf8) != std::string_view::npos) {
    repaired = util::RepairUtf8(utf8);
    utf8 = repaired;
  }
  // Myanmar script: the conventional spelling of Burmese names (Aung, Kyaw, Shwe), not ICU's
  // letter-by-letter transliteration (text/myanmar.h).
  std::string burmese;
  for (std::string_view lead : {"\xE1\x80", "\xE1\x81", "\xE1\x82"}) {
    if (utf8.find(lead) != std::string_view::npos) {
      burmese = RomanizeMyanmar(utf8);
      utf8 = burmese;
      break;
    }
  }
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  // ICU's Hebrew-Latin writes tsadi, het, shin and tet with dotted/lined letters that
  // Latin-ASCII folds to z, h, s, t; names are usually romanized ts, kh, sh, t (Tzur, Nakhmias).
  // Geresh after gimel, tsadi, zayin writes j, ch, zh (George, Cesare, Jacques).
  for (UChar geresh : {static_cast<UChar>(0x27), static_cast<UChar>(0x05F3)}) {
    const std::pair<UChar, const char16_t*> kGeresh[] = {
        {0x05D2, u"j"}, {0x05E6, u"ch"}, {0x05E5, u"ch"}, {0x05D6, u"zh"}};
    for (const auto& [letter, latin] : kGeresh) {
      icu::UnicodeString from;
      from.append(letter).append(geresh);
      u.findAndReplace(from, icu::UnicodeString(latin));
    }
  }
  if (u.indexOf(static_cast<UChar>(0x05E6)) >= 0 || u.indexOf(static_cast<UChar>(0x05D7)) >= 0 ||
      u.indexOf(static_cast<UChar>(0x05E9)) >= 0 || u.indexOf(static_cast<UChar>(0x05E5)) >= 0) {
    u.findAndReplace(icu::UnicodeString(static_cast<UChar>(0x05E6)), u"ts");
    u.findAndReplace(icu::UnicodeString(static_cast<UChar>(0x05E5)), u"ts");
    u.findAndReplace(icu::UnicodeString(static_cast<UChar>(0x05D7)), u"kh");
    u.findAndReplace(icu::UnicodeString(static_cast<UChar>(0x05E9)), u"sh");
  }
  if (icu::Transliterator* t = ThreadTransliterator(); t != nullptr) {
    t->transliterate(u);
  } else {
    u.foldCase();
  }
  std::string out;
  u.toUTF8String(out);
  // Romanization marks (modifier letters such as U+02BC, apostrophes for ayin/aleph or
  // Georgian/Armenian ejectives) are not word boundaries in a non-Latin source: drop them.
  // Anything else ICU left outside ASCII (unromanizable scripts, symbols) separates words.
  const Script script = DetectScript(utf8);
  const bool drop_marks = script != Script::kLatin && script != Script::kNone;
  std::string ascii;
  ascii.reserve(out.size());
  int32_t i = 0;
  const auto len = static_cast<int32_t>(out.size());
  const auto* p = reinterpret_cast<const uint8_t*>(out.data());
  while (i < len) {
    UChar32 c;
    U8_NEXT(p, i, len, c);
    if (c >= 0 && c < 0x80) {
      if (drop_marks && c == '\'') continue;
      ascii.push_back(static_cast<char>(c));
      continue;
    }
    const int8_t type = c < 0 ? 0 : u_charType(c);
    if (type == U_MODIFIER_LETTER || type == U_NON_SPACING_MARK) continue;
    ascii.push_back(' ');
  }
  return ascii;
}

}  // namespace tamiz::text
