#include "screen/batch_ftm.h"

#include <fmt/format.h>

#include <array>
#include <vector>

#include "screen/query_parse.h"

namespace tamiz::screen {

using nlohmann::json;

Status CheckJsonDepth(std::string_view text, size_t max_depth) {
  size_t depth = 0;
  bool in_string = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') {
        ++i;  // skip the escaped character (a \uXXXX tail is plain hex, harmless)
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    switch (c) {
      case '"':
        in_string = true;
        break;
      case '[':
      case '{':
        if (++depth > max_depth) {
          return Status::InvalidArgument(
              fmt::format("JSON nests deeper than {} levels (at byte {})", max_depth, i));
        }
        break;
      case ']':
      case '}':
        if (depth > 0) --depth;
        break;
      default:
        break;
    }
  }
  return Status::Ok();
}

Result<json> ParseJsonBounded(std::string_view text, size_t max_depth) {
  if (Status s = CheckJsonDepth(text, max_depth); !s.ok()) return s;
  try {
    return json::parse(text.begin(), text.end());
  } catch (const json::parse_error& e) {
    return Status::InvalidArgument(
        fmt::format("malformed JSON at byte {}: {}", e.byte, std::string_view(e.what())));
  } catch (const std::exception& e) {
    return Status::InvalidArgument(fmt::format("malformed JSON: {}", e.what()));
  }
}

namespace {

// Property values as strings: a string, or an array of strings (yente sends arrays).
Result<std::vector<std::string>> StringValues(const json& v, std::string_view where,
                                              std::string_view prop) {
  std::vector<std::string> out;
  auto bad = [&] {
    return Status::InvalidArgument(
        fmt::format("{}: property '{}': expected a string or an array of strings", where, prop));
  };
  if (v.is_string()) {
    out.push_back(v.get<std::string>());
  } else if (v.is_array()) {
    for (const auto& x : v) {
      if (x.is_string()) {
        out.push_back(x.get<std::string>());
      } else if (x.is_number()) {
        out.push_back(x.dump());
      } else if (!x.is_null()) {
        return bad();
      }
    }
  } else if (v.is_number()) {
    out.push_back(v.dump());
  } else if (!v.is_null()) {
    return bad();
  }
  std::vector<std::string> kept;
  for (auto& s : out) {
    size_t b = s.find_first_not_of(" \t\r\n");
    if (b == std::string::npos) continue;
    size_t e = s.find_last_not_of(" \t\r\n");
    kept.push_back(s.substr(b, e - b + 1));
  }
  return kept;
}

constexpr std::array<std::string_view, 4> kNameProps = {"name", "alias", "weakAlias",
                                                        "previousName"};
constexpr std::array<std::string_view, 4> kCountryProps = {"nationality", "citizenship", "country",
                                                           "jurisdiction"};
constexpr std::array<std::string_view, 9> kIdProps = {
    "idNumber", "passportNumber", "registrationNumber", "taxNumber", "imoNumber",
    "innCode",  "ogrnCode",       "swiftBic",           "leiCode"};

}  // namespace

Result<Query> QueryFromFtmExample(const json& example, const Query& defaults,
                                  std::string_view where) {
  if (!example.is_object()) {
    return Status::InvalidArgument(fmt::format("{}: expected a JSON object", where));
  }
  Query q = defaults;
  q.names.clear();
  if (auto it = example.find("schema"); it != example.end() && !it->is_null()) {
    if (!it->is_string()) {
      return Status::InvalidArgument(fmt::format("{}: 'schema' must be a string", where));
    }
    auto s = ParseSchema(it->get<std::string>());
    if (!s) {
      return Status::InvalidArgument(
          fmt::format("{}: unknown schema '{}' (expected Person, Organization, Company, "
                      "LegalEntity, Vessel, Airplane or Thing)",
                      where, it->get<std::string>()));
    }
    if (*s == Schema::kUnknown) {
      q.schema.reset();
    } else {
      q.schema = *s;
    }
  }
  auto pit = example.find("properties");
  if (pit == example.end() || pit->is_null()) {
    return Status::InvalidArgument(fmt::format("{}: 'properties' is missing", where));
  }
  if (!pit->is_object()) {
    return Status::InvalidArgument(fmt::format("{}: 'properties' must be an object", where));
  }
  const json& props = *pit;
  auto values = [&](std::string_view prop) -> Result<std::vector<std::string>> {
    auto f = props.find(std::string(prop));
    if (f == props.end()) return std::vector<std::string>{};
    return StringValues(*f, where, prop);
  };
  for (std::string_view p : kNameProps) {
    auto v = values(p);
    if (!v.ok()) return v.status();
    for (auto& n : *v) q.names.push_back(std::move(n));
  }
  if (q.names.empty()) {
    std::string joined;
    for (std::string_view p : {"firstName", "middleName", "lastName"}) {
      auto v = values(p);
      if (!v.ok()) return v.status();
      for (const auto& part : *v) {
        if (!joined.empty()) joined += ' ';
        joined += part;
      }
    }
    if (!joined.empty()) q.names.push_back(std::move(joined));
  }
  if (q.names.empty()) {
    return Status::InvalidArgument(
        fmt::format("{}: no name (give properties.name, or firstName/lastName)", where));
  }
  auto dobs = values("birthDate");
  if (!dobs.ok()) return dobs.status();
  q.birth_dates.clear();
  for (const auto& d : *dobs) {
    auto pd = ParseQueryDate(d);
    if (!pd.ok()) {
      return Status::InvalidArgument(
          fmt::format("{}: property 'birthDate': {}", where, pd.status().message()));
    }
    q.birth_dates.push_back(*pd);
  }
  for (std::string_view p : kCountryProps) {
    auto v = values(p);
    if (!v.ok()) return v.status();
    for (auto& c : *v) q.countries.push_back(std::move(c));
  }
  auto gender = values("gender");
  if (!gender.ok()) return gender.status();
  if (!gender->empty()) q.gender = gender->front();
  for (std::string_view p : kIdProps) {
    auto v = values(p);
    if (!v.ok()) return v.status();
    for (auto& c : *v) q.identifiers.push_back(std::move(c));
  }
  if (auto v = values("address"); !v.ok()) return v.status();
  return q;
}

json NormalizedFtmExample(const json& example) {
  json out = json::object();
  if (auto it = example.find("id"); it != example.end()) out["id"] = *it;
  auto sit = example.find("schema");
  out["schema"] = (sit != example.end() && sit->is_string()) ? *sit : json("Thing");
  json props = json::object();
  if (auto pit = example.find("properties"); pit != example.end() && pit->is_object()) {
    for (const auto& [key, value] : pit->items()) {
      auto v = StringValues(value, "", key);
      if (v.ok()) props[key] = *v;
    }
  }
  out["properties"] = props;
  return out;
}

}  // namespace tamiz::screen
