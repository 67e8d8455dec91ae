// Accuracy measurement on labelled data (`tamiz eval`): name-pair classification and
// retrieval of listed entities for query records. Not thread-safe per call (a caller runs one
// evaluation at a time); reads snapshots only.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "index/snapshot.h"
#include "tamiz/engine.h"
#include "tamiz/status.h"
#include "text/analyze.h"

namespace tamiz::match {

struct PairRow {
  text::NameType type = text::NameType::kPerson;
  std::string name1, name2;
  bool is_match = true;
  std::string category;             // optional `category` column
  std::optional<double> reference;  // optional `score` column (another engine's score)
  size_t line = 0;
};

// Reads a pairs CSV whose header has `schema,name1,name2,is_match` (other columns ignored),
// or `query,index` (watchman_algorithm_comparison.csv: every row a true pair, schema Person).
// kDataError naming the file when neither header is present or a row is malformed.
Result<std::vector<PairRow>> ReadPairsCsv(const std::filesystem::path& path);

// Symmetric similarity of the two names of a row: the best over their variants
// (text::NameVariants) of SymmetricNameScore, token weights from `snapshot` when given
// (IDF of the loaded lists), else uniform.
double ScorePair(const index::Snapshot* snapshot, const PairRow& row);

struct PairMetrics {
  size_t n = 0;
  double threshold = 0, precision = 0, recall = 0, f1 = 0;
  double best_threshold = 0, best_f1 = 0;
  double mean_score = 0;  // mean over true pairs
};

// Classification metrics of `scores` against the labels at `threshold`, plus the threshold
// (on a 0.005 grid) that maximizes F1.
PairMetrics EvaluatePairScores(const std::vector<PairRow>& rows, const std::vector<double>& scores,
                               double threshold);

struct RetrievalRow {
  std::string name;
  std::string schema;
  std::string dob;
  std::string nationality;
  std::string gender;
  std::string expected_id;
};

// Reads a retrieval queries CSV: `full_name` (or `name`), optional `schema`,
// `date_of_birth`, `nationality`, `gender`, `expected_id`.
Result<std::vector<RetrievalRow>> ReadRetrievalCsv(const std::filesystem::path& path);

struct RetrievalMetrics {
  size_t n = 0, with_expected = 0;
  double recall_at_1 = 0, recall_at_10 = 0;
  double alert_rate = 0;  // rows without expected_id that raised any match
  double p50_us = 0;
  std::vector<std::string> misses;  // "name -> expected (got ...)", first 50
};

// Screens every row against `engine` (limit 10) and measures retrieval.
RetrievalMetrics EvaluateRetrieval(const Engine& engine, const std::vector<RetrievalRow>& rows,
                                   double threshold);

}  // namespace tamiz::match
