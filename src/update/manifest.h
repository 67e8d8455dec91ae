// manifest.json: the record `tamiz update` writes into every version directory it creates,
// so a bank can prove which list it screened against (source URL, fetch time, SHA-256).
// Plain data.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

#include "tamiz/status.h"

namespace tamiz::update {

struct ManifestFile {
  std::string name;  // file name inside the version directory
  std::string url;
  std::string sha256;  // lowercase hex
  size_t bytes = 0;
  std::string etag;
  std::string last_modified;
};

struct Manifest {
  std::string dataset;
  std::string version;     // directory name, "<YYYY-MM-DD>-<first 8 hex of the content hash>"
  std::string fetched_at;  // ISO 8601 UTC, "2026-12-04T14:35:00Z"
  std::string format;      // registry format name, "ofac-csv"
  std::string data_date;   // date of the data as the parser found it (may be "")
  size_t entity_count = 0;
  size_t relation_count = 0;
  std::vector<ManifestFile> files;
};

inline constexpr const char* kManifestFileName = "manifest.json";

// Writes `<dir>/manifest.json` atomically.
Status WriteManifest(const std::filesystem::path& dir, const Manifest& m);

// Reads `<dir>/manifest.json`: kNotFound when absent, kDataError when malformed.
Result<Manifest> ReadManifest(const std::filesystem::path& dir);

}  // namespace tamiz::update
