#include "match/eval.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cmath>

#include "index/match_data.h"
#include "match/score.h"
#include "screen/query_parse.h"
#include "util/csv.h"
#include "util/file_io.h"

namespace tamiz::match {

namespace {

int Column(const std::vector<std::string>& header, std::string_view name) {
  for (size_t i = 0; i < header.size(); ++i) {
    if (header[i] == name) return static_cast<int>(i);
  }
  return -1;
}

std::string Field(const std::vector<std::string>& row, int col) {
  if (col < 0 || static_cast<size_t>(col) >= row.size()) return {};
  return row[static_cast<size_t>(col)];
}

text::NameType TypeOf(std::string_view schema) {
  auto s = ParseSchema(schema);
  if (!s) return text::NameType::kPerson;
  return index::NameTypeForSchema(*s);
}

bool ParseBool(std::string v) {
  for (char& c : v) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return v == "true" || v == "1" || v == "yes" || v == "t" || v == "y";
}

}  // namespace

Result<std::vector<PairRow>> ReadPairsCsv(const std::filesystem::path& path) {
  auto data = util::ReadFile(path);
  if (!data.ok()) return data.status();
  const std::string fname = path.filename().string();
  util::CsvReader csv(fname, *data);
  std::vector<std::string> fields;
  if (!csv.Next(fields)) {
    return Status::DataError(fmt::format("{}: empty file or unreadable header", fname));
  }
  auto header = util::NormalizeHeader(fields);
  int schema = Column(header, "schema"), n1 = Column(header, "name1"), n2 = Column(header, "name2"),
      label = Column(header, "is_match");
  bool all_true = false;
  if (n1 < 0 || n2 < 0 || label < 0) {
    n1 = Column(header, "query");
    n2 = Column(header, "index");
    all_true = true;
    if (n1 < 0 || n2 < 0) {
      return Status::DataError(fmt::format(
          "{}:1: header must contain schema,name1,name2,is_match (or query,index)", fname));
    }
  }
  const int category = Column(header, "category"), score = Column(header, "score");
  std::vector<PairRow> rows;
  while (csv.Next(fields)) {
    PairRow r;
    r.line = csv.record_line();
    r.type = TypeOf(Field(fields, schema));
    r.name1 = Field(fields, n1);
    r.name2 = Field(fields, n2);
    r.is_match = all_true || ParseBool(Field(fields, label));
    r.category = Field(fields, category);
    if (std::string sc = Field(fields, score); !sc.empty()) {
      char* end = nullptr;
      double v = std::strtod(sc.c_str(), &end);
      if (end != sc.c_str()) r.reference = v;
    }
    if (r.name1.empty() && r.name2.empty()) continue;
    rows.push_back(std::move(r));
  }
  if (!csv.status().ok()) return csv.status();
  return rows;
}

double ScorePair(const index::Snapshot* snapshot, const PairRow& row) {
  double best = 0.0;
  for (const auto& a : text::NameVariants(row.name1)) {
    for (const auto& b : text::NameVariants(row.name2)) {
      auto x = text::AnalyzeName(a, row.type);
      auto y = text::AnalyzeName(b, row.type);
      if (snapshot != nullptr) {
        snapshot->match_data().ApplyWeights(x);
        snapshot->match_data().ApplyWeights(y);
      } else {
        for (auto& t : x.tokens) t.weight = t.factor;
        for (auto& t : y.tokens) t.weight = t.factor;
      }
      best = std::max(best, SymmetricNameScore(x, y));
    }
  }
  return best;
}

PairMetrics EvaluatePairScores(const std::vector<PairRow>& rows, const std::vector<double>& scores,
                               double threshold) {
  PairMetrics m;
  m.n = rows.size();
  m.threshold = threshold;
  auto at = [&](double t, double& p, double& r, double& f) {
    size_t tp = 0, fp = 0, fn = 0;
    for (size_t i = 0; i < rows.size(); ++i) {
      const bool pred = scores[i] >= t;
      if (pred && rows[i].is_match) ++tp;
      if (pred && !rows[i].is_match) ++fp;
      if (!pred && rows[i].is_match) ++fn;
    }
    p = tp + fp > 0 ? static_cast<double>(tp) / static_cast<double>(tp + fp) : 1.0;
    r = tp + fn > 0 ? static_cast<double>(tp) / static_cast<double>(tp + fn) : 1.0;
    f = p + r > 0 ? 2 * p * r / (p + r) : 0.0;
  };
  at(threshold, m.precision, m.recall, m.f1);
  for (int k = 0; k <= 200; ++k) {
    double t = k * 0.005, p, r, f;
    at(t, p, r, f);
    if (f > m.best_f1) {
      m.best_f1 = f;
      m.best_threshold = t;
    }
  }
  double sum = 0;
  size_t pos = 0;
  for (size_t i = 0; i < rows.size(); ++i) {
    if (rows[i].is_match) {
      sum += scores[i];
      ++pos;
    }
  }
  m.mean_score = pos > 0 ? sum / static_cast<double>(pos) : 0;
  return m;
}

Result<std::vector<RetrievalRow>> ReadRetrievalCsv(const std::filesystem::path& path) {
  auto data = util::ReadFile(path);
  if (!data.ok()) return data.status();
  const std::string fname = path.filename().string();
  util::CsvReader csv(fname, *data);
  std::vector<std::string> fields;
  if (!csv.Next(fields)) {
    return Status::DataError(fmt::format("{}: empty file or unreadable header", fname));
  }
  auto header = util::NormalizeHeader(fields);
  int name = Column(header, "full_name");
  if (name < 0) name = Column(header, "name");
  if (name < 0) {
    return Status::DataError(fmt::format("{}:1: header must contain full_name or name", fname));
  }
  const int schema = Column(header, "schema"), dob = Column(header, "date_of_birth"),
            nat = Column(header, "nationality"), gender = Column(header, "gender"),
            expected = Column(header, "expected_id");
  std::vector<RetrievalRow> rows;
  while (csv.Next(fields)) {
    RetrievalRow r{Field(fields, name), Field(fields, schema), Field(fields, dob),
                   Field(fields, nat),  Field(fields, gender), Field(fields, expected)};
    if (r.name.empty()) continue;
    rows.push_back(std::move(r));
  }
  if (!csv.status().ok()) return csv.status();
  return rows;
}

RetrievalMetrics EvaluateRetrieval(const Engine& engine, const std::vector<RetrievalRow>& rows,
                                   double threshold) {
  RetrievalMetrics m;
  m.n = rows.size();
  size_t at1 = 0, at10 = 0, negatives = 0, alerts = 0;
  std::vector<double> micros;
  micros.reserve(rows.size());
  for (const auto& r : rows) {
    Query q;
    q.names.push_back(r.name);
    q.threshold = threshold;
    q.limit = 10;
    if (auto s = ParseSchema(r.schema); s) q.schema = *s;
    if (!r.dob.empty()) {
      if (auto d = screen::ParseQueryDate(r.dob); d.ok()) q.birth_dates.push_back(*d);
    }
    if (!r.nationality.empty()) q.countries.push_back(r.nationality);
    if (r.gender == "male" || r.gender == "female") q.gender = r.gender;
    auto t0 = std::chrono::steady_clock::now();
    ScreenResult res = engine.Screen(q);
    auto t1 = std::chrono::steady_clock::now();
    micros.push_back(std::chrono::duration<double, std::micro>(t1 - t0).count());
    if (r.expected_id.empty()) {
      ++negatives;
      bool any =
          std::any_of(res.hits.begin(), res.hits.end(), [](const Hit& h) { return h.match; });
      if (any) ++alerts;
      continue;
    }
    ++m.with_expected;
    bool found1 = false, found10 = false;
    for (size_t i = 0; i < res.hits.size(); ++i) {
      if (res.hits[i].entity->id == r.expected_id && res.hits[i].match) {
        found10 = true;
        found1 = i == 0;
        // Equal scores for the same record listed twice count as rank 1.
        if (!found1 && res.hits[i].score >= res.hits[0].score) found1 = true;
        break;
      }
    }
    at1 += found1 ? 1 : 0;
    at10 += found10 ? 1 : 0;
    if (!found1 && m.misses.size() < 50) {
      m.misses.push_back(fmt::format("{} -> {} (top: {} {:.3f})", r.name, r.expected_id,
                                     res.hits.empty() ? "none" : res.hits[0].entity->id,
                                     res.hits.empty() ? 0.0 : res.hits[0].score));
    }
  }
  if (m.with_expected > 0) {
    m.recall_at_1 = static_cast<double>(at1) / static_cast<double>(m.with_expected);
    m.recall_at_10 = static_cast<double>(at10) / static_cast<double>(m.with_expected);
  }
  m.alert_rate = negatives > 0 ? static_cast<double>(alerts) / static_cast<double>(negatives) : 0;
  if (!micros.empty()) {
    std::nth_element(micros.begin(),
                     micros.begin() + static_cast<std::ptrdiff_t>(micros.size() / 2), micros.end());
    m.p50_us = micros[micros.size() / 2];
  }
  return m;
}

}  // namespace tamiz::match
