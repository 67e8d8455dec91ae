#include "sources/un_xml.h"

#include <fmt/format.h>

#include <set>

#include "sources/dates.h"
#include "sources/un_xml_util.h"

// Format reference: UN Security Council, "Consolidated United Nations Security Council Sanctions
// List", XML schema https://scsanctions.un.org/resources/xml/sc-sanctions.xsd. Field mapping and
// quirks are described in docs/formats/un-sc-xml.md.

namespace tamiz::sources {

namespace {

using xml::AddUnique;
using xml::Child;
using xml::Children;
using xml::JoinNonEmpty;
using xml::OwnText;
using xml::Text;

// UN alias QUALITY -> NameKind. "Good" and "a.k.a." are strong aliases, "Low" a weak one,
// "f.k.a." a former name.
NameKind AliasKind(std::string_view quality) {
  if (quality == "Low") return NameKind::kWeakAlias;
  if (quality == "f.k.a.") return NameKind::kFormer;
  return NameKind::kStrongAlias;
}

// Values of the <VALUE> children of the first child element `name`.
std::vector<std::string> Values(pugi::xml_node n, std::string_view name) {
  std::vector<std::string> out;
  for (pugi::xml_node v : Children(Child(n, name), "VALUE")) AddUnique(out, OwnText(v));
  return out;
}

// One INDIVIDUAL_DATE_OF_BIRTH: TYPE_OF_DATE EXACT (DATE, YEAR or a NOTE like "Nov. 1973"),
// APPROXIMATELY (circa) or BETWEEN (FROM_YEAR..TO_YEAR).
std::optional<PartialDate> UnBirthDate(pugi::xml_node n) {
  std::string type = Text(n, "TYPE_OF_DATE");
  PartialDate d;
  if (type == "BETWEEN") {
    std::string from = Text(n, "FROM_YEAR");
    std::string to = Text(n, "TO_YEAR");
    d = ParseListDate(from + " to " + to);
    if (d.year == 0) d = ParseListDate(from);
    d.raw = JoinNonEmpty({from, to}, " to ");
  } else {
    for (const char* field : {"DATE", "YEAR", "NOTE"}) {
      std::string v = Text(n, field);
      if (v.empty()) continue;
      d = ParseListDate(v);
      if (d.year != 0) break;
    }
  }
  std::string note = Text(n, "NOTE");
  bool approx_note = note.find("pprox") != std::string::npos;  // "Approximately" on a range
  if (type == "APPROXIMATELY" || approx_note) d.circa = true;
  if (d.year == 0) return std::nullopt;
  return d;
}

// CITY, STATE_PROVINCE, COUNTRY of a place of birth, joined with ", ".
std::string UnPlace(pugi::xml_node n) {
  return JoinNonEmpty(
      {Text(n, "STREET"), Text(n, "CITY"), Text(n, "STATE_PROVINCE"), Text(n, "COUNTRY")}, ", ");
}

std::optional<Address> UnAddress(pugi::xml_node n) {
  Address a;
  a.street = Text(n, "STREET");
  a.city = Text(n, "CITY");
  a.region = Text(n, "STATE_PROVINCE");
  a.postal_code = Text(n, "ZIP_CODE");
  a.country = Text(n, "COUNTRY");
  a.full = JoinNonEmpty({a.street, a.city, a.region, a.postal_code, a.country}, ", ");
  if (a.full.empty()) return std::nullopt;
  return a;
}

std::optional<Identifier> UnDocument(pugi::xml_node n) {
  Identifier id;
  id.number = Text(n, "NUMBER");
  if (id.number.empty()) return std::nullopt;
  id.type = Text(n, "TYPE_OF_DOCUMENT");
  id.country = Text(n, "ISSUING_COUNTRY");
  if (id.country.empty()) id.country = Text(n, "COUNTRY_OF_ISSUE");
  std::string issued = Text(n, "DATE_OF_ISSUE");
  std::string city = Text(n, "CITY_OF_ISSUE");
  id.note = JoinNonEmpty({Text(n, "TYPE_OF_DOCUMENT2"), issued.empty() ? "" : "issued " + issued,
                          city.empty() ? "" : "issued in " + city, Text(n, "NOTE")},
                         "; ");
  return id;
}

// Builds the entity of one INDIVIDUAL or ENTITY element.
Entity UnEntity(const xml::XmlFile& file, pugi::xml_node rec, bool person,
                const std::string& dataset, const std::string& record_id) {
  Entity e;
  e.dataset = dataset;
  e.record_id = record_id;
  e.id = dataset + ":" + record_id;
  e.schema = person ? Schema::kPerson : Schema::kOrganization;
  e.source_ref = file.Ref(rec);
  e.topics.push_back("sanction");

  Name primary;
  std::vector<std::string> parts;
  for (const char* f : {"FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME"}) {
    std::string p = Text(rec, f);
    if (!p.empty()) parts.push_back(std::move(p));
  }
  primary.full = JoinNonEmpty(parts, " ");
  if (person && !parts.empty()) {
    primary.first = parts.front();
    if (parts.size() > 1) {
      primary.last = parts.back();
      primary.middle = JoinNonEmpty({parts.begin() + 1, parts.end() - 1}, " ");
    }
  }
  e.caption = primary.full;
  if (!primary.full.empty()) e.names.push_back(primary);
  if (std::string orig = Text(rec, "NAME_ORIGINAL_SCRIPT"); !orig.empty()) {
    Name n;
    n.full = orig;
    n.kind = NameKind::kPrimary;
    n.script = xml::DetectScript(orig);
    e.names.push_back(std::move(n));
  }
  const char* alias_tag = person ? "INDIVIDUAL_ALIAS" : "ENTITY_ALIAS";
  for (pugi::xml_node a : Children(rec, alias_tag)) {
    std::string alias = Text(a, "ALIAS_NAME");
    if (alias.empty()) continue;
    Name n;
    n.full = alias;
    n.kind = AliasKind(Text(a, "QUALITY"));
    bool dup = false;
    for (const Name& have : e.names) dup = dup || (have.full == n.full && have.kind == n.kind);
    if (!dup) e.names.push_back(std::move(n));
    if (std::string dob = Text(a, "DATE_OF_BIRTH"); !dob.empty()) {
      if (PartialDate d = ParseListDate(dob); d.year != 0) e.birth_dates.push_back(d);
    }
    AddUnique(e.birth_places,
              JoinNonEmpty({Text(a, "CITY_OF_BIRTH"), Text(a, "COUNTRY_OF_BIRTH")}, ", "));
  }

  if (person) {
    for (pugi::xml_node d : Children(rec, "INDIVIDUAL_DATE_OF_BIRTH")) {
      if (auto date = UnBirthDate(d)) e.birth_dates.push_back(std::move(*date));
    }
    for (pugi::xml_node p : Children(rec, "INDIVIDUAL_PLACE_OF_BIRTH")) {
      AddUnique(e.birth_places, UnPlace(p));
    }
    for (pugi::xml_node d : Children(rec, "INDIVIDUAL_DOCUMENT")) {
      if (auto id = UnDocument(d)) e.identifiers.push_back(std::move(*id));
    }
    e.nationalities = Values(rec, "NATIONALITY");
    e.titles = Values(rec, "TITLE");
    e.positions = Values(rec, "DESIGNATION");
    std::string gender = Text(rec, "GENDER");
    if (gender == "Male") e.gender = "male";
    if (gender == "Female") e.gender = "female";
  }
  for (pugi::xml_node a : Children(rec, person ? "INDIVIDUAL_ADDRESS" : "ENTITY_ADDRESS")) {
    if (auto addr = UnAddress(a)) {
      AddUnique(e.countries, addr->country);
      e.addresses.push_back(std::move(*addr));
    }
  }
  AddUnique(e.programs, Text(rec, "UN_LIST_TYPE"));
  e.listed_on = ListDateToIso(Text(rec, "LISTED_ON"));
  e.remarks = Text(rec, "COMMENTS1");
  return e;
}

}  // namespace

Result<ParsedList> ParseUnXml(const std::filesystem::path& dir, const std::string& dataset,
                              const ParseOptions& options) {
  ParsedList out;
  auto loaded = xml::OpenXmlList(dir, "CONSOLIDATED_LIST", dataset,
                                 "UN Security Council Consolidated List", "un-xml", options, out);
  if (!loaded.ok()) return loaded.status();
  const xml::XmlFile& file = *loaded.value();
  pugi::xml_node root = file.doc.document_element();
  out.version.date = ListDateToIso(xml::Attr(root, "dateGenerated"));

  std::set<std::string> seen;
  size_t records = 0;
  for (auto [group, tag] : {std::pair{"INDIVIDUALS", "INDIVIDUAL"}, {"ENTITIES", "ENTITY"}}) {
    bool person = std::string_view(tag) == "INDIVIDUAL";
    for (pugi::xml_node rec : Children(Child(root, group), tag)) {
      if (Status st = xml::CountRecord(records, file, rec, options); !st.ok()) return st;
      std::string ref = Text(rec, "REFERENCE_NUMBER");
      std::string record_id = ref.empty() ? Text(rec, "DATAID") : ref;
      Status bad;
      if (record_id.empty()) {
        bad = Status::DataError(
            fmt::format("{}: {}: no REFERENCE_NUMBER and no DATAID", file.Ref(rec), tag));
      } else if (seen.count(record_id) != 0) {
        bad = Status::DataError(
            fmt::format("{}: record {}: duplicate reference number", file.Ref(rec), record_id));
      } else {
        bad = xml::CheckTextLimits(file, rec, record_id, options.max_field_bytes);
      }
      if (!bad.ok()) {
        if (Status fail = xml::SkipRecord(bad, options, out); !fail.ok()) return fail;
        continue;
      }
      if (ref.empty()) {
        out.warnings.push_back(fmt::format(
            "{}: record {}: empty REFERENCE_NUMBER, DATAID used as id", file.Ref(rec), record_id));
      }
      seen.insert(record_id);
      out.entities.push_back(UnEntity(file, rec, person, dataset, record_id));
    }
  }
  out.version.entity_count = out.entities.size();
  return out;
}

}  // namespace tamiz::sources
