#include "scan/document.h"

#include <unicode/uchar.h>

#include <array>
#include <cctype>

#include "text/transliterate.h"
#include "util/file_io.h"

namespace tamiz::scan {

namespace {

// Decodes one UTF-8 code point at s[i]; advances i. Invalid bytes decode as U+FFFD.
char32_t Decode(std::string_view s, size_t& i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) {
    ++i;
    return b0;
  }
  size_t n = b0 >= 0xF0 ? 4 : b0 >= 0xE0 ? 3 : b0 >= 0xC0 ? 2 : 1;
  if (n == 1 || i + n > s.size()) {
    ++i;
    return 0xFFFD;
  }
  char32_t cp = b0 & (0x3F >> (n - 1));
  for (size_t k = 1; k < n; ++k) {
    cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  }
  i += n;
  return cp;
}

enum class CharClass : uint8_t {
  kWord,
  kSpace,
  kNewline,
  kApostrophe,
  kHyphen,
  kComma,
  kPeriod,
  kStop,
  kPunct
};

CharClass Classify(char32_t c) {
  if (c < 0x80) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
      return CharClass::kWord;
    }
    switch (c) {
      case '\n':
        return CharClass::kNewline;
      case ' ':
      case '\t':
      case '\r':
      case '\f':
      case '\v':
        return CharClass::kSpace;
      case '\'':
        return CharClass::kApostrophe;
      case '-':
        return CharClass::kHyphen;
      case ',':
        return CharClass::kComma;
      case '.':
        return CharClass::kPeriod;
      case '!':
      case '?':
        return CharClass::kStop;
      default:
        return CharClass::kPunct;
    }
  }
  if (c == 0x2019 || c == 0x2018 || c == 0x02BC) return CharClass::kApostrophe;
  if (c == 0x2010 || c == 0x2011) return CharClass::kHyphen;
  if (c == 0x2026 || c == 0x00A1 || c == 0x00BF) return CharClass::kStop;
  if (c == 0x2028 || c == 0x2029) return CharClass::kNewline;
  if (c == 0xFFFD) return CharClass::kPunct;
  const auto uc = static_cast<UChar32>(c);
  if (u_isUWhiteSpace(uc)) return CharClass::kSpace;
  if (u_isalnum(uc) || u_getIntPropertyValue(uc, UCHAR_GENERAL_CATEGORY_MASK) & U_GC_M_MASK) {
    return CharClass::kWord;
  }
  return CharClass::kPunct;
}

bool IsAbbreviation(std::string_view folded) {
  static constexpr std::array<std::string_view, 40> kAbbrev = {
      "mr",   "mrs", "ms",  "dr",   "sen",  "gen",    "rep",  "gov",  "lt",   "col",
      "st",   "jr",  "sr",  "no",   "vs",   "inc",    "ltd",  "co",   "corp", "prof",
      "capt", "sgt", "maj", "adm",  "pres", "amb",    "hon",  "rev",  "sra",  "sres",
      "lic",  "ing", "mme", "mlle", "etc",  "approx", "dept", "univ", "fig",  "art"};
  if (folded.size() == 1) return true;  // initials: "George W. Bush", "U.S."
  for (auto a : kAbbrev) {
    if (a == folded) return true;
  }
  return false;
}

}  // namespace

Document AnalyzeDocument(std::string_view text) {
  Document doc;
  doc.text = text;
  doc.words.reserve(text.size() / 6 + 1);
  doc.folded.reserve(text.size());
  size_t i = 0;
  // Separator state since the previous word.
  Gap gap = Gap::kParagraph;
  int newlines = 0;
  bool pending_joiner = false;  // apostrophe/hyphen directly after a word
  Gap joiner = Gap::kSpace;
  bool saw_other = false;
  std::string buf;
  while (i < text.size()) {
    size_t start = i;
    char32_t c = Decode(text, i);
    CharClass cls = Classify(c);
    if (cls != CharClass::kWord) {
      switch (cls) {
        case CharClass::kNewline:
          ++newlines;
          break;
        case CharClass::kSpace:
          break;
        case CharClass::kApostrophe:
        case CharClass::kHyphen: {
          size_t k = i;
          bool joins = !doc.words.empty() && doc.words.back().end == start && k < text.size() &&
                       Classify(Decode(text, k)) == CharClass::kWord;
          if (joins) {
            pending_joiner = true;
            joiner = cls == CharClass::kApostrophe ? Gap::kApostrophe : Gap::kHyphen;
          } else {
            saw_other = true;
            if (gap <= Gap::kStop) gap = Gap::kPunct;
          }
          break;
        }
        case CharClass::kComma:
          saw_other = true;
          pending_joiner = false;
          if (gap == Gap::kSpace) {
            gap = Gap::kComma;
          } else if (gap == Gap::kPeriod) {
            gap = Gap::kPunct;
          }
          break;
        case CharClass::kPeriod:
          saw_other = true;
          pending_joiner = false;
          if (gap == Gap::kSpace) {
            gap = Gap::kPeriod;
          } else if (gap == Gap::kComma) {
            gap = Gap::kPunct;
          }
          break;
        case CharClass::kStop:
          saw_other = true;
          pending_joiner = false;
          if (gap <= Gap::kPeriod) gap = Gap::kStop;
          break;
        default:
          saw_other = true;
          pending_joiner = false;
          if (gap <= Gap::kStop) gap = Gap::kPunct;
          break;
      }
      continue;
    }
    // A word: consume the run of word characters.
    size_t end = i;
    uint8_t flags = 0;
    bool any_lower = false;
    int letters = 0;
    bool ascii = c < 0x80;
    {
      const auto uc = static_cast<UChar32>(c);
      if (u_isupper(uc) || u_istitle(uc)) flags |= kCapitalized;
    }
    char32_t cc = c;
    size_t j = start;
    while (true) {
      if (cc >= 0x80) {
        ascii = false;
        if (cc >= 0x400 && cc <= 0x52F) flags |= kCyrillic;
      }
      const auto uc = static_cast<UChar32>(cc);
      if (cc < 0x80 ? (cc >= '0' && cc <= '9') : u_isdigit(uc)) {
        flags |= kHasDigit;
      } else {
        ++letters;
        if (cc < 0x80 ? (cc >= 'a' && cc <= 'z') : u_islower(uc)) any_lower = true;
      }
      j = end;
      if (j >= text.size()) break;
      size_t k = j;
      char32_t nc = Decode(text, k);
      if (Classify(nc) != CharClass::kWord) break;
      cc = nc;
      end = k;
    }
    if (!any_lower && letters >= 2) flags |= kAllCaps;
    if (!ascii) flags |= kNonAscii;
    Word w;
    w.start = static_cast<uint32_t>(start);
    w.end = static_cast<uint32_t>(end);
    w.fold = static_cast<uint32_t>(doc.folded.size());
    w.flags = flags;
    if (pending_joiner && newlines == 0 && !saw_other) {
      w.gap = joiner;
    } else if (newlines >= 2) {
      w.gap = Gap::kParagraph;
    } else {
      w.gap = doc.words.empty() ? Gap::kParagraph : gap;
    }
    std::string_view raw = text.substr(start, end - start);
    if (ascii) {
      for (char ch : raw) {
        doc.folded.push_back(ch >= 'A' && ch <= 'Z' ? static_cast<char>(ch - 'A' + 'a') : ch);
      }
    } else {
      buf = text::FoldToAscii(raw);
      for (char ch : buf) {
        if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')) doc.folded.push_back(ch);
      }
    }
    size_t len = doc.folded.size() - w.fold;
    if (len > 0xFFFF) {
      doc.folded.resize(w.fold + 0xFFFF);
      len = 0xFFFF;
    }
    w.fold_len = static_cast<uint16_t>(len);
    doc.words.push_back(w);
    i = end;
    gap = Gap::kSpace;
    newlines = 0;
    pending_joiner = false;
    saw_other = false;
  }

  // Sentences.
  const size_t n = doc.words.size();
  size_t first = 0;
  auto close = [&](size_t end_word) {
    if (end_word <= first) return;
    Sentence s;
    s.first_word = static_cast<uint32_t>(first);
    s.end_word = static_cast<uint32_t>(end_word);
    s.start = doc.words[first].start;
    size_t e = doc.words[end_word - 1].end;
    size_t limit = end_word < n ? doc.words[end_word].start : text.size();
    while (e < limit) {
      char ch = text[e];
      if (ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r') break;
      ++e;
    }
    s.end = static_cast<uint32_t>(e);
    doc.sentences.push_back(s);
    first = end_word;
  };
  for (size_t k = 1; k < n; ++k) {
    const Word& w = doc.words[k];
    bool boundary = false;
    if (w.gap == Gap::kParagraph) {
      boundary = true;
    } else if (w.gap == Gap::kStop) {
      boundary = (w.flags & kCapitalized) != 0 || (w.flags & kHasDigit) != 0;
    } else if (w.gap == Gap::kPeriod || w.gap == Gap::kPunct) {
      // A period somewhere in the separator: "end. Next", "end.” Next".
      std::string_view sep = text.substr(doc.words[k - 1].end, w.start - doc.words[k - 1].end);
      if (sep.find('.') != std::string_view::npos && (w.flags & kCapitalized) != 0 &&
          !IsAbbreviation(doc.Fold(doc.words[k - 1]))) {
        boundary = true;
      }
      if (sep.find('\n') != std::string_view::npos &&
          (sep.find('.') != std::string_view::npos || sep.find('?') != std::string_view::npos ||
           sep.find('!') != std::string_view::npos)) {
        boundary = true;
      }
    }
    if (boundary) close(k);
  }
  close(n);
  return doc;
}

namespace {

// A code point as UTF-8, U+FFFD for NUL, surrogates and values beyond Unicode.
void AppendCodePoint(std::string& out, char32_t cp) {
  if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
  util::AppendUtf8(out, cp);
}

char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool IStartsWith(std::string_view s, size_t at, std::string_view prefix) {
  if (at + prefix.size() > s.size()) return false;
  for (size_t k = 0; k < prefix.size(); ++k) {
    if (Lower(s[at + k]) != prefix[k]) return false;
  }
  return true;
}

size_t IFind(std::string_view s, size_t from, std::string_view needle) {
  for (size_t p = from; p + needle.size() <= s.size(); ++p) {
    if (IStartsWith(s, p, needle)) return p;
  }
  return std::string_view::npos;
}

// Named character references common in news pages (HTML Living Standard, "Named character
// references"); anything else is kept as written.
char32_t NamedEntity(std::string_view name) {
  struct E {
    std::string_view n;
    char32_t c;
  };
  static constexpr std::array<E, 52> kNamed = {{
      {"amp", '&'},       {"lt", '<'},        {"gt", '>'},       {"quot", '"'},
      {"apos", '\''},     {"nbsp", 0xA0},     {"ndash", 0x2013}, {"mdash", 0x2014},
      {"lsquo", 0x2018},  {"rsquo", 0x2019},  {"ldquo", 0x201C}, {"rdquo", 0x201D},
      {"hellip", 0x2026}, {"laquo", 0xAB},    {"raquo", 0xBB},   {"copy", 0xA9},
      {"reg", 0xAE},      {"euro", 0x20AC},   {"aacute", 0xE1},  {"eacute", 0xE9},
      {"iacute", 0xED},   {"oacute", 0xF3},   {"uacute", 0xFA},  {"ntilde", 0xF1},
      {"Aacute", 0xC1},   {"Eacute", 0xC9},   {"Iacute", 0xCD},  {"Oacute", 0xD3},
      {"Uacute", 0xDA},   {"Ntilde", 0xD1},   {"uuml", 0xFC},    {"Uuml", 0xDC},
      {"ouml", 0xF6},     {"auml", 0xE4},     {"ccedil", 0xE7},  {"Ccedil", 0xC7},
      {"agrave", 0xE0},   {"egrave", 0xE8},   {"ecirc", 0xEA},   {"ocirc", 0xF4},
      {"atilde", 0xE3},   {"otilde", 0xF5},   {"acirc", 0xE2},   {"iexcl", 0xA1},
      {"iquest", 0xBF},   {"szlig", 0xDF},    {"bull", 0x2022},  {"middot", 0xB7},
      {"shy", 0xAD},      {"thinsp", 0x2009}, {"ensp", 0x2002},  {"emsp", 0x2003},
  }};
  for (const auto& e : kNamed) {
    if (e.n == name) return e.c;
  }
  return 0;
}

bool IsBlockTag(std::string_view name) {
  static constexpr std::array<std::string_view, 24> kBlock = {
      "p",       "br",      "div",    "li",     "ul",         "ol",  "h1", "h2",
      "h3",      "h4",      "h5",     "h6",     "tr",         "td",  "th", "table",
      "section", "article", "header", "footer", "blockquote", "pre", "hr", "title"};
  for (auto b : kBlock) {
    if (b == name) return true;
  }
  return false;
}

}  // namespace

std::string StripHtml(std::string_view html) {
  std::string out;
  out.reserve(html.size());
  size_t i = 0;
  auto newline = [&](int count) {
    int have = 0;
    for (size_t k = out.size(); k > 0 && out[k - 1] == '\n' && have < count; --k) ++have;
    if (out.empty()) return;
    while (have++ < count) out.push_back('\n');
  };
  while (i < html.size()) {
    char c = html[i];
    if (c == '<') {
      if (html.compare(i, 4, "<!--") == 0) {
        size_t e = html.find("-->", i + 4);
        i = e == std::string_view::npos ? html.size() : e + 3;
        continue;
      }
      size_t e = html.find('>', i + 1);
      if (e == std::string_view::npos) {
        break;  // unterminated tag at the end: drop it
      }
      std::string_view tag = html.substr(i + 1, e - i - 1);
      bool closing = !tag.empty() && tag[0] == '/';
      if (closing) tag.remove_prefix(1);
      size_t ne = 0;
      while (ne < tag.size() && (std::isalnum(static_cast<unsigned char>(tag[ne])) != 0)) ++ne;
      std::string name;
      for (size_t k = 0; k < ne; ++k) name.push_back(Lower(tag[k]));
      i = e + 1;
      if (!closing && (name == "script" || name == "style" || name == "noscript")) {
        size_t close = IFind(html, i, "</" + name);
        if (close == std::string_view::npos) {
          i = html.size();
        } else {
          size_t gt = html.find('>', close);
          i = gt == std::string_view::npos ? html.size() : gt + 1;
        }
        continue;
      }
      if (IsBlockTag(name)) newline(name == "br" ? 1 : 2);
      continue;
    }
    if (c == '&') {
      size_t semi = html.find(';', i + 1);
      if (semi != std::string_view::npos && semi - i <= 12) {
        std::string_view ent = html.substr(i + 1, semi - i - 1);
        char32_t cp = 0;
        if (!ent.empty() && ent[0] == '#') {
          bool hex = ent.size() > 1 && (ent[1] == 'x' || ent[1] == 'X');
          uint32_t v = 0;
          bool ok = ent.size() > (hex ? 2u : 1u);
          for (size_t k = hex ? 2 : 1; k < ent.size() && ok; ++k) {
            char d = ent[k];
            uint32_t dv;
            if (d >= '0' && d <= '9') {
              dv = static_cast<uint32_t>(d - '0');
            } else if (hex && Lower(d) >= 'a' && Lower(d) <= 'f') {
              dv = static_cast<uint32_t>(Lower(d) - 'a' + 10);
            } else {
              ok = false;
              break;
            }
            v = v * (hex ? 16u : 10u) + dv;
            if (v > 0x10FFFF) ok = false;
          }
          if (ok) cp = v == 0 ? 0xFFFD : v;
        } else {
          cp = NamedEntity(ent);
        }
        if (cp != 0) {
          AppendCodePoint(out, cp);
          i = semi + 1;
          continue;
        }
      }
    }
    if (c == '\n' || c == '\r' || c == '\t') {
      c = ' ';  // source line breaks are not text line breaks in HTML
    }
    if (c == ' ' && !out.empty() && (out.back() == ' ' || out.back() == '\n')) {
      ++i;
      continue;
    }
    out.push_back(c);
    ++i;
  }
  // Trim spaces before line breaks and at the end.
  std::string trimmed;
  trimmed.reserve(out.size());
  for (char ch : out) {
    if (ch == '\n') {
      while (!trimmed.empty() && trimmed.back() == ' ') trimmed.pop_back();
    }
    if (ch == ' ' && !trimmed.empty() && trimmed.back() == '\n') continue;
    trimmed.push_back(ch);
  }
  while (!trimmed.empty() && (trimmed.back() == ' ' || trimmed.back() == '\n')) trimmed.pop_back();
  return trimmed;
}

bool LooksLikeHtml(std::string_view text) {
  std::string_view head = text.substr(0, 4096);
  static constexpr std::array<std::string_view, 9> kMarkers = {
      "<!doctype html", "<html", "<body", "<p>", "<p ", "<div", "<br", "<head", "<article"};
  for (auto m : kMarkers) {
    if (IFind(head, 0, m) != std::string_view::npos) return true;
  }
  return false;
}

}  // namespace tamiz::scan
