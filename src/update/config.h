// The configuration of `tamiz update`: which lists to fetch, from which URLs, with which
// limits. Read from a TOML file (data/sources.toml is the default; docs/UPDATE.md describes
// every key). Plain data, safe to copy between threads.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "tamiz/status.h"

namespace tamiz::update {

// One file of a list as published: where to fetch it and the name it gets inside the version
// directory (by default the last segment of the URL path, e.g. "sdn.csv").
struct SourceFile {
  std::string url;
  std::string name;
};

// One dataset fetched from one or more files (the OFAC CSV set has four).
struct Source {
  std::string dataset;  // "us_ofac_sdn"; becomes <data>/lists/<dataset>/
  std::vector<SourceFile> files;
  size_t max_bytes = size_t{256} << 20;  // per file; the transfer aborts beyond it
  double timeout_seconds = 0;            // 0 = UpdateConfig::timeout_seconds
};

struct UpdateConfig {
  std::vector<Source> sources;
  bool allow_http = false;  // plain http (tests, loopback mirrors); https only otherwise
  double connect_timeout_seconds = 30;
  double timeout_seconds = 600;  // whole transfer of one file
  long max_redirects = 5;
  double max_drop = 0.20;  // refuse a list whose entity count fell by more than this fraction
  int keep_versions = 3;   // version directories kept per dataset (the current one always)
  std::string user_agent = "tamiz-update";
};

// Parses the TOML text of a config; `name` (the file name) prefixes error messages, which
// also give the line: "sources.toml:7: source 2: 'files' must not be empty".
Result<UpdateConfig> ParseUpdateConfig(std::string_view text, std::string_view name);

// Reads and parses a config file.
Result<UpdateConfig> LoadUpdateConfig(const std::filesystem::path& path);

// Last segment of the path of `url` without query or fragment ("" when there is none).
std::string UrlFileName(std::string_view url);

}  // namespace tamiz::update
