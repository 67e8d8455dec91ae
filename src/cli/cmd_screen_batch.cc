// `tamiz screen --input FILE [--output HITS.jsonl]`: batch screening (screen/batch.h).
#include <fmt/format.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <vector>

#include "cli/commands.h"
#include "screen/batch.h"

namespace tamiz::cli {

// Returns kExitOk, kExitHits when any row had a match (the caller applies --fail-on-hit),
// kExitData when the input cannot be read or the output written, kExitUsage on a bad header.
int RunBatchScreen(Context& ctx, const std::string& input, const std::string& output,
                   const Query& defaults) {
  namespace fs = std::filesystem;
  std::ifstream file;
  std::istream* in = &std::cin;
  int64_t total_bytes = -1;
  std::string head;
  if (input != "-") {
    std::error_code ec;
    if (!fs::is_regular_file(input, ec)) {
      fmt::print(stderr, "tamiz: {}: cannot read input (no such file)\n", input);
      return kExitData;
    }
    file.open(input, std::ios::binary);
    if (!file) {
      fmt::print(stderr, "tamiz: {}: cannot open input\n", input);
      return kExitData;
    }
    auto size = fs::file_size(input, ec);
    if (!ec) total_bytes = static_cast<int64_t>(size);
    head.resize(256);
    file.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<size_t>(file.gcount()));
    file.clear();
    file.seekg(0);
    in = &file;
  }
  auto format = screen::DetectBatchFormat(input, head);

  auto engine = ctx.OpenEngine();
  if (!engine) return ctx.exit_code;

  // Large buffered writes: one line per row adds up to gigabytes on big inputs. Declared
  // before the stream that uses it, so it outlives it.
  std::vector<char> buffer(size_t{1} << 20);
  std::ofstream out_file;
  std::ostream* out = &std::cout;
  std::string tmp_path;
  if (!output.empty() && output != "-") {
    // A regular file is written beside and renamed into place when complete, so a failed
    // run never leaves a truncated HITS file that looks finished. Devices and pipes
    // (/dev/null, a FIFO) are written directly.
    std::error_code ec;
    auto st = fs::status(output, ec);
    bool direct = !ec && fs::exists(st) && !fs::is_regular_file(st);
    if (!direct) tmp_path = output + ".partial";
    out_file.rdbuf()->pubsetbuf(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    out_file.open(direct ? output : tmp_path, std::ios::binary | std::ios::trunc);
    if (!out_file) {
      fmt::print(stderr, "tamiz: {}: cannot write output\n", output);
      return kExitData;
    }
    out = &out_file;
  }
  screen::BatchOptions opts;
  opts.progress = isatty(STDERR_FILENO) != 0;
  opts.total_bytes = total_bytes;
  if (const char* t = std::getenv("TAMIZ_THREADS"); t != nullptr && std::atoi(t) > 0) {
    opts.threads = static_cast<size_t>(std::atoi(t));
  }
  auto summary = screen::ScreenBatch(*engine, *in, fs::path(input).filename().string(), format,
                                     *out, defaults, opts, std::cerr);
  if (!summary.ok()) {
    if (!tmp_path.empty()) {
      out_file.close();
      std::error_code ec;
      fs::remove(tmp_path, ec);
    }
    return ReportError(summary.status());
  }
  if (!tmp_path.empty()) {
    out_file.close();
    std::error_code ec;
    fs::rename(tmp_path, output, ec);
    if (ec || !out_file) {
      fmt::print(stderr, "tamiz: {}: cannot write output ({})\n", output, ec.message());
      return kExitData;
    }
  }
  fmt::print(stderr, "tamiz: {}\n", screen::FormatBatchSummary(*summary));
  return summary->matched_rows > 0 ? kExitHits : kExitOk;
}

}  // namespace tamiz::cli
