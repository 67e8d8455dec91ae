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

// Analysis of one name; the Han and Hangul names (invented, one trade word each among others
// of the same script) take the step that sets trade words apart in scripts without spaces.
void BM_Analyze(benchmark::State& state, const char* name, tamiz::text::NameType type) {
  for (auto _ : state) benchmark::DoNotOptimize(tamiz::text::AnalyzeName(name, type));
}
BENCHMARK_CAPTURE(BM_Analyze, Person, "EL AISSAMI MADDAH, Tareck Zaidan",
                  tamiz::text::NameType::kPerson);
BENCHMARK_CAPTURE(BM_Analyze, Company, "Guangzhou Lixing Cosmetics Co., Ltd.",
                  tamiz::text::NameType::kOrganization);
BENCHMARK_CAPTURE(BM_Analyze, HanCompany, "廣州市立興遠洋海産物貿易有限公司",
                  tamiz::text::NameType::kOrganization);
BENCHMARK_CAPTURE(BM_Analyze, HangulCompany, "새벽별한강건축자재물류",
                  tamiz::text::NameType::kOrganization);

}  // namespace

BENCHMARK_MAIN();
