// Scanning micro-benchmarks with every bundled list loaded: the full scan (mentions, persons,
// topics), the mention automaton alone, and the naive reference (every listed form searched
// in the text) on the same generated text. Bytes per second are reported by Google Benchmark.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <memory>

#include "scan/bench.h"
#include "scan/document.h"
#include "scan/mentions.h"
#include "scan/scan.h"
#include "tamiz/engine.h"

namespace {

using tamiz::index::Snapshot;

const Snapshot& Bundled() {
  static std::shared_ptr<const Snapshot> snap = [] {
    tamiz::EngineOptions o;
    o.data_dir = tamiz::DefaultDataDir();
    auto engine = tamiz::Engine::Open(o);
    if (!engine.ok()) std::abort();
    return engine.value()->snapshot();
  }();
  return *snap;
}

const std::string& Text(size_t bytes) {
  static std::string text = tamiz::scan::GenerateBenchText(Bundled(), 1 << 20);
  static std::string small = text.substr(0, 64 << 10);
  return bytes >= (size_t{1} << 20) ? text : small;
}

void BM_ScanFull(benchmark::State& state) {
  const std::string& text = Text(1 << 20);
  for (auto _ : state) {
    tamiz::scan::Scanner s(Bundled(), {});
    s.KeepOccurrences(false);
    auto r = s.Add(text, 0);
    std::string out;
    for (const auto& m : r.mentions) tamiz::scan::AppendJson(out, m);
    for (const auto& p : r.persons) tamiz::scan::AppendJson(out, p);
    benchmark::DoNotOptimize(out);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(text.size()));
}
BENCHMARK(BM_ScanFull)->Unit(benchmark::kMillisecond);

void BM_ScanMentionsOnly(benchmark::State& state) {
  const std::string& text = Text(1 << 20);
  auto idx = tamiz::scan::MentionIndex::For(Bundled());
  tamiz::scan::MentionOptions mo;
  for (auto _ : state) {
    const auto doc = tamiz::scan::AnalyzeDocument(text);
    benchmark::DoNotOptimize(tamiz::scan::FindMentions(Bundled(), *idx, doc, mo));
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(text.size()));
}
BENCHMARK(BM_ScanMentionsOnly)->Unit(benchmark::kMillisecond);

void BM_ScanNaive(benchmark::State& state) {
  const std::string& text = Text(64 << 10);
  auto idx = tamiz::scan::MentionIndex::For(Bundled());
  const auto doc = tamiz::scan::AnalyzeDocument(text);
  for (auto _ : state) {
    benchmark::DoNotOptimize(tamiz::scan::CountMentionsNaive(Bundled(), *idx, doc));
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(text.size()));
}
BENCHMARK(BM_ScanNaive)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
