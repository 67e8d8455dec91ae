#include "sources/dates.h"

#include <array>
#include <cctype>
#include <vector>

namespace tamiz::sources {

namespace {

bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsBlank(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsBlank(s.back())) s.remove_suffix(1);
  return s;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
bool EndsWith(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}

struct Token {
  bool number = false;
  std::string text;
  char sep_before = ' ';  // last non-blank separator before the token, ' ' if none
};

std::vector<Token> Tokenize(std::string_view s) {
  std::vector<Token> out;
  char sep = ' ';
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (std::isdigit(c) || std::isalpha(c)) {
      bool number = std::isdigit(c) != 0;
      size_t j = i;
      while (j < s.size() && (number ? std::isdigit(static_cast<unsigned char>(s[j])) != 0
                                     : std::isalpha(static_cast<unsigned char>(s[j])) != 0)) {
        ++j;
      }
      out.push_back({number, std::string(s.substr(i, j - i)), sep});
      sep = ' ';
      i = j;
    } else {
      if (!IsBlank(s[i])) sep = s[i];
      ++i;
    }
  }
  return out;
}

int ToInt(const std::string& digits) {
  if (digits.empty() || digits.size() > 4) return -1;
  int v = 0;
  for (char c : digits) v = v * 10 + (c - '0');
  return v;
}

bool PlausibleYear(int y) { return y >= 1000 && y <= 2999; }

// Fills year/month/day, dropping a month or day that is out of range (00 = unknown).
void SetYmd(PartialDate& d, int y, int m, int day) {
  d.year = y;
  d.month = (m >= 1 && m <= 12) ? m : 0;
  d.day = (d.month != 0 && day >= 1 && day <= 31) ? day : 0;
}

// Removes an "approximately" marker from `s`; returns true when one was present.
bool StripCirca(std::string& s) {
  static constexpr std::array<std::string_view, 8> kPrefixes = {
      "circa ", "circa", "c. ", "ca. ", "approximately ", "approx. ", "about ", "around "};
  static constexpr std::array<std::string_view, 5> kSuffixes = {"(approx.)", "(approx)", "approx.",
                                                                "(circa)", "approx"};
  for (auto p : kPrefixes) {
    if (StartsWith(s, p) && s.size() > p.size()) {
      s = std::string(Trim(std::string_view(s).substr(p.size())));
      return true;
    }
  }
  for (auto p : kSuffixes) {
    if (EndsWith(s, p) && s.size() > p.size()) {
      s = std::string(Trim(std::string_view(s).substr(0, s.size() - p.size())));
      return true;
    }
  }
  return false;
}

}  // namespace

int MonthFromName(std::string_view word) {
  static constexpr std::array<std::string_view, 12> kMonths = {
      "january", "february", "march",     "april",   "may",      "june",
      "july",    "august",   "september", "october", "november", "december"};
  std::string w = Lower(Trim(word));
  if (!w.empty() && w.back() == '.') w.pop_back();
  if (w.size() < 3) return 0;
  if (w == "sept") return 9;
  for (size_t i = 0; i < kMonths.size(); ++i) {
    if (w == kMonths[i] || (w.size() == 3 && kMonths[i].substr(0, 3) == w)) {
      return static_cast<int>(i) + 1;
    }
  }
  return 0;
}

PartialDate ParseListDate(std::string_view text) {
  PartialDate d;
  std::string_view trimmed = Trim(text);
  d.raw = std::string(trimmed);
  std::string s = Lower(trimmed);
  d.circa = StripCirca(s);
  // ISO timestamps: keep the date part.
  if (s.size() > 10 && s[4] == '-' && s[7] == '-' && (s[10] == 'T' || s[10] == 't' || s[10] == ' '))
    s.resize(10);

  auto fail = [&] {
    PartialDate none;
    none.raw = d.raw;
    return none;
  };
  std::vector<Token> tokens = Tokenize(s);
  std::vector<int> numbers;
  std::vector<char> seps;
  int month_word = 0;
  bool range_word = false;
  for (const Token& t : tokens) {
    if (t.number) {
      numbers.push_back(ToInt(t.text));
      seps.push_back(t.sep_before);
      if (numbers.back() < 0) return fail();
      continue;
    }
    if (t.text == "dd" || t.text == "mm") {  // UK FCDO placeholder "dd/mm/1945"
      numbers.push_back(0);
      seps.push_back(t.sep_before);
      continue;
    }
    if (int m = MonthFromName(t.text); m != 0 && month_word == 0) {
      month_word = m;
    } else if (t.text == "to" || t.text == "and" || t.text == "between") {
      range_word = true;
    } else if (t.text == "t" || t.text == "of") {
      continue;
    } else {
      return fail();  // an unknown word: not a date this function reads
    }
  }

  if (month_word != 0) {
    if (range_word) return fail();
    int year = 0;
    int day = 0;
    for (int n : numbers) {
      if (PlausibleYear(n) && year == 0) {
        year = n;
      } else if (n >= 1 && n <= 31 && day == 0) {
        day = n;
      } else {
        return fail();
      }
    }
    if (year == 0) return fail();
    SetYmd(d, year, month_word, day);
    return d;
  }

  switch (numbers.size()) {
    case 1:
      if (!PlausibleYear(numbers[0]) || range_word) return fail();
      d.year = numbers[0];
      return d;
    case 2:
      if (PlausibleYear(numbers[0]) && PlausibleYear(numbers[1])) {  // "1960 to 1965"
        d.year = numbers[0];
        if (numbers[1] > numbers[0]) d.year_to = numbers[1];
        return d;
      }
      if (range_word) return fail();
      if (PlausibleYear(numbers[0]) && seps[1] == '-') {  // "1980-05"
        SetYmd(d, numbers[0], numbers[1], 0);
        return d;
      }
      if (PlausibleYear(numbers[1]) && (seps[1] == '/' || seps[1] == '.')) {  // "05/1980"
        SetYmd(d, numbers[1], numbers[0], 0);
        return d;
      }
      return fail();
    case 3:
      if (range_word) return fail();
      if (PlausibleYear(numbers[0])) {  // 1980-05-01 or 1980/05/01
        SetYmd(d, numbers[0], numbers[1], numbers[2]);
        return d;
      }
      if (PlausibleYear(numbers[2])) {  // 15/04/1963, 00/00/1980, 15.04.1963
        SetYmd(d, numbers[2], numbers[1], numbers[0]);
        return d;
      }
      return fail();
    default:
      return fail();
  }
}

std::string ListDateToIso(std::string_view text) {
  PartialDate d = ParseListDate(text);
  d.year_to = 0;
  d.circa = false;
  return d.ToIso();
}

}  // namespace tamiz::sources
