#include "sources/us_trade_csl_csv.h"

#include <fmt/format.h>

#include <unordered_map>

#include "sources/dates.h"
#include "sources/ftm_common.h"
#include "util/csv.h"
#include "util/file_io.h"

// Format reference: International Trade Administration, "Consolidated Screening List" API and
// CSV download (developer.trade.gov, data.trade.gov/consolidated_screening_list). Column
// mapping and quirks: docs/formats/us-trade-csl-csv.md.

namespace tamiz::sources {

namespace {

namespace fs = std::filesystem;
using ftm::AddName;
using ftm::AddUnique;
using ftm::SplitTrim;
using ftm::Trim;

constexpr const char* kFileName = "consolidated.csv";

// Column indexes by normalized header name.
class Columns {
 public:
  explicit Columns(const std::vector<std::string>& header) {
    auto norm = util::NormalizeHeader(header);
    for (size_t i = 0; i < norm.size(); ++i) index_.emplace(norm[i], i);
    size_ = header.size();
  }
  bool Has(const std::string& name) const { return index_.count(name) != 0; }
  size_t size() const { return size_; }
  std::string Get(const std::vector<std::string>& row, const std::string& name) const {
    auto it = index_.find(name);
    if (it == index_.end() || it->second >= row.size()) return "";
    return Trim(row[it->second]);
  }

 private:
  std::unordered_map<std::string, size_t> index_;
  size_t size_ = 0;
};

Schema SchemaOf(std::string_view type) {
  if (type == "Individual") return Schema::kPerson;
  if (type == "Entity") return Schema::kOrganization;
  if (type == "Vessel") return Schema::kVessel;
  if (type == "Aircraft") return Schema::kAirplane;
  return Schema::kLegalEntity;  // BIS lists leave the type empty for people and firms alike
}

// FtM topic of a CSL source list, from the abbreviation in its name ("Entity List (EL) - ...").
// Sources: trade.gov CSL documentation, list descriptions of BIS, State and Treasury.
std::string TopicOf(std::string_view source) {
  for (std::string_view export_list : {"(EL)", "(DPL)", "(UVL)", "(MEU)"}) {
    if (source.find(export_list) != std::string_view::npos) return "export.control";
  }
  if (source.find("(DTC)") != std::string_view::npos) return "debarment";
  return "sanction";
}

// "Passport, 836238033, KP" style items of the `ids` column. Items that are not document
// numbers (gender, e-mail, website, directive texts) go to the matching entity field.
void AddIdItem(Entity& e, const std::string& item) {
  size_t comma = item.find(", ");
  std::string type = Trim(item.substr(0, comma));
  std::string rest = comma == std::string::npos ? "" : Trim(item.substr(comma + 2));
  if (type.empty() || rest.empty()) {
    AddUnique(e.sanctions_info, item);
    return;
  }
  if (type == "Gender") {
    e.gender = ftm::NormalizeGender(rest);
    return;
  }
  if (type == "Email Address") return AddUnique(e.emails, rest);
  if (type == "Website") return AddUnique(e.websites, rest);
  bool info =
      type.back() == ':' || type.back() == '-' || type.find("Directive") != std::string::npos ||
      type.find("Date") != std::string::npos || type.find("Nationality") != std::string::npos ||
      type == "Target Type" || type == "Issuer Name";
  if (info) return AddUnique(e.sanctions_info, type + " " + rest);
  Identifier id;
  id.type = type;
  std::vector<std::string> parts = SplitTrim(rest, ", ");
  id.number = parts.empty() ? rest : parts[0];
  if (parts.size() >= 2) {
    const std::string& last = parts.back();
    bool code = last.size() == 2 && std::isupper(static_cast<unsigned char>(last[0])) &&
                std::isupper(static_cast<unsigned char>(last[1]));
    if (code) id.country = last;
    std::vector<std::string> note(parts.begin() + 1, parts.end() - (code ? 1 : 0));
    for (const std::string& n : note) id.note += (id.note.empty() ? "" : ", ") + n;
  }
  if (type == "Vessel Registration Identification" && id.number.rfind("IMO ", 0) == 0) {
    id.type = "IMO";
    id.number = Trim(id.number.substr(4));
    if (!e.vessel) e.vessel.emplace();
    e.vessel->imo = id.number;
  }
  for (const Identifier& have : e.identifiers) {
    if (have.type == id.type && have.number == id.number) return;
  }
  e.identifiers.push_back(std::move(id));
}

// "street, city, ..., CC": the last item is the ISO country code when it is two capitals.
Address ParseAddress(const std::string& item) {
  Address a;
  a.full = item;
  std::vector<std::string> parts = SplitTrim(item, ",");
  if (!parts.empty() && parts.back().size() == 2 &&
      std::isupper(static_cast<unsigned char>(parts.back()[0])) &&
      std::isupper(static_cast<unsigned char>(parts.back()[1]))) {
    a.country = parts.back();
    parts.pop_back();
    if (parts.size() == 1) a.city = parts[0];
  }
  return a;
}

Entity EntityOf(const Columns& c, const std::vector<std::string>& row, const std::string& dataset,
                size_t line) {
  Entity e;
  e.record_id = c.Get(row, "_id");
  e.dataset = dataset;
  e.id = dataset + ":" + e.record_id;
  e.schema = SchemaOf(c.Get(row, "type"));
  e.source_ref = fmt::format("{}:{}", kFileName, line);

  // BIS writes "<name>; and any successor, sub-unit, or subsidiary thereof": the name is the
  // part before the first "; ", the qualifier goes to the remarks.
  std::string raw_name = c.Get(row, "name");
  size_t semi = raw_name.find("; ");
  std::string qualifier;
  if (semi != std::string::npos) {
    qualifier = Trim(raw_name.substr(semi + 2));
    raw_name = Trim(raw_name.substr(0, semi));
  }
  auto make_name = [&e](const std::string& full, NameKind kind) {
    Name n;
    n.full = full;
    n.kind = kind;
    size_t comma = full.find(", ");
    if (e.schema == Schema::kPerson && comma != std::string::npos &&
        full.find(", ", comma + 2) == std::string::npos) {
      n.last = Trim(full.substr(0, comma));  // OFAC style "LAST, Given Names"
      n.first = Trim(full.substr(comma + 2));
    }
    return n;
  };
  AddName(e, make_name(raw_name, NameKind::kPrimary));
  for (const std::string& alt : SplitTrim(c.Get(row, "alt_names"), "; ")) {
    AddName(e, make_name(alt, NameKind::kStrongAlias));
  }

  std::string source = c.Get(row, "source");
  if (!source.empty()) {
    e.programs.push_back("source:" + source);
    AddUnique(e.topics, TopicOf(source));
  }
  for (std::string& p : SplitTrim(c.Get(row, "programs"), ";")) AddUnique(e.programs, p);
  if (std::string t = c.Get(row, "title"); !t.empty()) AddUnique(e.positions, t);
  for (const std::string& a : SplitTrim(c.Get(row, "addresses"), "; ")) {
    Address addr = ParseAddress(a);
    AddUnique(e.countries, addr.country);
    e.addresses.push_back(std::move(addr));
  }
  for (const std::string& d : SplitTrim(c.Get(row, "dates_of_birth"), ";")) {
    e.birth_dates.push_back(ParseListDate(d));
  }
  for (std::string& p : SplitTrim(c.Get(row, "places_of_birth"), ";")) {
    AddUnique(e.birth_places, std::move(p));
  }
  for (std::string& v : SplitTrim(c.Get(row, "nationalities"), ";")) {
    AddUnique(e.nationalities, std::move(v));
  }
  for (std::string& v : SplitTrim(c.Get(row, "citizenships"), ";")) {
    AddUnique(e.citizenships, std::move(v));
  }
  for (const std::string& item : SplitTrim(c.Get(row, "ids"), "; ")) AddIdItem(e, item);

  VesselInfo v;
  v.call_sign = c.Get(row, "call_sign");
  v.vessel_type = c.Get(row, "vessel_type");
  v.tonnage = c.Get(row, "gross_tonnage");
  if (v.tonnage.empty()) v.tonnage = c.Get(row, "gross_registered_tonnage");
  v.flag = c.Get(row, "vessel_flag");
  v.owner = c.Get(row, "vessel_owner");
  bool has_vessel = !(v.call_sign.empty() && v.vessel_type.empty() && v.tonnage.empty() &&
                      v.flag.empty() && v.owner.empty());
  if (has_vessel || e.schema == Schema::kVessel) {
    if (e.vessel) v.imo = e.vessel->imo;
    e.vessel = std::move(v);
  }

  e.listed_on = ListDateToIso(c.Get(row, "start_date"));
  for (const auto& [column, label] : std::initializer_list<std::pair<const char*, const char*>>{
           {"federal_register_notice", "Federal Register notice: "},
           {"end_date", "End date: "},
           {"standard_order", "Standard order: "},
           {"license_requirement", "License requirement: "},
           {"license_policy", "License policy: "}}) {
    if (std::string v2 = c.Get(row, column); !v2.empty()) {
      AddUnique(e.sanctions_info, std::string(label) + v2);
    }
  }
  std::string remarks = c.Get(row, "remarks");
  if (!qualifier.empty()) remarks = remarks.empty() ? qualifier : remarks + "\n" + qualifier;
  e.remarks = remarks;
  return e;
}

}  // namespace

Result<ParsedList> ParseUsTradeCslCsv(const fs::path& dir, const std::string& dataset,
                                      const ParseOptions& options) {
  ParsedList out;
  fs::path file = dir / kFileName;
  auto data = ftm::ReadListFile(file, options, out.warnings);
  if (!data.ok()) return data.status();
  const std::string& text = data.value();

  util::CsvOptions csv_options;
  csv_options.max_field_bytes = options.max_field_bytes;
  util::CsvReader reader(kFileName, text, csv_options);
  std::vector<std::string> row;
  if (!reader.Next(row)) {
    if (!reader.status().ok()) return reader.status();
    return Status::DataError(fmt::format("{}:1: empty file, expected a header row", kFileName));
  }
  Columns cols(row);
  for (const char* required : {"_id", "source", "name"}) {
    if (!cols.Has(required)) {
      return Status::DataError(
          fmt::format("{}:1: header has no column '{}' (not a CSL file?)", kFileName, required));
    }
  }
  const std::vector<std::string> header_norm = util::NormalizeHeader(row);

  out.version.title = "US Consolidated Screening List (trade.gov)";
  out.version.format = "us-trade-csl-csv";
  out.version.files = {kFileName};
  out.version.sha256 = util::Sha256Hex(text);

  std::unordered_map<std::string, size_t> by_id;
  auto skip = [&](std::string message) { return SkipOrFail(std::move(message), options, out); };
  size_t records = 0;
  while (true) {
    bool got = reader.Next(row);
    if (!got && reader.status().ok()) break;
    size_t line = reader.record_line();
    if (!got) {
      std::string id = row.empty() ? "" : Trim(row[0]);
      std::string msg = reader.status().message();
      if (!id.empty()) {
        // "consolidated.csv:N: field ..." -> "consolidated.csv:N: record ID: field ..."
        std::string prefix = fmt::format("{}:{}: ", kFileName, line);
        if (msg.rfind(prefix, 0) == 0) {
          msg = prefix + "record " + id + ": " + msg.substr(prefix.size());
        }
      }
      if (Status s = skip(std::move(msg)); !s.ok()) return s;
      reader.SkipToNextLine();
      continue;
    }
    if (++records > options.max_records) {
      return Status::DataError(
          fmt::format("{}:{}: more than {} records", kFileName, line, options.max_records));
    }
    if (util::NormalizeHeader(row) == header_norm) {
      out.warnings.push_back(fmt::format("{}:{}: repeated header row skipped", kFileName, line));
      ++out.version.skipped;
      continue;
    }
    std::string id = row.empty() ? "" : Trim(row[0]);
    if (row.size() != cols.size()) {
      if (Status s = skip(fmt::format("{}:{}: record {}: expected {} fields, found {}", kFileName,
                                      line, id.empty() ? "?" : id, cols.size(), row.size()));
          !s.ok()) {
        return s;
      }
      continue;
    }
    id = cols.Get(row, "_id");
    if (id.empty()) {
      if (Status s = skip(fmt::format("{}:{}: record without _id (field 1)", kFileName, line));
          !s.ok()) {
        return s;
      }
      continue;
    }
    if (cols.Get(row, "name").empty()) {
      if (Status s = skip(fmt::format("{}:{}: record {}: empty name", kFileName, line, id));
          !s.ok()) {
        return s;
      }
      continue;
    }
    Entity e = EntityOf(cols, row, dataset, line);
    // The same OFAC entity may stand on two CSL source lists: merged into one.
    ftm::AddOrMergeEntity(out.entities, by_id, std::move(e));
  }
  return out;
}

}  // namespace tamiz::sources
