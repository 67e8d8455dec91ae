#include "sources/ofac_advanced_xml.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <map>
#include <unordered_map>

#include "sources/ofac_remarks.h"
#include "sources/ofac_xml_common.h"

namespace tamiz::sources {

namespace fs = std::filesystem;

namespace {

using IdMap = std::unordered_map<std::string, std::string>;

std::string Attr(const pugi::xml_node& n, const char* name) {
  return ofac::Trim(n.attribute(name).as_string());
}

std::string Lookup(const IdMap& m, const std::string& id) {
  auto it = m.find(id);
  return it == m.end() ? std::string() : it->second;
}

// ID attribute -> text of every element named `element` under ReferenceValueSets/`set`.
IdMap ValueSet(const pugi::xml_node& refs, std::string_view set, std::string_view element,
               const char* text_attr = nullptr) {
  IdMap m;
  for (const auto& v : ofac::Children(ofac::Child(refs, set), element)) {
    m[Attr(v, "ID")] = text_attr != nullptr ? Attr(v, text_attr) : ofac::Text(v);
  }
  return m;
}

struct RefSets {
  IdMap alias_type, party_sub_type, party_sub_type_party, party_type, feature_type, id_doc_type,
      name_part_type, area_code, country, detail_reference, loc_part_type, sanctions_type,
      relation_type, doc_date_type;
};

// A Location resolved to an address plus its country.
struct Place {
  Address address;
  std::string country;
  std::string text;  // all parts, for places given without a country element
};

int IntText(const pugi::xml_node& n) {
  std::string t = ofac::Text(n);
  int v = 0;
  std::from_chars(t.data(), t.data() + t.size(), v);
  return v;
}

struct Ymd {
  int y = 0, m = 0, d = 0;
};

Ymd ReadYmd(const pugi::xml_node& n) {
  return {IntText(ofac::Child(n, "Year")), IntText(ofac::Child(n, "Month")),
          IntText(ofac::Child(n, "Day"))};
}

int DaysInMonth(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12) return 31;
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 && leap ? 29 : kDays[m - 1];
}

// A DatePeriod as an OFAC partial date: Start.From..End.To spanning a whole year, month or
// day gives that precision; several years give a year range; Approximate gives circa.
std::optional<PartialDate> PeriodToDate(const pugi::xml_node& period) {
  pugi::xml_node start = ofac::Child(period, "Start"), end = ofac::Child(period, "End");
  if (!start || !end) return std::nullopt;
  Ymd a = ReadYmd(ofac::Child(start, "From")), b = ReadYmd(ofac::Child(end, "To"));
  if (a.y == 0) return std::nullopt;
  if (b.y == 0) b = a;
  PartialDate d;
  d.circa = start.attribute("Approximate").as_bool() || end.attribute("Approximate").as_bool();
  d.year = a.y;
  if (b.y > a.y) {
    d.year_to = b.y;
  } else if (a.m == 1 && a.d == 1 && b.m == 12 && b.d == 31) {
    // whole year
  } else if (a.m == b.m && a.d == 1 && b.d == DaysInMonth(b.y, b.m) && a.d != b.d) {
    d.month = a.m;
  } else {
    d.month = a.m;
    d.day = a.d;
  }
  d.raw = (d.circa ? "circa " : "") + d.ToIso();
  return d;
}

Place ReadLocation(const pugi::xml_node& loc, const RefSets& refs) {
  Place p;
  std::map<std::string, std::string> parts;  // LocPartType name -> value
  std::string unknown;
  for (const auto& part : ofac::Children(loc, "LocationPart")) {
    std::string type = Lookup(refs.loc_part_type, Attr(part, "LocPartTypeID"));
    std::string value = ofac::ChildText(ofac::Child(part, "LocationPartValue"), "Value");
    if (value.empty()) continue;
    if (type == "Unknown" || type.empty()) {
      unknown += (unknown.empty() ? "" : ", ") + value;
    } else {
      parts[type] = value;
    }
  }
  if (pugi::xml_node c = ofac::Child(loc, "LocationCountry")) {
    p.country = Lookup(refs.country, Attr(c, "CountryID"));
  }
  if (p.country.empty()) {
    if (pugi::xml_node ac = ofac::Child(loc, "LocationAreaCode")) {
      std::string desc = Lookup(refs.area_code, Attr(ac, "AreaCodeID"));
      if (desc != "undetermined") p.country = desc;
    }
  }
  Address& a = p.address;
  for (const char* line : {"ADDRESS1", "ADDRESS2", "ADDRESS3"}) {
    auto it = parts.find(line);
    if (it == parts.end()) continue;
    if (!a.street.empty()) a.street += ", ";
    a.street += it->second;
  }
  a.city = parts.count("CITY") ? parts["CITY"] : "";
  a.region = parts.count("STATE/PROVINCE") ? parts["STATE/PROVINCE"] : "";
  if (a.region.empty() && parts.count("REGION")) a.region = parts["REGION"];
  a.postal_code = parts.count("POSTAL CODE") ? parts["POSTAL CODE"] : "";
  a.country = p.country;
  if (a.street.empty() && !unknown.empty() && !p.country.empty()) a.street = unknown;
  for (const std::string* part : {&a.street, &a.city, &a.region, &a.postal_code, &a.country}) {
    if (part->empty()) continue;
    if (!a.full.empty()) a.full += ", ";
    a.full += *part;
  }
  p.text = !unknown.empty() ? unknown : a.full;
  return p;
}

struct Context {
  const ofac::XmlFile* file;
  const RefSets* refs;
  const std::unordered_map<std::string, Place>* locations;
  std::string dataset;
};

// Builds the name of one DocumentedName: for persons "LAST, First Middle", else the parts
// in document order.
Name ReadName(const pugi::xml_node& documented, const IdMap& group_types, const RefSets& refs,
              NameKind kind, bool person) {
  std::string last, first, other;
  for (const auto& part : ofac::Children(documented, "DocumentedNamePart")) {
    pugi::xml_node v = ofac::Child(part, "NamePartValue");
    std::string value = ofac::Text(v);
    if (value.empty()) continue;
    std::string type = Lookup(refs.name_part_type, Lookup(group_types, Attr(v, "NamePartGroupID")));
    std::string* target = &other;
    if (person && type == "Last Name") target = &last;
    if (person && (type == "First Name" || type == "Middle Name" || type == "Patronymic" ||
                   type == "Matronymic")) {
      target = &first;
    }
    if (!target->empty()) *target += " ";
    *target += value;
  }
  Name n;
  n.kind = kind;
  if (person) {
    if (!other.empty()) last += (last.empty() ? "" : " ") + other;
    n.last = last;
    n.first = first;
    n.full = first.empty() ? last : (last.empty() ? first : last + ", " + first);
  } else {
    n.full = other.empty() ? last + (first.empty() ? "" : " " + first) : other;
  }
  return n;
}

void ApplyFeature(const pugi::xml_node& feature, const Context& ctx, Entity& e,
                  std::vector<Relation>& relations) {
  const RefSets& refs = *ctx.refs;
  std::string type = Lookup(refs.feature_type, Attr(feature, "FeatureTypeID"));
  for (const auto& version : ofac::Children(feature, "FeatureVersion")) {
    std::string text;
    Place place;
    bool has_place = false;
    if (pugi::xml_node detail = ofac::Child(version, "VersionDetail")) {
      text = ofac::Text(detail);
      if (text.empty()) text = Lookup(refs.detail_reference, Attr(detail, "DetailReferenceID"));
    }
    if (pugi::xml_node vl = ofac::Child(version, "VersionLocation")) {
      auto it = ctx.locations->find(Attr(vl, "LocationID"));
      if (it != ctx.locations->end()) {
        place = it->second;
        has_place = true;
      }
    }
    std::string country = has_place ? (!place.country.empty() ? place.country : place.text) : text;
    if (type == "Birthdate") {
      if (pugi::xml_node period = ofac::Child(version, "DatePeriod")) {
        if (auto d = PeriodToDate(period)) e.birth_dates.push_back(std::move(*d));
      }
    } else if (type == "Place of Birth") {
      ofac::PushUnique(e.birth_places, has_place ? place.text : text);
    } else if (type == "Nationality Country") {
      ofac::PushUnique(e.nationalities, country);
    } else if (type == "Citizenship Country") {
      ofac::PushUnique(e.citizenships, country);
    } else if (type == "Location") {
      if (has_place && !place.address.full.empty()) {
        ofac::PushUnique(e.countries, place.address.country);
        e.addresses.push_back(place.address);
      }
    } else if (!ofac::ApplyVesselFeature(type, has_place ? country : text, e) &&
               (!text.empty() || has_place)) {
      std::string value = !text.empty() ? text : country;
      if (!ofac::ApplyFact(type, value, e, relations)) {
        // Identifier-like features (SWIFT/BIC, BIK (RU), ...), as the classic XML lists them.
        e.identifiers.push_back(Identifier{type, value, "", ""});
      }
    }
  }
}

}  // namespace

Result<ParsedList> ParseOfacAdvancedXml(const fs::path& dir, const std::string& dataset,
                                        const ParseOptions& options) {
  ParsedList out;
  ofac::XmlFile file;
  if (Status s = ofac::OpenXml(dir, "Sanctions", "ofac-advanced-xml", options, file, out);
      !s.ok()) {
    return s;
  }
  out.version.title = "OFAC Sanctions List (advanced XML)";
  pugi::xml_node root = file.doc.document_element();
  if (pugi::xml_node issued = ofac::Child(root, "DateOfIssue")) {
    Ymd d = ReadYmd(issued);
    if (d.y > 0 && d.m > 0 && d.d > 0)
      out.version.date = fmt::format("{:04d}-{:02d}-{:02d}", d.y, d.m, d.d);
  }

  pugi::xml_node rv = ofac::Child(root, "ReferenceValueSets");
  RefSets refs;
  refs.alias_type = ValueSet(rv, "AliasTypeValues", "AliasType");
  refs.party_sub_type = ValueSet(rv, "PartySubTypeValues", "PartySubType");
  refs.party_sub_type_party = ValueSet(rv, "PartySubTypeValues", "PartySubType", "PartyTypeID");
  refs.party_type = ValueSet(rv, "PartyTypeValues", "PartyType");
  refs.feature_type = ValueSet(rv, "FeatureTypeValues", "FeatureType");
  refs.id_doc_type = ValueSet(rv, "IDRegDocTypeValues", "IDRegDocType");
  refs.name_part_type = ValueSet(rv, "NamePartTypeValues", "NamePartType");
  refs.area_code = ValueSet(rv, "AreaCodeValues", "AreaCode", "Description");
  refs.country = ValueSet(rv, "CountryValues", "Country");
  refs.detail_reference = ValueSet(rv, "DetailReferenceValues", "DetailReference");
  refs.loc_part_type = ValueSet(rv, "LocPartTypeValues", "LocPartType");
  refs.sanctions_type = ValueSet(rv, "SanctionsTypeValues", "SanctionsType");
  refs.relation_type = ValueSet(rv, "RelationTypeValues", "RelationType");
  refs.doc_date_type = ValueSet(rv, "IDRegDocDateTypeValues", "IDRegDocDateType");

  std::unordered_map<std::string, Place> locations;
  for (const auto& loc : ofac::Children(ofac::Child(root, "Locations"), "Location")) {
    locations[Attr(loc, "ID")] = ReadLocation(loc, refs);
  }
  // IdentityID -> identity documents.
  std::unordered_map<std::string, std::vector<Identifier>> documents;
  for (const auto& doc : ofac::Children(ofac::Child(root, "IDRegDocuments"), "IDRegDocument")) {
    Identifier id;
    id.type = Lookup(refs.id_doc_type, Attr(doc, "IDRegDocTypeID"));
    id.number = ofac::ChildText(doc, "IDRegistrationNo");
    id.country = Lookup(refs.country, Attr(doc, "IssuedBy-CountryID"));
    for (const auto& date : ofac::Children(doc, "DocumentDate")) {
      std::string kind = Lookup(refs.doc_date_type, Attr(date, "IDRegDocDateTypeID"));
      auto d = PeriodToDate(ofac::Child(date, "DatePeriod"));
      if (!d) continue;
      std::string what = kind == "Expiration Date" ? "expires " : "issued ";
      id.note += (id.note.empty() ? "" : "; ") + what + d->ToIso();
    }
    ofac::SplitCountryFromNumber(id);
    if (id.type == "Vessel Registration Identification" ||
        id.type == "Vessel Registration Identification IMO") {
      id.type = "IMO";
      if (id.number.rfind("IMO ", 0) == 0) id.number = id.number.substr(4);
    }
    if (!id.number.empty()) documents[Attr(doc, "IdentityID")].push_back(std::move(id));
  }
  // ProfileID -> programs and earliest listing date.
  std::unordered_map<std::string, std::vector<std::string>> programs;
  std::unordered_map<std::string, std::string> listed;
  for (const auto& se : ofac::Children(ofac::Child(root, "SanctionsEntries"), "SanctionsEntry")) {
    std::string profile = Attr(se, "ProfileID");
    for (const auto& m : ofac::Children(se, "SanctionsMeasure")) {
      if (Lookup(refs.sanctions_type, Attr(m, "SanctionsTypeID")) == "Program") {
        ofac::PushUnique(programs[profile], ofac::ChildText(m, "Comment"));
      }
    }
    for (const auto& ev : ofac::Children(se, "EntryEvent")) {
      Ymd d = ReadYmd(ofac::Child(ev, "Date"));
      if (d.y == 0) continue;
      std::string iso = fmt::format("{:04d}-{:02d}-{:02d}", d.y, d.m, d.d);
      std::string& cur = listed[profile];
      if (cur.empty() || iso < cur) cur = iso;
    }
  }

  Context ctx{&file, &refs, &locations, dataset};
  std::unordered_map<std::string, std::string> profile_to_id;
  size_t count = 0;
  for (const auto& party : ofac::Children(ofac::Child(root, "DistinctParties"), "DistinctParty")) {
    if (++count > options.max_records) {
      return Status::DataError(
          fmt::format("{}: more than {} records", file.Where(party), options.max_records));
    }
    std::string ref = Attr(party, "FixedRef");
    pugi::xml_node profile = ofac::Child(party, "Profile");
    std::string error;
    uint64_t num = 0;
    auto [p, ec] = std::from_chars(ref.data(), ref.data() + ref.size(), num);
    if (ref.empty() || ec != std::errc() || p != ref.data() + ref.size()) {
      error = fmt::format("{}: record {}: DistinctParty/@FixedRef: expected a number",
                          file.Where(party), ref.empty() ? "?" : ref);
    } else if (!profile) {
      error = fmt::format("{}: record {}: DistinctParty/Profile: missing", file.Where(party), ref);
    }
    Entity e;
    std::vector<Relation> rels;
    if (error.empty()) {
      e.dataset = dataset;
      e.record_id = ref;
      e.id = dataset + ":" + ref;
      e.source_ref = file.Where(party);
      e.topics.push_back("sanction");
      std::string sub_id = Attr(profile, "PartySubTypeID");
      std::string sub = Lookup(refs.party_sub_type, sub_id);
      std::string party_type = Lookup(refs.party_type, Lookup(refs.party_sub_type_party, sub_id));
      if (sub == "Vessel") {
        e.schema = Schema::kVessel;
      } else if (sub == "Aircraft") {
        e.schema = Schema::kAirplane;
      } else {
        e.schema = ofac::OfacSchema(party_type);
      }
      bool person = e.schema == Schema::kPerson;
      for (const auto& identity : ofac::Children(profile, "Identity")) {
        IdMap group_types;
        for (const auto& master :
             ofac::Children(ofac::Child(identity, "NamePartGroups"), "MasterNamePartGroup")) {
          for (const auto& g : ofac::Children(master, "NamePartGroup")) {
            group_types[Attr(g, "ID")] = Attr(g, "NamePartTypeID");
          }
        }
        for (const auto& alias : ofac::Children(identity, "Alias")) {
          std::string alias_type = Lookup(refs.alias_type, Attr(alias, "AliasTypeID"));
          NameKind kind = NameKind::kStrongAlias;
          if (alias.attribute("Primary").as_bool()) {
            kind = NameKind::kPrimary;
          } else if (alias_type == "F.K.A.") {
            kind = NameKind::kFormer;
          } else if (alias.attribute("LowQuality").as_bool()) {
            kind = NameKind::kWeakAlias;
          }
          for (const auto& dn : ofac::Children(alias, "DocumentedName")) {
            Name n = ReadName(dn, group_types, refs, kind, person);
            if (n.full.empty()) continue;
            if (kind == NameKind::kPrimary && e.caption.empty()) e.caption = n.full;
            ofac::AddListedName(e, std::move(n));
          }
        }
        auto docs = documents.find(Attr(identity, "ID"));
        if (docs != documents.end()) {
          for (auto& id : docs->second) {
            if (id.type == "IMO") {
              if (!e.vessel) e.vessel.emplace();
              e.vessel->imo = id.number;
            }
            e.identifiers.push_back(id);
          }
        }
      }
      if (e.caption.empty()) {
        error = fmt::format("{}: record {}: no primary name", file.Where(party), ref);
      }
    }
    if (error.empty()) {
      // The primary name first, as in the other formats.
      std::stable_partition(e.names.begin(), e.names.end(),
                            [](const Name& n) { return n.kind == NameKind::kPrimary; });
      for (const auto& feature : ofac::Children(profile, "Feature")) {
        ApplyFeature(feature, ctx, e, rels);
      }
      std::string profile_id = Attr(profile, "ID");
      if (auto it = programs.find(profile_id); it != programs.end()) e.programs = it->second;
      if (auto it = listed.find(profile_id); it != listed.end()) e.listed_on = it->second;
      e.remarks = ofac::ChildText(party, "Comment");
      ofac::ApplyRemarks(e.remarks, e, rels);
      if (!profile_to_id.emplace(profile_id, e.id).second) {
        error = fmt::format("{}: record {}: duplicate profile ID {}", file.Where(party), ref,
                            profile_id);
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

  std::unordered_map<std::string, std::string> captions;
  for (const auto& e : out.entities) captions[e.id] = e.caption;
  for (const auto& pr :
       ofac::Children(ofac::Child(root, "ProfileRelationships"), "ProfileRelationship")) {
    std::string from = Lookup(profile_to_id, Attr(pr, "From-ProfileID"));
    std::string to = Lookup(profile_to_id, Attr(pr, "To-ProfileID"));
    if (from.empty() || to.empty()) {
      out.warnings.push_back(fmt::format("{}: ProfileRelationship {}: unknown profile",
                                         file.Where(pr), Attr(pr, "ID")));
      continue;
    }
    Relation r;
    r.source_id = from;
    r.target_id = to;
    r.target_name = captions[to];
    r.type = RelationType::kUnknownLink;
    r.role = Lookup(refs.relation_type, Attr(pr, "RelationTypeID"));
    r.provenance = fmt::format("{} ProfileRelationship {}", dataset, Attr(pr, "ID"));
    out.relations.push_back(std::move(r));
  }
  ofac::ResolveRelations(out.entities, out.relations);
  out.version.entity_count = out.entities.size();
  out.version.relation_count = out.relations.size();
  return out;
}

}  // namespace tamiz::sources
