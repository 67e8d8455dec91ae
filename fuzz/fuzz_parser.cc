#include "fuzz_parser.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "sources/registry.h"
#include "util/file_io.h"

namespace tamiz::fuzz {

namespace fs = std::filesystem;

namespace {

// A private directory for this process, under /dev/shm when it exists (no disk I/O per
// execution), removed with its parent at exit.
const fs::path& TempRoot() {
  static const fs::path root = [] {
    std::error_code ec;
    fs::path base =
        fs::is_directory("/dev/shm", ec) ? fs::path("/dev/shm") : fs::temp_directory_path();
    std::string templ = (base / "tamiz-fuzz-XXXXXX").string();
    if (mkdtemp(templ.data()) == nullptr) {
      std::perror("mkdtemp");
      std::abort();
    }
    return fs::path(templ);
  }();
  return root;
}

// The version directory the inputs are written to, created once per process: nothing but the
// fuzz target writes there, so it cannot disappear between executions.
const fs::path& TempDir() {
  static const fs::path dir = [] {
    fs::path d = TempRoot() / "2024-01-01";
    std::error_code ec;
    fs::create_directories(d, ec);
    if (ec) {
      std::fprintf(stderr, "fuzz: cannot create %s: %s\n", d.c_str(), ec.message().c_str());
      std::abort();
    }
    std::atexit([] {
      std::error_code ignored;
      fs::remove_all(TempRoot(), ignored);
    });
    return d;
  }();
  return dir;
}

// Replaces the file at `path` with `data`: one open, write and close, no stream buffering.
void WriteWhole(const std::string& path, std::string_view data) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) {
    std::perror(path.c_str());
    std::abort();
  }
  while (!data.empty()) {
    ssize_t n = ::write(fd, data.data(), data.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      std::perror(path.c_str());
      std::abort();
    }
    data.remove_prefix(static_cast<size_t>(n));
  }
  ::close(fd);
}

const sources::Format& FindFormat(std::string_view name) {
  for (const auto& f : sources::Formats()) {
    if (f.name == name) return f;
  }
  std::fprintf(stderr, "fuzz: format %.*s is not registered\n", static_cast<int>(name.size()),
               name.data());
  std::abort();
}

void Check(bool ok, const char* what, const std::string& detail) {
  if (ok) return;
  std::fprintf(stderr, "fuzz: invariant broken: %s: %s\n", what, detail.c_str());
  std::abort();
}

void CheckInvariants(const ParsedList& list, const std::string& dataset) {
  for (const auto& e : list.entities) {
    Check(!e.id.empty(), "entity id is empty", e.caption);
    Check(e.id.rfind(dataset + ":", 0) == 0, "entity id not prefixed by dataset", e.id);
    Check(util::FindInvalidUtf8(e.caption) == std::string::npos, "caption is not UTF-8", e.id);
    for (const auto& n : e.names) {
      Check(util::FindInvalidUtf8(n.full) == std::string::npos, "name is not UTF-8", e.id);
    }
  }
}

}  // namespace

void FuzzParser(std::string_view format, std::initializer_list<const char*> files,
                const uint8_t* data, size_t size) {
  // The format, the file paths and which files exist are kept across executions: a process
  // fuzzes one target, so `format` and `files` are the same on every call.
  static const sources::Format& f = FindFormat(format);
  static const std::vector<std::string> paths = [&] {
    std::vector<std::string> p;
    for (const char* name : files) p.push_back((TempDir() / name).string());
    return p;
  }();
  static std::vector<bool> written(paths.size(), false);
  if (format != f.name || files.size() != paths.size()) {
    std::fprintf(stderr, "fuzz: FuzzParser called for two targets in one process\n");
    std::abort();
  }
  const fs::path& dir = TempDir();
  std::string_view input(reinterpret_cast<const char*>(data), size);
  bool exhausted = false;
  for (size_t i = 0; i < paths.size(); ++i) {
    if (exhausted) {
      if (written[i]) ::unlink(paths[i].c_str());
      written[i] = false;
      continue;
    }
    bool last = i + 1 == paths.size();
    size_t nul = last ? std::string_view::npos : input.find('\0');
    std::string_view part = input.substr(0, nul);
    if (nul == std::string_view::npos) {
      exhausted = true;
    } else {
      input.remove_prefix(nul + 1);
    }
    WriteWhole(paths[i], part);
    written[i] = true;
  }
  const std::string dataset = "fuzz";
  sources::ParseOptions options;
  options.max_records = 100'000;
  auto strict = f.parse(dir, dataset, options);
  if (strict.ok()) {
    CheckInvariants(strict.value(), dataset);
    return;
  }
  // Lenient mode changes only what happens to invalid UTF-8 (checked before the XML is
  // parsed) and to bad records (after it). When the strict parse found no XML file with the
  // right root, or XML that is not well-formed, the lenient one would fail at the same point
  // along the same path, so it is not run again.
  const std::string& why = strict.status().message();
  if (why.find(": malformed XML: ") != std::string::npos ||
      why.find(": no XML file with root <") != std::string::npos) {
    return;
  }
  options.lenient = true;
  auto lenient = f.parse(dir, dataset, options);
  if (lenient.ok()) CheckInvariants(lenient.value(), dataset);
}

}  // namespace tamiz::fuzz
