// A scratch directory for tests that write files: created fresh under the system temp
// directory as "tamiz_<tag>_<pid>", removed with everything in it when the object goes.
#pragma once

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace tamiz::test {

class ScratchDir {
 public:
  explicit ScratchDir(const std::string& tag)
      : path_(std::filesystem::temp_directory_path() /
              ("tamiz_" + tag + "_" + std::to_string(::getpid()))) {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
    std::filesystem::create_directories(path_);
  }
  ~ScratchDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;

  const std::filesystem::path& path() const { return path_; }
  // Writes `data` to the file `name` in the directory, replacing it.
  void Write(const std::string& name, const std::string& data) const {
    std::ofstream(path_ / name, std::ios::binary | std::ios::trunc) << data;
  }

 private:
  std::filesystem::path path_;
};

}  // namespace tamiz::test
