#include "sources/senzing_json.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <unordered_map>

#include "sources/dates.h"
#include "sources/ftm_common.h"
#include "util/file_io.h"

// Format reference: Senzing, "Generic Entity Specification" (senzing.zendesk.com, "Entity
// Specification": RECORD_ID, RECORD_TYPE, NAME_*, ADDR_*, DATE_OF_BIRTH, identifiers,
// REL_ANCHOR_* / REL_POINTER_*), and the OpenSanctions Senzing export (RISKS[].TOPIC, URL).
// Mapping: docs/formats/senzing-json.md.

namespace tamiz::sources {

namespace {

namespace fs = std::filesystem;
using ftm::AddName;
using ftm::AddUnique;
using ftm::Trim;
using Json = nlohmann::json;

// One attribute instance: the flat top-level attributes, or one object of a feature list.
using Attrs = std::map<std::string, std::string>;

std::string Str(const Json& v) {
  if (v.is_string()) return Trim(v.get<std::string>());
  if (v.is_number()) return v.dump();
  return "";
}

std::string Get(const Attrs& a, const std::string& key) {
  auto it = a.find(key);
  return it == a.end() ? "" : it->second;
}

NameKind KindOf(std::string_view type) {
  std::string t = ftm::Lower(type);
  if (t.empty() || t == "primary") return NameKind::kPrimary;
  if (t == "former" || t == "fka" || t == "previous" || t == "maiden") return NameKind::kFormer;
  if (t == "low" || t == "weak" || t == "low_quality") return NameKind::kWeakAlias;
  return NameKind::kStrongAlias;
}

// FtM relation type of a Senzing relationship role (free text in the spec; OpenSanctions writes
// FtM schema names such as "Occupancy" or "Family").
RelationType RelationOf(std::string_view role) {
  std::string r = ftm::Lower(role);
  if (r == "occupancy") return RelationType::kOccupancy;
  if (r == "family" || r == "spouse" || r == "father" || r == "mother" || r == "son" ||
      r == "daughter" || r == "brother" || r == "sister" || r == "relative") {
    return RelationType::kFamily;
  }
  if (r == "ownership" || r == "owner_of" || r == "owned_by" || r == "owns") {
    return RelationType::kOwnership;
  }
  if (r == "directorship" || r == "director_of" || r == "officer_of") {
    return RelationType::kDirectorship;
  }
  if (r == "associate" || r == "associate_of") return RelationType::kAssociate;
  if (r == "membership" || r == "member_of") return RelationType::kMembership;
  return RelationType::kUnknownLink;
}

struct Pointer {
  std::string domain;
  std::string key;
  std::string role;
};

struct Record {
  Entity entity;
  bool typed = false;                                        // RECORD_TYPE given
  std::vector<std::pair<std::string, std::string>> anchors;  // (domain, key)
  std::vector<Pointer> pointers;
};

// Applies one attribute instance to `rec`.
void Apply(const Attrs& a, Record& rec) {
  Entity& e = rec.entity;
  std::string full = Get(a, "NAME_ORG");
  if (full.empty()) full = Get(a, "NAME_FULL");
  Name n;
  n.first = Get(a, "NAME_FIRST");
  n.middle = Get(a, "NAME_MIDDLE");
  n.last = Get(a, "NAME_LAST");
  if (full.empty()) {
    for (const std::string& part :
         {Get(a, "NAME_PREFIX"), n.first, n.middle, n.last, Get(a, "NAME_SUFFIX")}) {
      if (!part.empty()) full += (full.empty() ? "" : " ") + part;
    }
  }
  if (!full.empty()) {
    n.full = full;
    n.kind = KindOf(Get(a, "NAME_TYPE"));
    if (n.kind == NameKind::kPrimary && !e.caption.empty()) n.kind = NameKind::kStrongAlias;
    AddName(e, std::move(n));
  }
  if (std::string d = Get(a, "DATE_OF_BIRTH"); !d.empty()) {
    e.birth_dates.push_back(ParseListDate(d));
  }
  if (std::string d = Get(a, "DATE_OF_DEATH"); !d.empty()) {
    e.remarks += (e.remarks.empty() ? "" : "\n") + std::string("Date of death: ") + d;
  }
  AddUnique(e.birth_places, Get(a, "PLACE_OF_BIRTH"));
  AddUnique(e.nationalities, Get(a, "NATIONALITY"));
  AddUnique(e.citizenships, Get(a, "CITIZENSHIP"));
  AddUnique(e.countries, Get(a, "REGISTRATION_COUNTRY"));
  AddUnique(e.countries, Get(a, "COUNTRY_OF_ASSOCIATION"));
  if (std::string g = ftm::NormalizeGender(Get(a, "GENDER")); !g.empty()) e.gender = g;
  if (std::string t = Get(a, "TOPIC"); !t.empty()) AddUnique(e.topics, t);
  AddUnique(e.emails, Get(a, "EMAIL_ADDRESS"));
  AddUnique(e.websites, Get(a, "WEBSITE_ADDRESS"));
  if (std::string url = Get(a, "URL"); !url.empty()) AddUnique(e.sanctions_info, "Source: " + url);

  Address addr;
  std::string lines;
  for (const char* key :
       {"ADDR_LINE1", "ADDR_LINE2", "ADDR_LINE3", "ADDR_LINE4", "ADDR_LINE5", "ADDR_LINE6"}) {
    if (std::string v = Get(a, key); !v.empty()) lines += (lines.empty() ? "" : ", ") + v;
  }
  addr.street = lines;
  addr.city = Get(a, "ADDR_CITY");
  addr.region = Get(a, "ADDR_STATE");
  addr.postal_code = Get(a, "ADDR_POSTAL_CODE");
  addr.country = Get(a, "ADDR_COUNTRY");
  addr.full = Get(a, "ADDR_FULL");
  if (addr.full.empty()) {
    for (const std::string& part :
         {addr.street, addr.city, addr.region, addr.postal_code, addr.country}) {
      if (!part.empty()) addr.full += (addr.full.empty() ? "" : ", ") + part;
    }
  }
  if (!addr.full.empty()) {
    AddUnique(e.countries, addr.country);
    e.addresses.push_back(std::move(addr));
  }

  // Identifier features: (number attribute, type, country attribute, type attribute).
  struct IdSpec {
    const char* number;
    const char* type;
    const char* country;
    const char* type_attr;
  };
  static const IdSpec kIds[] = {
      {"PASSPORT_NUMBER", "Passport", "PASSPORT_COUNTRY", nullptr},
      {"NATIONAL_ID_NUMBER", "National ID", "NATIONAL_ID_COUNTRY", "NATIONAL_ID_TYPE"},
      {"TAX_ID_NUMBER", "Tax ID", "TAX_ID_COUNTRY", "TAX_ID_TYPE"},
      {"SSN_NUMBER", "SSN", nullptr, nullptr},
      {"DRIVERS_LICENSE_NUMBER", "Driver's License", "DRIVERS_LICENSE_STATE", nullptr},
      {"LEI_NUMBER", "LEI", nullptr, nullptr},
      {"DUNS_NUMBER", "DUNS", nullptr, nullptr},
      {"NPI_NUMBER", "NPI", nullptr, nullptr},
      {"OTHER_ID_NUMBER", "Other ID", "OTHER_ID_COUNTRY", "OTHER_ID_TYPE"},
      {"TRUSTED_ID_NUMBER", "Trusted ID", nullptr, "TRUSTED_ID_TYPE"},
  };
  for (const IdSpec& spec : kIds) {
    std::string number = Get(a, spec.number);
    if (number.empty()) continue;
    Identifier id;
    id.number = number;
    id.type = spec.type_attr ? Get(a, spec.type_attr) : "";
    if (id.type.empty()) id.type = spec.type;
    if (spec.country) id.country = Get(a, spec.country);
    e.identifiers.push_back(std::move(id));
  }

  std::string anchor_key = Get(a, "REL_ANCHOR_KEY");
  if (!anchor_key.empty()) rec.anchors.emplace_back(Get(a, "REL_ANCHOR_DOMAIN"), anchor_key);
  std::string pointer_key = Get(a, "REL_POINTER_KEY");
  if (!pointer_key.empty()) {
    rec.pointers.push_back({Get(a, "REL_POINTER_DOMAIN"), pointer_key, Get(a, "REL_POINTER_ROLE")});
  }
}

Schema SchemaOf(std::string_view record_type) {
  std::string t = ftm::Lower(record_type);
  if (t == "person" || t == "individual") return Schema::kPerson;
  if (t == "organization" || t == "organisation") return Schema::kOrganization;
  if (t == "company" || t == "business") return Schema::kCompany;
  if (t == "vessel") return Schema::kVessel;
  if (t == "aircraft" || t == "airplane") return Schema::kAirplane;
  return Schema::kLegalEntity;
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

}  // namespace

Result<ParsedList> ParseSenzingJson(const fs::path& dir, const std::string& dataset,
                                    const ParseOptions& options) {
  std::vector<fs::path> files;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    if (entry.is_regular_file(ec) && EndsWith(entry.path().filename().string(), "senzing.json")) {
      files.push_back(entry.path());
    }
  }
  if (ec) return Status::IoError(fmt::format("{}: {}", dir.string(), ec.message()));
  if (files.empty()) {
    return Status::NotFound(fmt::format("{}: no *senzing.json file", dir.string()));
  }
  std::sort(files.begin(), files.end());

  ParsedList out;
  out.version.format = "senzing-json";
  std::vector<Record> records;
  std::unordered_map<std::string, size_t> by_id;
  size_t count = 0;
  for (const fs::path& path : files) {
    std::string file = path.filename().string();
    auto data = ftm::ReadListFile(path, options, out.warnings);
    if (!data.ok()) return data.status();
    if (out.version.sha256.empty()) out.version.sha256 = util::Sha256Hex(data.value());
    out.version.files.push_back(file);
    for (const ftm::Line& line : ftm::SplitLines(data.value())) {
      if (Trim(line.text).empty()) continue;
      if (++count > options.max_records) {
        return Status::DataError(
            fmt::format("{}:{}: more than {} records", file, line.number, options.max_records));
      }
      auto malformed = [&](std::string what) -> Status {
        std::string msg = fmt::format("{}:{}: {}", file, line.number, what);
        if (!options.lenient) return Status::DataError(std::move(msg));
        out.warnings.push_back(std::move(msg));
        ++out.version.skipped;
        return Status::Ok();
      };
      if (ftm::JsonNestingDepth(line.text, ftm::kMaxJsonDepth) > ftm::kMaxJsonDepth) {
        if (Status s =
                malformed(fmt::format("JSON nested deeper than {} levels", ftm::kMaxJsonDepth));
            !s.ok()) {
          return s;
        }
        continue;
      }
      Json doc = Json::parse(line.text, nullptr, false);
      if (doc.is_discarded() || !doc.is_object()) {
        if (Status s = malformed("not a JSON object (invalid JSON)"); !s.ok()) return s;
        continue;
      }
      std::string id = doc.contains("RECORD_ID") ? Str(doc["RECORD_ID"]) : "";
      if (id.empty()) {
        if (Status s = malformed("record without RECORD_ID"); !s.ok()) return s;
        continue;
      }
      Record rec;
      Entity& e = rec.entity;
      e.record_id = id;
      e.dataset = dataset;
      e.id = dataset + ":" + id;
      e.source_ref = fmt::format("{}:{}", file, line.number);
      std::string record_type = doc.contains("RECORD_TYPE") ? Str(doc["RECORD_TYPE"]) : "";
      rec.typed = !record_type.empty();
      e.schema = SchemaOf(record_type);
      Attrs top;
      std::vector<Attrs> features;
      bool too_long = false;
      auto add_attr = [&](Attrs& a, const std::string& key, const Json& v) {
        std::string s = Str(v);
        if (s.size() > options.max_field_bytes) too_long = true;
        if (!s.empty()) a[key] = std::move(s);
      };
      for (const auto& [key, value] : doc.items()) {
        if (value.is_array()) {
          for (const Json& item : value) {
            if (!item.is_object()) continue;
            Attrs a;
            for (const auto& [k, v] : item.items()) add_attr(a, k, v);
            features.push_back(std::move(a));
          }
        } else {
          add_attr(top, key, value);
        }
      }
      if (too_long) {
        if (Status s = malformed(
                fmt::format("record {}: a value is over {} bytes", id, options.max_field_bytes));
            !s.ok()) {
          return s;
        }
        continue;
      }
      Apply(top, rec);
      for (const Attrs& a : features) Apply(a, rec);
      if (e.names.empty()) {
        if (Status s = malformed(fmt::format("record {}: no name", id)); !s.ok()) return s;
        continue;
      }
      if (std::string source = Get(top, "DATA_SOURCE");
          !source.empty() && out.version.title.empty()) {
        out.version.title = source;
      }
      out.version.date = std::max(out.version.date, Get(top, "LAST_CHANGE").substr(0, 10));
      auto it = by_id.find(e.id);
      if (it != by_id.end()) {
        ftm::MergeEntity(records[it->second].entity, e);
        continue;
      }
      by_id.emplace(e.id, records.size());
      records.push_back(std::move(rec));
    }
  }

  // Records without RECORD_TYPE that are relationship anchors (OpenSanctions writes positions
  // this way) are graph nodes, not screened entities.
  std::map<std::pair<std::string, std::string>, size_t> anchor_of;
  for (size_t i = 0; i < records.size(); ++i) {
    for (const auto& a : records[i].anchors) anchor_of.emplace(a, i);
  }
  std::vector<bool> is_node(records.size(), false);
  for (size_t i = 0; i < records.size(); ++i) {
    is_node[i] = !records[i].typed && !records[i].anchors.empty();
  }
  for (size_t i = 0; i < records.size(); ++i) {
    Record& rec = records[i];
    for (const Pointer& p : rec.pointers) {
      Relation r;
      r.source_id = rec.entity.id;
      r.type = RelationOf(p.role);
      r.role = p.role;
      r.provenance = rec.entity.source_ref + " " + rec.entity.record_id;
      auto it = anchor_of.find({p.domain, p.key});
      if (it != anchor_of.end()) {
        const Entity& target = records[it->second].entity;
        r.target_id = target.id;
        r.target_name = target.caption;
        if (is_node[it->second] && r.type == RelationType::kOccupancy) {
          AddUnique(rec.entity.positions, target.caption);
        }
      } else {
        r.target_name = p.key;
      }
      out.relations.push_back(std::move(r));
    }
  }
  for (size_t i = 0; i < records.size(); ++i) {
    if (!is_node[i]) out.entities.push_back(std::move(records[i].entity));
  }
  if (out.version.title.empty()) out.version.title = dataset;
  return out;
}

}  // namespace tamiz::sources
