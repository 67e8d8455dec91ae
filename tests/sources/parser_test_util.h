// Helpers shared by the list-parser tests of this folder: fixture paths, reading and writing
// list files, entity lookup and the truncate-at-every-offset robustness loop.
#pragma once

#include <gtest/gtest.h>

#include <cstddef>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <utility>

#include "tamiz/entity.h"
#include "tamiz/status.h"
#include "util/file_io.h"

namespace tamiz::sources::test_util {

// `rel` below the source tree ("tests/fixtures/un/small").
inline std::filesystem::path SourcePath(std::string_view rel) {
  return std::filesystem::path(TAMIZ_SOURCE_DIR) / rel;
}

// The parsed list, or an empty one (and a test failure) when parsing failed.
inline ParsedList OkOrEmpty(Result<ParsedList> r) {
  EXPECT_TRUE(r.ok()) << r.status().message();
  return r.ok() ? std::move(r).value() : ParsedList{};
}

// The entity of `l` with `id`; nullptr when none.
inline const Entity* FindEntity(const ParsedList& l, const std::string& id) {
  for (const auto& e : l.entities) {
    if (e.id == id) return &e;
  }
  return nullptr;
}

// The bytes of `path` ("" and a test failure when unreadable).
inline std::string ReadFixture(const std::filesystem::path& path) {
  auto r = util::ReadFile(path);
  EXPECT_TRUE(r.ok()) << r.status().message();
  return r.ok() ? r.value() : "";
}

// A fresh temporary directory "tamiz_<prefix>_test_<test>" holding one file `name` with
// `content`.
inline std::filesystem::path WriteListDir(std::string_view prefix, std::string_view test,
                                          std::string_view name, const std::string& content) {
  namespace fs = std::filesystem;
  fs::path dir =
      fs::temp_directory_path() / ("tamiz_" + std::string(prefix) + "_test_" + std::string(test));
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::ofstream(dir / name, std::ios::binary) << content;
  return dir;
}

// Writes every 53-byte-step prefix of `full` to `dir`/`name` and parses it with `parse(dir)`:
// no prefix may crash, every failure must be kDataError and at least one prefix must fail.
// Removes `dir` at the end.
template <typename Parse>
void ExpectTruncationNeverCrashes(const std::string& full, const std::filesystem::path& dir,
                                  std::string_view name, Parse parse) {
  ASSERT_FALSE(full.empty());
  size_t failures = 0;
  for (size_t len = 0; len < full.size(); len += 53) {
    std::ofstream(dir / name, std::ios::binary | std::ios::trunc) << full.substr(0, len);
    Result<ParsedList> r = parse(dir);
    if (!r.ok()) {
      ++failures;
      EXPECT_EQ(r.status().code(), StatusCode::kDataError) << r.status().message();
    }
  }
  EXPECT_GT(failures, 0u);
  std::filesystem::remove_all(dir);
}

}  // namespace tamiz::sources::test_util
