#include "sources/ofac_csv.h"

#include <fmt/format.h>

#include <array>
#include <charconv>
#include <string_view>
#include <unordered_map>

#include "sources/ofac_remarks.h"
#include "util/csv.h"
#include "util/file_io.h"

namespace tamiz::sources {

namespace fs = std::filesystem;

namespace {

constexpr std::array<std::string_view, 12> kMainColumns = {
    "ent_num",   "SDN_Name", "SDN_Type", "Program",   "Title",      "Call_Sign",
    "Vess_type", "Tonnage",  "GRT",      "Vess_flag", "Vess_owner", "remarks"};
constexpr std::array<std::string_view, 5> kAltColumns = {"ent_num", "alt_num", "alt_type",
                                                         "alt_name", "alt_remarks"};
constexpr std::array<std::string_view, 6> kAddColumns = {
    "ent_num", "add_num", "address", "city/state/postal", "country", "add_remarks"};
constexpr std::array<std::string_view, 2> kCommentColumns = {"ent_num", "remarks"};

// The file names of one OFAC CSV set.
struct FileSet {
  std::string main, add, alt, comments;
};

// Start offset of 1-based line `line` in `data` (data.size() when past the end).
size_t OffsetOfLine(std::string_view data, size_t line) {
  size_t pos = 0;
  for (size_t l = 1; l < line; ++l) {
    pos = data.find('\n', pos);
    if (pos == std::string_view::npos) return data.size();
    ++pos;
  }
  return pos;
}

// The record id (text before the first comma) of the record starting at `line`, for errors.
std::string RecordIdAt(std::string_view data, size_t line) {
  size_t start = OffsetOfLine(data, line);
  size_t end = start;
  while (end < data.size() && end - start < 32 && data[end] != ',' && data[end] != '\n' &&
         data[end] != '\r')
    ++end;
  return ofac::Trim(data.substr(start, end - start));
}

// Reads one headerless OFAC CSV file record by record. In lenient mode a malformed record is
// skipped and reading resumes on the line after the one the bad record started on.
class OfacCsvFile {
 public:
  OfacCsvFile(std::string name, std::string_view data, const ParseOptions& options,
              const std::string_view* columns, size_t num_columns)
      : name_(std::move(name)),
        data_(data),
        options_(options),
        columns_(columns),
        num_columns_(num_columns) {
    Reset(0, 1);
  }

  // Next well-formed record, or false at end / on error (then status() is set).
  // `line` receives the line the record started on.
  bool Next(std::vector<std::string>& fields, size_t& line, ParsedList& out) {
    while (true) {
      status_ = Status::Ok();
      bool got = reader_->Next(fields);
      line = base_line_ + reader_->record_line() - 1;
      if (!got && reader_->status().ok()) return false;
      std::string error;
      if (!got) {
        error = DescribeCsvError(reader_->status().message(), line);
      } else {
        if (++records_ > options_.max_records) {
          status_ = Status::DataError(
              fmt::format("{}:{}: more than {} records", name_, line, options_.max_records));
          return false;
        }
        error = Validate(fields, line);
      }
      if (error.empty()) return true;
      status_ = Status::DataError(error);
      if (!options_.lenient) return false;
      out.warnings.push_back(error + " (record skipped)");
      ++out.version.skipped;
      if (got) continue;  // well-formed CSV, bad content: the reader is past the record
      // Broken CSV: resume after the first line of the bad record.
      size_t off = view_offset_ + OffsetOfLine(data_.substr(view_offset_), line - base_line_ + 2);
      Reset(off, line + 1);
    }
  }

  const Status& status() const { return status_; }

 private:
  void Reset(size_t offset, size_t first_line) {
    view_offset_ = offset;
    base_line_ = first_line;
    util::CsvOptions o;
    o.max_field_bytes = options_.max_field_bytes;
    o.max_fields = 64;
    reader_.emplace(name_, data_.substr(offset), o);
  }

  std::string ColumnName(size_t i) const {
    return i < num_columns_ ? std::string(columns_[i]) : std::string("extra");
  }

  // Rewrites a CsvReader error ("name:line: field N: what") to name the record and column.
  std::string DescribeCsvError(const std::string& message, size_t line) const {
    std::string what = message;
    auto p = message.find(": field ");
    if (p != std::string::npos) what = message.substr(p + 2);
    size_t field = 0;
    if (what.rfind("field ", 0) == 0) {
      const char* b = what.data() + 6;
      std::from_chars(b, what.data() + what.size(), field);
      size_t digits_end = 6;
      while (digits_end < what.size() && what[digits_end] >= '0' && what[digits_end] <= '9')
        ++digits_end;
      if (field > 0) {
        what =
            fmt::format("field {} ({}){}", field, ColumnName(field - 1), what.substr(digits_end));
      }
    } else if (p == std::string::npos) {
      auto q = message.find(": ", message.find(':') + 1);
      if (q != std::string::npos) what = message.substr(q + 2);
    }
    std::string id = RecordIdAt(data_.substr(view_offset_), line - base_line_ + 1);
    return fmt::format("{}:{}: record {}: {}", name_, line, id.empty() ? "?" : id, what);
  }

  std::string Validate(const std::vector<std::string>& fields, size_t line) const {
    std::string id = fields.empty() ? std::string() : ofac::Trim(fields[0]);
    std::string_view idv = id;
    if (fields.size() != num_columns_) {
      return fmt::format("{}:{}: record {}: expected {} fields, found {}", name_, line,
                         id.empty() ? "?" : id, num_columns_, fields.size());
    }
    uint64_t n = 0;
    auto [ptr, ec] = std::from_chars(idv.data(), idv.data() + idv.size(), n);
    if (id.empty() || ec != std::errc() || ptr != idv.data() + idv.size()) {
      return fmt::format("{}:{}: record {}: field 1 (ent_num): not a number", name_, line,
                         id.empty() ? "?" : id);
    }
    for (size_t i = 0; i < fields.size(); ++i) {
      size_t bad = util::FindInvalidUtf8(fields[i]);
      if (bad != std::string::npos) {
        size_t extra = 0;
        for (size_t k = 0; k < bad; ++k) extra += fields[i][k] == '\n' ? 1 : 0;
        return fmt::format("{}:{}: record {}: field {} ({}): invalid UTF-8 at byte {}", name_,
                           line + extra, id, i + 1, ColumnName(i), bad);
      }
    }
    return "";
  }

  std::string name_;
  std::string_view data_;
  const ParseOptions& options_;
  const std::string_view* columns_;
  size_t num_columns_;
  std::optional<util::CsvReader> reader_;
  size_t view_offset_ = 0;
  size_t base_line_ = 1;
  size_t records_ = 0;
  Status status_;
};

std::string Field(const std::vector<std::string>& f, size_t i) {
  return i < f.size() && !ofac::IsNull(f[i]) ? ofac::Trim(f[i]) : std::string();
}

// Reads an optional companion file; empty data (and ok) when the file does not exist.
Result<std::string> ReadOptional(const fs::path& path, const ParseOptions& options) {
  std::error_code ec;
  if (!fs::exists(path, ec)) return std::string();
  return util::ReadFile(path, options.max_file_bytes);
}

}  // namespace

Result<ParsedList> ParseOfacCsv(const fs::path& dir, const std::string& dataset,
                                const ParseOptions& options) {
  std::error_code ec;
  FileSet files;
  if (fs::is_regular_file(dir / "sdn.csv", ec)) {
    files = {"sdn.csv", "add.csv", "alt.csv", "sdn_comments.csv"};
  } else if (fs::is_regular_file(dir / "cons_prim.csv", ec)) {
    files = {"cons_prim.csv", "cons_add.csv", "cons_alt.csv", "cons_comments.csv"};
  } else {
    return Status::NotFound(
        fmt::format("{}: neither sdn.csv nor cons_prim.csv found", dir.string()));
  }
  ParsedList out;
  out.version.format = "ofac-csv";
  out.version.title = files.main == "sdn.csv" ? "OFAC Specially Designated Nationals (SDN) List"
                                              : "OFAC Consolidated Sanctions List (non-SDN)";
  out.version.path = dir.string();

  auto main_data = util::ReadFile(dir / files.main, options.max_file_bytes);
  if (!main_data.ok()) return main_data.status();
  out.version.sha256 = util::Sha256Hex(*main_data);
  out.version.files.push_back(files.main);

  // Remarks continuations, keyed by ent_num, joined in file order.
  std::unordered_map<std::string, std::string> comments;
  auto comment_data = ReadOptional(dir / files.comments, options);
  if (!comment_data.ok()) return comment_data.status();
  if (!comment_data->empty()) {
    out.version.files.push_back(files.comments);
    OfacCsvFile f(files.comments, *comment_data, options, kCommentColumns.data(),
                  kCommentColumns.size());
    std::vector<std::string> row;
    size_t line = 0;
    while (f.Next(row, line, out)) comments[ofac::Trim(row[0])] += row[1];
    if (!f.status().ok()) return f.status();
  }

  std::unordered_map<std::string, size_t> index;  // ent_num -> position in out.entities
  {
    OfacCsvFile f(files.main, *main_data, options, kMainColumns.data(), kMainColumns.size());
    std::vector<std::string> row;
    size_t line = 0;
    while (f.Next(row, line, out)) {
      std::string uid = ofac::Trim(row[0]);
      if (index.count(uid) != 0) {
        std::string msg = fmt::format("{}:{}: record {}: duplicate ent_num", files.main, line, uid);
        if (!options.lenient) return Status::DataError(msg);
        out.warnings.push_back(msg + " (record skipped)");
        ++out.version.skipped;
        continue;
      }
      Entity e;
      e.dataset = dataset;
      e.record_id = uid;
      e.id = dataset + ":" + uid;
      e.schema = ofac::OfacSchema(row[2]);
      e.caption = ofac::Trim(row[1]);
      e.source_ref = fmt::format("{}:{}", files.main, line);
      e.topics.push_back("sanction");
      e.names.push_back(ofac::MakeName(row[1], NameKind::kPrimary, e.schema == Schema::kPerson));
      e.programs = ofac::SplitPrograms(row[3]);
      if (std::string title = Field(row, 4); !title.empty()) {
        for (const auto& t : ofac::SplitRemarks(title)) ofac::PushUnique(e.positions, t);
      }
      std::string call_sign = Field(row, 5), vtype = Field(row, 6), tonnage = Field(row, 7),
                  grt = Field(row, 8), flag = Field(row, 9), owner = Field(row, 10);
      if (e.schema == Schema::kVessel || !call_sign.empty() || !vtype.empty() || !tonnage.empty() ||
          !grt.empty() || !flag.empty() || !owner.empty()) {
        VesselInfo v;
        v.call_sign = call_sign;
        v.vessel_type = vtype;
        v.tonnage = !tonnage.empty() ? tonnage : grt;
        v.flag = flag;
        v.owner = owner;
        e.vessel = std::move(v);
        ofac::PushUnique(e.countries, flag);
      }
      std::string remarks = ofac::IsNull(row[11]) ? std::string() : row[11];
      if (auto it = comments.find(uid); it != comments.end()) remarks += it->second;
      e.remarks = ofac::Trim(remarks);
      ofac::ApplyRemarks(e.remarks, e, out.relations);
      index.emplace(uid, out.entities.size());
      out.entities.push_back(std::move(e));
    }
    if (!f.status().ok()) return f.status();
  }

  auto alt_data = ReadOptional(dir / files.alt, options);
  if (!alt_data.ok()) return alt_data.status();
  if (!alt_data->empty()) {
    out.version.files.push_back(files.alt);
    OfacCsvFile f(files.alt, *alt_data, options, kAltColumns.data(), kAltColumns.size());
    std::vector<std::string> row;
    size_t line = 0;
    while (f.Next(row, line, out)) {
      auto it = index.find(ofac::Trim(row[0]));
      std::string name = Field(row, 3);
      if (it == index.end() || name.empty()) {
        out.warnings.push_back(fmt::format("{}:{}: record {}: alias for unknown ent_num {}",
                                           files.alt, line, Field(row, 1), Field(row, 0)));
        continue;
      }
      Entity& e = out.entities[it->second];
      std::string type = Field(row, 2);
      for (char& c : type) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      NameKind kind = type == "fka" ? NameKind::kFormer : NameKind::kStrongAlias;
      ofac::AddListedName(e, ofac::MakeName(name, kind, e.schema == Schema::kPerson));
    }
    if (!f.status().ok()) return f.status();
  }

  auto add_data = ReadOptional(dir / files.add, options);
  if (!add_data.ok()) return add_data.status();
  if (!add_data->empty()) {
    out.version.files.push_back(files.add);
    OfacCsvFile f(files.add, *add_data, options, kAddColumns.data(), kAddColumns.size());
    std::vector<std::string> row;
    size_t line = 0;
    while (f.Next(row, line, out)) {
      auto it = index.find(ofac::Trim(row[0]));
      if (it == index.end()) {
        out.warnings.push_back(fmt::format("{}:{}: record {}: address for unknown ent_num {}",
                                           files.add, line, Field(row, 1), Field(row, 0)));
        continue;
      }
      Address a;
      a.street = Field(row, 2);
      a.city = Field(row, 3);
      a.country = Field(row, 4);
      for (const std::string* part : {&a.street, &a.city, &a.country}) {
        if (part->empty()) continue;
        if (!a.full.empty()) a.full += ", ";
        a.full += *part;
      }
      if (a.full.empty()) continue;
      Entity& e = out.entities[it->second];
      ofac::PushUnique(e.countries, a.country);
      e.addresses.push_back(std::move(a));
    }
    if (!f.status().ok()) return f.status();
  }

  ofac::ResolveRelations(out.entities, out.relations);
  out.version.entity_count = out.entities.size();
  out.version.relation_count = out.relations.size();
  return out;
}

}  // namespace tamiz::sources
