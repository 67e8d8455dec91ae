#include "sources/ca_sema_xml.h"

#include <fmt/format.h>

#include <cctype>
#include <unordered_set>

#include "sources/dates.h"
#include "sources/un_xml_util.h"

// Format reference: Global Affairs Canada, "Consolidated Canadian Autonomous Sanctions List"
// (Special Economic Measures Act and JVCFOA), XML download at
// https://www.international.gc.ca/world-monde/assets/office_docs/international_relations-relations_internationales/sanctions/sema-lmes.xml
// Field mapping and quirks: docs/formats/ca-sema-xml.md.

namespace tamiz::sources {

namespace {

using xml::AddUnique;
using xml::JoinNonEmpty;
using xml::Text;

// Lowercase ASCII letters and digits; every other run becomes one '-'.
std::string Slug(std::string_view s) {
  std::string out;
  for (char c : s) {
    auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) != 0 && u < 0x80) {
      out += static_cast<char>(std::tolower(u));
    } else if (!out.empty() && out.back() != '-') {
      out += '-';
    }
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

// "Russia / Russie" -> "Russia" (the list gives English / French).
std::string EnglishPart(const std::string& bilingual) {
  size_t slash = bilingual.find(" / ");
  return slash == std::string::npos ? bilingual : bilingual.substr(0, slash);
}

// Splits the Aliases field on ';' and ',' and drops language labels such as "Russian:".
std::vector<std::string> SplitAliases(const std::string& aliases) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= aliases.size()) {
    size_t end = aliases.find_first_of(";,", start);
    if (end == std::string::npos) end = aliases.size();
    std::string item = xml::Clean(std::string_view(aliases).substr(start, end - start));
    size_t colon = item.find(": ");
    if (colon != std::string::npos && colon <= 20) {
      bool label = true;
      for (size_t i = 0; i < colon; ++i) {
        label = label && std::isalpha(static_cast<unsigned char>(item[i])) != 0;
      }
      if (label) item = xml::Clean(item.substr(colon + 1));
    }
    AddUnique(out, std::move(item));
    start = end + 1;
  }
  return out;
}

Entity SemaEntity(const xml::XmlFile& file, pugi::xml_node rec, const std::string& dataset,
                  const std::string& record_id) {
  Entity e;
  e.dataset = dataset;
  e.record_id = record_id;
  e.id = dataset + ":" + record_id;
  e.source_ref = file.Ref(rec);
  e.topics.push_back("sanction");
  std::string last = Text(rec, "LastName");
  std::string given = Text(rec, "GivenName");
  std::string org = Text(rec, "EntityOrShip");
  std::string imo = Text(rec, "ShipIMONumber");
  std::string title_or_ship = Text(rec, "TitleOrShip");
  std::string date = Text(rec, "DateOfBirthOrShipBuildDate");
  Name primary;
  if (!imo.empty()) {
    e.schema = Schema::kVessel;
  } else if (!org.empty() && last.empty() && given.empty()) {
    e.schema = Schema::kOrganization;
  } else {
    e.schema = Schema::kPerson;
  }
  if (e.schema == Schema::kPerson) {
    primary.full = JoinNonEmpty({given, last}, " ");
    primary.first = given;
    primary.last = last;
  } else {
    primary.full = org;
  }
  e.caption = primary.full;
  if (!primary.full.empty()) e.names.push_back(primary);
  for (std::string& alias : SplitAliases(Text(rec, "Aliases"))) {
    if (alias == primary.full) continue;
    Name n;
    n.full = std::move(alias);
    n.kind = NameKind::kStrongAlias;
    std::string script = xml::DetectScript(n.full);
    if (script != "Latn") n.script = script;
    e.names.push_back(std::move(n));
  }
  if (e.schema == Schema::kVessel) {
    e.vessel.emplace();
    e.vessel->imo = imo;
    e.vessel->vessel_type = title_or_ship;
    e.identifiers.push_back({"IMO", imo, "", ""});
    if (!date.empty()) e.remarks = "Build date: " + date;
  } else {
    AddUnique(e.titles, title_or_ship);
    // "1963 or 1964", "1972-08-10 or 1972-08-11": one date each.
    size_t start = 0;
    while (!date.empty() && start <= date.size()) {
      size_t end = date.find(" or ", start);
      if (end == std::string::npos) end = date.size();
      PartialDate d = ParseListDate(std::string_view(date).substr(start, end - start));
      if (d.year != 0) e.birth_dates.push_back(std::move(d));
      start = end + 4;
    }
    if (e.birth_dates.empty() && !date.empty()) e.remarks = "Date of birth: " + date;
  }
  AddUnique(e.programs, Text(rec, "Country"));
  std::string schedule = Text(rec, "Schedule");
  if (!schedule.empty())
    e.sanctions_info.push_back("Schedule " + schedule + ", item " + Text(rec, "Item"));
  e.listed_on = ListDateToIso(Text(rec, "DateOfListing"));
  return e;
}

}  // namespace

Result<ParsedList> ParseCaSemaXml(const std::filesystem::path& dir, const std::string& dataset,
                                  const ParseOptions& options) {
  ParsedList out;
  auto loaded = xml::OpenXmlList(dir, "data-set", dataset,
                                 "Canada Consolidated Autonomous Sanctions List (SEMA / JVCFOA)",
                                 "ca-sema-xml", options, out);
  if (!loaded.ok()) return loaded.status();
  const xml::XmlFile& file = *loaded.value();

  std::unordered_set<std::string> seen;
  size_t records = 0;
  for (pugi::xml_node rec : xml::Children(file.doc.document_element(), "record")) {
    if (Status st = xml::CountRecord(records, file, rec, options); !st.ok()) return st;
    std::string country = Text(rec, "Country");
    std::string item = Text(rec, "Item");
    std::string schedule = Slug(Text(rec, "Schedule"));
    std::string id = JoinNonEmpty({Slug(EnglishPart(country)), schedule, Slug(item)}, "-");
    std::string label =
        fmt::format("{} / schedule {} / item {}", country, Text(rec, "Schedule"), item);
    Status bad;
    if (country.empty() || item.empty()) {
      bad = Status::DataError(
          fmt::format("{}: record {}: <Country> and <Item> are required", file.Ref(rec), label));
    } else if (!seen.insert(id).second) {
      bad = Status::DataError(
          fmt::format("{}: record {}: duplicate key {}", file.Ref(rec), label, id));
    } else {
      bad = xml::CheckTextLimits(file, rec, label, options.max_field_bytes);
    }
    if (bad.ok() && Text(rec, "LastName").empty() && Text(rec, "GivenName").empty() &&
        Text(rec, "EntityOrShip").empty()) {
      bad = Status::DataError(fmt::format("{}: record {}: no name", file.Ref(rec), label));
    }
    if (!bad.ok()) {
      if (Status fail = xml::SkipRecord(bad, options, out); !fail.ok()) return fail;
      continue;
    }
    out.entities.push_back(SemaEntity(file, rec, dataset, id));
  }
  out.version.entity_count = out.entities.size();
  return out;
}

}  // namespace tamiz::sources
