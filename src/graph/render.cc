#include "graph/render.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <vector>

extern char** environ;

namespace tamiz::graph {

namespace {

// Closes a file descriptor when it goes out of scope.
class Fd {
 public:
  explicit Fd(int fd = -1) : fd_(fd) {}
  ~Fd() { Reset(); }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  int get() const { return fd_; }
  void Reset() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
  }

 private:
  int fd_;
};

// Removes a file when it goes out of scope.
struct TempFile {
  std::string path;
  ~TempFile() {
    if (!path.empty()) ::unlink(path.c_str());
  }
};

Status WriteAll(int fd, std::string_view data) {
  while (!data.empty()) {
    ssize_t n = ::write(fd, data.data(), data.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return Status::IoError(fmt::format("writing DOT input: {}", std::strerror(errno)));
    data.remove_prefix(static_cast<size_t>(n));
  }
  return Status::Ok();
}

}  // namespace

std::string DotProgram() {
  if (const char* env = std::getenv("TAMIZ_DOT"); env != nullptr && *env != '\0') return env;
  return "dot";
}

Result<std::string> RenderSvg(std::string_view dot, std::chrono::milliseconds timeout) {
  std::error_code ec;
  std::filesystem::path dir = std::filesystem::temp_directory_path(ec);
  if (ec) dir = "/tmp";
  TempFile input;
  std::string tmpl = (dir / "tamiz-network-XXXXXX").string();
  {
    Fd fd(::mkstemp(tmpl.data()));
    if (fd.get() < 0) {
      return Status::IoError(
          fmt::format("{}: cannot create temp file: {}", dir.string(), std::strerror(errno)));
    }
    input.path = tmpl;
    if (Status s = WriteAll(fd.get(), dot); !s.ok()) return s;
  }
  int out_pipe[2], err_pipe[2];
  if (::pipe2(out_pipe, O_CLOEXEC) != 0) {
    return Status::IoError(fmt::format("pipe: {}", std::strerror(errno)));
  }
  Fd out_r(out_pipe[0]), out_w(out_pipe[1]);
  if (::pipe2(err_pipe, O_CLOEXEC) != 0) {
    return Status::IoError(fmt::format("pipe: {}", std::strerror(errno)));
  }
  Fd err_r(err_pipe[0]), err_w(err_pipe[1]);

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, input.path.c_str(), O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, out_w.get(), 1);
  posix_spawn_file_actions_adddup2(&actions, err_w.get(), 2);
  std::string program = DotProgram();
  std::string arg_format = "-Tsvg";
  std::vector<char*> argv = {program.data(), arg_format.data(), nullptr};
  pid_t pid = 0;
  int rc = ::posix_spawnp(&pid, program.c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) {
    if (rc == ENOENT || rc == EACCES) {
      return Status::Unavailable(fmt::format(
          "Graphviz '{}' not found: install the Debian package graphviz (or set TAMIZ_DOT), "
          "or use --format dot",
          program));
    }
    return Status::Unavailable(fmt::format("cannot run '{}': {}", program, std::strerror(rc)));
  }
  out_w.Reset();
  err_w.Reset();

  std::string out, err;
  bool out_open = true, err_open = true, timed_out = false, too_big = false;
  auto deadline = std::chrono::steady_clock::now() + timeout;
  char buf[65536];
  while (out_open || err_open) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      timed_out = true;
      break;
    }
    pollfd fds[2];
    nfds_t nfds = 0;
    if (out_open) fds[nfds++] = {out_r.get(), POLLIN, 0};
    if (err_open) fds[nfds++] = {err_r.get(), POLLIN, 0};
    int pr = ::poll(fds, nfds, static_cast<int>(std::min<long long>(left.count(), 1000)));
    if (pr < 0 && errno == EINTR) continue;
    if (pr < 0) break;
    for (nfds_t k = 0; k < nfds; ++k) {
      if (fds[k].revents == 0) continue;
      bool is_out = fds[k].fd == out_r.get();
      ssize_t n = ::read(fds[k].fd, buf, sizeof(buf));
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) {
        (is_out ? out_open : err_open) = false;
        continue;
      }
      std::string& dst = is_out ? out : err;
      dst.append(buf, static_cast<size_t>(n));
      if (dst.size() > kMaxRenderedBytes) too_big = true;
    }
    if (too_big) break;
  }
  if (timed_out || too_big) ::kill(pid, SIGKILL);
  int wstatus = 0;
  while (::waitpid(pid, &wstatus, 0) < 0 && errno == EINTR) {
  }
  if (timed_out) {
    return Status::Unavailable(
        fmt::format("'{}' did not finish within {} ms (killed); try a smaller --depth", program,
                    timeout.count()));
  }
  if (too_big) {
    return Status::DataError(
        fmt::format("'{}' produced more than {} bytes (killed)", program, kMaxRenderedBytes));
  }
  if (!WIFEXITED(wstatus) || WEXITSTATUS(wstatus) != 0) {
    while (!err.empty() && (err.back() == '\n' || err.back() == '\r')) err.pop_back();
    if (WIFEXITED(wstatus) && WEXITSTATUS(wstatus) == 127) {
      return Status::Unavailable(
          fmt::format("Graphviz '{}' could not be run (exit 127): {}", program, err));
    }
    return Status::DataError(fmt::format("'{} -Tsvg' failed ({}): {}", program,
                                         WIFEXITED(wstatus)
                                             ? fmt::format("exit {}", WEXITSTATUS(wstatus))
                                             : std::string("killed by a signal"),
                                         err));
  }
  return out;
}

}  // namespace tamiz::graph
