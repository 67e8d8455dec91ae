#include "sources/ftm_json.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <map>
#include <nlohmann/json.hpp>
#include <unordered_map>
#include <unordered_set>

#include "sources/dates.h"
#include "sources/ftm_common.h"
#include "util/file_io.h"

// Format reference: FollowTheMoney data model (followthemoney.tech, schema YAML files in
// alephdata/followthemoney: Thing, Person, LegalEntity, Ownership, Directorship, Family, ...),
// and the OpenSanctions/yente delta format ("op": ADD/MOD/DEL). Mapping:
// docs/formats/ftm-json.md.

namespace tamiz::sources {

namespace {

namespace fs = std::filesystem;
using ftm::AddName;
using ftm::AddUnique;
using ftm::Trim;
using Json = nlohmann::json;
using Props = std::map<std::string, std::vector<std::string>>;

// One FtM entity as read, before mapping.
struct RawEntity {
  std::string id;
  std::string schema;
  std::string caption;
  std::string last_seen;
  Props props;
  std::vector<std::string> referents;  // ids merged into this one (FtM "referents")
  std::string file;
  size_t line = 0;
  bool deleted = false;
};

// Relationship schemata: (source property, target property, relation type).
struct EdgeSpec {
  std::string_view source;
  std::string_view target;
  RelationType type;
};

const std::map<std::string_view, EdgeSpec>& EdgeSchemata() {
  static const std::map<std::string_view, EdgeSpec> kEdges = {
      {"Ownership", {"owner", "asset", RelationType::kOwnership}},
      {"Directorship", {"director", "organization", RelationType::kDirectorship}},
      {"Family", {"person", "relative", RelationType::kFamily}},
      {"Associate", {"person", "associate", RelationType::kAssociate}},
      {"Membership", {"member", "organization", RelationType::kMembership}},
      {"UnknownLink", {"subject", "object", RelationType::kUnknownLink}},
      {"Occupancy", {"holder", "post", RelationType::kOccupancy}},
      {"Employment", {"employee", "employer", RelationType::kUnknownLink}},
      {"Representation", {"agent", "client", RelationType::kUnknownLink}},
      {"Succession", {"predecessor", "successor", RelationType::kUnknownLink}},
  };
  return kEdges;
}

// Thing schemata screened as entities.
std::optional<Schema> ThingSchema(std::string_view name) {
  if (name == "PublicBody") return Schema::kOrganization;
  if (name == "Person" || name == "Organization" || name == "Company" || name == "LegalEntity" ||
      name == "Vessel" || name == "Airplane") {
    return ParseSchema(name);
  }
  return std::nullopt;
}

// Schemata that are folded into the entities they describe.
bool IsAuxiliarySchema(std::string_view name) {
  return name == "Address" || name == "Passport" || name == "Identification" ||
         name == "Position" || name == "Sanction";
}

// FtM identifier properties and the identifier type tamiz records for them.
const std::vector<std::pair<std::string_view, std::string_view>>& IdentifierProps() {
  static const std::vector<std::pair<std::string_view, std::string_view>> kProps = {
      {"idNumber", "ID Number"},   {"passportNumber", "Passport"},
      {"taxNumber", "Tax Number"}, {"registrationNumber", "Registration Number"},
      {"innCode", "INN"},          {"ogrnCode", "OGRN"},
      {"kppCode", "KPP"},          {"okpoCode", "OKPO"},
      {"vatCode", "VAT"},          {"leiCode", "LEI"},
      {"swiftBic", "SWIFT/BIC"},   {"uniqueEntityId", "UEI"},
      {"imoNumber", "IMO"},        {"mmsi", "MMSI"},
      {"icaoCode", "ICAO"},
  };
  return kProps;
}

const std::vector<std::string>& Values(const Props& p, std::string_view key) {
  static const std::vector<std::string> kEmpty;
  auto it = p.find(std::string(key));
  return it == p.end() ? kEmpty : it->second;
}

std::string First(const Props& p, std::string_view key) {
  const auto& v = Values(p, key);
  return v.empty() ? "" : v.front();
}

std::string JoinValues(const std::vector<std::string>& v, std::string_view sep) {
  std::string out;
  for (const auto& s : v) {
    if (s.empty()) continue;
    if (!out.empty()) out += sep;
    out += s;
  }
  return out;
}

class FtmReader {
 public:
  FtmReader(std::string dataset, const ParseOptions& options)
      : dataset_(std::move(dataset)), options_(options) {}

  // Reads one file's lines into the entity table. Fails only in strict mode.
  Status ReadFile(const fs::path& path) {
    auto data = ftm::ReadListFile(path, options_, out_.warnings);
    if (!data.ok()) return data.status();
    std::string name = path.filename().string();
    if (out_.version.sha256.empty()) out_.version.sha256 = util::Sha256Hex(data.value());
    out_.version.files.push_back(name);
    for (const ftm::Line& line : ftm::SplitLines(data.value())) {
      if (Trim(line.text).empty()) continue;
      if (Status s = ReadLine(name, line); !s.ok()) {
        if (!options_.lenient) return s;
        out_.warnings.push_back(s.message());
        ++out_.version.skipped;
      }
    }
    return Status::Ok();
  }

  ParsedList Finish();

 private:
  Status ReadLine(const std::string& file, const ftm::Line& line);
  Status Malformed(const std::string& file, size_t line, const std::string& id,
                   std::string_view what) const {
    return Status::DataError(
        fmt::format("{}:{}: {}{}", file, line, id.empty() ? "" : "record " + id + ": ", what));
  }
  Entity MakeEntity(const RawEntity& raw, Schema schema) const;
  std::string Qualified(const std::string& ftm_id) const { return dataset_ + ":" + ftm_id; }
  // The canonical id of `id`: itself when loaded, else the entity listing it as a referent.
  const std::string& Resolve(const std::string& id) const {
    if (index_.count(id) != 0) return id;
    auto it = referent_of_.find(id);
    return it == referent_of_.end() ? id : it->second;
  }
  const RawEntity* Lookup(const std::string& id) const {
    auto it = index_.find(Resolve(id));
    if (it == index_.end() || table_[it->second].deleted) return nullptr;
    return &table_[it->second];
  }

  std::string dataset_;
  const ParseOptions& options_;
  ParsedList out_;
  std::vector<RawEntity> table_;  // in first-seen order
  std::unordered_map<std::string, size_t> index_;
  std::unordered_map<std::string, std::string> referent_of_;
  size_t records_ = 0;
};

Status FtmReader::ReadLine(const std::string& file, const ftm::Line& line) {
  if (++records_ > options_.max_records) {
    return Status::DataError(
        fmt::format("{}:{}: more than {} records", file, line.number, options_.max_records));
  }
  if (ftm::JsonNestingDepth(line.text, ftm::kMaxJsonDepth) > ftm::kMaxJsonDepth) {
    return Malformed(file, line.number, "",
                     fmt::format("JSON nested deeper than {} levels", ftm::kMaxJsonDepth));
  }
  Json doc = Json::parse(line.text, nullptr, false);
  if (doc.is_discarded() || !doc.is_object()) {
    return Malformed(file, line.number, "", "not a JSON object (invalid JSON)");
  }
  std::string op = "ADD";
  const Json* body = &doc;
  if (auto it = doc.find("op"); it != doc.end()) {
    if (!it->is_string()) return Malformed(file, line.number, "", "\"op\" is not a string");
    op = it->get<std::string>();
    auto ent = doc.find("entity");
    if (ent == doc.end() || !ent->is_object()) {
      return Malformed(file, line.number, "", "delta line without an \"entity\" object");
    }
    body = &*ent;
    if (op != "ADD" && op != "MOD" && op != "DEL") {
      return Malformed(file, line.number, "", "unknown delta op \"" + op + "\"");
    }
  }
  auto id_it = body->find("id");
  if (id_it == body->end() || !id_it->is_string() || id_it->get<std::string>().empty()) {
    return Malformed(file, line.number, "", "entity without a string \"id\"");
  }
  std::string id = id_it->get<std::string>();
  auto existing = index_.find(id);
  if (op == "DEL") {
    if (existing == index_.end() || table_[existing->second].deleted) {
      out_.warnings.push_back(fmt::format("{}:{}: record {}: DEL of an entity that is not loaded",
                                          file, line.number, id));
    } else {
      table_[existing->second].deleted = true;
    }
    return Status::Ok();
  }
  RawEntity raw;
  raw.id = id;
  raw.file = file;
  raw.line = line.number;
  auto schema_it = body->find("schema");
  if (schema_it == body->end() || !schema_it->is_string()) {
    return Malformed(file, line.number, id, "entity without a string \"schema\"");
  }
  raw.schema = schema_it->get<std::string>();
  if (auto c = body->find("caption"); c != body->end() && c->is_string()) {
    raw.caption = Trim(c->get<std::string>());
  }
  if (auto c = body->find("last_seen"); c != body->end() && c->is_string()) {
    raw.last_seen = c->get<std::string>();
  }
  if (auto r = body->find("referents"); r != body->end() && r->is_array()) {
    for (const Json& v : *r) {
      if (v.is_string()) raw.referents.push_back(v.get<std::string>());
    }
  }
  auto props_it = body->find("properties");
  if (props_it != body->end()) {
    if (!props_it->is_object()) {
      return Malformed(file, line.number, id, "\"properties\" is not an object");
    }
    for (const auto& [key, value] : props_it->items()) {
      // Community exports sometimes write a single value without the array; objects and
      // nulls carry nothing screenable and are ignored.
      if (!value.is_array() && !value.is_string() && !value.is_number()) continue;
      auto& out = raw.props[key];
      auto add = [&](const Json& v) -> Status {
        std::string s;
        if (v.is_string()) {
          s = Trim(v.get<std::string>());
        } else if (v.is_number() || v.is_boolean()) {
          s = v.dump();
        }
        if (s.size() > options_.max_field_bytes) {
          return Malformed(
              file, line.number, id,
              fmt::format("property \"{}\": value of {} bytes is over the limit", key, s.size()));
        }
        if (!s.empty()) AddUnique(out, std::move(s));
        return Status::Ok();
      };
      if (value.is_array()) {
        for (const Json& v : value) {
          if (Status st = add(v); !st.ok()) return st;
        }
      } else if (Status st = add(value); !st.ok()) {
        return st;
      }
    }
  }
  if (existing == index_.end()) {
    if (op == "MOD") {
      out_.warnings.push_back(fmt::format(
          "{}:{}: record {}: MOD of an entity that is not loaded, added", file, line.number, id));
    }
    index_.emplace(id, table_.size());
    table_.push_back(std::move(raw));
    return Status::Ok();
  }
  RawEntity& have = table_[existing->second];
  if (op == "ADD" && !have.deleted && have.schema == raw.schema && &doc == body) {
    // A base file listing the same id twice holds fragments of one entity: union them.
    for (auto& [key, values] : raw.props) {
      for (auto& v : values) AddUnique(have.props[key], std::move(v));
    }
    if (have.caption.empty()) have.caption = raw.caption;
    have.last_seen = std::max(have.last_seen, raw.last_seen);
    return Status::Ok();
  }
  have = std::move(raw);  // delta ADD/MOD replaces the whole entity
  return Status::Ok();
}

Entity FtmReader::MakeEntity(const RawEntity& raw, Schema schema) const {
  const Props& p = raw.props;
  Entity e;
  e.dataset = dataset_;
  e.record_id = raw.id;
  e.id = Qualified(raw.id);
  e.schema = schema;
  e.source_ref = fmt::format("{}:{}", raw.file, raw.line);

  // Names: the one equal to the caption (else the first `name`) is primary, other `name`
  // values strong aliases.
  const auto& names = Values(p, "name");
  std::string primary = raw.caption;
  if (std::find(names.begin(), names.end(), primary) == names.end()) {
    primary = names.empty() ? "" : names.front();
  }
  if (names.empty() && !raw.caption.empty() && raw.caption != raw.schema) primary = raw.caption;
  if (primary.empty()) {  // build from the parts
    primary =
        JoinValues({First(p, "firstName"), First(p, "middleName"), First(p, "lastName")}, " ");
  }
  Name main;
  main.full = primary;
  main.kind = NameKind::kPrimary;
  if (schema == Schema::kPerson && Values(p, "firstName").size() == 1 &&
      Values(p, "lastName").size() == 1) {
    main.first = First(p, "firstName");
    main.last = First(p, "lastName");
    main.middle = Values(p, "middleName").size() == 1 ? First(p, "middleName") : "";
    if (main.middle.empty() && Values(p, "fatherName").size() == 1) {
      main.middle = First(p, "fatherName");
    }
  }
  AddName(e, main);
  auto add_all = [&e](const std::vector<std::string>& values, NameKind kind) {
    for (const auto& v : values) {
      Name n;
      n.full = v;
      n.kind = kind;
      bool present = false;
      for (const Name& have : e.names) present = present || have.full == v;
      if (!present) AddName(e, std::move(n));
    }
  };
  add_all(names, NameKind::kStrongAlias);
  add_all(Values(p, "alias"), NameKind::kStrongAlias);
  add_all(Values(p, "weakAlias"), NameKind::kWeakAlias);
  add_all(Values(p, "abbreviation"), NameKind::kWeakAlias);
  add_all(Values(p, "previousName"), NameKind::kFormer);
  if (e.caption.empty()) e.caption = raw.caption;

  for (const auto& d : Values(p, "birthDate")) e.birth_dates.push_back(ParseListDate(d));
  for (const auto& v : Values(p, "birthPlace")) AddUnique(e.birth_places, v);
  for (const auto& v : Values(p, "nationality")) AddUnique(e.nationalities, v);
  for (const auto& v : Values(p, "citizenship")) AddUnique(e.citizenships, v);
  for (const char* key : {"country", "jurisdiction", "mainCountry"}) {
    for (const auto& v : Values(p, key)) AddUnique(e.countries, v);
  }
  e.gender = ftm::NormalizeGender(First(p, "gender"));
  for (const auto& [prop, type] : IdentifierProps()) {
    for (const auto& v : Values(p, prop)) {
      bool present = false;
      for (const auto& have : e.identifiers) present = present || have.number == v;
      if (present && prop == "idNumber") continue;  // idNumber repeats the typed numbers
      Identifier id;
      id.type = std::string(type);
      id.number = v;
      e.identifiers.push_back(std::move(id));
    }
  }
  for (const auto& ref : Values(p, "addressEntity")) {
    const RawEntity* a = Lookup(ref);
    if (a == nullptr || a->schema != "Address") continue;
    Address addr;
    addr.street = JoinValues(Values(a->props, "street"), ", ");
    addr.city = First(a->props, "city");
    addr.postal_code = First(a->props, "postalCode");
    addr.region = First(a->props, "region");
    addr.country = First(a->props, "country");
    addr.full = First(a->props, "full");
    if (addr.full.empty()) addr.full = a->caption;
    AddUnique(e.countries, addr.country);
    e.addresses.push_back(std::move(addr));
  }
  for (const auto& full : Values(p, "address")) {
    bool present = false;
    for (const auto& have : e.addresses) present = present || have.full == full;
    if (present) continue;
    Address addr;
    addr.full = full;
    e.addresses.push_back(std::move(addr));
  }
  for (const char* key : {"programId", "program"}) {
    for (const auto& v : Values(p, key)) AddUnique(e.programs, v);
  }
  for (const auto& v : Values(p, "topics")) AddUnique(e.topics, v);
  for (const auto& v : Values(p, "position")) AddUnique(e.positions, v);
  for (const auto& v : Values(p, "title")) AddUnique(e.titles, v);
  for (const auto& v : Values(p, "website")) AddUnique(e.websites, v);
  for (const auto& v : Values(p, "email")) AddUnique(e.emails, v);
  for (const auto& v : Values(p, "sourceUrl")) AddUnique(e.sanctions_info, "Source: " + v);
  e.remarks = JoinValues(Values(p, "notes"), "\n");
  if (schema == Schema::kVessel) {
    VesselInfo v;
    v.imo = First(p, "imoNumber");
    v.mmsi = First(p, "mmsi");
    v.flag = First(p, "flag");
    v.call_sign = First(p, "callSign");
    v.vessel_type = First(p, "type");
    v.tonnage = First(p, "tonnage");
    if (v.tonnage.empty()) v.tonnage = First(p, "grossRegisteredTonnage");
    e.vessel = std::move(v);
  }
  return e;
}

ParsedList FtmReader::Finish() {
  for (const RawEntity& raw : table_) {
    if (raw.deleted) continue;
    for (const auto& r : raw.referents) referent_of_.emplace(r, raw.id);
  }
  std::unordered_map<std::string, size_t> entity_of;  // FtM id -> index in out_.entities
  for (const RawEntity& raw : table_) {
    if (raw.deleted) continue;
    out_.version.date = std::max(out_.version.date, raw.last_seen.substr(0, 10));
    auto schema = ThingSchema(raw.schema);
    if (!schema) {
      if (!IsAuxiliarySchema(raw.schema) && EdgeSchemata().count(raw.schema) == 0) {
        out_.warnings.push_back(fmt::format("{}:{}: record {}: unknown schema \"{}\" skipped",
                                            raw.file, raw.line, raw.id, raw.schema));
        ++out_.version.skipped;
      }
      continue;
    }
    entity_of.emplace(raw.id, out_.entities.size());
    out_.entities.push_back(MakeEntity(raw, *schema));
  }
  auto entity = [&](const std::string& id) -> Entity* {
    auto it = entity_of.find(Resolve(id));
    return it == entity_of.end() ? nullptr : &out_.entities[it->second];
  };
  for (const RawEntity& raw : table_) {
    if (raw.deleted) continue;
    const Props& p = raw.props;
    std::string provenance = fmt::format("{}:{} {}", raw.file, raw.line, raw.id);
    if (raw.schema == "Passport" || raw.schema == "Identification") {
      std::string number = First(p, "number");
      if (number.empty()) number = First(p, "passportNumber");
      for (const auto& holder : Values(p, "holder")) {
        Entity* e = entity(holder);
        if (e == nullptr || number.empty()) continue;
        Identifier id;
        id.type = First(p, "type");
        if (id.type.empty()) id.type = raw.schema;
        id.number = number;
        id.country = First(p, "country");
        id.note = JoinValues({First(p, "startDate"), First(p, "endDate")}, " to ");
        e->identifiers.push_back(std::move(id));
      }
      continue;
    }
    if (raw.schema == "Sanction") {
      for (const auto& target : Values(p, "entity")) {
        Entity* e = entity(target);
        if (e == nullptr) continue;
        for (const char* key : {"programId", "program"}) {
          for (const auto& v : Values(p, key)) AddUnique(e->programs, v);
        }
        AddUnique(e->topics, "sanction");
        std::string info = JoinValues(
            {JoinValues(Values(p, "authority"), "; "), JoinValues(Values(p, "reason"), "; ")},
            ": ");
        if (!info.empty()) AddUnique(e->sanctions_info, "Sanction: " + info);
        for (const char* key : {"listingDate", "startDate"}) {
          for (const auto& d : Values(p, key)) {
            std::string iso = ListDateToIso(d);
            if (!iso.empty() && (e->listed_on.empty() || iso < e->listed_on)) e->listed_on = iso;
          }
        }
        // A sanction whose authority is itself an entity in the file is also an edge.
        for (const auto& authority : Values(p, "authority")) {
          if (entity(authority) == nullptr) continue;
          Relation r;
          r.source_id = Qualified(Resolve(target));
          r.target_id = Qualified(Resolve(authority));
          r.type = RelationType::kSanction;
          r.provenance = provenance;
          out_.relations.push_back(std::move(r));
        }
      }
      continue;
    }
    auto edge = EdgeSchemata().find(raw.schema);
    if (edge == EdgeSchemata().end()) continue;
    const EdgeSpec& spec = edge->second;
    std::string role = JoinValues(
        Values(p, raw.schema == "Family" || raw.schema == "Associate" ? "relationship" : "role"),
        "; ");
    std::optional<double> percent;
    if (spec.type == RelationType::kOwnership) {
      for (const auto& v : Values(p, "percentage")) {
        if ((percent = ParseOwnershipPercent(v))) break;
      }
    }
    for (const auto& from : Values(p, spec.source)) {
      for (const auto& to : Values(p, spec.target)) {
        Relation r;
        r.source_id = Qualified(Resolve(from));
        r.target_id = Qualified(Resolve(to));
        if (const RawEntity* t = Lookup(to)) {
          r.target_name =
              t->caption.empty() || t->schema == "Position" ? First(t->props, "name") : t->caption;
          if (r.target_name.empty()) r.target_name = t->caption;
          if (t->schema == "Position") {
            if (Entity* holder = entity(from)) AddUnique(holder->positions, r.target_name);
          }
        }
        r.type = spec.type;
        r.percent = percent;
        r.role = role;
        if (r.role.empty() && spec.type == RelationType::kUnknownLink &&
            raw.schema != "UnknownLink") {
          r.role = ftm::Lower(raw.schema);
        }
        r.provenance = provenance;
        out_.relations.push_back(std::move(r));
      }
    }
  }
  return std::move(out_);
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

}  // namespace

std::optional<double> ParseOwnershipPercent(std::string_view text) {
  std::string s = Trim(text);
  std::replace(s.begin(), s.end(), ',', '.');
  if (s.empty() || !(std::isdigit(static_cast<unsigned char>(s[0])) || s[0] == '.')) {
    return std::nullopt;
  }
  const char* begin = s.c_str();
  char* end = nullptr;
  double v = std::strtod(begin, &end);
  if (end == begin) return std::nullopt;
  std::string rest = Trim(std::string_view(end));
  if (!rest.empty() && rest != "%" && rest[0] != '-') return std::nullopt;
  if (!(v >= 0.0 && v <= 100.0)) return std::nullopt;
  return v;
}

Result<ParsedList> ParseFtmFiles(const std::vector<fs::path>& files, const std::string& dataset,
                                 const ParseOptions& options) {
  if (files.empty()) return Status::NotFound("no FtM JSON files given");
  FtmReader reader(dataset, options);
  for (const fs::path& f : files) {
    if (Status s = reader.ReadFile(f); !s.ok()) return s;
  }
  ParsedList out = reader.Finish();
  out.version.dataset = dataset;
  out.version.title = dataset;
  out.version.format = "ftm-json";
  return out;
}

Result<ParsedList> ParseFtmJson(const fs::path& dir, const std::string& dataset,
                                const ParseOptions& options) {
  std::vector<fs::path> base;
  std::vector<fs::path> deltas;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    std::string name = entry.path().filename().string();
    if (!entry.is_regular_file(ec)) continue;
    if (EndsWith(name, ".delta.ftm.json") || EndsWith(name, ".delta.ftm.jsonl")) {
      deltas.push_back(entry.path());
    } else if (EndsWith(name, ".ftm.json") || EndsWith(name, ".ftm.jsonl")) {
      base.push_back(entry.path());
    }
  }
  if (ec) return Status::IoError(fmt::format("{}: {}", dir.string(), ec.message()));
  std::sort(base.begin(), base.end());
  std::sort(deltas.begin(), deltas.end());
  if (base.empty() && deltas.empty()) {
    return Status::NotFound(fmt::format("{}: no *.ftm.json file", dir.string()));
  }
  base.insert(base.end(), deltas.begin(), deltas.end());
  return ParseFtmFiles(base, dataset, options);
}

}  // namespace tamiz::sources
