// Small file helpers shared by every layer: bounded reads, atomic writes, hashing, UTF-8.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "tamiz/status.h"

namespace tamiz::util {

// Reads a whole file (or a pipe, to its end). Fails with kIoError (missing/unreadable) or
// kDataError (larger than max_bytes). The message names the path.
Result<std::string> ReadFile(const std::filesystem::path& path, size_t max_bytes = size_t{2} << 30);

// The first `max_bytes` bytes of a file (all of it when shorter), or "" when it cannot be
// read: for sniffing a format.
std::string ReadFilePrefix(const std::filesystem::path& path, size_t max_bytes);

// Writes `data` to `path` atomically (temp file in the same directory, fsync, rename).
Status WriteFileAtomic(const std::filesystem::path& path, std::string_view data);

// Lowercase hex SHA-256 of `data`.
std::string Sha256Hex(std::string_view data);

// Returns the byte offset of the first invalid UTF-8 sequence, or npos when `s` is valid.
size_t FindInvalidUtf8(std::string_view s);

// 1-based line number of byte `offset` in `s`.
size_t LineOfOffset(std::string_view s, size_t offset);

// Maps byte offsets of one buffer to 1-based line numbers in O(log lines), for parsers that
// report many positions in one file.
class LineIndex {
 public:
  explicit LineIndex(std::string_view data = {});
  size_t LineOf(size_t offset) const;

 private:
  std::vector<size_t> starts_;
};

// Replaces every invalid UTF-8 sequence with U+FFFD.
std::string RepairUtf8(std::string_view s);

// Appends code point `cp` (at most U+10FFFF) to `out`, UTF-8 encoded.
void AppendUtf8(std::string& out, char32_t cp);

}  // namespace tamiz::util
