#include "sources/ofac_enhanced_xml.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <map>
#include <unordered_map>
#include <unordered_set>

#include "sources/ofac_remarks.h"
#include "sources/ofac_xml_common.h"

namespace tamiz::sources {

namespace fs = std::filesystem;

namespace {

std::string Attr(const pugi::xml_node& n, const char* name) {
  return ofac::Trim(n.attribute(name).as_string());
}

bool BoolText(const pugi::xml_node& n) { return ofac::Text(n) == "true"; }

// `s` without Unicode bidirectional controls (U+200E, U+200F, U+202A..U+202E), which the
// service wraps around right-to-left names.
std::string StripBidi(std::string s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (i + 2 < s.size() && s[i] == '\xE2' && s[i + 1] == '\x80') {
      unsigned char c = static_cast<unsigned char>(s[i + 2]);
      if (c == 0x8E || c == 0x8F || (c >= 0xAA && c <= 0xAE)) {
        i += 2;
        continue;
      }
    }
    out.push_back(s[i]);
  }
  return ofac::Trim(out);
}

// ISO 15924 code of the script names used by the OFAC Sanctions List Service.
std::string ScriptCode(std::string_view name) {
  static const std::map<std::string_view, std::string_view> kCodes = {
      {"Latin", "Latn"},
      {"Arabic", "Arab"},
      {"Cyrillic", "Cyrl"},
      {"Chinese Simplified", "Hans"},
      {"Chinese Traditional", "Hant"},
      {"Korean", "Kore"},
      {"Hebrew", "Hebr"},
      {"Greek", "Grek"},
      {"Georgian", "Geor"},
      {"Armenian", "Armn"},
  };
  auto it = kCodes.find(name);
  return it == kCodes.end() ? std::string() : std::string(it->second);
}

// A date element with fromDateBegin..toDateEnd (ISO dates), as a partial date.
std::optional<PartialDate> SpanToDate(const pugi::xml_node& n) {
  std::string from = ofac::ChildText(n, "fromDateBegin");
  std::string to = ofac::ChildText(n, "toDateEnd");
  auto a = ofac::ParseOfacDate(from.substr(0, 10));
  auto b = ofac::ParseOfacDate(to.substr(0, 10));
  if (!a) return std::nullopt;
  PartialDate d = *a;
  d.circa = BoolText(ofac::Child(n, "isApproximate"));
  if (b && b->year > a->year) {
    d.year_to = b->year;
    d.month = d.day = 0;
  } else if (b && a->month == 1 && a->day == 1 && b->month == 12 && b->day == 31) {
    d.month = d.day = 0;
  } else if (b && a->month == b->month && a->day == 1 && b->day >= 28) {
    d.day = 0;
  }
  d.raw = (d.circa ? "circa " : "") + d.ToIso();
  return d;
}

RelationType RelationTypeOf(std::string_view name) {
  if (name.find("Family") != std::string_view::npos) return RelationType::kFamily;
  if (name.find("Associate") != std::string_view::npos) return RelationType::kAssociate;
  return RelationType::kUnknownLink;
}

void ReadNames(const pugi::xml_node& entity, bool person, Entity& e) {
  for (const auto& name : ofac::Children(ofac::Child(entity, "names"), "name")) {
    NameKind kind = NameKind::kStrongAlias;
    std::string alias_type = ofac::ChildText(name, "aliasType");
    if (BoolText(ofac::Child(name, "isPrimary"))) {
      kind = NameKind::kPrimary;
    } else if (alias_type == "F.K.A.") {
      kind = NameKind::kFormer;
    } else if (BoolText(ofac::Child(name, "isLowQuality"))) {
      kind = NameKind::kWeakAlias;
    }
    for (const auto& tr : ofac::Children(ofac::Child(name, "translations"), "translation")) {
      Name n;
      n.kind = kind;
      n.full = StripBidi(ofac::ChildText(tr, "formattedFullName"));
      if (person) {
        n.first = StripBidi(ofac::ChildText(tr, "formattedFirstName"));
        n.last = StripBidi(ofac::ChildText(tr, "formattedLastName"));
      }
      if (n.full.empty()) {
        n.full = n.first.empty() ? n.last : (n.last.empty() ? n.first : n.last + ", " + n.first);
      }
      n.script = ScriptCode(ofac::ChildText(tr, "script"));
      bool primary_translation = BoolText(ofac::Child(tr, "isPrimary"));
      if (n.full.empty()) continue;
      if (kind == NameKind::kPrimary && primary_translation && e.caption.empty()) {
        e.caption = n.full;
      }
      // Other-script renderings of the primary name are aliases of the party.
      if (kind == NameKind::kPrimary && !primary_translation) n.kind = NameKind::kStrongAlias;
      ofac::AddListedName(e, std::move(n));
    }
  }
  std::stable_partition(e.names.begin(), e.names.end(), [&](const Name& n) {
    return n.kind == NameKind::kPrimary && n.full == e.caption;
  });
}

void ReadAddresses(const pugi::xml_node& entity, Entity& e) {
  for (const auto& a : ofac::Children(ofac::Child(entity, "addresses"), "address")) {
    Address addr;
    addr.country = ofac::ChildText(a, "country");
    std::map<std::string, std::string> parts;
    for (const auto& tr : ofac::Children(ofac::Child(a, "translations"), "translation")) {
      if (!BoolText(ofac::Child(tr, "isPrimary"))) continue;
      for (const auto& p : ofac::Children(ofac::Child(tr, "addressParts"), "addressPart")) {
        parts[ofac::ChildText(p, "type")] = ofac::ChildText(p, "value");
      }
    }
    for (const char* line : {"ADDRESS1", "ADDRESS2", "ADDRESS3"}) {
      auto it = parts.find(line);
      if (it == parts.end() || it->second.empty()) continue;
      if (!addr.street.empty()) addr.street += ", ";
      addr.street += it->second;
    }
    addr.city = parts["CITY"];
    addr.region = !parts["STATE/PROVINCE"].empty() ? parts["STATE/PROVINCE"] : parts["REGION"];
    addr.postal_code = parts["POSTAL CODE"];
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
}

// Returns an error message, "" on success.
std::string ReadFeatures(const ofac::XmlFile& file, const pugi::xml_node& entity, Entity& e,
                         std::vector<Relation>& relations) {
  for (const auto& f : ofac::Children(ofac::Child(entity, "features"), "feature")) {
    std::string type = ofac::ChildText(f, "type");
    std::string value = ofac::ChildText(f, "value");
    if (type == "Birthdate") {
      auto d = ofac::ParseOfacDate(value);
      if (!d) d = SpanToDate(ofac::Child(f, "valueDate"));
      if (!d) {
        return fmt::format("{}: record {}: feature Birthdate: cannot read date '{}'", file.Where(f),
                           e.record_id, value);
      }
      e.birth_dates.push_back(std::move(*d));
    } else if (value.empty()) {
      continue;
    } else if (type == "Place of Birth") {
      ofac::PushUnique(e.birth_places, value);
    } else if (type == "Nationality Country") {
      ofac::PushUnique(e.nationalities, value);
    } else if (type == "Citizenship Country") {
      ofac::PushUnique(e.citizenships, value);
    } else if (ofac::ApplyVesselFeature(type, value, e)) {
      continue;
    } else if (!ofac::ApplyFact(type, value, e, relations)) {
      e.identifiers.push_back(Identifier{type, value, "", ""});
    }
  }
  return "";
}

void ReadDocuments(const pugi::xml_node& entity, Entity& e) {
  for (const auto& d :
       ofac::Children(ofac::Child(entity, "identityDocuments"), "identityDocument")) {
    Identifier id;
    id.type = ofac::ChildText(d, "type");
    id.number = ofac::ChildText(d, "documentNumber");
    id.country = ofac::ChildText(d, "issuingCountry");
    if (id.number.empty()) continue;
    ofac::SplitCountryFromNumber(id);
    if (auto issued = SpanToDate(ofac::Child(d, "issueDate")))
      id.note = "issued " + issued->ToIso();
    if (auto expires = SpanToDate(ofac::Child(d, "expirationDate"))) {
      id.note += (id.note.empty() ? "" : "; ") + ("expires " + expires->ToIso());
    }
    if (ofac::Child(d, "isValid") && !BoolText(ofac::Child(d, "isValid"))) {
      id.note += (id.note.empty() ? "" : "; ") + std::string("not valid");
    }
    if (id.type == "Vessel Registration Identification") {
      id.type = "IMO";
      if (id.number.rfind("IMO ", 0) == 0) id.number = id.number.substr(4);
      if (!e.vessel) e.vessel.emplace();
      e.vessel->imo = id.number;
    } else if (id.type == "MMSI") {
      if (!e.vessel) e.vessel.emplace();
      e.vessel->mmsi = id.number;
    }
    e.identifiers.push_back(std::move(id));
  }
}

}  // namespace

Result<ParsedList> ParseOfacEnhancedXml(const fs::path& dir, const std::string& dataset,
                                        const ParseOptions& options) {
  ParsedList out;
  ofac::XmlFile file;
  if (Status s = ofac::OpenXml(dir, "sanctionsData", "ofac-enhanced-xml", options, file, out);
      !s.ok()) {
    return s;
  }
  out.version.title = "OFAC Sanctions List Service (enhanced XML)";
  pugi::xml_node root = file.doc.document_element();
  std::string as_of = ofac::ChildText(ofac::Child(root, "publicationInfo"), "dataAsOf");
  if (auto d = ofac::ParseOfacDate(as_of.substr(0, 10)); d && d->day > 0) {
    out.version.date = d->ToIso();
  }

  std::vector<pugi::xml_node> entities = ofac::Children(ofac::Child(root, "entities"), "entity");
  std::unordered_set<std::string> ids;
  for (const auto& entity : entities) ids.insert(Attr(entity, "id"));
  std::unordered_set<std::string> seen;
  size_t count = 0;
  for (const auto& entity : entities) {
    if (++count > options.max_records) {
      return Status::DataError(
          fmt::format("{}: more than {} records", file.Where(entity), options.max_records));
    }
    std::string ref = Attr(entity, "id");
    Entity e;
    std::vector<Relation> rels;
    std::string error;
    uint64_t num = 0;
    auto [p, ec] = std::from_chars(ref.data(), ref.data() + ref.size(), num);
    if (ref.empty() || ec != std::errc() || p != ref.data() + ref.size()) {
      error = fmt::format("{}: record {}: entity/@id: expected a number", file.Where(entity),
                          ref.empty() ? "?" : ref);
    } else if (!seen.insert(ref).second) {
      error = fmt::format("{}: record {}: duplicate entity id", file.Where(entity), ref);
    }
    if (error.empty()) {
      pugi::xml_node info = ofac::Child(entity, "generalInfo");
      e.dataset = dataset;
      e.record_id = ref;
      e.id = dataset + ":" + ref;
      e.source_ref = file.Where(entity);
      e.topics.push_back("sanction");
      e.schema = ofac::OfacSchema(ofac::ChildText(info, "entityType"));
      bool person = e.schema == Schema::kPerson;
      ReadNames(entity, person, e);
      if (e.caption.empty()) {
        error = fmt::format("{}: record {}: no primary name", file.Where(entity), ref);
      }
      if (std::string title = ofac::ChildText(info, "title"); !title.empty()) {
        e.titles.push_back(title);
      }
      for (const auto& prog :
           ofac::Children(ofac::Child(entity, "sanctionsPrograms"), "sanctionsProgram")) {
        ofac::PushUnique(e.programs, ofac::Text(prog));
      }
      for (const auto& list :
           ofac::Children(ofac::Child(entity, "sanctionsLists"), "sanctionsList")) {
        std::string date = Attr(list, "datePublished");
        if (!date.empty() && (e.listed_on.empty() || date < e.listed_on)) e.listed_on = date;
      }
      ReadAddresses(entity, e);
      if (error.empty()) error = ReadFeatures(file, entity, e, rels);
      ReadDocuments(entity, e);
      e.remarks = ofac::ChildText(info, "remarks");
      if (e.remarks.empty()) e.remarks = ofac::ChildText(entity, "remarks");
      ofac::ApplyRemarks(e.remarks, e, rels);
      for (const auto& rel : ofac::Children(ofac::Child(entity, "relationships"), "relationship")) {
        pugi::xml_node target = ofac::Child(rel, "relatedEntity");
        Relation r;
        r.source_id = e.id;
        std::string target_ref = Attr(target, "entityId");
        if (ids.count(target_ref) != 0) r.target_id = dataset + ":" + target_ref;
        r.target_name = ofac::Text(target);
        r.role = ofac::ChildText(rel, "type");
        r.type = RelationTypeOf(r.role);
        r.provenance = fmt::format("{} relationship {}", dataset, Attr(rel, "id"));
        if (!r.target_id.empty() || !r.target_name.empty()) rels.push_back(std::move(r));
      }
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
  ofac::ResolveRelations(out.entities, out.relations);
  out.version.entity_count = out.entities.size();
  out.version.relation_count = out.relations.size();
  return out;
}

}  // namespace tamiz::sources
