// Normalization and analysis throughput: ASCII fast path vs ICU transliteration.
#include <benchmark/benchmark.h>

#include "text/analyze.h"
#include "text/transliterate.h"

namespace {

void BM_FoldAscii(benchmark::State& state) {
  for (auto _ : state)
    benchmark::DoNotOptimize(tamiz::text::FoldToAscii("CABELLO RONDON, Diosdado"));
}
BENCHMARK(BM_FoldAscii);

void BM_FoldLatinDiacritics(benchmark::State& state) {
  for (auto _ : state)
    benchmark::DoNotOptimize(tamiz::text::FoldToAscii("CABELLO RONDÓN, Diosdado"));
}
BENCHMARK(BM_FoldLatinDiacritics);

void BM_FoldCyrillic(benchmark::State& state) {
  for (auto _ : state)
    benchmark::DoNotOptimize(tamiz::text::FoldToAscii("Олег Владимирович Дерипаска"));
}
BENCHMARK(BM_FoldCyrillic);

void BM_FoldArabic(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(tamiz::text::FoldToAscii("محمد العيسمي"));
}
BENCHMARK(BM_FoldArabic);

void BM_AnalyzePerson(benchmark::State& state) {
  for (auto _ : state) {
    benchmark::DoNotOptimize(tamiz::text::AnalyzeName("EL AISSAMI MADDAH, Tareck Zaidan",
                                                      tamiz::text::NameType::kPerson));
  }
}
BENCHMARK(BM_AnalyzePerson);

void BM_AnalyzeCompany(benchmark::State& state) {
  for (auto _ : state) {
    benchmark::DoNotOptimize(tamiz::text::AnalyzeName("Guangzhou Lixing Cosmetics Co., Ltd.",
                                                      tamiz::text::NameType::kOrganization));
  }
}
BENCHMARK(BM_AnalyzeCompany);

// Scripts without spaces between words: the trade words are found and set apart before
// romanization (invented names, one trade word each, among others of the same script).
void BM_AnalyzeHanCompany(benchmark::State& state) {
  for (auto _ : state) {
    benchmark::DoNotOptimize(tamiz::text::AnalyzeName("廣州市立興遠洋海産物貿易有限公司",
                                                      tamiz::text::NameType::kOrganization));
  }
}
BENCHMARK(BM_AnalyzeHanCompany);

void BM_AnalyzeHangulCompany(benchmark::State& state) {
  for (auto _ : state) {
    benchmark::DoNotOptimize(
        tamiz::text::AnalyzeName("새벽별한강건축자재물류", tamiz::text::NameType::kOrganization));
  }
}
BENCHMARK(BM_AnalyzeHangulCompany);

}  // namespace

BENCHMARK_MAIN();
