#include "screen/json.h"

#include <chrono>
#include <cmath>
#include <cstdio>

namespace tamiz::screen {

using nlohmann::json;

json QueryToJson(const Query& q) {
  json j;
  j["name"] = q.names.empty() ? "" : q.names.front();
  if (q.names.size() > 1) j["names"] = q.names;
  if (q.schema) {
    j["schema"] = std::string(SchemaName(*q.schema));
  } else {
    j["schema"] = nullptr;
  }
  json dobs = json::array();
  for (const auto& d : q.birth_dates) dobs.push_back(d.ToIso());
  if (!dobs.empty()) j["dob"] = dobs;
  if (!q.countries.empty()) j["country"] = q.countries;
  if (!q.gender.empty()) j["gender"] = q.gender;
  if (!q.identifiers.empty()) j["identifiers"] = q.identifiers;
  if (!q.datasets.empty()) j["datasets"] = q.datasets;
  j["limit"] = q.limit;
  j["threshold"] = q.threshold;
  return j;
}

json HitToJson(const Hit& h) {
  json j;
  const Entity& e = *h.entity;
  j["id"] = e.id;
  j["dataset"] = e.dataset;
  j["schema"] = std::string(SchemaName(e.schema));
  j["caption"] = e.caption;
  j["score"] = std::round(h.score * 10000.0) / 10000.0;
  j["match"] = h.match;
  j["matched_name"] = h.matched_name;
  j["query_name"] = h.query_name;
  json ex = json::object();
  for (const auto& f : h.explanation) {
    ex[f.feature] = {{"score", std::round(f.score * 10000.0) / 10000.0}, {"detail", f.detail}};
  }
  j["explanation"] = ex;
  j["notes"] = h.notes;
  return j;
}

json ScreenResultToJson(const ScreenResult& r) {
  json results = json::array();
  for (const auto& h : r.hits) results.push_back(HitToJson(h));
  return {{"query", QueryToJson(r.query)}, {"results", results}};
}

json EntityToJson(const Entity& e) {
  json j;
  j["id"] = e.id;
  j["dataset"] = e.dataset;
  j["record_id"] = e.record_id;
  j["schema"] = std::string(SchemaName(e.schema));
  j["caption"] = e.caption;
  json names = json::array();
  for (const auto& n : e.names) {
    json nj = {{"name", n.full}, {"kind", std::string(NameKindName(n.kind))}};
    if (!n.first.empty()) nj["first"] = n.first;
    if (!n.middle.empty()) nj["middle"] = n.middle;
    if (!n.last.empty()) nj["last"] = n.last;
    if (!n.script.empty()) nj["script"] = n.script;
    names.push_back(nj);
  }
  j["names"] = names;
  json dobs = json::array();
  for (const auto& d : e.birth_dates) {
    json dj = {{"date", d.ToIso()}, {"raw", d.raw}};
    if (d.circa) dj["circa"] = true;
    dobs.push_back(dj);
  }
  j["birth_dates"] = dobs;
  j["birth_places"] = e.birth_places;
  j["nationalities"] = e.nationalities;
  j["citizenships"] = e.citizenships;
  j["countries"] = e.countries;
  if (!e.gender.empty()) j["gender"] = e.gender;
  json ids = json::array();
  for (const auto& i : e.identifiers) {
    json ij = {{"type", i.type}, {"number", i.number}};
    if (!i.country.empty()) ij["country"] = i.country;
    if (!i.note.empty()) ij["note"] = i.note;
    ids.push_back(ij);
  }
  j["identifiers"] = ids;
  json addrs = json::array();
  for (const auto& a : e.addresses) {
    json aj = {{"full", a.full}};
    if (!a.street.empty()) aj["street"] = a.street;
    if (!a.city.empty()) aj["city"] = a.city;
    if (!a.postal_code.empty()) aj["postal_code"] = a.postal_code;
    if (!a.region.empty()) aj["region"] = a.region;
    if (!a.country.empty()) aj["country"] = a.country;
    addrs.push_back(aj);
  }
  j["addresses"] = addrs;
  j["programs"] = e.programs;
  if (!e.titles.empty()) j["titles"] = e.titles;
  if (!e.positions.empty()) j["positions"] = e.positions;
  if (!e.websites.empty()) j["websites"] = e.websites;
  if (!e.emails.empty()) j["emails"] = e.emails;
  j["topics"] = e.topics;
  if (!e.sanctions_info.empty()) j["sanctions_info"] = e.sanctions_info;
  if (e.vessel) {
    const auto& v = *e.vessel;
    j["vessel"] = {{"imo", v.imo},          {"mmsi", v.mmsi},
                   {"flag", v.flag},        {"call_sign", v.call_sign},
                   {"type", v.vessel_type}, {"tonnage", v.tonnage},
                   {"owner", v.owner}};
  }
  if (!e.listed_on.empty()) j["listed_on"] = e.listed_on;
  if (!e.remarks.empty()) j["remarks"] = e.remarks;
  j["source_ref"] = e.source_ref;
  return j;
}

json RelationToJson(const index::Snapshot& s, const Relation& r) {
  json j;
  j["type"] = std::string(RelationTypeName(r.type));
  j["source"] = r.source_id;
  j["target"] = r.target_id.empty() ? json(nullptr) : json(r.target_id);
  if (const Entity* src = s.Find(r.source_id)) j["source_caption"] = src->caption;
  if (const Entity* dst = s.Find(r.target_id)) {
    j["target_caption"] = dst->caption;
  } else if (!r.target_name.empty()) {
    j["target_caption"] = r.target_name;
  }
  if (r.percent) j["percent"] = *r.percent;
  if (!r.role.empty()) j["role"] = r.role;
  j["provenance"] = r.provenance;
  return j;
}

int DaysFromIso(const std::string& iso) {
  int y = 0, m = 1, d = 1;
  if (std::sscanf(iso.c_str(), "%d-%d-%d", &y, &m, &d) < 1 || y < 1900) return -1;
  if (m < 1 || m > 12) m = 1;
  if (d < 1 || d > 31) d = 1;
  using namespace std::chrono;
  auto ymd =
      year_month_day{year{y}, month{static_cast<unsigned>(m)}, day{static_cast<unsigned>(d)}};
  if (!ymd.ok()) ymd = year_month_day{year{y}, month{static_cast<unsigned>(m)}, day{1}};
  return static_cast<int>(sys_days{ymd}.time_since_epoch().count());
}

int TodayDays() {
  using namespace std::chrono;
  return static_cast<int>(floor<days>(system_clock::now()).time_since_epoch().count());
}

json ListsToJson(const std::vector<ListVersion>& versions, int today) {
  json arr = json::array();
  for (const auto& v : versions) {
    json j;
    j["dataset"] = v.dataset;
    j["title"] = v.title;
    j["format"] = v.format;
    j["date"] = v.date;
    j["path"] = v.path;
    j["files"] = v.files;
    j["entity_count"] = v.entity_count;
    j["relation_count"] = v.relation_count;
    j["skipped"] = v.skipped;
    j["sha256"] = v.sha256;
    int d = DaysFromIso(v.date);
    if (d >= 0) {
      j["age_days"] = today - d;
      j["stale"] = today - d > kStaleAfterDays;
    } else {
      j["age_days"] = nullptr;
      j["stale"] = true;
    }
    arr.push_back(j);
  }
  return arr;
}

}  // namespace tamiz::screen
