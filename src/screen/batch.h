// Batch screening: a CSV (with header) or JSONL file of parties screened in parallel, one
// JSON line of results per input row, in input order. The input is streamed in chunks, so
// memory stays flat whatever the file size. Runs on one calling thread plus `threads`
// workers it owns for the duration of the call; the Engine is shared read-only.
#pragma once

#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <string>
#include <string_view>

#include "tamiz/engine.h"
#include "tamiz/screen.h"
#include "tamiz/status.h"

namespace tamiz::screen {

enum class BatchFormat {
  kCsv,    // header row; columns name|full_name (or first_name/last_name), id, schema,
           // dob|date_of_birth|birth_date, country|nationality|citizenship, gender,
           // id_number|passport_number
  kJsonl,  // one FtM example entity per line: {"id", "schema", "properties": {...}}
};

// kJsonl for .jsonl/.ndjson/.json files, or when the first non-blank byte is '{'; else kCsv.
BatchFormat DetectBatchFormat(std::string_view file_name, std::string_view head);

struct BatchOptions {
  size_t threads = 0;        // screening workers; 0 = std::thread::hardware_concurrency()
  size_t chunk_rows = 4096;  // rows read, screened and written per step (bounds memory)
  bool progress = false;     // redraw a progress line ("\r...") on `err` every ~0.25 s
  int64_t total_bytes = -1;  // input size for percentage and ETA; < 0 when unknown
  size_t max_row_bytes = size_t{1} << 20;  // a longer row (or runaway quote) is a bad row
};

struct BatchSummary {
  size_t rows = 0;          // data rows read (header excluded)
  size_t screened = 0;      // rows screened and written
  size_t errors = 0;        // bad rows skipped
  size_t matched_rows = 0;  // rows with at least one result with match=true
  size_t results = 0;       // result objects written (near misses included)
  double seconds = 0.0;
};

// Screens every row of `in` (named `input_name` in messages) against `engine`, writing one
// line per good row to `out`:
//   {"row": n, "line": l, "id": <caller id or null>, "query": {...}, "results": [...]}
// where n is the 1-based data row and l the input line it starts on. `defaults` supplies
// limit, threshold, datasets and any fields the row leaves empty. A bad row is reported on
// `err` as "<input_name>:<line>: <reason>" and skipped. Fails (kInvalidArgument) only when
// the input cannot be used at all (no name column in the CSV header), or kIoError when
// writing `out` fails.
Result<BatchSummary> ScreenBatch(const Engine& engine, std::istream& in,
                                 std::string_view input_name, BatchFormat format, std::ostream& out,
                                 const Query& defaults, const BatchOptions& options,
                                 std::ostream& err);

// "50000 rows screened in 2.41 s (20747 rows/s): 12 rows with matches, 3 bad rows skipped"
std::string FormatBatchSummary(const BatchSummary& s);

}  // namespace tamiz::screen
