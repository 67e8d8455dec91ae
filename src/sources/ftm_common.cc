#include "sources/ftm_common.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "util/file_io.h"

namespace tamiz::sources::ftm {

namespace {

bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

bool SameName(const Name& a, const Name& b) {
  return a.full == b.full && a.kind == b.kind && a.script == b.script;
}

bool SameIdentifier(const Identifier& a, const Identifier& b) {
  return a.type == b.type && a.number == b.number && a.country == b.country;
}

}  // namespace

std::string Trim(std::string_view s) {
  while (!s.empty() && IsBlank(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsBlank(s.back())) s.remove_suffix(1);
  return std::string(s);
}

std::vector<std::string> SplitTrim(std::string_view s, std::string_view sep) {
  std::vector<std::string> out;
  if (sep.empty()) {
    if (std::string t = Trim(s); !t.empty()) out.push_back(std::move(t));
    return out;
  }
  size_t pos = 0;
  while (pos <= s.size()) {
    size_t end = s.find(sep, pos);
    if (end == std::string_view::npos) end = s.size();
    if (std::string t = Trim(s.substr(pos, end - pos)); !t.empty()) out.push_back(std::move(t));
    pos = end + sep.size();
  }
  return out;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

void AddUnique(std::vector<std::string>& out, std::string value) {
  if (value.empty()) return;
  if (std::find(out.begin(), out.end(), value) != out.end()) return;
  out.push_back(std::move(value));
}

std::string NormalizeGender(std::string_view s) {
  std::string g = Lower(Trim(s));
  if (g == "m" || g == "male" || g == "man") return "male";
  if (g == "f" || g == "female" || g == "woman") return "female";
  return "";
}

void AddName(Entity& e, Name name) {
  name.full = Trim(name.full);
  if (name.full.empty()) return;
  for (const Name& have : e.names) {
    if (SameName(have, name)) return;
  }
  if (name.kind == NameKind::kPrimary && e.caption.empty()) e.caption = name.full;
  e.names.push_back(std::move(name));
}

void AddOrMergeEntity(std::vector<Entity>& entities, std::unordered_map<std::string, size_t>& by_id,
                      Entity e) {
  auto it = by_id.find(e.id);
  if (it != by_id.end()) {
    MergeEntity(entities[it->second], e);
    return;
  }
  by_id.emplace(e.id, entities.size());
  entities.push_back(std::move(e));
}

void MergeEntity(Entity& into, const Entity& from) {
  if (into.schema == Schema::kUnknown) into.schema = from.schema;
  for (Name n : from.names) {
    bool present = false;
    for (const Name& have : into.names) present = present || have.full == n.full;
    if (present) continue;
    if (n.kind == NameKind::kPrimary) n.kind = NameKind::kStrongAlias;
    AddName(into, std::move(n));
  }
  for (const PartialDate& d : from.birth_dates) {
    bool present = false;
    for (const PartialDate& have : into.birth_dates) present = present || have.raw == d.raw;
    if (!present) into.birth_dates.push_back(d);
  }
  auto merge = [](std::vector<std::string>& a, const std::vector<std::string>& b) {
    for (const std::string& v : b) AddUnique(a, v);
  };
  merge(into.birth_places, from.birth_places);
  merge(into.nationalities, from.nationalities);
  merge(into.citizenships, from.citizenships);
  merge(into.countries, from.countries);
  merge(into.programs, from.programs);
  merge(into.titles, from.titles);
  merge(into.positions, from.positions);
  merge(into.websites, from.websites);
  merge(into.emails, from.emails);
  merge(into.topics, from.topics);
  merge(into.sanctions_info, from.sanctions_info);
  for (const Identifier& id : from.identifiers) {
    bool present = false;
    for (const Identifier& have : into.identifiers) present = present || SameIdentifier(have, id);
    if (!present) into.identifiers.push_back(id);
  }
  for (const Address& a : from.addresses) {
    bool present = false;
    for (const Address& have : into.addresses) present = present || have.full == a.full;
    if (!present) into.addresses.push_back(a);
  }
  if (into.gender.empty()) into.gender = from.gender;
  if (!into.vessel && from.vessel) into.vessel = from.vessel;
  if (into.listed_on.empty() || (!from.listed_on.empty() && from.listed_on < into.listed_on)) {
    into.listed_on = from.listed_on;
  }
  if (into.remarks.empty()) {
    into.remarks = from.remarks;
  } else if (!from.remarks.empty() && into.remarks.find(from.remarks) == std::string::npos) {
    into.remarks += "\n" + from.remarks;
  }
}

Result<std::string> ReadListFile(const std::filesystem::path& path, const ParseOptions& options,
                                 std::vector<std::string>& warnings) {
  auto data = util::ReadFile(path, options.max_file_bytes);
  if (!data.ok()) return data.status();
  std::string text = std::move(data).value();
  size_t bad = util::FindInvalidUtf8(text);
  if (bad == std::string::npos) return text;
  std::string where = fmt::format("{}:{}", path.filename().string(), util::LineOfOffset(text, bad));
  if (!options.lenient) {
    return Status::DataError(fmt::format("{}: invalid UTF-8 at byte offset {}", where, bad));
  }
  warnings.push_back(fmt::format("{}: invalid UTF-8 replaced by U+FFFD", where));
  return util::RepairUtf8(text);
}

size_t JsonNestingDepth(std::string_view text, size_t limit) {
  size_t depth = 0;
  size_t max_depth = 0;
  bool in_string = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      ++depth;
      max_depth = std::max(max_depth, depth);
      if (max_depth > limit) return max_depth;
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return max_depth;
}

std::vector<Line> SplitLines(std::string_view data) {
  std::vector<Line> out;
  size_t pos = 0;
  size_t number = 1;
  while (pos < data.size()) {
    size_t end = data.find('\n', pos);
    if (end == std::string_view::npos) end = data.size();
    std::string_view line = data.substr(pos, end - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    out.push_back({number, line});
    pos = end + 1;
    ++number;
  }
  return out;
}

}  // namespace tamiz::sources::ftm
