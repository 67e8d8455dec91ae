#include "sources/ownership_csv.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <optional>

#include "util/csv.h"
#include "util/file_io.h"

namespace tamiz::sources {

namespace {

std::string Trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '\r')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r')) --e;
  return std::string(s.substr(b, e - b));
}

// A share in percent: "30", "30.5", "30%", "49,9" is rejected (ambiguous decimal comma).
std::optional<double> ParsePercent(std::string_view s) {
  if (!s.empty() && s.back() == '%') s.remove_suffix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  if (s.empty()) return std::nullopt;
  double v = 0.0;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || ptr != s.data() + s.size() || !std::isfinite(v)) return std::nullopt;
  return v;
}

// A full entity id is "<dataset>:<record id>" with both parts non-empty and no spaces.
bool IsFullId(std::string_view id) {
  auto colon = id.find(':');
  return colon != std::string_view::npos && colon > 0 && colon + 1 < id.size() &&
         id.find_first_of(" \t") == std::string_view::npos;
}

}  // namespace

Result<ParsedList> ParseOwnershipCsvText(std::string_view input, const std::string& file_name,
                                         const std::string& dataset, const ParseOptions& options) {
  ParsedList out;
  out.version.dataset = dataset;
  out.version.title = "Ownership links (custom CSV)";
  out.version.format = "ownership-csv";
  out.version.files = {file_name};
  out.version.sha256 = util::Sha256Hex(input);
  std::string repaired;
  if (size_t bad = util::FindInvalidUtf8(input); bad != std::string::npos) {
    std::string where = fmt::format("{}:{}", file_name, util::LineOfOffset(input, bad));
    if (!options.lenient) {
      return Status::DataError(fmt::format("{}: invalid UTF-8 (byte 0x{:02X} at offset {})", where,
                                           static_cast<unsigned char>(input[bad]), bad));
    }
    out.warnings.push_back(where + ": invalid UTF-8 replaced with U+FFFD");
    repaired = util::RepairUtf8(input);
    input = repaired;
  }
  if (input.rfind("\xEF\xBB\xBF", 0) == 0) input.remove_prefix(3);

  util::CsvOptions csv_options;
  csv_options.max_field_bytes = options.max_field_bytes;
  util::CsvReader reader(file_name, input, csv_options);
  std::vector<std::string> row;
  if (!reader.Next(row)) {
    if (!reader.status().ok()) return reader.status();
    return Status::DataError(fmt::format(
        "{}:1: empty file (expected the header owner_id,asset_id,percent[,source])", file_name));
  }
  const size_t header_line = reader.record_line();
  std::vector<std::string> header = util::NormalizeHeader(row);
  auto column = [&header](std::string_view name) -> std::optional<size_t> {
    auto it = std::find(header.begin(), header.end(), name);
    if (it == header.end()) return std::nullopt;
    return static_cast<size_t>(it - header.begin());
  };
  auto owner_col = column("owner_id"), asset_col = column("asset_id"),
       percent_col = column("percent"), source_col = column("source");
  for (auto [col, name] : {std::pair{owner_col, "owner_id"}, std::pair{asset_col, "asset_id"},
                           std::pair{percent_col, "percent"}}) {
    if (!col) {
      return Status::DataError(fmt::format(
          "{}:{}: header: missing column \"{}\" (expected owner_id,asset_id,percent[,source])",
          file_name, header_line, name));
    }
  }

  auto reject = [&](Status s) -> bool {  // true when parsing must stop
    if (!options.lenient) return true;
    out.warnings.push_back(s.message() + " (row skipped)");
    ++out.version.skipped;
    return false;
  };
  size_t records = 0;
  while (true) {
    if (!reader.Next(row)) {
      if (reader.status().ok()) break;
      Status s = reader.status();
      if (reject(s)) return s;
      reader.SkipToNextLine();
      continue;
    }
    const size_t line = reader.record_line();
    if (std::all_of(row.begin(), row.end(), [](const auto& f) { return Trim(f).empty(); })) {
      continue;
    }
    if (++records > options.max_records) {
      return Status::DataError(
          fmt::format("{}:{}: more than {} rows", file_name, line, options.max_records));
    }
    auto field = [&row](std::optional<size_t> col) {
      return col && *col < row.size() ? Trim(row[*col]) : std::string();
    };
    std::string owner = field(owner_col), asset = field(asset_col), pct = field(percent_col);
    std::string record = fmt::format("{}:{}: record {} -> {}: ", file_name, line,
                                     owner.empty() ? "?" : owner, asset.empty() ? "?" : asset);
    Status bad;
    std::optional<double> percent;
    if (row.size() != header.size()) {
      bad = Status::DataError(
          fmt::format("{}{} fields, the header has {}", record, row.size(), header.size()));
    } else if (!IsFullId(owner)) {
      bad = Status::DataError(
          fmt::format("{}field {} (owner_id): '{}' is not a full entity id (<dataset>:<record id>)",
                      record, *owner_col + 1, owner));
    } else if (!IsFullId(asset)) {
      bad = Status::DataError(
          fmt::format("{}field {} (asset_id): '{}' is not a full entity id (<dataset>:<record id>)",
                      record, *asset_col + 1, asset));
    } else if (owner == asset) {
      bad = Status::DataError(fmt::format("{}an entity cannot own itself", record));
    } else if (!pct.empty()) {
      percent = ParsePercent(pct);
      if (!percent || *percent < 0.0 || *percent > 100.0) {
        bad = Status::DataError(
            fmt::format("{}field {} (percent): '{}' is not a number between 0 and 100", record,
                        *percent_col + 1, pct));
      }
    }
    if (!bad.ok()) {
      if (reject(bad)) return bad;
      continue;
    }
    Relation r;
    r.source_id = std::move(owner);
    r.target_id = std::move(asset);
    r.type = RelationType::kOwnership;
    r.percent = percent;
    r.provenance = fmt::format("{} {}:{}", dataset, file_name, line);
    if (std::string src = field(source_col); !src.empty()) r.provenance += "; source: " + src;
    out.relations.push_back(std::move(r));
  }
  out.version.relation_count = out.relations.size();
  return out;
}

Result<ParsedList> ParseOwnershipCsv(const std::filesystem::path& dir, const std::string& dataset,
                                     const ParseOptions& options) {
  auto path = dir / kOwnershipCsvFile;
  auto bytes = util::ReadFile(path, options.max_file_bytes);
  if (!bytes.ok()) return bytes.status();
  auto parsed = ParseOwnershipCsvText(*bytes, kOwnershipCsvFile, dataset, options);
  if (!parsed.ok()) return parsed;
  parsed->version.path = dir.string();
  return parsed;
}

}  // namespace tamiz::sources
