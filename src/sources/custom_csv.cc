#include "sources/custom_csv.h"

#include <fmt/format.h>
#include <toml++/toml.h>

#include <algorithm>
#include <unordered_map>

#include "sources/dates.h"
#include "sources/ftm_common.h"
#include "util/csv.h"
#include "util/file_io.h"

// list.toml is TOML v1.0 (toml.io), read with tomlplusplus. Mapping keys and behaviour:
// docs/formats/custom-csv.md.

namespace tamiz::sources {

namespace {

namespace fs = std::filesystem;
using ftm::AddName;
using ftm::AddUnique;
using ftm::Trim;

// The [columns] keys and the CustomMapping member each sets.
const std::vector<std::pair<std::string_view, std::string CustomMapping::*>>& ColumnKeys() {
  static const std::vector<std::pair<std::string_view, std::string CustomMapping::*>> kKeys = {
      {"id", &CustomMapping::id},
      {"name", &CustomMapping::name},
      {"aliases", &CustomMapping::aliases},
      {"schema", &CustomMapping::schema},
      {"dob", &CustomMapping::dob},
      {"country", &CustomMapping::country},
      {"nationality", &CustomMapping::nationality},
      {"gender", &CustomMapping::gender},
      {"address", &CustomMapping::address},
      {"id_number", &CustomMapping::id_number},
      {"program", &CustomMapping::program},
      {"position", &CustomMapping::position},
      {"notes", &CustomMapping::notes},
      {"first_name", &CustomMapping::first_name},
      {"last_name", &CustomMapping::last_name},
  };
  return kKeys;
}

std::string Where(const std::string& file, const toml::node& n) {
  return fmt::format("{}:{}", file, n.source().begin.line);
}

// The string value of `node`, or a kDataError naming the key.
Result<std::string> StringOf(const std::string& file, const std::string& key,
                             const toml::node& node) {
  if (auto s = node.value<std::string>()) return *s;
  return Status::DataError(fmt::format("{}: {}: expected a string", Where(file, node), key));
}

std::string HeaderKey(std::string_view s) { return ftm::Lower(Trim(s)); }

}  // namespace

Result<CustomMapping> ReadCustomMapping(const fs::path& toml_file, std::string& csv_file) {
  std::string file = toml_file.filename().string();
  auto text = util::ReadFile(toml_file, size_t{1} << 20);
  if (!text.ok()) return text.status();
  toml::table root;
  try {
    root = toml::parse(text.value(), file);
  } catch (const toml::parse_error& e) {
    return Status::DataError(fmt::format("{}:{}:{}: {}", file, e.source().begin.line,
                                         e.source().begin.column, e.description()));
  }
  CustomMapping m;
  m.source = file;
  csv_file.clear();
  for (const auto& [key_node, node] : root) {
    std::string key(key_node.str());
    if (key == "title" || key == "file" || key == "date" || key == "delimiter") {
      auto s = StringOf(file, key, node);
      if (!s.ok()) return s.status();
      if (key == "title") m.title = s.value();
      if (key == "file") csv_file = s.value();
      if (key == "date") m.date = s.value();
      if (key == "delimiter") {
        std::string d = s.value();
        if (d == "\\t" || d == "tab") d = "\t";
        if (d.size() != 1) {
          return Status::DataError(fmt::format(
              "{}: delimiter: expected one character, found \"{}\"", Where(file, node), d));
        }
        m.delimiter = d[0];
      }
    } else if (key == "columns" || key == "schema_map" || key == "defaults") {
      const toml::table* table = node.as_table();
      if (table == nullptr) {
        return Status::DataError(
            fmt::format("{}: {}: expected a table [{}]", Where(file, node), key, key));
      }
      for (const auto& [sub_node, value] : *table) {
        std::string sub(sub_node.str());
        std::string full_key = key + "." + sub;
        if (key == "defaults" && sub == "topics") {
          const toml::array* topics = value.as_array();
          if (topics == nullptr) {
            return Status::DataError(
                fmt::format("{}: {}: expected an array of strings", Where(file, value), full_key));
          }
          for (const toml::node& t : *topics) {
            auto s = StringOf(file, full_key, t);
            if (!s.ok()) return s.status();
            m.default_topics.push_back(s.value());
          }
          continue;
        }
        auto s = StringOf(file, full_key, value);
        if (!s.ok()) return s.status();
        if (key == "schema_map") {
          m.schema_map[sub] = s.value();
          continue;
        }
        if (key == "defaults") {
          if (sub == "schema") {
            m.default_schema = s.value();
            continue;
          }
          return Status::DataError(fmt::format("{}: unknown key {} (expected schema, topics)",
                                               Where(file, value), full_key));
        }
        if (sub == "alias_separator") {
          m.alias_separator = s.value();
          continue;
        }
        if (sub == "id_number_type") {
          m.id_number_type = s.value();
          continue;
        }
        bool known = false;
        for (const auto& [name, member] : ColumnKeys()) {
          if (name == sub) {
            m.*member = s.value();
            known = true;
          }
        }
        if (!known) {
          return Status::DataError(fmt::format("{}: unknown key {}", Where(file, value), full_key));
        }
      }
    } else {
      return Status::DataError(fmt::format("{}: unknown key {}", Where(file, node), key));
    }
  }
  if (m.name.empty()) {
    return Status::DataError(fmt::format("{}: columns.name is required", file));
  }
  return m;
}

Result<ParsedList> ParseCustomCsvWithMapping(const fs::path& csv, const CustomMapping& mapping,
                                             const std::string& dataset,
                                             const ParseOptions& options) {
  std::string file = csv.filename().string();
  auto config_error = [&](const std::string& key, const std::string& what) {
    return Status::DataError(fmt::format("{}: {}: {}", mapping.source, key, what));
  };
  if (mapping.name.empty()) return config_error("columns.name", "no name column mapped");
  auto default_schema = ParseSchema(mapping.default_schema);
  if (!default_schema) {
    return config_error("defaults.schema", "unknown schema \"" + mapping.default_schema + "\"");
  }
  std::unordered_map<std::string, Schema> schema_map;
  for (const auto& [value, schema_name] : mapping.schema_map) {
    auto s = ParseSchema(schema_name);
    if (!s) return config_error("schema_map." + value, "unknown schema \"" + schema_name + "\"");
    schema_map.emplace(value, *s);
  }

  ParsedList out;
  auto data = ftm::ReadListFile(csv, options, out.warnings);
  if (!data.ok()) return data.status();
  out.version.title = mapping.title.empty() ? dataset : mapping.title;
  out.version.date = mapping.date;
  out.version.format = "custom-csv";
  out.version.files = {file};
  out.version.sha256 = util::Sha256Hex(data.value());

  util::CsvOptions csv_options;
  csv_options.delimiter = mapping.delimiter;
  csv_options.max_field_bytes = options.max_field_bytes;
  util::CsvReader reader(file, data.value(), csv_options);
  std::vector<std::string> row;
  if (!reader.Next(row)) {
    if (!reader.status().ok()) return reader.status();
    return Status::DataError(fmt::format("{}:1: empty file, expected a header row", file));
  }
  std::unordered_map<std::string, size_t> header;
  for (size_t i = 0; i < row.size(); ++i) header.emplace(HeaderKey(row[i]), i);
  const size_t width = row.size();

  // Resolve every mapped column to its index; -1 when unmapped.
  std::unordered_map<std::string_view, long> col;
  for (const auto& [key, member] : ColumnKeys()) {
    const std::string& name = mapping.*member;
    if (name.empty()) {
      col[key] = -1;
      continue;
    }
    auto it = header.find(HeaderKey(name));
    if (it == header.end()) {
      return config_error(fmt::format("columns.{}", key),
                          fmt::format("column \"{}\" is not in the header of {}", name, file));
    }
    col[key] = static_cast<long>(it->second);
  }
  auto get = [&](std::string_view key) -> std::string {
    long i = col[key];
    if (i < 0 || static_cast<size_t>(i) >= row.size()) return "";
    return Trim(row[static_cast<size_t>(i)]);
  };
  std::string id_type = mapping.id_number_type.empty() ? mapping.id_number : mapping.id_number_type;

  std::unordered_map<std::string, size_t> by_id;
  auto skip = [&](std::string message) { return SkipOrFail(std::move(message), options, out); };
  size_t records = 0;
  while (true) {
    bool got = reader.Next(row);
    if (!got && reader.status().ok()) break;
    size_t line = reader.record_line();
    if (!got) {
      if (Status s = skip(reader.status().message()); !s.ok()) return s;
      reader.SkipToNextLine();
      continue;
    }
    if (++records > options.max_records) {
      return Status::DataError(
          fmt::format("{}:{}: more than {} records", file, line, options.max_records));
    }
    std::string id = mapping.id.empty() ? std::to_string(line) : get("id");
    std::string label = id.empty() ? "" : "record " + id + ": ";
    Status bad;
    if (row.size() != width) {
      bad = skip(fmt::format("{}:{}: {}expected {} fields, found {}", file, line, label, width,
                             row.size()));
    } else if (id.empty()) {
      bad = skip(fmt::format("{}:{}: empty id (column \"{}\")", file, line, mapping.id));
    } else if (get("name").empty() && (get("first_name").empty() && get("last_name").empty())) {
      bad =
          skip(fmt::format("{}:{}: {}empty name (column \"{}\")", file, line, label, mapping.name));
    } else {
      Entity e;
      e.dataset = dataset;
      e.record_id = id;
      e.id = dataset + ":" + id;
      e.source_ref = fmt::format("{}:{}", file, line);
      e.schema = *default_schema;
      if (std::string v = get("schema"); !v.empty()) {
        auto it = schema_map.find(v);
        if (it != schema_map.end()) {
          e.schema = it->second;
        } else if (auto s = ParseSchema(v)) {
          e.schema = *s;
        } else {
          out.warnings.push_back(
              fmt::format("{}:{}: {}schema value \"{}\" not in schema_map, using {}", file, line,
                          label, v, mapping.default_schema));
        }
      }
      Name n;
      n.first = get("first_name");
      n.last = get("last_name");
      n.full = get("name");
      if (n.full.empty()) n.full = Trim(n.first + " " + n.last);
      AddName(e, n);
      for (const std::string& alias : ftm::SplitTrim(get("aliases"), mapping.alias_separator)) {
        Name a;
        a.full = alias;
        a.kind = NameKind::kStrongAlias;
        AddName(e, std::move(a));
      }
      if (std::string v = get("dob"); !v.empty()) e.birth_dates.push_back(ParseListDate(v));
      AddUnique(e.countries, get("country"));
      AddUnique(e.nationalities, get("nationality"));
      e.gender = ftm::NormalizeGender(get("gender"));
      if (std::string v = get("address"); !v.empty()) {
        Address a;
        a.full = v;
        e.addresses.push_back(std::move(a));
      }
      if (std::string v = get("id_number"); !v.empty()) {
        Identifier ident;
        ident.type = id_type;
        ident.number = v;
        e.identifiers.push_back(std::move(ident));
      }
      AddUnique(e.programs, get("program"));
      AddUnique(e.positions, get("position"));
      e.remarks = get("notes");
      for (const std::string& t : mapping.default_topics) AddUnique(e.topics, t);
      ftm::AddOrMergeEntity(out.entities, by_id, std::move(e));
      continue;
    }
    if (!bad.ok()) return bad;
  }
  return out;
}

Result<ParsedList> ParseCustomCsv(const fs::path& dir, const std::string& dataset,
                                  const ParseOptions& options) {
  std::string csv_file;
  auto mapping = ReadCustomMapping(dir / "list.toml", csv_file);
  if (!mapping.ok()) return mapping.status();
  fs::path csv;
  if (!csv_file.empty()) {
    if (fs::path(csv_file).has_parent_path() || csv_file == "..") {
      return Status::DataError(
          fmt::format("list.toml: file: \"{}\" must name a file in the list directory", csv_file));
    }
    csv = dir / csv_file;
  } else {  // the directory's only *.csv
    std::error_code ec;
    std::vector<fs::path> found;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
      if (entry.path().extension() == ".csv") found.push_back(entry.path());
    }
    if (found.size() != 1) {
      return Status::DataError(fmt::format("list.toml: no `file` key and {} *.csv files in {}",
                                           found.size(), dir.string()));
    }
    csv = found[0];
  }
  auto parsed = ParseCustomCsvWithMapping(csv, mapping.value(), dataset, options);
  if (!parsed.ok()) return parsed;
  parsed->version.files.push_back("list.toml");
  return parsed;
}

}  // namespace tamiz::sources
