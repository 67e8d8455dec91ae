#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <set>

#include "cli/commands.h"
#include "scan/bench.h"
#include "scan/document.h"
#include "scan/scan.h"
#include "util/file_io.h"

namespace tamiz::cli {

namespace {

// Inputs larger than this are scanned in paragraph-aligned chunks of kChunkBytes.
constexpr size_t kChunkBytes = size_t{8} << 20;

struct ScanArgs {
  std::string input;
  bool json = false;
  bool html = false;
  bool payment = false;
  double threshold = kDefaultThreshold;
  size_t bench_mb = 0;
};

// Where to cut `buf` so that the head ends at a paragraph (else line, else sentence, else
// UTF-8 character) boundary. Returns buf.size() when `last` (no more input follows).
size_t ChunkCut(std::string_view buf, bool last) {
  if (last) return buf.size();
  size_t p = buf.rfind("\n\n");
  if (p != std::string_view::npos && p > buf.size() / 2) return p + 2;
  p = buf.rfind('\n');
  if (p != std::string_view::npos && p > buf.size() / 2) return p + 1;
  p = buf.rfind(". ");
  if (p != std::string_view::npos && p > buf.size() / 2) return p + 2;
  size_t cut = buf.size();
  while (cut > 0 && (static_cast<unsigned char>(buf[cut - 1]) & 0xC0) == 0x80) --cut;
  if (cut > 0 && static_cast<unsigned char>(buf[cut - 1]) >= 0xC0) --cut;
  return cut == 0 ? buf.size() : cut;
}

void PrintHighlighted(std::string_view text, size_t base,
                      const std::vector<scan::MentionOut>& mentions, bool color) {
  size_t pos = 0;
  for (const auto& m : mentions) {
    if (m.start < base) continue;
    const size_t s = m.start - base, e = m.end - base;
    if (s < pos || e > text.size()) continue;
    fmt::print("{}", text.substr(pos, s - pos));
    if (color) {
      fmt::print("\x1b[1;31m{}\x1b[0m", text.substr(s, e - s));
    } else {
      fmt::print("[[{}]]", text.substr(s, e - s));
    }
    pos = e;
  }
  fmt::print("{}", text.substr(pos));
}

// Distinct listed parties and unlisted people, gathered chunk by chunk.
struct Summary {
  std::map<std::string, std::pair<std::string, size_t>> listed;  // id -> caption, mentions
  std::set<std::string> unlisted;

  void Add(const scan::ChunkResult& chunk) {
    for (const auto& m : chunk.mentions) {
      auto& slot = listed[m.entity->id];
      slot.first = m.entity->caption;
      ++slot.second;
    }
    for (const auto& p : chunk.persons) {
      if (p.entity_id.empty()) unlisted.insert(p.name);
    }
  }
  void Add(const nlohmann::json& r) {
    for (const auto& m : r["mentions"]) {
      auto& slot = listed[m["entity"]["id"].get<std::string>()];
      slot.first = m["entity"]["caption"].get<std::string>();
      ++slot.second;
    }
    for (const auto& p : r["persons"]) {
      if (!p["listed"].get<bool>()) unlisted.insert(p["name"].get<std::string>());
    }
  }
};

void PrintSummary(const nlohmann::json& r, const Summary& sum) {
  fmt::print("\n\nLanguage: {}\n", r["language"].get<std::string>());
  fmt::print("Listed parties:\n");
  if (sum.listed.empty()) fmt::print("  (none)\n");
  for (const auto& [id, v] : sum.listed) {
    fmt::print("  {:<22} {}  ({} mentions)\n", id, v.first, v.second);
  }
  fmt::print("Unlisted people:\n");
  if (sum.unlisted.empty()) fmt::print("  (none)\n");
  for (const auto& p : sum.unlisted) fmt::print("  {}\n", p);
  fmt::print("Topics:\n");
  if (r["topics"].empty()) fmt::print("  (none)\n");
  for (const auto& t : r["topics"]) {
    fmt::print("  {:<18} {:.2f}  ({} evidence sentences", t["topic"].get<std::string>(),
               t["score"].get<double>(), t["evidence"].size());
    if (t.contains("persons")) {
      std::string names;
      for (const auto& p : t["persons"])
        names += (names.empty() ? "" : ", ") + p["name"].get<std::string>();
      fmt::print("; persons: {}", names);
    }
    fmt::print(")\n");
  }
  if (r.contains("parties")) {
    fmt::print("Payment parties:\n");
    for (const auto& p : r["parties"]) {
      fmt::print("  {:<20} {}  {}\n", p["label"].get<std::string>(), p["name"].get<std::string>(),
                 p["listed"].get<bool>() ? "LISTED " + p["entity"]["id"].get<std::string>()
                                         : "not listed");
    }
  }
}

int RunScan(Context& ctx, const ScanArgs& a) {
  if (a.bench_mb > 0) {
    auto engine = ctx.OpenEngine();
    if (!engine) return ctx.exit_code;
    auto r = scan::RunScanBenchmark(*engine->snapshot(), a.bench_mb);
    if (!r.ok()) return ReportError(r.status());
    fmt::print("{}\n", r->dump(2));
    return kExitOk;
  }
  if (a.input.empty()) {
    return ReportError(Status::InvalidArgument("scan: give a FILE or - for stdin"));
  }
  const bool from_stdin = a.input == "-";
  std::ifstream file;
  std::istream* in = &std::cin;
  if (!from_stdin) {
    file.open(a.input, std::ios::binary);
    if (!file) return ReportError(Status::IoError(a.input + ": cannot open"));
    in = &file;
  }
  std::string name = from_stdin ? "<stdin>" : a.input;
  bool html = a.html;
  const bool by_extension = name.size() > 5 && (name.ends_with(".html") || name.ends_with(".htm"));
  if (by_extension) html = true;

  std::unique_ptr<Engine> engine;
  std::shared_ptr<const index::Snapshot> snapshot;
  scan::ScanOptions opts;
  opts.payment = a.payment;
  opts.threshold = a.threshold;
  const bool color = !a.json && isatty(STDOUT_FILENO) != 0;

  std::string buf;
  std::vector<char> block(kChunkBytes);
  size_t base = 0, base_line = 1;
  bool eof = false;
  bool first = true;
  std::unique_ptr<scan::Scanner> scanner;
  std::FILE* persons_tmp = nullptr;
  size_t mentions_out = 0, persons_out = 0;
  Summary summary;
  while (!eof || !buf.empty()) {
    while (!eof && buf.size() < kChunkBytes) {
      in->read(block.data(), static_cast<std::streamsize>(block.size()));
      const auto got = static_cast<size_t>(in->gcount());
      buf.append(block.data(), got);
      if (got == 0 || !*in) eof = true;
    }
    if (first) {
      first = false;
      // Reject invalid UTF-8 in the first chunk before loading the lists.
      if (Status s = scan::ValidateUtf8(std::string_view(buf).substr(0, ChunkCut(buf, eof)));
          !s.ok()) {
        ReportError(Status::DataError(name + ": " + s.message()));
        return kExitData;
      }
      engine = ctx.OpenEngine();
      if (!engine) return ctx.exit_code;
      snapshot = engine->snapshot();
      if (!html && !a.html && scan::LooksLikeHtml(buf)) html = true;
      if (html) {
        // HTML is stripped as a whole: read everything.
        while (!eof) {
          in->read(block.data(), static_cast<std::streamsize>(block.size()));
          const auto got = static_cast<size_t>(in->gcount());
          buf.append(block.data(), got);
          if (got == 0 || !*in) eof = true;
        }
        if (Status s = scan::ValidateUtf8(buf); !s.ok()) {
          ReportError(Status::DataError(name + ": " + s.message()));
          return kExitData;
        }
        opts.html = true;
        auto r = scan::ScanToJson(*snapshot, buf, opts);
        if (!r.ok()) {
          ReportError(Status::DataError(name + ": " + r.status().message()));
          return kExitData;
        }
        if (a.json) {
          fmt::print("{}\n", r->dump(2));
        } else {
          std::vector<scan::MentionOut> ms;
          for (const auto& m : (*r)["mentions"]) {
            scan::MentionOut mo;
            mo.start = m["start"].get<size_t>();
            mo.end = m["end"].get<size_t>();
            ms.push_back(mo);
          }
          PrintHighlighted((*r)["text"].get<std::string>(), 0, ms, color);
          Summary sum;
          sum.Add(*r);
          PrintSummary(*r, sum);
        }
        return kExitOk;
      }
      scanner = std::make_unique<scan::Scanner>(*snapshot, opts);
      scanner->KeepOccurrences(false);
      if (a.json) {
        persons_tmp = std::tmpfile();
        if (persons_tmp == nullptr) return ReportError(Status::IoError("scan: no temporary file"));
        fmt::print("{{\n\"mentions\": [");
      }
    }
    const size_t cut = ChunkCut(buf, eof);
    std::string_view chunk(buf.data(), cut);
    if (Status s = scan::ValidateUtf8(chunk, base, base_line); !s.ok()) {
      ReportError(Status::DataError(name + ": " + s.message()));
      return kExitData;
    }
    const scan::ChunkResult found = scanner->Add(chunk, base);
    if (a.json) {
      // Mentions go straight to stdout, persons to a temporary file: flat memory.
      std::string out;
      for (const auto& m : found.mentions) {
        out += mentions_out++ == 0 ? "\n" : ",\n";
        scan::AppendJson(out, m);
      }
      std::fwrite(out.data(), 1, out.size(), stdout);
      out.clear();
      for (const auto& p : found.persons) {
        out += persons_out++ == 0 ? "\n" : ",\n";
        scan::AppendJson(out, p);
      }
      std::fwrite(out.data(), 1, out.size(), persons_tmp);
    } else {
      PrintHighlighted(chunk, base, found.mentions, color);
      summary.Add(found);
    }
    base += cut;
    base_line += static_cast<size_t>(std::count(chunk.begin(), chunk.end(), '\n'));
    buf.erase(0, cut);
    if (eof && buf.empty()) break;
  }
  nlohmann::json r = scanner->Finish();
  if (a.json) {
    fmt::print("\n],\n\"persons\": [");
    std::fflush(stdout);
    std::rewind(persons_tmp);
    std::array<char, 1 << 16> copy{};
    for (size_t got; (got = std::fread(copy.data(), 1, copy.size(), persons_tmp)) > 0;) {
      std::fwrite(copy.data(), 1, got, stdout);
    }
    std::fclose(persons_tmp);
    fmt::print("\n]");
    for (const auto& [key, value] : r.items()) {
      if (key == "mentions" || key == "persons") continue;
      fmt::print(",\n\"{}\": {}", key, value.dump(2));
    }
    fmt::print("\n}}\n");
  } else {
    PrintSummary(r, summary);
  }
  return kExitOk;
}

}  // namespace

void AddScanCommand(CLI::App& app, Context& ctx) {
  static ScanArgs a;
  auto* cmd = app.add_subcommand("scan", "Find listed parties, people and risk topics in text");
  cmd->add_option("input", a.input, "Text or HTML file, or - for stdin");
  cmd->add_option("--bench", a.bench_mb,
                  "Benchmark: scan N MB of generated text, against a naive scan (no input)");
  cmd->add_flag("--json", a.json, "JSON output (DESIGN.md scan shape)");
  cmd->add_flag("--html", a.html, "Input is HTML (auto-detected by extension and content)");
  cmd->add_flag("--payment", a.payment,
                "Payment free text: screen labelled party lines (BENEFICIARY:, :59:, /BNF/)");
  cmd->add_option("--threshold", a.threshold, "Match threshold in [0,1]")
      ->check(CLI::Range(0.0, 1.0));
  cmd->callback([&ctx] { ctx.exit_code = RunScan(ctx, a); });
}

}  // namespace tamiz::cli
