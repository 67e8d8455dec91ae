#include "server/ftm.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <string>
#include <string_view>

namespace tamiz::server {

using nlohmann::json;

namespace {

void Add(json& props, const char* key, const std::string& value) {
  if (value.empty()) return;
  json& arr = props[key];
  if (!arr.is_array()) arr = json::array();
  for (const auto& v : arr) {
    if (v.get_ref<const std::string&>() == value) return;
  }
  arr.push_back(value);
}

bool Contains(std::string_view haystack, std::string_view needle) {
  auto it = std::search(haystack.begin(), haystack.end(), needle.begin(), needle.end(),
                        [](char a, char b) {
                          return std::tolower(static_cast<unsigned char>(a)) ==
                                 std::tolower(static_cast<unsigned char>(b));
                        });
  return it != haystack.end();
}

// FtM property for an identifier, from the list's own type label.
const char* IdentifierProperty(std::string_view type) {
  if (Contains(type, "passport")) return "passportNumber";
  if (Contains(type, "imo")) return "imoNumber";
  if (Contains(type, "mmsi")) return "mmsi";
  if (Contains(type, "swift") || Contains(type, "bic")) return "swiftBic";
  if (Contains(type, "tax") || Contains(type, "vat")) return "taxNumber";
  if (Contains(type, "registration") || Contains(type, "company number")) {
    return "registrationNumber";
  }
  return "idNumber";
}

double Round4(double x) { return std::round(x * 10000.0) / 10000.0; }

}  // namespace

json FtmProperties(const Entity& e) {
  json p = json::object();
  for (const auto& n : e.names) {
    switch (n.kind) {
      case NameKind::kPrimary:
        Add(p, "name", n.full);
        break;
      case NameKind::kStrongAlias:
        Add(p, "alias", n.full);
        break;
      case NameKind::kWeakAlias:
        Add(p, "weakAlias", n.full);
        break;
      case NameKind::kFormer:
        Add(p, "previousName", n.full);
        break;
    }
  }
  if (!p.contains("name")) Add(p, "name", e.caption);
  for (const auto& d : e.birth_dates) Add(p, "birthDate", d.ToIso());
  for (const auto& s : e.birth_places) Add(p, "birthPlace", s);
  for (const auto& s : e.nationalities) Add(p, "nationality", s);
  for (const auto& s : e.citizenships) Add(p, "citizenship", s);
  for (const auto& s : e.countries) Add(p, "country", s);
  Add(p, "gender", e.gender);
  for (const auto& i : e.identifiers) Add(p, IdentifierProperty(i.type), i.number);
  for (const auto& a : e.addresses) Add(p, "address", a.full);
  for (const auto& s : e.programs) Add(p, "program", s);
  for (const auto& s : e.titles) Add(p, "title", s);
  for (const auto& s : e.positions) Add(p, "position", s);
  for (const auto& s : e.websites) Add(p, "website", s);
  for (const auto& s : e.emails) Add(p, "email", s);
  for (const auto& s : e.topics) Add(p, "topics", s);
  if (e.vessel) {
    Add(p, "imoNumber", e.vessel->imo);
    Add(p, "mmsi", e.vessel->mmsi);
    Add(p, "flag", e.vessel->flag);
    Add(p, "callSign", e.vessel->call_sign);
    Add(p, "type", e.vessel->vessel_type);
    Add(p, "tonnage", e.vessel->tonnage);
  }
  Add(p, "createdAt", e.listed_on);
  Add(p, "notes", e.remarks);
  return p;
}

json MatchResultToJson(const Hit& h) {
  const Entity& e = *h.entity;
  json features = json::object();
  json explanations = json::object();
  for (const auto& f : h.explanation) {
    features[f.feature] = Round4(f.score);
    explanations[f.feature] = {{"score", Round4(f.score)}, {"detail", f.detail}};
  }
  return {{"id", e.id},
          {"caption", e.caption},
          {"schema", std::string(SchemaName(e.schema))},
          {"datasets", json::array({e.dataset})},
          {"properties", FtmProperties(e)},
          {"score", Round4(h.score)},
          {"match", h.match},
          {"features", std::move(features)},
          {"explanations", std::move(explanations)},
          {"matched_name", h.matched_name},
          {"notes", h.notes},
          {"target", true},
          {"referents", json::array()}};
}

}  // namespace tamiz::server
