#include "text/tokenize.h"

namespace tamiz::text {

namespace {
bool IsAlpha(char c) { return c >= 'a' && c <= 'z'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlnum(char c) { return IsAlpha(c) || IsDigit(c); }
}  // namespace

std::vector<RawToken> TokenizeFolded(std::string_view s) {
  std::vector<RawToken> out;
  std::string cur;
  bool pending_break = false;
  int paren_depth = 0;
  bool space_before_cur = false;  // whitespace right before the token being built
  bool last_was_space = false;
  // Whether the previous emitted token was a single letter joined to this one by '.' or ' '
  // only (candidates for initial merging).
  auto emit = [&] {
    if (cur.empty()) return;
    RawToken t;
    t.text = std::move(cur);
    t.break_before = pending_break;
    t.in_parens = paren_depth > 0;
    t.space_before = space_before_cur;
    out.push_back(std::move(t));
    cur.clear();
    pending_break = false;
  };
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (IsAlnum(c)) {
      if (!cur.empty() && IsDigit(cur.back()) != IsDigit(c)) emit();
      if (cur.empty()) space_before_cur = last_was_space;
      cur.push_back(c);
      last_was_space = false;
      continue;
    }
    if (c == '.' && !cur.empty()) {
      emit();
      out.back().dotted = true;
    }
    emit();
    last_was_space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
    switch (c) {
      case ',':
      case ';':
      case '[':
      case ']':
      case '<':
      case '>':
      case '|':
        pending_break = true;
        break;
      case ':':
        if (!out.empty()) out.back().colon_after = true;
        pending_break = true;
        break;
      case '(':
        ++paren_depth;
        pending_break = true;
        break;
      case ')':
        if (paren_depth > 0) --paren_depth;
        pending_break = true;
        break;
      case '-':
        // " - " separates a qualifier; "el-aissami" is one name written with a hyphen.
        if ((i > 0 && s[i - 1] == ' ') || (i + 1 < s.size() && s[i + 1] == ' ')) {
          pending_break = true;
        }
        break;
      case '/':
        // "c/o" (care of) starts an address annotation.
        if (!out.empty() && out.back().text == "c" && i + 1 < s.size() && s[i + 1] == 'o' &&
            (i + 2 >= s.size() || !IsAlnum(s[i + 2]))) {
          out.pop_back();
          ++i;
          pending_break = true;
        }
        break;
      case '&':
        out.push_back({"and", pending_break, paren_depth > 0, false, false, true});
        pending_break = false;
        break;
      default:
        break;
    }
  }
  emit();
  // Merge runs of single letters into one token: dotted without spaces ("u.s.a.", "o.o.")
  // or spaced without dots ("n k", "g i e"); "z o.o. s.k.a." stays "z", "oo", "ska".
  std::vector<RawToken> merged;
  merged.reserve(out.size());
  auto single = [&](size_t k) { return out[k].text.size() == 1 && IsAlpha(out[k].text[0]); };
  for (size_t i = 0; i < out.size();) {
    if (single(i)) {
      size_t j = i + 1;
      while (j < out.size() && single(j) && !out[j].break_before) {
        const bool dotted_run = out[j - 1].dotted && !out[j].space_before;
        const bool spaced_run =
            !out[j - 1].dotted && !out[j].dotted && out[j].space_before && !out[i].dotted;
        if (!dotted_run && !spaced_run) break;
        ++j;
      }
      if (j - i >= 2) {
        RawToken t = out[i];
        for (size_t k = i + 1; k < j; ++k) t.text += out[k].text;
        t.colon_after = out[j - 1].colon_after;
        merged.push_back(std::move(t));
        i = j;
        continue;
      }
    }
    merged.push_back(std::move(out[i]));
    ++i;
  }
  return merged;
}

std::vector<std::string> TokenTexts(std::string_view folded) {
  std::vector<std::string> out;
  for (auto& t : TokenizeFolded(folded)) out.push_back(std::move(t.text));
  return out;
}

}  // namespace tamiz::text
