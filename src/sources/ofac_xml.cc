#include "sources/ofac_xml.h"

#include <fmt/format.h>

#include <charconv>
#include <unordered_map>

#include "sources/ofac_remarks.h"
#include "sources/ofac_xml_common.h"

namespace tamiz::sources {

namespace fs = std::filesystem;

namespace {

// "01/08/2026" (MM/DD/YYYY) -> "2026-01-08"; "" when malformed.
std::string UsDateToIso(std::string_view s) {
  int m = 0, d = 0, y = 0;
  auto num = [&](std::string_view part, int& out) {
    auto [p, ec] = std::from_chars(part.data(), part.data() + part.size(), out);
    return ec == std::errc() && p == part.data() + part.size();
  };
  auto a = s.find('/'), b = s.rfind('/');
  if (a == std::string_view::npos || a == b) return "";
  if (!num(s.substr(0, a), m) || !num(s.substr(a + 1, b - a - 1), d) || !num(s.substr(b + 1), y))
    return "";
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1000) return "";
  return fmt::format("{:04d}-{:02d}-{:02d}", y, m, d);
}

// "LAST, First" for individuals with a first name, else the last name alone.
std::string FullName(const std::string& first, const std::string& last, bool person) {
  if (person && !first.empty()) return last.empty() ? first : last + ", " + first;
  return last.empty() ? first : last;
}

Name XmlName(const pugi::xml_node& node, NameKind kind, bool person) {
  std::string first = ofac::ChildText(node, "firstName");
  std::string last = ofac::ChildText(node, "lastName");
  Name n;
  n.full = FullName(first, last, person);
  n.kind = kind;
  if (person) {
    n.first = first;
    n.last = last;
  }
  return n;
}

// Parses one sdnEntry into `e`; returns an error message ("" on success).
std::string ParseEntry(const ofac::XmlFile& file, const pugi::xml_node& entry,
                       const std::string& dataset, const ParseOptions& options, Entity& e,
                       std::vector<Relation>& relations) {
  std::string uid = ofac::ChildText(entry, "uid");
  uint64_t n = 0;
  auto [p, ec] = std::from_chars(uid.data(), uid.data() + uid.size(), n);
  if (uid.empty() || ec != std::errc() || p != uid.data() + uid.size()) {
    return fmt::format("{}: record {}: sdnEntry/uid: expected a number", file.Where(entry),
                       uid.empty() ? "?" : uid);
  }
  e.dataset = dataset;
  e.record_id = uid;
  e.id = dataset + ":" + uid;
  e.source_ref = file.Where(entry);
  e.schema = ofac::OfacSchema(ofac::ChildText(entry, "sdnType"));
  bool person = e.schema == Schema::kPerson;
  Name primary = XmlName(entry, NameKind::kPrimary, person);
  if (primary.full.empty()) {
    return fmt::format("{}: record {}: sdnEntry/lastName: missing name", file.Where(entry), uid);
  }
  e.caption = primary.full;
  e.names.push_back(std::move(primary));
  e.topics.push_back("sanction");
  for (const auto& prog : ofac::Children(ofac::Child(entry, "programList"), "program")) {
    ofac::PushUnique(e.programs, ofac::Text(prog));
  }
  if (std::string title = ofac::ChildText(entry, "title"); !title.empty()) {
    for (const auto& t : ofac::SplitRemarks(title)) ofac::PushUnique(e.positions, t);
  }
  for (const auto& aka : ofac::Children(ofac::Child(entry, "akaList"), "aka")) {
    std::string type = ofac::ChildText(aka, "type");
    std::string category = ofac::ChildText(aka, "category");
    NameKind kind = NameKind::kStrongAlias;
    if (type == "f.k.a.") {
      kind = NameKind::kFormer;
    } else if (category == "weak") {
      kind = NameKind::kWeakAlias;
    }
    ofac::AddListedName(e, XmlName(aka, kind, person));
  }
  for (const auto& id : ofac::Children(ofac::Child(entry, "idList"), "id")) {
    std::string type = ofac::ChildText(id, "idType");
    std::string number = ofac::ChildText(id, "idNumber");
    if (number.empty()) continue;
    if (ofac::ApplyFact(type, number, e, relations)) continue;
    Identifier ident;
    ident.type = type;
    ident.number = number;
    ident.country = ofac::ChildText(id, "idCountry");
    ofac::SplitCountryFromNumber(ident);
    std::string issued = ofac::ChildText(id, "issueDate");
    std::string expires = ofac::ChildText(id, "expirationDate");
    if (!issued.empty()) ident.note = "issued " + issued;
    if (!expires.empty()) ident.note += (ident.note.empty() ? "" : "; ") + ("expires " + expires);
    e.identifiers.push_back(std::move(ident));
  }
  for (const auto& a : ofac::Children(ofac::Child(entry, "addressList"), "address")) {
    Address addr;
    for (const char* line : {"address1", "address2", "address3"}) {
      std::string part = ofac::ChildText(a, line);
      if (part.empty()) continue;
      if (!addr.street.empty()) addr.street += ", ";
      addr.street += part;
    }
    addr.city = ofac::ChildText(a, "city");
    addr.region = ofac::ChildText(a, "stateOrProvince");
    addr.postal_code = ofac::ChildText(a, "postalCode");
    addr.country = ofac::ChildText(a, "country");
    for (const std::string* part :
         {&addr.street, &addr.city, &addr.region, &addr.postal_code, &addr.country}) {
      if (part->empty()) continue;
      if (!addr.full.empty()) addr.full += ", ";
      addr.full += *part;
    }
    if (addr.full.empty()) continue;
    ofac::PushUnique(e.countries, addr.country);
    e.addresses.push_back(std::move(addr));
  }
  for (const auto& x : ofac::Children(ofac::Child(entry, "nationalityList"), "nationality")) {
    ofac::PushUnique(e.nationalities, ofac::ChildText(x, "country"));
  }
  for (const auto& x : ofac::Children(ofac::Child(entry, "citizenshipList"), "citizenship")) {
    ofac::PushUnique(e.citizenships, ofac::ChildText(x, "country"));
  }
  for (const auto& x : ofac::Children(ofac::Child(entry, "dateOfBirthList"), "dateOfBirthItem")) {
    std::string raw = ofac::ChildText(x, "dateOfBirth");
    if (raw.empty()) continue;
    auto d = ofac::ParseOfacDate(raw);
    if (!d) {
      return fmt::format("{}: record {}: dateOfBirth: cannot read date '{}'", file.Where(x), uid,
                         raw);
    }
    e.birth_dates.push_back(std::move(*d));
  }
  for (const auto& x : ofac::Children(ofac::Child(entry, "placeOfBirthList"), "placeOfBirthItem")) {
    ofac::PushUnique(e.birth_places, ofac::ChildText(x, "placeOfBirth"));
  }
  if (pugi::xml_node v = ofac::Child(entry, "vesselInfo")) {
    VesselInfo info;
    info.call_sign = ofac::ChildText(v, "callSign");
    info.vessel_type = ofac::ChildText(v, "vesselType");
    info.flag = ofac::ChildText(v, "vesselFlag");
    info.owner = ofac::ChildText(v, "vesselOwner");
    info.tonnage = ofac::ChildText(v, "tonnage");
    if (info.tonnage.empty()) info.tonnage = ofac::ChildText(v, "grossRegisteredTonnage");
    ofac::PushUnique(e.countries, info.flag);
    if (e.vessel) {  // IMO/MMSI may already have come from idList
      info.imo = e.vessel->imo;
      info.mmsi = e.vessel->mmsi;
    }
    e.vessel = std::move(info);
  }
  e.remarks = ofac::ChildText(entry, "remarks");
  if (e.remarks.size() > options.max_field_bytes) {
    return fmt::format("{}: record {}: remarks longer than {} bytes", file.Where(entry), uid,
                       options.max_field_bytes);
  }
  ofac::ApplyRemarks(e.remarks, e, relations);
  return "";
}

}  // namespace

Result<ParsedList> ParseOfacXml(const fs::path& dir, const std::string& dataset,
                                const ParseOptions& options) {
  ParsedList out;
  ofac::XmlFile file;
  if (Status s = ofac::OpenXml(dir, "sdnList", "ofac-xml", options, file, out); !s.ok()) return s;
  out.version.title = file.name == "sdn.xml" ? "OFAC Specially Designated Nationals (SDN) List"
                                             : "OFAC Consolidated Sanctions List (non-SDN)";
  pugi::xml_node root = file.doc.document_element();
  pugi::xml_node info = ofac::Child(root, "publshInformation");
  out.version.date = UsDateToIso(ofac::ChildText(info, "Publish_Date"));
  std::string declared = ofac::ChildText(info, "Record_Count");

  std::unordered_map<std::string, size_t> seen;
  size_t count = 0;
  for (const auto& entry : ofac::Children(root, "sdnEntry")) {
    if (++count > options.max_records) {
      return Status::DataError(
          fmt::format("{}: more than {} records", file.Where(entry), options.max_records));
    }
    Entity e;
    std::vector<Relation> rels;
    std::string error = ParseEntry(file, entry, dataset, options, e, rels);
    if (error.empty() && !seen.emplace(e.record_id, out.entities.size()).second) {
      error = fmt::format("{}: record {}: duplicate uid", file.Where(entry), e.record_id);
    }
    if (!error.empty()) {
      if (!options.lenient) return Status::DataError(error);
      out.warnings.push_back(error + " (record skipped)");
      ++out.version.skipped;
      continue;
    }
    out.entities.push_back(std::move(e));
    for (auto& r : rels) out.relations.push_back(std::move(r));
  }
  if (!declared.empty() && declared != std::to_string(count)) {
    out.warnings.push_back(fmt::format("{}: Record_Count says {} but the file has {} sdnEntry",
                                       file.Where(info), declared, count));
  }
  ofac::ResolveRelations(out.entities, out.relations);
  out.version.entity_count = out.entities.size();
  out.version.relation_count = out.relations.size();
  return out;
}

}  // namespace tamiz::sources
