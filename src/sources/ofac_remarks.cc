#include "sources/ofac_remarks.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <unordered_map>

namespace tamiz::sources::ofac {

namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && s.compare(0, prefix.size(), prefix) == 0;
}

bool StartsWithNoCase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(s[i])) !=
        std::tolower(static_cast<unsigned char>(prefix[i])))
      return false;
  }
  return true;
}

// `item` after `prefix` (case-insensitive) and a separator, trimmed; nullopt if no prefix.
std::optional<std::string> After(std::string_view item, std::string_view prefix) {
  if (!StartsWithNoCase(item, prefix)) return std::nullopt;
  std::string_view rest = item.substr(prefix.size());
  if (!rest.empty() && !IsSpace(rest[0]) && rest[0] != ':' && prefix.back() != ':') {
    return std::nullopt;
  }
  if (!rest.empty() && rest[0] == ':') rest.remove_prefix(1);
  return Trim(rest);
}

int ParseInt(std::string_view s) {
  int v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size()) return -1;
  return v;
}

int MonthOf(std::string_view s) {
  static constexpr std::array<std::string_view, 12> kMonths = {
      "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
  if (s.size() < 3) return 0;
  for (size_t i = 0; i < kMonths.size(); ++i) {
    if (StartsWithNoCase(s, kMonths[i])) return static_cast<int>(i) + 1;
  }
  return 0;
}

std::vector<std::string_view> Tokens(std::string_view s) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && IsSpace(s[i])) ++i;
    size_t j = i;
    while (j < s.size() && !IsSpace(s[j])) ++j;
    if (j > i) out.push_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

// One date without range or circa: "12 Nov 1974", "Nov 1974", "1974", "1974-11-12",
// "1974-11", "12/11/1974" is not an OFAC form and is rejected.
bool ParseSingleDate(std::string_view s, int& y, int& m, int& d) {
  y = m = d = 0;
  s = TrimView(s);
  if (s.size() >= 4 && IsDigit(s[0]) && s.size() <= 10 && s.find('-') == 4) {
    y = ParseInt(s.substr(0, 4));
    if (s.size() >= 7) m = ParseInt(s.substr(5, 2));
    if (s.size() == 10) d = ParseInt(s.substr(8, 2));
    if (y <= 0 || m < 0 || d < 0 || m > 12 || d > 31 ||
        (s.size() != 4 && s.size() != 7 && s.size() != 10)) {
      y = m = d = 0;
      return false;
    }
    return true;
  }
  auto toks = Tokens(s);
  if (toks.empty() || toks.size() > 3) return false;
  int year = ParseInt(toks.back());
  if (year < 1000 || year > 9999) return false;
  y = year;
  if (toks.size() >= 2) {
    m = MonthOf(toks[toks.size() - 2]);
    if (m == 0) {
      y = 0;
      return false;
    }
  }
  if (toks.size() == 3) {
    d = ParseInt(toks[0]);
    if (d < 1 || d > 31) {
      y = m = d = 0;
      return false;
    }
  }
  return true;
}

// Labels of identifiers written "<label> <number> [(<country>)] [note]" in OFAC remarks,
// taken from the 2021-07 SDN and 2025-12 non-SDN files. Longest label wins. Items with a
// country in parentheses are accepted with any label (see ParseIdentifierItem).
constexpr std::array<std::string_view, 80> kIdLabels = {
    "Passport",
    "Diplomatic Passport",
    "British National Overseas Passport",
    "Stateless Person Passport",
    "Passport Booklet:",
    "Passport Booklet",
    "Cedula No.",
    "National ID No.",
    "NIT #",
    "R.F.C. #",
    "R.F.C.",
    "RFC",
    "C.U.R.P. #",
    "C.U.R.P.",
    "Registration Number",
    "Tax ID No.",
    "RUC #",
    "Registration ID",
    "Folio Mercantil No.",
    "Identification Number",
    "Government Gazette Number",
    "Commercial Registry Number",
    "Matricula Mercantil No",
    "Company Number",
    "D.N.I.",
    "V.A.T. Number",
    "C.R. No.",
    "RIF #",
    "Business Registration Number",
    "Trade License No.",
    "Electoral Registry No.",
    "Driver's License No.",
    "Business Registration Document #",
    "Credencial electoral",
    "Cartilla de Servicio Militar Nacional",
    "National Foreign ID Number",
    "Chamber of Commerce Number",
    "SSN",
    "Residency Number",
    "UK Company Number",
    "I.F.E.",
    "C.U.I.T.",
    "LE Number",
    "Personal ID Card",
    "Public Registration Number",
    "Branch Unit Number",
    "Certificate of Incorporation Number",
    "C.U.I.P.",
    "Turkish Identification Number",
    "Numero de Identidad",
    "Citizen's Card Number",
    "United Social Credit Code Certificate (USCCC)",
    "Unified Social Credit Code (USCC)",
    "Travel Document Number",
    "Enterprise Number",
    "Legal Entity Number",
    "US FEIN",
    "Registered Charity No.",
    "Birth Certificate Number",
    "Tazkira National ID Card",
    "Dubai Chamber of Commerce Membership No.",
    "Kenyan ID No.",
    "Refugee ID Card",
    "Stateless Person ID Card",
    "Fiscal Code",
    "Italian Fiscal Code",
    "Public Security and Traffic Bureau",
    "D-U-N-S Number",
    "SWIFT/BIC",
    "BIK (RU)",
    "Economic Register Number (CBLS)",
    "Aircraft Construction Number (also called L/N or S/N or F/N)",
    "Aircraft Manufacturer's Serial Number (MSN)",
    "Aircraft Tail Number",
    "Digital Currency Address - ",
    "Chinese Commercial Code",
    "Pilot License Number",
    "Immigration No.",
    "ISIN",
    "Equity Ticker",
};

// Items that are sanctions information rather than facts about the party.
constexpr std::array<std::string_view, 8> kSanctionsInfoPrefixes = {
    "Additional Sanctions Information -",
    "Secondary sanctions risk:",
    "Transactions Prohibited For Persons Owned or Controlled By U.S. Financial Institutions:",
    "Executive Order ",
    "CAATSA Section 235 Information:",
    "IFCA Determination -",
    "Listing Date (EO 14024 Directive",
    "Effective Date (EO 14024 Directive",
};

// Descriptive items that look like "<label> <value>" but are not identifiers.
constexpr std::array<std::string_view, 20> kOtherFactPrefixes = {
    "Organization Established Date",
    "Organization Type:",
    "Target Type",
    "Issuer Name",
    "Listing Date",
    "Effective Date",
    "Purchase/Sales For Divestment Date",
    "Phone Number",
    "Telephone",
    "Fax",
    "Aircraft Model",
    "Aircraft Operator",
    "Aircraft Manufacture Date",
    "Aircraft Mode S Transponder Code",
    "Former Vessel Flag",
    "Other Vessel Flag",
    "Other Vessel Call Sign",
    "Other Vessel Type",
    "Vessel Year of Build",
    "Vessel Owner",
};

void AddIdentifier(Entity& e, Identifier id) {
  for (const auto& x : e.identifiers) {
    if (x.type == id.type && x.number == id.number) return;
  }
  e.identifiers.push_back(std::move(id));
}

void AddName(Entity& e, Name n) {
  if (n.full.empty()) return;
  for (const auto& x : e.names) {
    if (x.full == n.full && x.kind == n.kind) return;
  }
  e.names.push_back(std::move(n));
}

void AddDate(Entity& e, PartialDate d) {
  for (const auto& x : e.birth_dates) {
    if (x.year == d.year && x.month == d.month && x.day == d.day && x.year_to == d.year_to &&
        x.circa == d.circa)
      return;
  }
  e.birth_dates.push_back(std::move(d));
}

VesselInfo& Vessel(Entity& e) {
  if (!e.vessel) e.vessel.emplace();
  return *e.vessel;
}

// The final name of a "Linked To:" target: the remarks split drops the final '.', which is
// put back when the last word is an abbreviation such as "S.A".
std::string LinkedName(std::string_view name, bool was_last_with_dot) {
  std::string out = Trim(name);
  if (was_last_with_dot) {
    auto sp = out.find_last_of(" ,");
    std::string_view last =
        sp == std::string::npos ? std::string_view(out) : std::string_view(out).substr(sp + 1);
    if (last.find('.') != std::string_view::npos) out.push_back('.');
  }
  return out;
}

// Applies one remark item; false when it is not recognised (or is an identifier and
// `allow_identifiers` is false).
bool ApplyItem(std::string_view item, bool last_with_dot, bool allow_identifiers, Entity& e,
               std::vector<Relation>& relations) {
  std::optional<std::string> v;
  if ((v = After(item, "Linked To:"))) {
    Relation r;
    r.source_id = e.id;
    r.target_name = LinkedName(*v, last_with_dot);
    r.type = RelationType::kUnknownLink;
    r.provenance = e.dataset + " remarks of " + e.record_id;
    if (!r.target_name.empty()) relations.push_back(std::move(r));
  } else if ((v = After(item, "DOB"))) {
    if (auto d = ParseOfacDate(*v)) AddDate(e, std::move(*d));
  } else if ((v = After(item, "POB"))) {
    PushUnique(e.birth_places, *v);
  } else if ((v = After(item, "Nationality of Registration"))) {
    PushUnique(e.countries, *v);
  } else if ((v = After(item, "nationality"))) {
    PushUnique(e.nationalities, *v);
  } else if ((v = After(item, "citizen"))) {
    PushUnique(e.citizenships, *v);
  } else if ((v = After(item, "Gender"))) {
    std::string g = Upper(*v);
    if (g == "MALE") e.gender = "male";
    if (g == "FEMALE") e.gender = "female";
  } else if ((v = After(item, "a.k.a.")) || (v = After(item, "f.k.a.")) ||
             (v = After(item, "n.k.a."))) {
    std::string_view n = TrimView(*v);
    if (n.size() >= 2 && n.front() == '\'' && n.back() == '\'') n = n.substr(1, n.size() - 2);
    AddName(e, MakeName(n, item[0] == 'f' ? NameKind::kFormer : NameKind::kWeakAlias, false));
  } else if ((v = After(item, "Website"))) {
    PushUnique(e.websites, *v);
  } else if ((v = After(item, "Email Address"))) {
    PushUnique(e.emails, *v);
  } else if ((v = After(item, "Vessel Registration Identification"))) {
    std::string_view imo = TrimView(*v);
    if (StartsWith(imo, "IMO ")) imo = TrimView(imo.substr(4));
    Vessel(e).imo = std::string(imo);
    AddIdentifier(e, Identifier{"IMO", std::string(imo), "", ""});
  } else if ((v = After(item, "MMSI"))) {
    Vessel(e).mmsi = *v;
    AddIdentifier(e, Identifier{"MMSI", *v, "", ""});
  } else if ((v = After(item, "Vessel Call Sign"))) {
    if (Vessel(e).call_sign.empty()) Vessel(e).call_sign = *v;
  } else if ((v = After(item, "Vessel Flag"))) {
    if (Vessel(e).flag.empty()) Vessel(e).flag = *v;
    PushUnique(e.countries, *v);
  } else if ((v = After(item, "Vessel Type"))) {
    if (Vessel(e).vessel_type.empty()) Vessel(e).vessel_type = *v;
  } else if (std::any_of(kSanctionsInfoPrefixes.begin(), kSanctionsInfoPrefixes.end(),
                         [&](std::string_view p) { return StartsWith(item, p); })) {
    PushUnique(e.sanctions_info, item);
  } else if (std::any_of(kOtherFactPrefixes.begin(), kOtherFactPrefixes.end(),
                         [&](std::string_view p) { return StartsWith(item, p); })) {
    return true;  // descriptive, not an identifier; kept only in Entity::remarks
  } else if (!allow_identifiers) {
    return false;
  } else if (auto id = ParseIdentifierItem(item)) {
    AddIdentifier(e, std::move(*id));
  } else {
    return false;  // stays only in Entity::remarks
  }
  return true;
}

}  // namespace

std::string_view TrimView(std::string_view s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
  return s;
}

bool IsNull(std::string_view field) {
  field = TrimView(field);
  return field.empty() || field == "-0-";
}

void PushUnique(std::vector<std::string>& v, std::string_view value) {
  value = TrimView(value);
  if (value.empty()) return;
  if (std::find(v.begin(), v.end(), value) == v.end()) v.emplace_back(value);
}

Schema OfacSchema(std::string_view sdn_type) {
  std::string t = Upper(TrimView(sdn_type));
  if (t == "INDIVIDUAL") return Schema::kPerson;
  if (t == "VESSEL") return Schema::kVessel;
  if (t == "AIRCRAFT") return Schema::kAirplane;
  return Schema::kOrganization;
}

std::vector<std::string> SplitPrograms(std::string_view field) {
  std::vector<std::string> out;
  if (IsNull(field)) return out;
  std::string cur;
  auto flush = [&] {
    PushUnique(out, cur);
    cur.clear();
  };
  for (char c : field) {
    if (c == '[' || c == ']') {
      flush();
    } else {
      cur.push_back(c);
    }
  }
  flush();
  return out;
}

Name MakeName(std::string_view full, NameKind kind, bool person) {
  Name n;
  n.full = Trim(full);
  n.kind = kind;
  if (person) {
    auto comma = n.full.find(',');
    if (comma != std::string::npos) {
      n.last = Trim(std::string_view(n.full).substr(0, comma));
      n.first = Trim(std::string_view(n.full).substr(comma + 1));
    } else {
      n.last = n.full;
    }
  }
  return n;
}

void AddListedName(Entity& e, Name n) {
  if (n.full.empty()) return;
  for (auto& x : e.names) {
    if (x.full != n.full || x.script != n.script) continue;
    if (n.kind == NameKind::kPrimary && x.kind != NameKind::kPrimary) x = std::move(n);
    return;
  }
  e.names.push_back(std::move(n));
}

std::optional<PartialDate> ParseOfacDate(std::string_view text) {
  PartialDate d;
  d.raw = Trim(text);
  std::string_view s = TrimView(text);
  while (!s.empty() && s.back() == '.') s.remove_suffix(1);
  if (StartsWithNoCase(s, "circa ")) {
    d.circa = true;
    s = TrimView(s.substr(6));
  }
  std::string_view from = s, to;
  if (auto p = s.find(" to "); p != std::string_view::npos) {
    from = s.substr(0, p);
    to = s.substr(p + 4);
  } else if (s.size() == 9 && s[4] == '-' && IsDigit(s[0]) && IsDigit(s[5])) {
    from = s.substr(0, 4);  // "1960-1965"
    to = s.substr(5);
  }
  if (!ParseSingleDate(from, d.year, d.month, d.day)) return std::nullopt;
  if (!to.empty()) {
    int y2 = 0, m2 = 0, d2 = 0;
    if (!ParseSingleDate(to, y2, m2, d2)) return std::nullopt;
    if (y2 > d.year) {
      d.year_to = y2;
      d.month = d.day = 0;  // a multi-year range keeps year precision only
    } else if (y2 == d.year && (m2 != d.month || d2 != d.day)) {
      if (m2 != d.month) d.month = 0;
      d.day = 0;
    }
  }
  return d;
}

std::vector<std::string> SplitRemarks(std::string_view remarks) {
  std::vector<std::string> items;
  remarks = TrimView(remarks);
  if (IsNull(remarks)) return items;
  int depth = 0;
  size_t start = 0;
  for (size_t i = 0; i <= remarks.size(); ++i) {
    char c = i < remarks.size() ? remarks[i] : ';';
    if (c == '(') {
      ++depth;
    } else if (c == ')') {
      if (depth > 0) --depth;
    } else if (c == ';' && (depth == 0 || i == remarks.size())) {
      std::string item = Trim(remarks.substr(start, i - start));
      if (!item.empty()) items.push_back(std::move(item));
      start = i + 1;
    }
  }
  if (!items.empty() && items.back().back() == '.') items.back().pop_back();
  return items;
}

std::optional<Identifier> ParseIdentifierItem(std::string_view item) {
  item = TrimView(item);
  Identifier id;
  std::string_view rest;
  size_t best = 0;
  for (std::string_view label : kIdLabels) {
    if (label.size() > best && item.size() > label.size() && StartsWith(item, label) &&
        (label.back() == ' ' || IsSpace(item[label.size()]))) {
      best = label.size();
    }
  }
  if (best > 0) {
    id.type = Trim(item.substr(0, best));
    rest = TrimView(item.substr(best));
    if (StartsWith(id.type, "Digital Currency Address -")) {
      // "Digital Currency Address - XBT 1Ky..." : the currency code is part of the type.
      auto sp = rest.find(' ');
      if (sp == std::string_view::npos) return std::nullopt;
      id.type += " " + std::string(rest.substr(0, sp));
      rest = TrimView(rest.substr(sp + 1));
    }
  } else {
    // Generic "<label> <number> (<country>)": the number is the last token before the
    // parenthesis and must contain a digit.
    auto open = item.find(" (");
    if (open == std::string_view::npos || item.find(')', open) == std::string_view::npos) {
      return std::nullopt;
    }
    std::string_view head = item.substr(0, open);
    auto sp = head.rfind(' ');
    if (sp == std::string_view::npos) return std::nullopt;
    std::string_view number = head.substr(sp + 1);
    if (std::none_of(number.begin(), number.end(), IsDigit)) return std::nullopt;
    id.type = Trim(head.substr(0, sp));
    if (id.type.empty() || IsDigit(id.type[0])) return std::nullopt;
    rest = item.substr(sp + 1);
  }
  auto open = rest.find(" (");
  auto close = open == std::string_view::npos ? open : rest.find(')', open);
  if (close != std::string_view::npos) {
    id.number = Trim(rest.substr(0, open));
    id.country = Trim(rest.substr(open + 2, close - open - 2));
    id.note = Trim(rest.substr(close + 1));
  } else {
    id.number = Trim(rest);
  }
  if (id.number.empty()) return std::nullopt;
  if (best == 0 && id.country.empty()) return std::nullopt;
  return id;
}

namespace {

// Parenthesised items are parsed as remarks of their own, at most kMaxDepth levels deep.
constexpr int kMaxDepth = 4;

void ApplyRemarksAt(std::string_view remarks, int depth, Entity& e,
                    std::vector<Relation>& relations) {
  bool ends_with_dot = !TrimView(remarks).empty() && TrimView(remarks).back() == '.';
  std::vector<std::string> items = SplitRemarks(remarks);
  for (size_t i = 0; i < items.size(); ++i) {
    std::string_view item = items[i];
    if (StartsWith(item, "alt. ")) item = TrimView(item.substr(5));
    if (item.size() >= 2 && item.front() == '(' && item.back() == ')' && depth < kMaxDepth) {
      // XML remarks wrap links in parentheses: "(Linked To: HAMAS)".
      ApplyRemarksAt(item.substr(1, item.size() - 2), depth + 1, e, relations);
      continue;
    }
    ApplyItem(item, ends_with_dot && i + 1 == items.size(), true, e, relations);
  }
}

}  // namespace

void SplitCountryFromNumber(Identifier& id) {
  auto open = id.number.rfind(" (");
  if (!id.country.empty() || open == std::string::npos || id.number.back() != ')') return;
  id.country = Trim(std::string_view(id.number).substr(open + 2, id.number.size() - open - 3));
  id.number = Trim(std::string_view(id.number).substr(0, open));
}

void ApplyRemarks(std::string_view remarks, Entity& e, std::vector<Relation>& relations) {
  ApplyRemarksAt(remarks, 0, e, relations);
}

bool ApplyFact(std::string_view type, std::string_view value, Entity& e,
               std::vector<Relation>& relations) {
  std::string item = Trim(type) + " " + Trim(value);
  return ApplyItem(Trim(item), false, false, e, relations);
}

bool ApplyVesselFeature(std::string_view type, std::string_view value, Entity& e) {
  std::string t = Upper(TrimView(type));
  std::string v = Trim(value);
  VesselInfo* info = nullptr;
  auto vessel = [&]() -> VesselInfo& {
    if (info == nullptr) info = &Vessel(e);
    return *info;
  };
  if (t == "VESSEL CALL SIGN") {
    vessel().call_sign = v;
  } else if (t == "VESSEL TYPE") {
    vessel().vessel_type = v;
  } else if (t == "VESSEL FLAG") {
    vessel().flag = v;
    PushUnique(e.countries, v);
  } else if (t == "VESSEL OWNER") {
    vessel().owner = v;
  } else if (t == "VESSEL TONNAGE") {
    vessel().tonnage = v;
  } else if (t == "VESSEL GROSS REGISTERED TONNAGE") {
    if (vessel().tonnage.empty()) vessel().tonnage = v;
  } else {
    return false;
  }
  return true;
}

size_t ResolveRelations(const std::vector<Entity>& entities, std::vector<Relation>& relations) {
  std::unordered_map<std::string, size_t> by_name;
  // Primary names first so that they win over aliases shared with another entity.
  for (int pass = 0; pass < 2; ++pass) {
    for (size_t i = 0; i < entities.size(); ++i) {
      for (const auto& n : entities[i].names) {
        if ((n.kind == NameKind::kPrimary) == (pass == 0)) by_name.emplace(Upper(n.full), i);
      }
    }
  }
  size_t resolved = 0;
  for (auto& r : relations) {
    if (!r.target_id.empty()) continue;
    std::string key = Upper(r.target_name);
    auto it = by_name.find(key);
    if (it == by_name.end()) it = by_name.find(key + ".");
    if (it == by_name.end() && !key.empty() && key.back() == '.') {
      it = by_name.find(key.substr(0, key.size() - 1));
    }
    if (it != by_name.end()) {
      r.target_id = entities[it->second].id;
      ++resolved;
    }
  }
  return resolved;
}

}  // namespace tamiz::sources::ofac
