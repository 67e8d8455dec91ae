#include "sources/gb_text.h"

#include <array>
#include <cstdint>

#include "util/file_io.h"

namespace tamiz::sources::gb {

namespace {

bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// Length of a valid UTF-8 multi-byte sequence at `i`, 0 when there is none.
size_t Utf8SequenceAt(std::string_view s, size_t i) {
  auto b = static_cast<unsigned char>(s[i]);
  size_t len = b >= 0xC2 && b <= 0xDF   ? 2
               : b >= 0xE0 && b <= 0xEF ? 3
               : b >= 0xF0 && b <= 0xF4 ? 4
                                        : 0;
  if (len == 0 || i + len > s.size()) return 0;
  for (size_t k = 1; k < len; ++k) {
    if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return 0;
  }
  return len;
}

// Parses a marker "(k)" or "k)" at `i`; returns its length or 0.
size_t MarkerAt(std::string_view s, size_t i, int k) {
  if (i > 0 && !IsBlank(s[i - 1])) return 0;
  std::string num = std::to_string(k);
  size_t j = i;
  bool paren = j < s.size() && s[j] == '(';
  if (paren) ++j;
  if (s.substr(j, num.size()) != num) return 0;
  j += num.size();
  if (j >= s.size() || s[j] != ')') return 0;
  return j + 1 - i;
}

}  // namespace

bool LooksLikeWindows1252(std::string_view data) {
  bool high = false;
  for (size_t i = 0; i < data.size(); ++i) {
    if (static_cast<unsigned char>(data[i]) < 0x80) continue;
    if (Utf8SequenceAt(data, i) != 0) return false;
    high = true;
  }
  return high;
}

std::string Windows1252ToUtf8(std::string_view data) {
  // 0x80..0x9F per https://encoding.spec.whatwg.org/index-windows-1252.txt
  static constexpr std::array<uint16_t, 32> kC1 = {
      0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
      0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
      0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};
  std::string out;
  out.reserve(data.size() + data.size() / 16);
  for (char c : data) {
    auto b = static_cast<unsigned char>(c);
    if (b < 0x80) {
      out += c;
    } else if (b < 0xA0) {
      util::AppendUtf8(out, kC1[b - 0x80]);
    } else {
      util::AppendUtf8(out, b);
    }
  }
  return out;
}

std::string TrimItem(std::string_view s) {
  while (!s.empty() && IsBlank(s.front())) s.remove_prefix(1);
  while (!s.empty() && (IsBlank(s.back()) || s.back() == '.' || s.back() == ',' || s.back() == ';'))
    s.remove_suffix(1);
  return std::string(s);
}

std::vector<std::string> SplitNumbered(std::string_view text) {
  while (!text.empty() && IsBlank(text.front())) text.remove_prefix(1);
  std::vector<std::string> out;
  if (text.empty()) return out;
  std::vector<std::pair<size_t, size_t>> markers;  // start, length
  int next = 1;
  for (size_t i = 0; i < text.size(); ++i) {
    if (size_t len = MarkerAt(text, i, next); len != 0) {
      if (next == 1 && i != 0) break;
      markers.emplace_back(i, len);
      ++next;
      i += len - 1;
    } else if (next == 1) {
      break;
    }
  }
  if (markers.empty()) {
    if (std::string item = TrimItem(text); !item.empty()) out.push_back(std::move(item));
    return out;
  }
  for (size_t m = 0; m < markers.size(); ++m) {
    size_t begin = markers[m].first + markers[m].second;
    size_t end = m + 1 < markers.size() ? markers[m + 1].first : text.size();
    if (std::string item = TrimItem(text.substr(begin, end - begin)); !item.empty()) {
      out.push_back(std::move(item));
    }
  }
  return out;
}

TaggedText SplitTags(std::string_view text, const std::vector<std::string_view>& known) {
  TaggedText out;
  struct Hit {
    size_t pos;
    size_t len;
    std::string_view tag;
  };
  std::vector<Hit> hits;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '(') continue;
    for (std::string_view tag : known) {
      if (text.substr(i + 1, tag.size()) == tag && text.substr(i + 1 + tag.size(), 2) == "):") {
        hits.push_back({i, tag.size() + 3, tag});
        break;
      }
    }
  }
  out.text = TrimItem(text.substr(0, hits.empty() ? text.size() : hits.front().pos));
  for (size_t h = 0; h < hits.size(); ++h) {
    size_t begin = hits[h].pos + hits[h].len;
    size_t end = h + 1 < hits.size() ? hits[h + 1].pos : text.size();
    out.tags.emplace_back(std::string(hits[h].tag), TrimItem(text.substr(begin, end - begin)));
  }
  return out;
}

}  // namespace tamiz::sources::gb
