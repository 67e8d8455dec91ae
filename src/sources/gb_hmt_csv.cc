#include "sources/gb_hmt_csv.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <optional>
#include <unordered_map>

#include "sources/dates.h"
#include "sources/gb_text.h"
#include "sources/un_xml_util.h"
#include "util/csv.h"
#include "util/file_io.h"

// Format reference: OFSI, "Consolidated List of Financial Sanctions Targets — CSV format guide"
// (2016 layout and the 2022 layout that added Alias Quality, Non-Latin Script and UK Sanctions
// List Date Designated). Field mapping and quirks: docs/formats/gb-hmt-csv.md.

namespace tamiz::sources {

namespace {

using xml::AddUnique;
using xml::Clean;
using xml::JoinNonEmpty;

constexpr const char* kFileName = "ConList.csv";

// Column indexes by normalized header name; -1 when the layout lacks the column.
class Columns {
 public:
  explicit Columns(const std::vector<std::string>& header) {
    auto norm = util::NormalizeHeader(header);
    for (size_t i = 0; i < norm.size(); ++i) index_.emplace(norm[i], static_cast<int>(i));
  }
  bool Has(const std::string& name) const { return index_.count(name) != 0; }
  std::string Get(const std::vector<std::string>& row, const std::string& name) const {
    auto it = index_.find(name);
    if (it == index_.end() || static_cast<size_t>(it->second) >= row.size()) return "";
    return Clean(row[static_cast<size_t>(it->second)]);
  }

 private:
  std::unordered_map<std::string, int> index_;
};

// OFSI "Non-Latin Script Type" -> ISO 15924.
std::string ScriptCode(std::string_view type) {
  static const std::map<std::string_view, std::string_view> kCodes = {
      {"Arabic", "Arab"},   {"Persian", "Arab"}, {"Cyrillic", "Cyrl"}, {"Chinese", "Hani"},
      {"Georgian", "Geor"}, {"Hebrew", "Hebr"},  {"Hangul", "Hang"},   {"Korean", "Hang"},
      {"Thai", "Thai"},     {"Greek", "Grek"},   {"Latin", "Latn"}};
  auto it = kCodes.find(type);
  return it == kCodes.end() ? "" : std::string(it->second);
}

// Alias Type + Alias Quality -> NameKind. "Primary name" (2022) / "Prime Alias" (2016) is the
// primary name; "Primary name variation" a strong alias; "AKA" strong unless "Low quality";
// "FKA" a former name.
NameKind KindOf(std::string_view alias_type, std::string_view quality) {
  if (alias_type == "Primary name" || alias_type == "Prime Alias") return NameKind::kPrimary;
  if (alias_type == "FKA") return NameKind::kFormer;
  if (quality == "Low quality") return NameKind::kWeakAlias;
  return NameKind::kStrongAlias;
}

// "(1) 2255278 (Syria)" style items -> identifiers. The number is the first blank-separated
// token that contains a digit; the rest of the item becomes the note.
void AddIdentifiers(Entity& e, const std::string& type, const std::string& numbers,
                    const std::string& details) {
  std::vector<std::string> nums = gb::SplitNumbered(numbers);
  std::vector<std::string> notes = gb::SplitNumbered(details);
  if (!nums.empty()) {
    for (size_t i = 0; i < nums.size(); ++i) {
      Identifier id;
      id.type = type;
      id.number = nums[i];
      if (notes.size() == nums.size()) {
        id.note = notes[i];
      } else {
        id.note = gb::TrimItem(details);
      }
      e.identifiers.push_back(std::move(id));
    }
    return;
  }
  for (const std::string& item : notes) {  // 2016 layout: number inside the details text
    size_t pos = 0;
    std::string number;
    std::string rest;
    while (pos < item.size()) {
      size_t end = item.find(' ', pos);
      if (end == std::string::npos) end = item.size();
      std::string tok = item.substr(pos, end - pos);
      if (number.empty() && tok.find_first_of("0123456789") != std::string::npos) {
        number = tok;
      } else {
        rest += (rest.empty() ? "" : " ") + tok;
      }
      pos = end + 1;
    }
    if (number.empty()) continue;
    Identifier id;
    id.type = type;
    id.number = number;
    id.note = rest;
    e.identifiers.push_back(std::move(id));
  }
}

bool SameIdentifier(const Identifier& a, const Identifier& b) {
  return a.type == b.type && a.number == b.number;
}

// First blank-separated token of `s`, without trailing punctuation.
std::string FirstToken(std::string_view s) {
  std::string t = gb::TrimItem(s);
  return gb::TrimItem(t.substr(0, t.find(' ')));
}

// Structured facts OFSI writes inside "Other Information" as "(Tag):value".
// Relations found there are appended to `relations`: the role says what the target is to `e`.
void ApplyOtherInformation(Entity& e, const std::string& other, std::vector<Relation>& relations) {
  static const std::vector<std::string_view> kTags = {"UK Sanctions List Ref",
                                                      "UK Statement of Reasons",
                                                      "UN Ref",
                                                      "Gender",
                                                      "Phone number",
                                                      "Email address",
                                                      "Type of entity",
                                                      "Website",
                                                      "Parent company",
                                                      "Business Reg No",
                                                      "Subsidiaries",
                                                      "IMO number",
                                                      "Flag of ship",
                                                      "Type of ship",
                                                      "Tonnage of ship",
                                                      "Length of ship",
                                                      "Year built",
                                                      "Current owners",
                                                      "Fax",
                                                      "Previous flags"};
  gb::TaggedText t = gb::SplitTags(other, kTags);
  for (const auto& [tag, value] : t.tags) {
    if (value.empty()) continue;
    auto add_id = [&](const std::string& type, const std::string& number) {
      Identifier id{type, number, "", ""};
      for (const auto& have : e.identifiers) {
        if (SameIdentifier(have, id)) return;
      }
      e.identifiers.push_back(std::move(id));
    };
    if (tag == "UK Sanctions List Ref") {
      add_id("UK Sanctions List Ref", FirstToken(value));
    } else if (tag == "UN Ref") {
      add_id("UN Ref", FirstToken(value));
    } else if (tag == "Gender") {
      std::string g = FirstToken(value);
      if (g == "Male") e.gender = "male";
      if (g == "Female") e.gender = "female";
    } else if (tag == "Email address") {
      for (auto& v : gb::SplitNumbered(value)) AddUnique(e.emails, v);
    } else if (tag == "Website") {
      for (auto& v : gb::SplitNumbered(value)) AddUnique(e.websites, v);
    } else if (tag == "Business Reg No") {
      for (auto& v : gb::SplitNumbered(value)) add_id("Business Registration Number", v);
    } else if (tag == "Parent company" || tag == "Subsidiaries") {
      for (auto& v : gb::SplitNumbered(value)) {
        Relation r;
        r.source_id = e.id;
        r.target_name = v;
        r.type = RelationType::kOwnership;
        r.role = tag == "Parent company" ? "parent company" : "subsidiary";
        r.provenance = e.source_ref;
        bool dup = false;
        for (const auto& have : relations) {
          dup = dup || (have.source_id == r.source_id && have.target_name == r.target_name &&
                        have.role == r.role);
        }
        if (!dup) relations.push_back(std::move(r));
      }
    } else if (tag == "IMO number" || tag == "Flag of ship" || tag == "Type of ship" ||
               tag == "Tonnage of ship" || tag == "Current owners") {
      if (!e.vessel) e.vessel.emplace();
      if (tag == "IMO number") {
        e.vessel->imo = FirstToken(value);
        add_id("IMO", e.vessel->imo);
      }
      if (tag == "Flag of ship") e.vessel->flag = value;
      if (tag == "Type of ship") e.vessel->vessel_type = value;
      if (tag == "Tonnage of ship") e.vessel->tonnage = value;
      if (tag == "Current owners") e.vessel->owner = value;
    }
  }
}

}  // namespace

namespace {

struct Group {
  Entity entity;
  std::vector<std::string> other_information;  // distinct values, in row order
};

Schema SchemaOf(std::string_view group_type) {
  if (group_type == "Individual") return Schema::kPerson;
  if (group_type == "Ship") return Schema::kVessel;
  if (group_type == "Entity") return Schema::kOrganization;
  return Schema::kUnknown;
}

// Adds one name row of a group to its entity.
void AddRow(Group& g, const Columns& c, const std::vector<std::string>& row) {
  Entity& e = g.entity;
  if (e.schema == Schema::kUnknown) e.schema = SchemaOf(c.Get(row, "group type"));
  NameKind kind = KindOf(c.Get(row, "alias type"), c.Get(row, "alias quality"));
  Name n;
  n.kind = kind;
  std::vector<std::string> given;
  for (const char* col : {"name 1", "name 2", "name 3", "name 4", "name 5"}) {
    if (std::string v = c.Get(row, col); !v.empty()) given.push_back(std::move(v));
  }
  std::string family = c.Get(row, "name 6");
  n.full = JoinNonEmpty({JoinNonEmpty(given, " "), family}, " ");
  if (e.schema == Schema::kPerson) {
    n.last = family;
    if (!given.empty()) {
      n.first = given.front();
      n.middle = JoinNonEmpty({given.begin() + 1, given.end()}, " ");
    }
  }
  auto add_name = [&e](Name name) {
    if (name.full.empty()) return;
    for (const Name& have : e.names) {
      if (have.full == name.full && have.kind == name.kind && have.script == name.script) return;
    }
    if (name.kind == NameKind::kPrimary && name.script.empty() && e.caption.empty()) {
      e.caption = name.full;
    }
    e.names.push_back(std::move(name));
  };
  add_name(n);
  if (std::string script = c.Get(row, "name non-latin script"); !script.empty()) {
    Name s;
    s.full = script;
    s.kind = kind;
    s.script = ScriptCode(c.Get(row, "non-latin script type"));
    if (s.script.empty()) s.script = xml::DetectScript(script);
    add_name(std::move(s));
  }
  AddUnique(e.titles, c.Get(row, "title"));
  for (const std::string& dob : gb::SplitNumbered(c.Get(row, "dob"))) {
    PartialDate d = ParseListDate(dob);
    if (d.year == 0) continue;
    bool dup = false;
    for (const auto& have : e.birth_dates) dup = dup || have.ToIso() == d.ToIso();
    if (!dup) e.birth_dates.push_back(std::move(d));
  }
  AddUnique(e.birth_places,
            JoinNonEmpty({c.Get(row, "town of birth"), c.Get(row, "country of birth")}, ", "));
  for (std::string& nat : gb::SplitNumbered(c.Get(row, "nationality"))) {
    AddUnique(e.nationalities, std::move(nat));
  }
  Entity scratch;
  AddIdentifiers(scratch, "Passport", c.Get(row, "passport number"),
                 c.Get(row, "passport details"));
  if (c.Has("ni number")) {  // 2016 layout: number and details share one column
    AddIdentifiers(scratch, "National ID", "", c.Get(row, "ni number"));
  } else {
    AddIdentifiers(scratch, "National ID", c.Get(row, "national identification number"),
                   c.Get(row, "national identification details"));
  }
  for (Identifier& id : scratch.identifiers) {
    bool dup = false;
    for (const auto& have : e.identifiers) dup = dup || SameIdentifier(have, id);
    if (!dup) e.identifiers.push_back(std::move(id));
  }
  for (std::string& pos : gb::SplitNumbered(c.Get(row, "position"))) {
    AddUnique(e.positions, std::move(pos));
  }
  Address a;
  std::vector<std::string> lines;
  for (const char* col : {"address 1", "address 2", "address 3", "address 4", "address 5"}) {
    lines.push_back(c.Get(row, col));
  }
  a.street = JoinNonEmpty(lines, ", ");
  a.city = c.Get(row, "address 6");
  a.postal_code = c.Get(row, "post/zip code");
  a.country = c.Get(row, "country");
  a.full = JoinNonEmpty({a.street, a.city, a.postal_code, a.country}, ", ");
  if (!a.full.empty()) {
    bool dup = false;
    for (const auto& have : e.addresses) dup = dup || have.full == a.full;
    AddUnique(e.countries, a.country);
    if (!dup) e.addresses.push_back(std::move(a));
  }
  AddUnique(g.other_information, c.Get(row, "other information"));
  AddUnique(e.programs, c.Get(row, "regime"));
  if (e.listed_on.empty()) e.listed_on = ListDateToIso(c.Get(row, "listed on"));
  if (std::string d = ListDateToIso(c.Get(row, "uk sanctions list date designated")); !d.empty()) {
    AddUnique(e.sanctions_info, "UK Sanctions List Date Designated: " + d);
  }
}

}  // namespace

Result<ParsedList> ParseGbHmtCsv(const std::filesystem::path& dir, const std::string& dataset,
                                 const ParseOptions& options) {
  std::filesystem::path path = dir / kFileName;
  auto bytes = util::ReadFile(path, options.max_file_bytes);
  if (!bytes.ok()) return bytes.status();
  std::string data = std::move(bytes).value();
  ParsedList out;
  out.version.dataset = dataset;
  out.version.title = "UK HM Treasury / OFSI Consolidated List of Financial Sanctions Targets";
  out.version.format = "gb-hmt-csv";
  out.version.path = dir.string();
  out.version.files.push_back(kFileName);
  out.version.sha256 = util::Sha256Hex(data);

  if (size_t bad = util::FindInvalidUtf8(data); bad != std::string::npos) {
    std::string where = fmt::format("{}:{}", kFileName, util::LineOfOffset(data, bad));
    if (gb::LooksLikeWindows1252(data)) {
      out.warnings.push_back(fmt::format(
          "{}: not UTF-8 and no UTF-8 sequence in the file; decoded as Windows-1252", kFileName));
      data = gb::Windows1252ToUtf8(data);
    } else if (options.lenient) {
      out.warnings.push_back(fmt::format("{}: invalid UTF-8 replaced with U+FFFD", where));
      data = util::RepairUtf8(data);
    } else {
      return Status::DataError(fmt::format("{}: invalid UTF-8 (byte 0x{:02X} at offset {})", where,
                                           static_cast<unsigned char>(data[bad]), bad));
    }
  }

  util::CsvOptions csv_options;
  csv_options.max_field_bytes = options.max_field_bytes;
  util::CsvReader reader(kFileName, data, csv_options);
  std::vector<std::string> row;
  if (!reader.Next(row)) {
    if (!reader.status().ok()) return reader.status();
    return Status::DataError(fmt::format("{}:1: empty file", kFileName));
  }
  if (!row.empty() && util::NormalizeHeader({row[0]})[0] == "last updated") {
    if (row.size() > 1) out.version.date = ListDateToIso(row[1]);
    if (!reader.Next(row)) {
      if (!reader.status().ok()) return reader.status();
      return Status::DataError(fmt::format("{}:2: missing header row", kFileName));
    }
  }
  const size_t header_line = reader.record_line();
  Columns cols(row);
  const size_t width = row.size();
  for (const char* required : {"name 6", "group id", "group type"}) {
    if (!cols.Has(required)) {
      return Status::DataError(
          fmt::format("{}:{}: header: missing column \"{}\"", kFileName, header_line, required));
    }
  }

  std::vector<Group> groups;
  std::unordered_map<std::string, size_t> by_id;
  size_t records = 0;
  auto reject = [&](Status s) -> bool {  // true when parsing must stop
    if (!options.lenient) return true;
    out.warnings.push_back(s.message() + " (row skipped)");
    ++out.version.skipped;
    return false;
  };
  while (true) {
    if (!reader.Next(row)) {
      if (reader.status().ok()) break;
      if (reject(reader.status())) return reader.status();
      reader.SkipToNextLine();
      continue;
    }
    bool blank =
        std::all_of(row.begin(), row.end(), [](const std::string& f) { return Clean(f).empty(); });
    if (blank) continue;
    if (++records > options.max_records) {
      return Status::DataError(fmt::format("{}:{}: more than {} rows", kFileName,
                                           reader.record_line(), options.max_records));
    }
    std::string gid = cols.Get(row, "group id");
    if (row.size() != width) {
      Status s = Status::DataError(fmt::format("{}:{}: record {}: {} fields, the header has {}",
                                               kFileName, reader.record_line(),
                                               gid.empty() ? "?" : gid, row.size(), width));
      if (reject(s)) return s;
      continue;
    }
    if (gid.empty()) {
      Status s = Status::DataError(
          fmt::format("{}:{}: field \"Group ID\" is empty", kFileName, reader.record_line()));
      if (reject(s)) return s;
      continue;
    }
    auto [it, fresh] = by_id.emplace(gid, groups.size());
    if (fresh) {
      groups.emplace_back();
      Entity& e = groups.back().entity;
      e.dataset = dataset;
      e.record_id = gid;
      e.id = dataset + ":" + gid;
      e.source_ref = fmt::format("{}:{}", kFileName, reader.record_line());
      e.topics.push_back("sanction");
    }
    AddRow(groups[it->second], cols, row);
  }

  out.entities.reserve(groups.size());
  for (Group& g : groups) {
    Entity& e = g.entity;
    e.remarks = JoinNonEmpty(g.other_information, " ");
    for (const std::string& other : g.other_information) {
      ApplyOtherInformation(e, other, out.relations);
    }
    // 2 groups of the 2025-04-10 file have only "Primary name variation" rows: the first
    // name then stands in as the primary one.
    bool has_primary = std::any_of(e.names.begin(), e.names.end(),
                                   [](const Name& n) { return n.kind == NameKind::kPrimary; });
    if (!has_primary && !e.names.empty()) e.names.front().kind = NameKind::kPrimary;
    if (e.caption.empty() && !e.names.empty()) e.caption = e.names.front().full;
    out.entities.push_back(std::move(e));
  }
  out.version.entity_count = out.entities.size();
  out.version.relation_count = out.relations.size();
  return out;
}

}  // namespace tamiz::sources
