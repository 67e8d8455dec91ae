#include <fmt/format.h>

#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "index/match_data.h"
#include "index/snapshot.h"
#include "match/eval.h"
#include "match/score.h"

namespace tamiz::cli {

namespace {

struct EvalArgs {
  std::string file;
  std::string queries;
  double threshold = kDefaultThreshold;
  std::string scores_out;
  bool json = false;
  bool no_lists = false;
};

nlohmann::json MetricsJson(const match::PairMetrics& m) {
  return {{"n", m.n},
          {"threshold", m.threshold},
          {"precision", m.precision},
          {"recall", m.recall},
          {"f1", m.f1},
          {"best_threshold", m.best_threshold},
          {"best_f1", m.best_f1}};
}

int RunPairs(Context& ctx, const EvalArgs& a) {
  auto rows = match::ReadPairsCsv(a.file);
  if (!rows.ok()) return ReportError(rows.status());
  std::unique_ptr<Engine> engine;
  if (!a.no_lists) {
    engine = ctx.OpenEngine();
    if (!engine) return ctx.exit_code;
  }
  auto snap = engine ? engine->snapshot() : nullptr;
  std::vector<double> scores;
  scores.reserve(rows->size());
  for (const auto& r : *rows) scores.push_back(match::ScorePair(snap.get(), r));
  auto m = match::EvaluatePairScores(*rows, scores, a.threshold);
  nlohmann::json out = MetricsJson(m);
  out["mean_score_true_pairs"] = m.mean_score;
  // Another engine's scores in the file (`score` column): its best F1 for comparison.
  std::vector<double> ref;
  for (const auto& r : *rows) {
    if (r.reference) ref.push_back(*r.reference);
  }
  if (!ref.empty() && ref.size() == rows->size()) {
    auto rm = match::EvaluatePairScores(*rows, ref, a.threshold);
    out["reference"] = {{"best_threshold", rm.best_threshold}, {"best_f1", rm.best_f1}};
  }
  std::map<std::string, std::pair<int, int>> by_cat;  // category -> (errors, total)
  for (size_t i = 0; i < rows->size(); ++i) {
    const auto& r = (*rows)[i];
    if (r.category.empty()) continue;
    auto& c = by_cat[r.category];
    ++c.second;
    if ((scores[i] >= a.threshold) != r.is_match) ++c.first;
  }
  if (!by_cat.empty()) {
    nlohmann::json cats = nlohmann::json::object();
    for (const auto& [k, v] : by_cat) {
      if (v.first > 0) cats[k] = fmt::format("{}/{}", v.first, v.second);
    }
    out["errors_by_category"] = cats;
  }
  if (!a.scores_out.empty()) {
    std::ofstream f(a.scores_out);
    if (!f) return ReportError(Status::IoError("cannot write " + a.scores_out));
    f << "line,name1,name2,is_match,score\n";
    for (size_t i = 0; i < rows->size(); ++i) {
      const auto& r = (*rows)[i];
      auto q = [](const std::string& s) {
        std::string o = "\"";
        for (char c : s) o += c == '"' ? std::string("\"\"") : std::string(1, c);
        return o + "\"";
      };
      f << r.line << ',' << q(r.name1) << ',' << q(r.name2) << ','
        << (r.is_match ? "true" : "false") << ',' << fmt::format("{:.4f}", scores[i]) << '\n';
    }
  }
  if (a.json) {
    std::cout << out.dump(2) << "\n";
  } else {
    fmt::print("pairs {}  threshold {:.3f}  precision {:.4f}  recall {:.4f}  f1 {:.4f}\n", m.n,
               m.threshold, m.precision, m.recall, m.f1);
    fmt::print("best threshold {:.3f}  best f1 {:.4f}  mean score of true pairs {:.4f}\n",
               m.best_threshold, m.best_f1, m.mean_score);
    if (out.contains("reference")) {
      fmt::print("reference scores: best threshold {:.3f}  best f1 {:.4f}\n",
                 out["reference"]["best_threshold"].get<double>(),
                 out["reference"]["best_f1"].get<double>());
    }
    if (out.contains("errors_by_category")) {
      for (const auto& [k, v] : out["errors_by_category"].items()) {
        fmt::print("  errors {:<36} {}\n", k, v.get<std::string>());
      }
    }
  }
  return kExitOk;
}

int RunRetrieval(Context& ctx, const EvalArgs& a) {
  auto rows = match::ReadRetrievalCsv(a.queries);
  if (!rows.ok()) return ReportError(rows.status());
  auto engine = ctx.OpenEngine();
  if (!engine) return ctx.exit_code;
  auto m = match::EvaluateRetrieval(*engine, *rows, a.threshold);
  nlohmann::json out = {{"n", m.n},
                        {"with_expected", m.with_expected},
                        {"recall_at_1", m.recall_at_1},
                        {"recall_at_10", m.recall_at_10},
                        {"alert_rate", m.alert_rate},
                        {"p50_us", m.p50_us}};
  if (a.json) {
    out["misses"] = m.misses;
    std::cout << out.dump(2) << "\n";
  } else {
    fmt::print(
        "queries {}  with expected {}  recall@1 {:.4f}  recall@10 {:.4f}  alert rate "
        "{:.4f}  p50 {:.1f} us\n",
        m.n, m.with_expected, m.recall_at_1, m.recall_at_10, m.alert_rate, m.p50_us);
    for (const auto& s : m.misses) fmt::print("  miss: {}\n", s);
  }
  return kExitOk;
}

}  // namespace

void AddEvalCommand(CLI::App& app, Context& ctx) {
  static EvalArgs a;
  auto* cmd = app.add_subcommand("eval", "Measure accuracy on labelled data");
  cmd->require_subcommand(1);
  auto* pairs = cmd->add_subcommand("pairs", "Classify labelled name pairs (precision/recall/F1)");
  pairs->add_option("file", a.file, "CSV with schema,name1,name2,is_match (or query,index)")
      ->required();
  pairs->add_option("--threshold", a.threshold, "Decision threshold")->check(CLI::Range(0.0, 1.0));
  pairs->add_option("--scores-out", a.scores_out, "Write every pair's score to this CSV");
  pairs->add_flag("--json", a.json, "Print JSON");
  pairs->add_flag("--no-lists", a.no_lists, "Uniform token weights (do not load the lists)");
  pairs->callback([&ctx] { ctx.exit_code = RunPairs(ctx, a); });
  static std::string ca, cb, cschema;
  auto* cmp = cmd->add_subcommand("compare", "Explain how two names are analysed and scored");
  cmp->add_option("name1", ca)->required();
  cmp->add_option("name2", cb)->required();
  cmp->add_option("--schema", cschema, "Person (default), Company, Vessel, ...");
  cmp->callback([&ctx] {
    match::PairRow row;
    row.name1 = ca;
    row.name2 = cb;
    if (auto s = ParseSchema(cschema); s) row.type = index::NameTypeForSchema(*s);
    auto engine = ctx.OpenEngine();
    if (!engine) return;
    auto snap = engine->snapshot();
    for (const auto& n : {ca, cb}) {
      auto an = text::AnalyzeName(n, row.type);
      snap->match_data().ApplyWeights(an);
      fmt::print("'{}' [{}]:", n, an.legal_class);
      for (const auto& t : an.tokens) {
        fmt::print(" {}(key {}, skel {}, w {:.2f}, f {:x})", t.text, t.key, t.skel, t.weight,
                   t.flags);
      }
      fmt::print("\n");
    }
    auto x = text::AnalyzeName(ca, row.type), y = text::AnalyzeName(cb, row.type);
    snap->match_data().ApplyWeights(x);
    snap->match_data().ApplyWeights(y);
    std::string e1, e2;
    auto s1 = match::ScoreNames(x, y, &e1), s2 = match::ScoreNames(y, x, &e2);
    fmt::print("1->2 {:.4f} (qcov {:.3f} ccov {:.3f}) {}\n", s1.score, s1.query_coverage,
               s1.candidate_coverage, e1);
    fmt::print("2->1 {:.4f} (qcov {:.3f} ccov {:.3f}) {}\n", s2.score, s2.query_coverage,
               s2.candidate_coverage, e2);
    fmt::print("pair score {:.4f}\n", match::ScorePair(snap.get(), row));
  });
  auto* retr = cmd->add_subcommand("retrieval", "Screen query records, measure recall/alerts");
  retr->add_option("--queries", a.queries, "CSV with full_name (or name) [, expected_id, ...]")
      ->required();
  retr->add_option("--threshold", a.threshold, "Decision threshold")->check(CLI::Range(0.0, 1.0));
  retr->add_flag("--json", a.json, "Print JSON");
  retr->callback([&ctx] { ctx.exit_code = RunRetrieval(ctx, a); });
}

}  // namespace tamiz::cli
