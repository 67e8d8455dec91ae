#include "server/auth.h"

#include <fmt/format.h>

#include <cctype>

#include "util/file_io.h"

namespace tamiz::server {

namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) {
    s.remove_prefix(1);
  }
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

// Constant-time equality of two equal-length strings (digests always are).
bool DigestsEqual(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  unsigned char diff = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    diff = static_cast<unsigned char>(
        diff | (static_cast<unsigned char>(a[i]) ^ static_cast<unsigned char>(b[i])));
  }
  return diff == 0;
}

bool StartsWithIgnoreCase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(s[i])) !=
        std::tolower(static_cast<unsigned char>(prefix[i]))) {
      return false;
    }
  }
  return true;
}

}  // namespace

ApiKeys::ApiKeys(const std::vector<std::string>& keys) {
  for (const auto& k : keys) {
    std::string_view t = Trim(k);
    if (!t.empty()) digests_.push_back(util::Sha256Hex(t));
  }
}

Result<ApiKeys> ApiKeys::FromFile(const std::filesystem::path& path) {
  auto data = util::ReadFile(path, size_t{1} << 20);
  if (!data.ok()) return data.status();
  std::vector<std::string> keys;
  std::string_view rest = *data;
  while (!rest.empty()) {
    size_t nl = rest.find('\n');
    std::string_view line = Trim(rest.substr(0, nl));
    rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
    if (line.empty() || line.front() == '#') continue;
    keys.emplace_back(line);
  }
  if (keys.empty()) {
    return Status::InvalidArgument(fmt::format("{}: no API key in the file", path.string()));
  }
  return ApiKeys(keys);
}

bool ApiKeys::Accepts(std::string_view header) const {
  header = Trim(header);
  std::string_view token;
  if (StartsWithIgnoreCase(header, "Bearer ")) {
    token = Trim(header.substr(7));
  } else if (StartsWithIgnoreCase(header, "ApiKey ")) {
    token = Trim(header.substr(7));
  } else {
    return false;
  }
  if (token.empty()) return false;
  const std::string digest = util::Sha256Hex(token);
  bool ok = false;
  for (const auto& d : digests_) ok = DigestsEqual(d, digest) || ok;
  return ok;
}

}  // namespace tamiz::server
