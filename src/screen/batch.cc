#include "screen/batch.h"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <chrono>
#include <istream>
#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>
#include <thread>
#include <vector>

#include "screen/batch_ftm.h"
#include "screen/json.h"
#include "screen/query_parse.h"
#include "util/csv.h"

namespace tamiz::screen {

using nlohmann::json;
using Clock = std::chrono::steady_clock;

BatchFormat DetectBatchFormat(std::string_view file_name, std::string_view head) {
  auto ends_with = [&](std::string_view suffix) {
    if (file_name.size() < suffix.size()) return false;
    std::string_view tail = file_name.substr(file_name.size() - suffix.size());
    for (size_t i = 0; i < suffix.size(); ++i) {
      if (std::tolower(static_cast<unsigned char>(tail[i])) != suffix[i]) return false;
    }
    return true;
  };
  if (ends_with(".jsonl") || ends_with(".ndjson") || ends_with(".json")) return BatchFormat::kJsonl;
  if (ends_with(".csv") || ends_with(".txt")) return BatchFormat::kCsv;
  if (head.substr(0, 3) == "\xEF\xBB\xBF") head.remove_prefix(3);
  size_t p = head.find_first_not_of(" \t\r\n");
  if (p != std::string_view::npos && head[p] == '{') return BatchFormat::kJsonl;
  return BatchFormat::kCsv;
}

namespace {

// One input record: its text (a CSV record may span lines) and the line it starts on.
struct Row {
  size_t number = 0;  // 1-based data row
  size_t line = 0;
  std::string text;
};

// What a worker produced for a row: the output line, or the reason the row was skipped.
struct RowResult {
  std::string output;
  std::string error;
  bool matched = false;
  size_t results = 0;
};

// Splits one CSV record (RFC 4180; quoted fields may hold commas, doubled quotes and line
// breaks). Returns false with `error` set on a stray quote.
bool SplitCsvRecord(std::string_view rec, std::vector<std::string>& fields, std::string& error) {
  fields.clear();
  size_t i = 0;
  while (true) {
    std::string field;
    if (i < rec.size() && rec[i] == '"') {
      ++i;
      bool closed = false;
      while (i < rec.size()) {
        if (rec[i] == '"') {
          if (i + 1 < rec.size() && rec[i + 1] == '"') {
            field.push_back('"');
            i += 2;
            continue;
          }
          ++i;
          closed = true;
          break;
        }
        field.push_back(rec[i++]);
      }
      if (!closed) {
        error = fmt::format("field {}: unterminated quote", fields.size() + 1);
        return false;
      }
      while (i < rec.size() && rec[i] != ',') {
        if (rec[i] != ' ' && rec[i] != '\t' && rec[i] != '\r') {
          error =
              fmt::format("field {}: unexpected character after closing quote", fields.size() + 1);
          return false;
        }
        ++i;
      }
    } else {
      size_t end = rec.find(',', i);
      if (end == std::string_view::npos) end = rec.size();
      field.assign(rec.substr(i, end - i));
      i = end;
    }
    while (!field.empty() && (field.back() == '\r' || field.back() == ' ')) field.pop_back();
    size_t b = field.find_first_not_of(' ');
    fields.push_back(b == std::string::npos ? std::string() : field.substr(b));
    if (i >= rec.size()) return true;
    ++i;  // the comma
  }
}

// Column positions of a batch CSV header; npos when absent.
struct CsvColumns {
  static constexpr size_t kNone = static_cast<size_t>(-1);
  size_t name = kNone, first = kNone, middle = kNone, last = kNone, id = kNone, schema = kNone,
         dob = kNone, gender = kNone;
  std::vector<size_t> countries;
  std::vector<size_t> ids;
};

CsvColumns ColumnsOf(const std::vector<std::string>& header) {
  CsvColumns c;
  auto h = util::NormalizeHeader(header);
  for (size_t i = 0; i < h.size(); ++i) {
    const std::string& k = h[i];
    if (k == "name" || k == "full_name" || k == "fullname") {
      if (c.name == CsvColumns::kNone) c.name = i;
    } else if (k == "first_name" || k == "firstname" || k == "given_name") {
      c.first = i;
    } else if (k == "middle_name" || k == "middlename") {
      c.middle = i;
    } else if (k == "last_name" || k == "lastname" || k == "surname" || k == "family_name") {
      c.last = i;
    } else if (k == "id" || k == "customer_id" || k == "ref") {
      if (c.id == CsvColumns::kNone) c.id = i;
    } else if (k == "schema" || k == "type") {
      c.schema = i;
    } else if (k == "dob" || k == "date_of_birth" || k == "birth_date" || k == "birthdate") {
      c.dob = i;
    } else if (k == "country" || k == "countries" || k == "nationality" || k == "citizenship") {
      c.countries.push_back(i);
    } else if (k == "gender" || k == "sex") {
      c.gender = i;
    } else if (k == "id_number" || k == "passport_number" || k == "identifier" ||
               k == "registration_number") {
      c.ids.push_back(i);
    }
  }
  return c;
}

// A batch row turned into a query, plus the caller's id.
struct RowQuery {
  Query query;
  json id;  // null when the caller gave none
};

Result<RowQuery> QueryFromCsv(const Row& row, const CsvColumns& cols, const Query& defaults) {
  std::vector<std::string> f;
  std::string error;
  if (!SplitCsvRecord(row.text, f, error)) return Status::InvalidArgument(error);
  auto col = [&](size_t i) -> std::string_view {
    return i < f.size() ? std::string_view(f[i]) : std::string_view();
  };
  RowQuery rq;
  rq.query = defaults;
  rq.query.names.clear();
  rq.id = col(cols.id).empty() ? json(nullptr) : json(std::string(col(cols.id)));
  std::string name(col(cols.name));
  if (name.empty()) {
    for (size_t i : {cols.first, cols.middle, cols.last}) {
      if (col(i).empty()) continue;
      if (!name.empty()) name += ' ';
      name += col(i);
    }
  }
  if (name.empty()) return Status::InvalidArgument("empty name");
  rq.query.names.push_back(std::move(name));
  if (!col(cols.schema).empty()) {
    auto s = ParseSchema(col(cols.schema));
    if (!s) {
      return Status::InvalidArgument(fmt::format("unknown schema '{}'", col(cols.schema)));
    }
    if (*s == Schema::kUnknown) {
      rq.query.schema.reset();
    } else {
      rq.query.schema = *s;
    }
  }
  // A row that gives a gender, a date of birth or the parts of a personal name describes a
  // person: with no schema given (by the row or --schema), it is screened as a Person only,
  // as a yente query with "schema": "Person" would be, and not also against companies and
  // vessels that happen to share its words (docs/API.md, "Batch screening").
  if (!rq.query.schema && col(cols.schema).empty() &&
      (!col(cols.gender).empty() || !col(cols.dob).empty() || !col(cols.first).empty() ||
       !col(cols.middle).empty() || !col(cols.last).empty())) {
    rq.query.schema = Schema::kPerson;
  }
  if (!col(cols.dob).empty()) {
    auto d = ParseQueryDate(col(cols.dob));
    if (!d.ok()) return d.status();
    rq.query.birth_dates = {*d};
  }
  for (size_t i : cols.countries) {
    std::string_view v = col(i);
    while (!v.empty()) {  // "ru;by" holds two countries
      size_t semi = v.find(';');
      std::string_view part = v.substr(0, semi);
      while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
      while (!part.empty() && part.back() == ' ') part.remove_suffix(1);
      if (!part.empty()) rq.query.countries.emplace_back(part);
      if (semi == std::string_view::npos) break;
      v.remove_prefix(semi + 1);
    }
  }
  if (!col(cols.gender).empty()) rq.query.gender = std::string(col(cols.gender));
  for (size_t i : cols.ids) {
    if (!col(i).empty()) rq.query.identifiers.emplace_back(col(i));
  }
  return rq;
}

Result<RowQuery> QueryFromJsonl(const Row& row, const Query& defaults) {
  auto parsed = ParseJsonBounded(row.text);
  if (!parsed.ok()) return parsed.status();
  const json& j = *parsed;
  RowQuery rq;
  auto q = QueryFromFtmExample(j, defaults, "entity");
  if (!q.ok()) return q.status();
  rq.query = std::move(q).value();
  rq.id = nullptr;
  if (auto it = j.find("id"); it != j.end() && (it->is_string() || it->is_number())) rq.id = *it;
  return rq;
}

void ScreenRow(const Engine& engine, const Row& row, BatchFormat format, const CsvColumns& cols,
               const Query& defaults, RowResult& out) {
  auto rq = format == BatchFormat::kCsv ? QueryFromCsv(row, cols, defaults)
                                        : QueryFromJsonl(row, defaults);
  if (!rq.ok()) {
    out.error = rq.status().message();
    return;
  }
  ScreenResult r = engine.Screen(rq->query);
  auto dump = [](const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); };
  // Built by hand to keep the documented key order (row, line, id, query, results).
  std::string& o = out.output;
  o = fmt::format("{{\"row\":{},\"line\":{},\"id\":{},\"query\":{},\"results\":[", row.number,
                  row.line, dump(rq->id), dump(QueryToJson(rq->query)));
  for (size_t i = 0; i < r.hits.size(); ++i) {
    if (r.hits[i].match) out.matched = true;
    if (i > 0) o.push_back(',');
    o += dump(HitToJson(r.hits[i]));
  }
  o += "]}";
  out.results = r.hits.size();
  out.output.push_back('\n');
}

// Reads records from the stream: physical lines, joined while a CSV quote is open.
class RecordReader {
 public:
  RecordReader(std::istream& in, bool csv, size_t max_bytes)
      : in_(in), csv_(csv), max_bytes_(max_bytes) {}

  // Next non-blank record; false at end of input. A record longer than max_bytes (usually
  // a quote left open) is returned with `overflow` set, holding only its first line; reading
  // resumes on the line after it.
  bool Next(Row& row, bool& overflow) {
    overflow = false;
    std::string line;
    while (true) {
      if (!pending_.empty()) {
        line = std::move(pending_.front().second);
        row.line = pending_.front().first;
        pending_.erase(pending_.begin());
      } else {
        if (!std::getline(in_, line)) return false;
        bytes_ += line.size() + 1;
        row.line = ++line_;
      }
      if (row.line == 1 && line.substr(0, 3) == "\xEF\xBB\xBF") line.erase(0, 3);
      if (line.find_first_not_of(" \t\r") != std::string::npos) break;
    }
    row.text = std::move(line);
    if (!csv_ || QuotesBalanced(row.text)) return true;
    // A quoted field spans lines: keep reading until the quotes balance.
    std::vector<std::pair<size_t, std::string>> taken;
    std::string next;
    std::string joined = row.text;
    while (true) {
      size_t l;
      if (!pending_.empty()) {
        l = pending_.front().first;
        next = std::move(pending_.front().second);
        pending_.erase(pending_.begin());
      } else {
        if (!std::getline(in_, next)) break;
        bytes_ += next.size() + 1;
        l = ++line_;
      }
      taken.emplace_back(l, next);
      joined += '\n';
      joined += next;
      if (QuotesBalanced(joined)) {
        row.text = std::move(joined);
        return true;
      }
      if (joined.size() > max_bytes_) break;
    }
    // Unbalanced to the end (or too long): report the first line, re-read the others.
    overflow = true;
    pending_.insert(pending_.begin(), taken.begin(), taken.end());
    return true;
  }

  uint64_t bytes_read() const { return bytes_; }

 private:
  static bool QuotesBalanced(std::string_view s) {
    return std::count(s.begin(), s.end(), '"') % 2 == 0;
  }

  std::istream& in_;
  bool csv_;
  size_t max_bytes_;
  size_t line_ = 0;
  uint64_t bytes_ = 0;
  std::vector<std::pair<size_t, std::string>> pending_;
};

std::string FormatDuration(double seconds) {
  if (seconds < 0 || seconds > 1e7) return "?";
  auto s = static_cast<long>(seconds + 0.5);
  return s >= 3600 ? fmt::format("{}:{:02}:{:02}", s / 3600, (s / 60) % 60, s % 60)
                   : fmt::format("{}:{:02}", s / 60, s % 60);
}

void DrawProgress(std::ostream& err, const BatchSummary& s, uint64_t bytes, int64_t total,
                  double elapsed) {
  double rate = elapsed > 0 ? static_cast<double>(s.rows) / elapsed : 0.0;
  std::string line;
  if (total > 0) {
    double frac = std::min(1.0, static_cast<double>(bytes) / static_cast<double>(total));
    constexpr int kWidth = 30;
    int filled = static_cast<int>(frac * kWidth);
    double eta = frac > 0 ? elapsed * (1.0 - frac) / frac : -1.0;
    line = fmt::format("\r[{}{}] {:5.1f}% {} rows  {:.0f} rows/s  ETA {}  ",
                       std::string(static_cast<size_t>(filled), '#'),
                       std::string(static_cast<size_t>(kWidth - filled), ' '), frac * 100.0, s.rows,
                       rate, FormatDuration(eta));
  } else {
    line = fmt::format("\r{} rows  {:.0f} rows/s  {}  ", s.rows, rate, FormatDuration(elapsed));
  }
  err << line << std::flush;
}

}  // namespace

Result<BatchSummary> ScreenBatch(const Engine& engine, std::istream& in,
                                 std::string_view input_name, BatchFormat format, std::ostream& out,
                                 const Query& defaults, const BatchOptions& options,
                                 std::ostream& err) {
  const auto start = Clock::now();
  BatchSummary summary;
  const bool csv = format == BatchFormat::kCsv;
  RecordReader reader(in, csv, options.max_row_bytes);
  CsvColumns cols;
  if (csv) {
    Row header;
    bool overflow = false;
    if (!reader.Next(header, overflow)) {
      return Status::InvalidArgument(
          fmt::format("{}: empty input (expected a header)", input_name));
    }
    std::vector<std::string> fields;
    std::string error;
    if (overflow || !SplitCsvRecord(header.text, fields, error)) {
      return Status::InvalidArgument(
          fmt::format("{}:{}: header: {}", input_name, header.line,
                      overflow ? std::string("unterminated quote") : error));
    }
    cols = ColumnsOf(fields);
    if (cols.name == CsvColumns::kNone && cols.first == CsvColumns::kNone &&
        cols.last == CsvColumns::kNone) {
      return Status::InvalidArgument(
          fmt::format("{}:{}: header has no name column (name, full_name, or "
                      "first_name/last_name)",
                      input_name, header.line));
    }
  }
  size_t threads = options.threads;
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  const size_t chunk = std::max<size_t>(1, options.chunk_rows);

  // Reads up to `chunk` records; overflowing records become immediate errors.
  auto read_chunk = [&](std::vector<Row>& rows, std::vector<std::string>& errors) {
    rows.clear();
    errors.clear();
    while (rows.size() < chunk) {
      Row r;
      bool overflow = false;
      if (!reader.Next(r, overflow)) break;
      r.number = ++summary.rows;
      if (overflow) {
        errors.push_back(
            fmt::format("{}:{}: row {}: unterminated quote or row longer than {} "
                        "bytes; skipped",
                        input_name, r.line, r.number, options.max_row_bytes));
        r.text.clear();
        r.line = 0;  // marks the row as already failed
      }
      rows.push_back(std::move(r));
    }
  };

  std::vector<Row> current, next;
  std::vector<std::string> current_errors, next_errors;
  read_chunk(current, current_errors);
  std::vector<RowResult> results;
  auto last_draw = Clock::now();
  while (!current.empty()) {
    results.assign(current.size(), RowResult{});
    std::atomic<size_t> cursor{0};
    auto work = [&] {
      while (true) {
        size_t i = cursor.fetch_add(1, std::memory_order_relaxed);
        if (i >= current.size()) return;
        if (current[i].line == 0) continue;
        ScreenRow(engine, current[i], format, cols, defaults, results[i]);
      }
    };
    std::vector<std::thread> pool;
    pool.reserve(threads);
    for (size_t t = 0; t < threads; ++t) pool.emplace_back(work);
    read_chunk(next, next_errors);  // overlaps with screening
    for (auto& t : pool) t.join();

    size_t overflow_idx = 0;
    for (size_t i = 0; i < current.size(); ++i) {
      const Row& row = current[i];
      RowResult& r = results[i];
      if (row.line == 0) {
        if (overflow_idx < current_errors.size()) err << current_errors[overflow_idx++] << "\n";
        ++summary.errors;
        continue;
      }
      if (!r.error.empty()) {
        err << fmt::format("{}:{}: row {}: {}; skipped\n", input_name, row.line, row.number,
                           r.error);
        ++summary.errors;
        continue;
      }
      out << r.output;
      ++summary.screened;
      summary.results += r.results;
      if (r.matched) ++summary.matched_rows;
    }
    if (!out) return Status::IoError("batch output: write failed");
    if (options.progress) {
      auto now = Clock::now();
      if (now - last_draw > std::chrono::milliseconds(250) || next.empty()) {
        last_draw = now;
        DrawProgress(err, summary, reader.bytes_read(), options.total_bytes,
                     std::chrono::duration<double>(now - start).count());
      }
    }
    std::swap(current, next);
    std::swap(current_errors, next_errors);
  }
  if (options.progress) err << "\n";
  out.flush();
  if (!out) return Status::IoError("batch output: write failed");
  summary.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  return summary;
}

std::string FormatBatchSummary(const BatchSummary& s) {
  double rate = s.seconds > 0 ? static_cast<double>(s.rows) / s.seconds : 0.0;
  return fmt::format(
      "{} rows screened in {:.2f} s ({:.0f} rows/s): {} rows with matches, {} results, {} bad "
      "rows skipped",
      s.screened, s.seconds, rate, s.matched_rows, s.results, s.errors);
}

}  // namespace tamiz::screen
