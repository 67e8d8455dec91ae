#include "sources/opensanctions_simple_csv.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <unordered_map>

#include "sources/dates.h"
#include "sources/ftm_common.h"
#include "util/csv.h"
#include "util/file_io.h"

// Format reference: OpenSanctions, "Simplified CSV format" (opensanctions.org/docs/bulk/csv/,
// exporter `zavod/exporters/simplecsv.py`): one row per target entity, multi-valued cells written
// as a `;`-delimited CSV line. Mapping: docs/formats/opensanctions-simple-csv.md.

namespace tamiz::sources {

namespace {

namespace fs = std::filesystem;
using ftm::AddName;
using ftm::AddUnique;
using ftm::Trim;

constexpr std::string_view kSuffix = ".simple.csv";

class Columns {
 public:
  explicit Columns(const std::vector<std::string>& header) {
    auto norm = util::NormalizeHeader(header);
    for (size_t i = 0; i < norm.size(); ++i) index_.emplace(norm[i], i);
  }
  bool Has(const std::string& name) const { return index_.count(name) != 0; }
  std::string Get(const std::vector<std::string>& row, const std::string& name) const {
    auto it = index_.find(name);
    if (it == index_.end() || it->second >= row.size()) return "";
    return Trim(row[it->second]);
  }

 private:
  std::unordered_map<std::string, size_t> index_;
};

// The values of a multi-valued cell: the cell is itself a `;`-delimited CSV line, so values
// containing `;` or quotes are quoted ("a;b" -> two values, "\"x; y\"" -> one).
std::vector<std::string> MultiValues(const std::string& cell) {
  std::vector<std::string> out;
  if (cell.empty()) return out;
  util::CsvOptions o;
  o.delimiter = ';';
  util::CsvReader reader("cell", cell, o);
  std::vector<std::string> fields;
  while (reader.Next(fields)) {
    for (auto& f : fields) AddUnique(out, Trim(f));
  }
  if (!reader.status().ok()) {  // not CSV-quoted after all: plain split
    out.clear();
    for (auto& v : ftm::SplitTrim(cell, ";")) AddUnique(out, std::move(v));
  }
  return out;
}

// "IMO9253325" -> IMO 9253325; other identifiers are untyped in this export.
Identifier IdentifierOf(const std::string& value) {
  Identifier id;
  id.number = value;
  if (value.size() == 10 && value.rfind("IMO", 0) == 0 &&
      std::all_of(value.begin() + 3, value.end(),
                  [](char c) { return std::isdigit(static_cast<unsigned char>(c)); })) {
    id.type = "IMO";
    id.number = value.substr(3);
  }
  return id;
}

Entity EntityOf(const Columns& c, const std::vector<std::string>& row, Schema schema,
                const std::string& dataset, const std::string& file, size_t line) {
  Entity e;
  e.record_id = c.Get(row, "id");
  e.dataset = dataset;
  e.id = dataset + ":" + e.record_id;
  e.schema = schema;
  e.source_ref = fmt::format("{}:{}", file, line);
  Name primary;
  primary.full = c.Get(row, "name");
  AddName(e, primary);
  for (const auto& alias : MultiValues(c.Get(row, "aliases"))) {
    if (alias == primary.full) continue;
    Name n;
    n.full = alias;
    n.kind = NameKind::kStrongAlias;
    AddName(e, std::move(n));
  }
  for (const auto& d : MultiValues(c.Get(row, "birth_date"))) {
    e.birth_dates.push_back(ParseListDate(d));
  }
  for (auto& v : MultiValues(c.Get(row, "countries"))) AddUnique(e.countries, std::move(v));
  for (auto& v : MultiValues(c.Get(row, "addresses"))) {
    Address a;
    a.full = std::move(v);
    e.addresses.push_back(std::move(a));
  }
  for (const auto& v : MultiValues(c.Get(row, "identifiers"))) {
    Identifier id = IdentifierOf(v);
    if (id.type == "IMO" && schema == Schema::kVessel) {
      if (!e.vessel) e.vessel.emplace();
      e.vessel->imo = id.number;
    }
    e.identifiers.push_back(std::move(id));
  }
  for (auto& v : MultiValues(c.Get(row, "sanctions"))) AddUnique(e.sanctions_info, std::move(v));
  if (!e.sanctions_info.empty()) e.topics.push_back("sanction");
  for (auto& v : MultiValues(c.Get(row, "program_ids"))) AddUnique(e.programs, std::move(v));
  for (auto& v : MultiValues(c.Get(row, "emails"))) AddUnique(e.emails, std::move(v));
  std::vector<std::string> phones = MultiValues(c.Get(row, "phones"));
  if (!phones.empty()) {
    std::string joined;
    for (const auto& p : phones) joined += (joined.empty() ? "" : ", ") + p;
    e.remarks = "Phone: " + joined;
  }
  return e;
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Parses one file into `out`; `by_id` maps entity ids to their index in out.entities.
Status ParseFile(const fs::path& path, const std::string& dataset, const ParseOptions& options,
                 ParsedList& out, std::unordered_map<std::string, size_t>& by_id) {
  std::string file = path.filename().string();
  auto data = ftm::ReadListFile(path, options, out.warnings);
  if (!data.ok()) return data.status();
  if (out.version.sha256.empty()) out.version.sha256 = util::Sha256Hex(data.value());
  out.version.files.push_back(file);

  util::CsvOptions csv_options;
  csv_options.max_field_bytes = options.max_field_bytes;
  util::CsvReader reader(file, data.value(), csv_options);
  std::vector<std::string> row;
  if (!reader.Next(row)) {
    if (!reader.status().ok()) return reader.status();
    return Status::DataError(fmt::format("{}:1: empty file, expected a header row", file));
  }
  Columns cols(row);
  const size_t width = row.size();
  for (const char* required : {"id", "schema", "name"}) {
    if (!cols.Has(required)) {
      return Status::DataError(fmt::format(
          "{}:1: header has no column '{}' (not an OpenSanctions simple CSV?)", file, required));
    }
  }
  auto skip = [&](std::string message) { return SkipOrFail(std::move(message), options, out); };
  size_t records = 0;
  while (true) {
    bool got = reader.Next(row);
    if (!got && reader.status().ok()) break;
    size_t line = reader.record_line();
    if (!got) {
      std::string msg = reader.status().message();
      if (!row.empty() && !Trim(row[0]).empty()) msg += " (record " + Trim(row[0]) + ")";
      if (Status s = skip(std::move(msg)); !s.ok()) return s;
      reader.SkipToNextLine();
      continue;
    }
    if (++records > options.max_records) {
      return Status::DataError(
          fmt::format("{}:{}: more than {} records", file, line, options.max_records));
    }
    std::string id = cols.Get(row, "id");
    Status bad;
    if (row.size() != width) {
      bad = skip(fmt::format("{}:{}: record {}: expected {} fields, found {}", file, line,
                             id.empty() ? "?" : id, width, row.size()));
    } else if (id.empty()) {
      bad = skip(fmt::format("{}:{}: record without id", file, line));
    } else if (cols.Get(row, "name").empty()) {
      bad = skip(fmt::format("{}:{}: record {}: empty name", file, line, id));
    } else if (auto schema = ParseSchema(cols.Get(row, "schema")); !schema) {
      out.warnings.push_back(fmt::format("{}:{}: record {}: unknown schema \"{}\" skipped", file,
                                         line, id, cols.Get(row, "schema")));
      ++out.version.skipped;
    } else {
      if (out.version.title.empty()) out.version.title = cols.Get(row, "dataset");
      out.version.date = std::max(out.version.date, cols.Get(row, "last_seen").substr(0, 10));
      Entity e = EntityOf(cols, row, *schema, dataset, file, line);
      ftm::AddOrMergeEntity(out.entities, by_id, std::move(e));
      continue;
    }
    if (!bad.ok()) return bad;
  }
  return Status::Ok();
}

}  // namespace

Result<ParsedList> ParseOpenSanctionsSimpleCsv(const fs::path& dir, const std::string& dataset,
                                               const ParseOptions& options) {
  std::vector<fs::path> files;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    if (entry.is_regular_file(ec) && EndsWith(entry.path().filename().string(), kSuffix)) {
      files.push_back(entry.path());
    }
  }
  if (ec) return Status::IoError(fmt::format("{}: {}", dir.string(), ec.message()));
  if (files.empty()) return Status::NotFound(fmt::format("{}: no *.simple.csv file", dir.string()));
  std::sort(files.begin(), files.end());
  ParsedList out;
  out.version.format = "opensanctions-simple-csv";
  std::unordered_map<std::string, size_t> by_id;
  for (const auto& f : files) {
    if (Status s = ParseFile(f, dataset, options, out, by_id); !s.ok()) return s;
  }
  if (out.version.title.empty()) out.version.title = dataset;
  return out;
}

}  // namespace tamiz::sources
