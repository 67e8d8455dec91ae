// Scoring kernel throughput: token edit similarity and whole-name alignment (prepared names).
#include <benchmark/benchmark.h>

#include "match/score.h"
#include "match/similarity.h"
#include "text/analyze.h"

namespace {

using tamiz::text::AnalyzeName;
using tamiz::text::NameType;

void BM_EditSimilarity(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(tamiz::match::EditSimilarity("aissami", "aisami"));
}
BENCHMARK(BM_EditSimilarity);

void BM_EditSimilarityRejected(benchmark::State& state) {
  for (auto _ : state) {
    benchmark::DoNotOptimize(tamiz::match::EditSimilarityAtLeast("dominguez", "jimenez", 0.75));
  }
}
BENCHMARK(BM_EditSimilarityRejected);

void BM_ScorePersonNames(benchmark::State& state) {
  auto q = AnalyzeName("Tareck El-Aissami", NameType::kPerson);
  auto c = AnalyzeName("EL AISSAMI MADDAH, Tareck Zaidan", NameType::kPerson);
  for (auto _ : state) benchmark::DoNotOptimize(tamiz::match::ScoreNames(q, c));
}
BENCHMARK(BM_ScorePersonNames);

void BM_ScoreUnrelatedNames(benchmark::State& state) {
  auto q = AnalyzeName("Tareck El-Aissami", NameType::kPerson);
  auto c = AnalyzeName("RUBIO GONZALEZ, Emmanuel Enrique", NameType::kPerson);
  for (auto _ : state) benchmark::DoNotOptimize(tamiz::match::ScoreNames(q, c));
}
BENCHMARK(BM_ScoreUnrelatedNames);

void BM_ScoreCompanyNames(benchmark::State& state) {
  auto q = AnalyzeName("Guangzhou Lixing Cosmetics Co., Ltd.", NameType::kOrganization);
  auto c = AnalyzeName("Guangzhou Lixin Cosmetics Company Limited", NameType::kOrganization);
  for (auto _ : state) benchmark::DoNotOptimize(tamiz::match::ScoreNames(q, c));
}
BENCHMARK(BM_ScoreCompanyNames);

}  // namespace

BENCHMARK_MAIN();
