#include "scan/payment.h"

#include <array>

namespace tamiz::scan {

namespace {

// Worded party labels (SWIFT MT103 field names, SEPA/ISO 20022 party roles, and the labels
// payment operators type in remittance information), uppercase.
constexpr std::array<std::string_view, 26> kLabels = {"BENEFICIARY CUSTOMER",
                                                      "BENEFICIARY NAME",
                                                      "BENEFICIARY BANK",
                                                      "BENEFICIARY",
                                                      "ORDERING CUSTOMER",
                                                      "ORDERING PARTY",
                                                      "ORDERING INSTITUTION",
                                                      "ORDERING",
                                                      "REMITTER",
                                                      "SENDER",
                                                      "RECEIVER",
                                                      "DEBTOR",
                                                      "CREDITOR",
                                                      "ULTIMATE DEBTOR",
                                                      "ULTIMATE CREDITOR",
                                                      "PAYEE",
                                                      "PAYER",
                                                      "BENEFICIARIO",
                                                      "ORDENANTE",
                                                      "NAME",
                                                      "BENEF",
                                                      "BNF",
                                                      "ORDP",
                                                      "INTERMEDIARY",
                                                      "ACCOUNT WITH INSTITUTION",
                                                      "FIELD"};

char Upper(char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

std::string_view Trim(std::string_view s, size_t& off) {
  size_t b = 0;
  while (b < s.size() && (s[b] == ' ' || s[b] == '\t' || s[b] == '\r')) ++b;
  size_t e = s.size();
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r')) --e;
  off += b;
  return s.substr(b, e - b);
}

// Length of the label at the start of `line` (including its ':' or '/' terminator), 0 if none.
size_t LabelLength(std::string_view line, std::string& label) {
  // SWIFT tag ":59:", ":59A:", ":50K:".
  if (line.size() >= 4 && line[0] == ':' && IsDigit(line[1]) && IsDigit(line[2])) {
    size_t p = 3;
    if (p < line.size() && IsAlpha(line[p])) ++p;
    if (p < line.size() && line[p] == ':') {
      label = std::string(line.substr(0, p + 1));
      return p + 1;
    }
  }
  // Code "/BNF/", "/ORDP/".
  if (line.size() >= 4 && line[0] == '/') {
    size_t p = 1;
    while (p < line.size() && IsAlpha(line[p]) && p < 6) ++p;
    if (p >= 3 && p < line.size() && line[p] == '/') {
      label = std::string(line.substr(0, p + 1));
      return p + 1;
    }
  }
  // Worded label followed by ':' (optionally "FIELD 59:", "BENEFICIARY (59):").
  for (auto l : kLabels) {
    if (line.size() < l.size()) continue;
    bool eq = true;
    for (size_t k = 0; k < l.size() && eq; ++k) eq = Upper(line[k]) == l[k];
    if (!eq) continue;
    size_t p = l.size();
    if (p < line.size() && IsAlpha(line[p])) continue;  // a longer word
    while (p < line.size() && (line[p] == ' ' || IsDigit(line[p]) || line[p] == '(' ||
                               line[p] == ')' || IsAlpha(line[p]))) {
      if (IsAlpha(line[p]) && !(p > 0 && IsDigit(line[p - 1]))) break;  // "59A" only
      ++p;
    }
    if (p < line.size() && line[p] == ':') {
      label = std::string(line.substr(0, p));
      while (!label.empty() && label.back() == ' ') label.pop_back();
      return p + 1;
    }
  }
  return 0;
}

// An account line: "/DE89370400440532013000", "12345678", "IBAN ...".
bool IsAccount(std::string_view s) {
  if (s.empty()) return true;
  if (s[0] == '/') return true;
  size_t digits = 0, letters = 0;
  for (char c : s) {
    digits += IsDigit(c) ? 1 : 0;
    letters += IsAlpha(c) ? 1 : 0;
  }
  return digits > letters;
}

}  // namespace

std::vector<PartyLine> FindPartyLines(std::string_view text) {
  std::vector<PartyLine> out;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    size_t off = pos;
    std::string_view line = Trim(text.substr(pos, nl - pos), off);
    pos = nl + 1;
    std::string label;
    size_t len = LabelLength(line, label);
    if (len == 0) continue;
    size_t name_off = off + len;
    std::string_view rest = Trim(line.substr(len), name_off);
    if (IsAccount(rest)) {
      // The name is on the next non-empty line.
      while (pos < text.size()) {
        size_t nl2 = text.find('\n', pos);
        if (nl2 == std::string_view::npos) nl2 = text.size();
        size_t off2 = pos;
        std::string_view next = Trim(text.substr(pos, nl2 - pos), off2);
        std::string dummy;
        if (next.empty()) {
          pos = nl2 + 1;
          continue;
        }
        if (LabelLength(next, dummy) > 0) break;
        pos = nl2 + 1;
        rest = next;
        name_off = off2;
        break;
      }
      if (IsAccount(rest)) continue;
    }
    out.push_back({label, std::string(rest), name_off, name_off + rest.size()});
  }
  return out;
}

}  // namespace tamiz::scan
