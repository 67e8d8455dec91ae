#include "util/file_io.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <openssl/evp.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <random>

namespace tamiz::util {

namespace {

// Reads `path` to its end, or its first `limit` bytes when `truncate`. Without `truncate`, more
// than `limit` bytes is a kDataError. One descriptor serves the size check and the read, so a
// file replaced in between cannot be half read; a pipe (no size known) is read to its end.
Result<std::string> ReadBounded(const std::filesystem::path& path, size_t limit, bool truncate) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    return Status::IoError(fmt::format("{}: cannot read: {}", path.string(), std::strerror(errno)));
  }
  auto too_large = [&](std::string_view size) {
    ::close(fd);
    return Status::DataError(
        fmt::format("{}: file is {}, over the {} byte limit", path.string(), size, limit));
  };
  struct stat st {};
  size_t expected = 0;
  if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
    expected = static_cast<size_t>(st.st_size);
    if (expected > limit && !truncate) return too_large(fmt::format("{} bytes", expected));
  }
  // Room for one byte over the limit, to tell a file that grew (or a pipe) past it, and for
  // one byte past a regular file's size, so reading up to its end takes no reallocation.
  const size_t cap = truncate || limit == SIZE_MAX ? limit : limit + 1;
  std::string data(std::min(expected == 0 ? 0 : expected + 1, cap), '\0');
  size_t got = 0;
  while (got < cap) {
    if (got == data.size()) data.resize(std::min(std::max<size_t>(4096, 2 * got), cap));
    ssize_t n = ::read(fd, data.data() + got, data.size() - got);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      int err = errno;
      ::close(fd);
      return Status::IoError(fmt::format("{}: cannot read: {}", path.string(), std::strerror(err)));
    }
    if (n == 0) break;
    got += static_cast<size_t>(n);
  }
  if (got > limit) return too_large("larger");
  ::close(fd);
  data.resize(got);
  return data;
}

}  // namespace

Result<std::string> ReadFile(const std::filesystem::path& path, size_t max_bytes) {
  return ReadBounded(path, max_bytes, false);
}

std::string ReadFilePrefix(const std::filesystem::path& path, size_t max_bytes) {
  auto data = ReadBounded(path, max_bytes, true);
  return data.ok() ? std::move(data).value() : std::string();
}

Status WriteFileAtomic(const std::filesystem::path& path, std::string_view data) {
  auto dir = path.parent_path();
  if (dir.empty()) dir = ".";
  std::random_device rd;
  auto tmp = dir / fmt::format(".{}.tmp{}", path.filename().string(), rd());
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0)
    return Status::IoError(
        fmt::format("{}: cannot create: {}", tmp.string(), std::strerror(errno)));
  size_t off = 0;
  while (off < data.size()) {
    ssize_t n = ::write(fd, data.data() + off, data.size() - off);
    if (n < 0) {
      if (errno == EINTR) continue;
      ::close(fd);
      ::unlink(tmp.c_str());
      return Status::IoError(
          fmt::format("{}: write failed: {}", tmp.string(), std::strerror(errno)));
    }
    off += static_cast<size_t>(n);
  }
  ::fsync(fd);
  ::close(fd);
  if (::rename(tmp.c_str(), path.c_str()) != 0) {
    ::unlink(tmp.c_str());
    return Status::IoError(
        fmt::format("{}: rename failed: {}", path.string(), std::strerror(errno)));
  }
  return Status::Ok();
}

std::string Sha256Hex(std::string_view data) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_Digest(data.data(), data.size(), digest, &len, EVP_sha256(), nullptr);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(len * 2);
  for (unsigned int i = 0; i < len; ++i) {
    out.push_back(kHex[digest[i] >> 4]);
    out.push_back(kHex[digest[i] & 0xF]);
  }
  return out;
}

namespace {
constexpr uint64_t kHighBits = 0x8080808080808080ULL;

// Length of the valid UTF-8 sequence at s[i], or 0 when invalid (RFC 3629).
size_t ValidSequenceLength(std::string_view s, size_t i) {
  auto b = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = b(i);
  if (c < 0x80) return 1;
  size_t n;
  unsigned char lo = 0x80, hi = 0xBF;
  if (c >= 0xC2 && c <= 0xDF) {
    n = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    n = 3;
    if (c == 0xE0) lo = 0xA0;
    if (c == 0xED) hi = 0x9F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    n = 4;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;
  } else {
    return 0;
  }
  if (i + n > s.size()) return 0;
  if (b(i + 1) < lo || b(i + 1) > hi) return 0;
  for (size_t k = 2; k < n; ++k) {
    if (b(i + k) < 0x80 || b(i + k) > 0xBF) return 0;
  }
  return n;
}
}  // namespace

size_t FindInvalidUtf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    // Fast path over ASCII, eight bytes at a time.
    uint64_t word;
    while (i + 8 <= s.size() && (std::memcpy(&word, s.data() + i, 8), (word & kHighBits) == 0)) {
      i += 8;
    }
    if (i == s.size()) break;
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    size_t n = ValidSequenceLength(s, i);
    if (n == 0) return i;
    i += n;
  }
  return std::string_view::npos;
}

size_t LineOfOffset(std::string_view s, size_t offset) {
  s = s.substr(0, std::min(offset, s.size()));
  size_t line = 1;
  for (size_t i = s.find('\n'); i != std::string_view::npos; i = s.find('\n', i + 1)) ++line;
  return line;
}

LineIndex::LineIndex(std::string_view data) {
  starts_.push_back(0);
  for (size_t i = data.find('\n'); i != std::string_view::npos; i = data.find('\n', i + 1)) {
    starts_.push_back(i + 1);
  }
}

size_t LineIndex::LineOf(size_t offset) const {
  auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
  return static_cast<size_t>(it - starts_.begin());
}

void AppendUtf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

std::string RepairUtf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  // Valid runs are copied whole; each byte that starts no valid sequence becomes U+FFFD.
  while (!s.empty()) {
    size_t bad = FindInvalidUtf8(s);
    if (bad == std::string_view::npos) {
      out.append(s);
      break;
    }
    out.append(s.substr(0, bad));
    out.append("\xEF\xBF\xBD");
    s.remove_prefix(bad + 1);
  }
  return out;
}

}  // namespace tamiz::util
