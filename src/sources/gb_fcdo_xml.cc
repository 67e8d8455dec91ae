#include "sources/gb_fcdo_xml.h"

#include <fmt/format.h>

#include <unordered_set>

#include "sources/dates.h"
#include "sources/un_xml_util.h"

// Format reference: FCDO, "UK Sanctions List" XML
// (https://sanctionslist.fcdo.gov.uk/docs/UK-Sanctions-List.xml) and its data guide. Only the
// elements present in the 20-record excerpt in tests/fixtures/gb/ are tested; see
// docs/formats/gb-fcdo-xml.md.

namespace tamiz::sources {

namespace {

using xml::AddUnique;
using xml::Child;
using xml::Children;
using xml::Descendants;
using xml::JoinNonEmpty;
using xml::OwnText;
using xml::Text;

NameKind KindOf(std::string_view name_type, std::string_view strength) {
  if (name_type == "Primary Name") return NameKind::kPrimary;
  if (name_type.find("Previous") != std::string_view::npos ||
      name_type.find("Former") != std::string_view::npos || name_type == "FKA") {
    return NameKind::kFormer;
  }
  if (strength.find("Low") != std::string_view::npos) return NameKind::kWeakAlias;
  return NameKind::kStrongAlias;
}

// FCDO NonLatinScriptType -> ISO 15924; "" when unknown.
std::string ScriptCode(std::string_view type) {
  if (type == "Arabic" || type == "Persian") return "Arab";
  if (type == "Cyrillic") return "Cyrl";
  if (type == "Chinese") return "Hani";
  if (type == "Georgian") return "Geor";
  if (type == "Hebrew") return "Hebr";
  if (type == "Hangul" || type == "Korean") return "Hang";
  if (type == "Greek") return "Grek";
  if (type == "Thai") return "Thai";
  return "";
}

Schema SchemaOf(std::string_view kind) {
  if (kind == "Individual") return Schema::kPerson;
  if (kind == "Ship") return Schema::kVessel;
  if (kind == "Entity") return Schema::kOrganization;
  return Schema::kUnknown;
}

void AddIdentifier(Entity& e, Identifier id) {
  if (id.number.empty()) return;
  for (const auto& have : e.identifiers) {
    if (have.type == id.type && have.number == id.number) return;
  }
  e.identifiers.push_back(std::move(id));
}

Entity FcdoEntity(const xml::XmlFile& file, pugi::xml_node d, const std::string& dataset,
                  const std::string& record_id, std::vector<Relation>& relations) {
  Entity e;
  e.dataset = dataset;
  e.record_id = record_id;
  e.id = dataset + ":" + record_id;
  e.schema = SchemaOf(Text(d, "IndividualEntityShip"));
  e.source_ref = file.Ref(d);
  e.topics.push_back("sanction");

  for (pugi::xml_node n : Children(Child(d, "Names"), "Name")) {
    Name name;
    name.kind = KindOf(Text(n, "NameType"), Text(n, "AliasStrength"));
    std::vector<std::string> given;
    for (const char* f : {"Name1", "Name2", "Name3", "Name4", "Name5"}) {
      if (std::string v = Text(n, f); !v.empty()) given.push_back(std::move(v));
    }
    std::string family = Text(n, "Name6");
    name.full = JoinNonEmpty({JoinNonEmpty(given, " "), family}, " ");
    if (name.full.empty()) continue;
    if (e.schema == Schema::kPerson) {
      name.last = family;
      if (!given.empty()) {
        name.first = given.front();
        name.middle = JoinNonEmpty({given.begin() + 1, given.end()}, " ");
      }
    }
    if (name.kind == NameKind::kPrimary && e.caption.empty()) e.caption = name.full;
    e.names.push_back(std::move(name));
  }
  for (pugi::xml_node n : Children(Child(d, "NonLatinNames"), "NonLatinName")) {
    Name name;
    name.full = Text(n, "NameNonLatinScript");
    if (name.full.empty()) continue;
    name.script = ScriptCode(Text(n, "NonLatinScriptType"));
    if (name.script.empty()) name.script = xml::DetectScript(name.full);
    e.names.push_back(std::move(name));
  }
  if (e.caption.empty() && !e.names.empty()) e.caption = e.names.front().full;

  for (pugi::xml_node t : Children(Child(d, "Titles"), "Title")) AddUnique(e.titles, OwnText(t));
  AddUnique(e.programs, Text(d, "RegimeName"));
  e.listed_on = ListDateToIso(Text(d, "DateDesignated"));
  e.remarks = JoinNonEmpty({Text(d, "OtherInformation"), Text(d, "UKStatementofReasons")}, " ");
  if (std::string s = Text(d, "SanctionsImposed"); !s.empty()) {
    e.sanctions_info.push_back("Sanctions imposed: " + s);
  }
  if (std::string s = Text(d, "DesignationSource"); !s.empty()) {
    e.sanctions_info.push_back("Designation source: " + s);
  }
  AddIdentifier(e, {"OFSI Group ID", Text(d, "OFSIGroupID"), "", ""});
  AddIdentifier(e, {"UN Ref", Text(d, "UNReferenceNumber"), "", ""});

  for (pugi::xml_node a : Children(Child(d, "Addresses"), "Address")) {
    Address addr;
    addr.street = JoinNonEmpty({Text(a, "AddressLine1"), Text(a, "AddressLine2"),
                                Text(a, "AddressLine3"), Text(a, "AddressLine4")},
                               ", ");
    addr.city = Text(a, "AddressLine5");
    addr.region = Text(a, "AddressLine6");
    addr.postal_code = Text(a, "AddressPostalCode");
    addr.country = Text(a, "AddressCountry");
    addr.full =
        JoinNonEmpty({addr.street, addr.city, addr.region, addr.postal_code, addr.country}, ", ");
    if (addr.full.empty()) continue;
    AddUnique(e.countries, addr.country);
    e.addresses.push_back(std::move(addr));
  }
  for (pugi::xml_node m : Descendants(d, "EmailAddress")) AddUnique(e.emails, OwnText(m));
  for (pugi::xml_node w : Descendants(d, "Website")) AddUnique(e.websites, OwnText(w));

  pugi::xml_node ind = Child(Child(d, "IndividualDetails"), "Individual");
  if (ind) {
    for (pugi::xml_node dob : Children(Child(ind, "DOBs"), "DOB")) {
      PartialDate date = ParseListDate(OwnText(dob));
      if (date.year != 0) e.birth_dates.push_back(std::move(date));
    }
    for (pugi::xml_node n : Children(Child(ind, "Nationalities"), "Nationality")) {
      AddUnique(e.nationalities, OwnText(n));
    }
    for (pugi::xml_node p : Children(Child(ind, "Positions"), "Position")) {
      AddUnique(e.positions, OwnText(p));
    }
    for (pugi::xml_node g : Children(Child(ind, "Genders"), "Gender")) {
      std::string v = OwnText(g);
      if (v == "Male") e.gender = "male";
      if (v == "Female") e.gender = "female";
    }
    for (pugi::xml_node l : Children(Child(ind, "BirthDetails"), "Location")) {
      AddUnique(e.birth_places,
                JoinNonEmpty({Text(l, "TownOfBirth"), Text(l, "CountryOfBirth")}, ", "));
    }
    for (pugi::xml_node p : Children(Child(ind, "PassportDetails"), "Passport")) {
      AddIdentifier(
          e, {"Passport", Text(p, "PassportNumber"), "", Text(p, "PassportAdditionalInformation")});
    }
    for (pugi::xml_node p :
         Children(Child(ind, "NationalIdentifierDetails"), "NationalIdentifier")) {
      AddIdentifier(e, {"National ID", Text(p, "NationalIdentifierNumber"), "",
                        Text(p, "NationalIdentifierAdditionalInformation")});
    }
  }
  // Entity and ship details are read by element name wherever they sit (not in the excerpt).
  for (pugi::xml_node n : Descendants(d, "BusinessRegistrationNumber")) {
    AddIdentifier(e, {"Business Registration Number", OwnText(n), "", ""});
  }
  for (pugi::xml_node n : Descendants(d, "IMONumber")) {
    std::string imo = OwnText(n);
    if (imo.empty()) continue;
    if (!e.vessel) e.vessel.emplace();
    if (e.vessel->imo.empty()) e.vessel->imo = imo;
    AddIdentifier(e, {"IMO", imo, "", ""});
  }
  auto vessel_field = [&](const char* tag, std::string VesselInfo::*field) {
    for (pugi::xml_node n : Descendants(d, tag)) {
      std::string v = OwnText(n);
      if (v.empty()) continue;
      if (!e.vessel) e.vessel.emplace();
      if (((*e.vessel).*field).empty()) (*e.vessel).*field = v;
    }
  };
  vessel_field("CurrentBelievedFlagOfShip", &VesselInfo::flag);
  vessel_field("TypeOfShip", &VesselInfo::vessel_type);
  vessel_field("TonnageOfShip", &VesselInfo::tonnage);
  vessel_field("CurrentOwnerOperator", &VesselInfo::owner);
  for (auto [tag, role] :
       {std::pair{"ParentCompany", "parent company"}, std::pair{"Subsidiary", "subsidiary"}}) {
    for (pugi::xml_node n : Descendants(d, tag)) {
      std::string target = OwnText(n);
      if (target.empty()) continue;
      Relation r;
      r.source_id = e.id;
      r.target_name = target;
      r.type = RelationType::kOwnership;
      r.role = role;
      r.provenance = file.Ref(n);
      relations.push_back(std::move(r));
    }
  }
  return e;
}

}  // namespace

Result<ParsedList> ParseGbFcdoXml(const std::filesystem::path& dir, const std::string& dataset,
                                  const ParseOptions& options) {
  ParsedList out;
  auto loaded = xml::OpenXmlList(dir, "Designations", dataset, "UK Sanctions List (FCDO)",
                                 "gb-fcdo-xml", options, out);
  if (!loaded.ok()) return loaded.status();
  const xml::XmlFile& file = *loaded.value();
  pugi::xml_node root = file.doc.document_element();
  out.version.date = ListDateToIso(Text(root, "DateGenerated"));

  std::unordered_set<std::string> seen;
  size_t records = 0;
  for (pugi::xml_node d : Children(root, "Designation")) {
    if (Status st = xml::CountRecord(records, file, d, options); !st.ok()) return st;
    std::string uid = Text(d, "UniqueID");
    Status bad;
    if (uid.empty()) {
      bad = Status::DataError(fmt::format("{}: Designation: empty <UniqueID>", file.Ref(d)));
    } else if (!seen.insert(uid).second) {
      bad = Status::DataError(fmt::format("{}: record {}: duplicate UniqueID", file.Ref(d), uid));
    } else {
      bad = xml::CheckTextLimits(file, d, uid, options.max_field_bytes);
    }
    if (!bad.ok()) {
      if (Status fail = xml::SkipRecord(bad, options, out); !fail.ok()) return fail;
      continue;
    }
    out.entities.push_back(FcdoEntity(file, d, dataset, uid, out.relations));
  }
  out.version.entity_count = out.entities.size();
  out.version.relation_count = out.relations.size();
  return out;
}

}  // namespace tamiz::sources
