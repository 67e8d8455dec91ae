// A bounds-checked RFC 4180 CSV cursor over an in-memory buffer, tracking line numbers so
// that every error can name file:line. Not thread-safe; one reader per buffer.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "tamiz/status.h"

namespace tamiz::util {

struct CsvOptions {
  char delimiter = ',';
  size_t max_field_bytes = 1 << 20;
  size_t max_fields = 4096;
  // Strip one trailing 0x1A (DOS end-of-file marker, as in OFAC files) at end of input.
  bool strip_eof_marker = true;
};

class CsvReader {
 public:
  // `name` is used in error messages (usually the file name). `data` must outlive the reader.
  CsvReader(std::string name, std::string_view data, CsvOptions options = {});

  // Reads the next record into `fields`. Returns true on a record, false at end of input.
  // On malformed input returns false and sets status() to a DataError naming name:line.
  // After an error, SkipToNextLine() lets a lenient caller continue.
  bool Next(std::vector<std::string>& fields);

  const Status& status() const { return status_; }
  // Line (1-based) on which the last returned record started.
  size_t record_line() const { return record_line_; }
  // Clears the error and moves to the start of the next physical line.
  void SkipToNextLine();

 private:
  std::string name_;
  std::string_view data_;
  CsvOptions options_;
  size_t pos_ = 0;
  size_t line_ = 1;
  size_t record_line_ = 0;
  Status status_;
};

// Lowercased, trimmed header names -> column index; helper for CSVs with a header row.
std::vector<std::string> NormalizeHeader(const std::vector<std::string>& header);

}  // namespace tamiz::util
