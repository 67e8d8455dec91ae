// Optional API keys for the HTTP API: bearer tokens read from a file (one per line, blank
// lines and '#' comments ignored). Keys are kept only as SHA-256 digests and compared in
// constant time, so neither timing nor a memory dump reveals them. Immutable after
// construction; safe to share between threads.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "tamiz/status.h"

namespace tamiz::server {

class ApiKeys {
 public:
  ApiKeys() = default;
  explicit ApiKeys(const std::vector<std::string>& keys);

  // Reads a key file. kIoError when unreadable; kInvalidArgument when it holds no key.
  static Result<ApiKeys> FromFile(const std::filesystem::path& path);

  // True when keys are configured (the API then requires one).
  bool enabled() const { return !digests_.empty(); }

  // True when the Authorization header value ("Bearer <key>" or "ApiKey <key>") carries a
  // configured key. Compares against every key without early exit.
  bool Accepts(std::string_view authorization_header) const;

 private:
  std::vector<std::string> digests_;  // lowercase hex SHA-256 of each key
};

}  // namespace tamiz::server
