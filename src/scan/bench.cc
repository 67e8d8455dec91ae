#include "scan/bench.h"

#include <fmt/format.h>

#include <array>
#include <chrono>
#include <ctime>
#include <string>

#include "scan/document.h"
#include "scan/mentions.h"
#include "scan/scan.h"

namespace tamiz::scan {

namespace {

using Clock = std::chrono::steady_clock;

double Seconds(Clock::time_point a, Clock::time_point b) {
  return std::chrono::duration<double>(b - a).count();
}

// CPU time of this thread: the per-core cost, unaffected by other processes on the machine.
double CpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

// Sentences written for this benchmark; {} is replaced by a name.
constexpr std::array<std::string_view, 12> kSentences = {
    "Officials in the capital said on Tuesday that {} had met with the delegation twice.",
    "The ministry declined to comment on the report, which cited three unnamed sources.",
    "According to court filings, {} transferred funds through several shell companies.",
    "Prices of crude oil rose for the third consecutive week as supply tightened.",
    "Analysts expect the central bank to keep interest rates unchanged next month.",
    "{} denied any wrongdoing and said the accusations were politically motivated.",
    "The port authority announced new inspections of cargo arriving from the south.",
    "Prosecutors accuse the group of money laundering and drug trafficking since 2015.",
    "A spokesman for the company said the contract had been awarded in an open tender.",
    "Residents of the northern districts reported power cuts lasting several hours.",
    "The Treasury Department imposed sanctions on the network and its front companies.",
    "In a statement, {} thanked the voters and promised to fight corruption."};

constexpr std::array<std::string_view, 8> kUnlisted = {
    "Margaret Ellison", "Roberto Quintana", "Helen Park",      "Thomas Whitfield",
    "Lucia Ferreira",   "Daniel Okafor",    "Sofia Lindqvist", "Peter Novak"};

}  // namespace

std::string GenerateBenchText(const index::Snapshot& snapshot, size_t bytes) {
  std::vector<std::string> listed;
  for (const auto& e : snapshot.entities()) {
    if (e.schema != Schema::kPerson || e.names.empty()) continue;
    const std::string& full = e.names.front().full;
    size_t comma = full.find(',');
    if (comma == std::string::npos) continue;
    std::string natural =
        full.substr(comma + 2 <= full.size() ? comma + 2 : comma + 1) + " " + full.substr(0, comma);
    listed.push_back(natural);
    if (listed.size() >= 200) break;
  }
  std::string out;
  out.reserve(bytes + 256);
  size_t k = 0, p = 0, l = 0;
  while (out.size() < bytes) {
    std::string_view s = kSentences[k % kSentences.size()];
    size_t brace = s.find("{}");
    if (brace == std::string_view::npos) {
      out += s;
    } else {
      out += s.substr(0, brace);
      // One name in ten is a listed one.
      if (!listed.empty() && (p % 10) == 0) {
        out += listed[l++ % listed.size()];
      } else {
        out += kUnlisted[p % kUnlisted.size()];
      }
      ++p;
      out += s.substr(brace + 2);
    }
    ++k;
    out += (k % 5 == 0) ? "\n\n" : " ";
  }
  return out;
}

Result<nlohmann::json> RunScanBenchmark(const index::Snapshot& snapshot, size_t megabytes) {
  if (megabytes == 0 || megabytes > 4096) {
    return Status::InvalidArgument("bench scan: megabytes must be in [1, 4096]");
  }
  nlohmann::json out;
  auto t0 = Clock::now();
  auto idx = MentionIndex::Build(snapshot);
  auto t1 = Clock::now();
  (void)MentionIndex::For(snapshot);
  const std::string text = GenerateBenchText(snapshot, megabytes << 20);
  const double mb = static_cast<double>(text.size()) / (1 << 20);

  // Full scan in 8 MB chunks, paragraph-aligned, as `tamiz scan` does on large files.
  ScanOptions opts;
  Scanner scanner(snapshot, opts);
  scanner.KeepOccurrences(false);
  size_t output_bytes = 0;
  size_t mentions = 0, persons = 0;
  const double c2 = CpuSeconds();
  auto t2 = Clock::now();
  constexpr size_t kChunk = size_t{8} << 20;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = std::min(text.size(), pos + kChunk);
    if (end < text.size()) {
      size_t cut = text.rfind("\n\n", end);
      if (cut != std::string::npos && cut > pos) end = cut + 2;
    }
    // Output is serialized as `tamiz scan --json` streams it, so its cost is measured too.
    const ChunkResult r = scanner.Add(std::string_view(text).substr(pos, end - pos), pos);
    std::string serialized;
    for (const auto& m : r.mentions) AppendJson(serialized, m);
    for (const auto& p : r.persons) AppendJson(serialized, p);
    output_bytes += serialized.size();
    mentions += r.mentions.size();
    persons += r.persons.size();
    pos = end;
  }
  auto t3 = Clock::now();
  const double c3 = CpuSeconds();
  const nlohmann::json result = scanner.Finish();

  // Mention automaton alone, and the naive scan, on the same slice.
  const std::string_view slice =
      std::string_view(text).substr(0, std::min<size_t>(text.size(), 64 << 10));
  const double slice_mb = static_cast<double>(slice.size()) / (1 << 20);
  const Document doc = AnalyzeDocument(slice);
  MentionOptions mo;
  const double c4 = CpuSeconds();
  auto t4 = Clock::now();
  size_t fast = 0;
  const int reps = 8;
  for (int r = 0; r < reps; ++r) {
    const Document d = AnalyzeDocument(slice);
    fast += FindMentions(snapshot, *idx, d, mo).size();
  }
  auto t5 = Clock::now();
  const double c5 = CpuSeconds();
  const size_t naive = CountMentionsNaive(snapshot, *idx, doc);
  auto t6 = Clock::now();
  const double c6 = CpuSeconds();

  out["megabytes"] = mb;
  out["index_build_s"] = Seconds(t0, t1);
  out["patterns"] = idx->size();
  out["scan_s"] = Seconds(t2, t3);
  out["scan_mb_per_s"] = mb / Seconds(t2, t3);
  out["scan_mb_per_cpu_s"] = mb / (c3 - c2);
  out["mentions"] = mentions;
  out["persons"] = persons;
  out["output_bytes"] = output_bytes;
  out["topics"] = result["topics"].size();
  out["slice_mb"] = slice_mb;
  out["mentions_mb_per_s"] = slice_mb * reps / Seconds(t4, t5);
  out["mentions_mb_per_cpu_s"] = slice_mb * reps / (c5 - c4);
  out["naive_mb_per_cpu_s"] = slice_mb / (c6 - c5);
  out["mentions_in_slice"] = fast / reps;
  out["naive_mb_per_s"] = slice_mb / Seconds(t5, t6);
  out["naive_matches_in_slice"] = naive;
  out["speedup_vs_naive"] = (c6 - c5) / ((c5 - c4) / reps);  // CPU time per byte, naive / fast
  return out;
}

}  // namespace tamiz::scan
