#include "sources/eu_fsf_xml.h"

#include <fmt/format.h>

#include <unordered_set>

#include "sources/dates.h"
#include "sources/un_xml_util.h"

// Format reference: European Commission (DG FISMA), "Financial Sanctions Files (FSF)" —
// consolidated list of persons, groups and entities subject to EU financial sanctions, XML
// schema v1.1 (https://webgate.ec.europa.eu/fsd/fsf, namespace
// http://eu.europa.ec/fpi/fsd/export). Implemented from that documentation only: no official
// file was available, the tests use hand-written fixtures. See docs/formats/eu-fsf-xml.md.

namespace tamiz::sources {

namespace {

using xml::AddUnique;
using xml::Attr;
using xml::Children;
using xml::JoinNonEmpty;
using xml::OwnText;

Schema SchemaOf(std::string_view code) {
  if (code == "person") return Schema::kPerson;
  if (code == "enterprise") return Schema::kOrganization;
  if (code == "vessel") return Schema::kVessel;
  return Schema::kLegalEntity;
}

// Country as the file names it: countryDescription, else the ISO 3166 alpha-2 code.
std::string Country(pugi::xml_node n) {
  std::string d = Attr(n, "countryDescription");
  if (!d.empty() && d != "UNKNOWN") return d;
  std::string code = Attr(n, "countryIso2Code");
  return code == "00" ? "" : code;
}

std::string Remarks(pugi::xml_node n) {
  std::vector<std::string> parts;
  for (pugi::xml_node r : Children(n, "remark")) parts.push_back(OwnText(r));
  return JoinNonEmpty(parts, " ");
}

bool IsTrue(const std::string& v) { return v == "true" || v == "1"; }

// <birthdate> gives either a full `birthdate`, or dayOfMonth/monthOfYear/year, or a year
// range (yearRangeFrom/yearRangeTo); `circa` marks it approximate.
std::optional<PartialDate> EuBirthDate(pugi::xml_node b) {
  PartialDate d;
  std::string full = Attr(b, "birthdate");
  std::string from = Attr(b, "yearRangeFrom");
  std::string to = Attr(b, "yearRangeTo");
  if (!full.empty()) {
    d = ParseListDate(full);
  } else if (!from.empty()) {
    d = ParseListDate(to.empty() ? from : from + " to " + to);
    d.raw = to.empty() ? from : from + " to " + to;
  } else {
    std::string y = Attr(b, "year");
    std::string m = Attr(b, "monthOfYear");
    std::string day = Attr(b, "dayOfMonth");
    d = ParseListDate(y);
    if (d.year != 0 && !m.empty()) {
      PartialDate ymd = ParseListDate(fmt::format("{}/{}/{}", day.empty() ? "00" : day, m, y));
      if (ymd.year == d.year) d = ymd;
    }
    d.raw = JoinNonEmpty({y, m, day}, "-");
  }
  if (d.year == 0) return std::nullopt;
  d.circa = IsTrue(Attr(b, "circa"));
  return d;
}

Entity EuEntity(const xml::XmlFile& file, pugi::xml_node s, const std::string& dataset,
                const std::string& record_id) {
  Entity e;
  e.dataset = dataset;
  e.record_id = record_id;
  e.id = dataset + ":" + record_id;
  e.schema = SchemaOf(Attr(xml::Child(s, "subjectType"), "code"));
  e.source_ref = file.Ref(s);
  e.topics.push_back("sanction");

  for (pugi::xml_node a : Children(s, "nameAlias")) {
    Name n;
    n.full = Attr(a, "wholeName");
    std::string first = Attr(a, "firstName");
    std::string middle = Attr(a, "middleName");
    std::string last = Attr(a, "lastName");
    if (n.full.empty()) n.full = JoinNonEmpty({first, middle, last}, " ");
    if (n.full.empty()) continue;
    if (e.schema == Schema::kPerson) {
      n.first = first;
      n.middle = middle;
      n.last = last;
    }
    // The FSF has no "primary" flag: the first alias is the name the EU lists first.
    if (e.names.empty()) {
      n.kind = NameKind::kPrimary;
    } else {
      n.kind = Attr(a, "strong") == "false" ? NameKind::kWeakAlias : NameKind::kStrongAlias;
    }
    std::string script = xml::DetectScript(n.full);
    if (script != "Latn") n.script = script;
    if (e.caption.empty()) e.caption = n.full;
    AddUnique(e.titles, Attr(a, "title"));
    AddUnique(e.positions, Attr(a, "function"));
    std::string gender = Attr(a, "gender");
    if (gender == "M") e.gender = "male";
    if (gender == "F") e.gender = "female";
    bool dup = false;
    for (const Name& have : e.names) dup = dup || have.full == n.full;
    if (!dup) e.names.push_back(std::move(n));
  }
  for (pugi::xml_node c : Children(s, "citizenship")) AddUnique(e.citizenships, Country(c));
  for (pugi::xml_node b : Children(s, "birthdate")) {
    if (auto d = EuBirthDate(b)) e.birth_dates.push_back(std::move(*d));
    AddUnique(
        e.birth_places,
        JoinNonEmpty({Attr(b, "city"), Attr(b, "place"), Attr(b, "region"), Country(b)}, ", "));
  }
  for (pugi::xml_node i : Children(s, "identification")) {
    Identifier id;
    id.number = Attr(i, "number");
    if (id.number.empty()) id.number = Attr(i, "latinNumber");
    if (id.number.empty()) continue;
    id.type = Attr(i, "identificationTypeDescription");
    if (id.type.empty()) id.type = Attr(i, "identificationTypeCode");
    id.country = Country(i);
    std::string issued = Attr(i, "issueDate");
    std::string by = Attr(i, "issuedBy");
    id.note = JoinNonEmpty(
        {issued.empty() ? "" : "issued " + issued, by.empty() ? "" : "issued by " + by, Remarks(i)},
        "; ");
    e.identifiers.push_back(std::move(id));
  }
  for (pugi::xml_node a : Children(s, "address")) {
    Address addr;
    addr.street = JoinNonEmpty({Attr(a, "street"), Attr(a, "poBox")}, ", ");
    addr.city = Attr(a, "city");
    addr.postal_code = Attr(a, "zipCode");
    addr.region = JoinNonEmpty({Attr(a, "region"), Attr(a, "place")}, ", ");
    addr.country = Country(a);
    addr.full =
        JoinNonEmpty({addr.street, addr.city, addr.postal_code, addr.region, addr.country}, ", ");
    if (addr.full.empty()) continue;
    AddUnique(e.countries, addr.country);
    e.addresses.push_back(std::move(addr));
  }
  // Listing date: designationDate, else the earliest publicationDate of its regulations.
  std::string earliest;
  for (pugi::xml_node r : Children(s, "regulation")) {
    AddUnique(e.programs, Attr(r, "programme"));
    std::string title = Attr(r, "numberTitle");
    if (!title.empty()) AddUnique(e.sanctions_info, "Regulation " + title);
    std::string published = ListDateToIso(Attr(r, "publicationDate"));
    if (!published.empty() && (earliest.empty() || published < earliest)) earliest = published;
  }
  e.listed_on = ListDateToIso(Attr(s, "designationDate"));
  if (e.listed_on.empty()) e.listed_on = earliest;
  if (std::string ref = Attr(s, "euReferenceNumber"); !ref.empty()) {
    e.identifiers.push_back({"EU Reference Number", ref, "", ""});
  }
  if (std::string un = Attr(s, "unitedNationId"); !un.empty()) {
    e.identifiers.push_back({"UN Ref", un, "", ""});
  }
  e.remarks = Remarks(s);
  return e;
}

}  // namespace

Result<ParsedList> ParseEuFsfXml(const std::filesystem::path& dir, const std::string& dataset,
                                 const ParseOptions& options) {
  ParsedList out;
  auto loaded =
      xml::OpenXmlList(dir, "export", dataset, "EU Financial Sanctions Files (consolidated list)",
                       "eu-fsf-xml", options, out);
  if (!loaded.ok()) return loaded.status();
  const xml::XmlFile& file = *loaded.value();
  pugi::xml_node root = file.doc.document_element();
  out.version.date = ListDateToIso(Attr(root, "generationDate"));

  std::unordered_set<std::string> seen;
  size_t records = 0;
  for (pugi::xml_node s : Children(root, "sanctionEntity")) {
    if (Status st = xml::CountRecord(records, file, s, options); !st.ok()) return st;
    std::string id = Attr(s, "logicalId");
    Status bad;
    if (id.empty()) {
      bad = Status::DataError(fmt::format("{}: sanctionEntity: no logicalId", file.Ref(s)));
    } else if (!seen.insert(id).second) {
      bad = Status::DataError(fmt::format("{}: record {}: duplicate logicalId", file.Ref(s), id));
    } else if (xml::Children(s, "nameAlias").empty()) {
      bad = Status::DataError(fmt::format("{}: record {}: no <nameAlias>", file.Ref(s), id));
    } else {
      bad = xml::CheckTextLimits(file, s, id, options.max_field_bytes);
    }
    if (!bad.ok()) {
      if (Status fail = xml::SkipRecord(bad, options, out); !fail.ok()) return fail;
      continue;
    }
    out.entities.push_back(EuEntity(file, s, dataset, id));
  }
  out.version.entity_count = out.entities.size();
  return out;
}

}  // namespace tamiz::sources
