// Party lines of payment free text: "BENEFICIARY: ...", "ORDERING CUSTOMER: ...",
// "FIELD 59: ...", SWIFT MT tags (":59:", ":50K:") and ISO-style codes ("/BNF/", "/ORDP/").
// The label is stripped and the rest of the line (or, after an account number, the next
// line) is the party name, screened whole. Pure functions, thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace tamiz::scan {

struct PartyLine {
  std::string label;          // as written, without the colon ("BENEFICIARY", ":59:", "/BNF/")
  std::string name;           // the party name
  size_t start = 0, end = 0;  // byte offsets of the name in the text
};

// Every labelled party line of `text`, in order.
std::vector<PartyLine> FindPartyLines(std::string_view text);

}  // namespace tamiz::scan
