#include "update/update.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <ctime>
#include <fstream>

#include "sources/registry.h"
#include "update/fetch.h"
#include "update/manifest.h"
#include "util/file_io.h"

namespace tamiz::update {

namespace fs = std::filesystem;

namespace {

constexpr const char* kStagingPrefix = ".staging-";

std::string FormatUtc(const char* pattern) {
  std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[64];
  size_t n = std::strftime(buf, sizeof(buf), pattern, &tm);
  return std::string(buf, n);
}

// An exclusive, non-blocking flock on a file; released when destroyed.
class DatasetLock {
 public:
  explicit DatasetLock(const fs::path& path) {
    fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd_ >= 0 && ::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
      ::close(fd_);
      fd_ = -1;
    }
  }
  ~DatasetLock() {
    if (fd_ >= 0) ::close(fd_);
  }
  DatasetLock(const DatasetLock&) = delete;
  DatasetLock& operator=(const DatasetLock&) = delete;
  bool locked() const { return fd_ >= 0; }

 private:
  int fd_ = -1;
};

// Removes staging directories left by an interrupted run (the caller holds the lock).
void RemoveStaleStaging(const fs::path& ds_dir) {
  std::error_code ec;
  std::vector<fs::path> stale;
  for (const auto& e : fs::directory_iterator(ds_dir, ec)) {
    if (e.path().filename().string().rfind(kStagingPrefix, 0) == 0) stale.push_back(e.path());
  }
  for (const auto& p : stale) fs::remove_all(p, ec);
}

std::vector<fs::path> VersionDirs(const fs::path& ds_dir) {
  std::vector<fs::path> out;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(ds_dir, ec)) {
    std::string leaf = e.path().filename().string();
    if (e.is_directory(ec) && !leaf.empty() && leaf[0] != '.') out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

// Keeps the newest `keep` version directories and the current one; deletes older ones that
// tamiz update wrote (they hold a manifest). Directories placed by hand are never deleted.
void PruneVersions(const fs::path& ds_dir, int keep, const std::string& current) {
  std::vector<fs::path> versions = VersionDirs(ds_dir);
  std::error_code ec;
  size_t kept = 0;
  for (auto it = versions.rbegin(); it != versions.rend(); ++it) {
    if (it->filename() == current || kept < static_cast<size_t>(keep)) {
      ++kept;
      continue;
    }
    if (fs::is_regular_file(*it / kManifestFileName, ec)) fs::remove_all(*it, ec);
  }
}

// A parser message names files by their staging path; name them by file name instead.
std::string WithoutDir(std::string message, const fs::path& dir) {
  std::string prefix = dir.string() + "/";
  for (size_t at = message.find(prefix); at != std::string::npos; at = message.find(prefix)) {
    message.erase(at, prefix.size());
  }
  std::string bare = dir.string();
  for (size_t at = message.find(bare); at != std::string::npos; at = message.find(bare)) {
    message.replace(at, bare.size(), "(downloaded files)");
  }
  return message;
}

struct Fetched {
  const SourceFile* file = nullptr;
  std::string body;
  std::string etag;
  std::string last_modified;
  bool not_modified = false;
};

class ListUpdater {
 public:
  ListUpdater(const UpdateConfig& config, const Source& source, const UpdateOptions& options)
      : config_(config), source_(source), options_(options) {
    result_.dataset = source.dataset;
  }

  ListResult Run() {
    ds_dir_ = options_.data_dir / "lists" / source_.dataset;
    std::error_code ec;
    fs::create_directories(ds_dir_, ec);
    if (ec) return Fail(fmt::format("cannot create {}: {}", ds_dir_.string(), ec.message()));
    DatasetLock lock(ds_dir_ / ".lock");
    if (!lock.locked()) {
      return Fail(fmt::format("another update holds the lock {}", (ds_dir_ / ".lock").string()));
    }
    RemoveStaleStaging(ds_dir_);
    current_ = CurrentVersionDir(ds_dir_);
    if (!current_.empty()) {
      result_.old_version = current_.filename().string();
      result_.new_version = result_.old_version;
      auto m = ReadManifest(current_);
      if (m.ok()) current_manifest_ = std::move(m).value();
    }
    std::vector<Fetched> fetched;
    for (const auto& file : source_.files) {
      auto f = FetchOne(file);
      if (!f.ok()) return Fail(f.status().message());
      fetched.push_back(std::move(f).value());
    }
    bool all_not_modified = std::all_of(fetched.begin(), fetched.end(),
                                        [](const Fetched& f) { return f.not_modified; });
    if (all_not_modified) return Unchanged("not modified (HTTP 304)");
    if (SameAsCurrent(fetched)) {
      RefreshValidators(fetched);
      return Unchanged("same content as the current version");
    }
    return Install(fetched);
  }

 private:
  const ManifestFile* CurrentManifestFile(const SourceFile& file) const {
    for (const auto& f : current_manifest_.files) {
      if (f.name == file.name && f.url == file.url) return &f;
    }
    return nullptr;
  }

  Result<Fetched> FetchOne(const SourceFile& file) {
    Progress(fmt::format("update: {}: fetching {}", source_.dataset, file.url));
    FetchRequest req;
    req.url = file.url;
    req.max_bytes = source_.max_bytes;
    req.connect_timeout_ms = static_cast<long>(config_.connect_timeout_seconds * 1000);
    double timeout =
        source_.timeout_seconds > 0 ? source_.timeout_seconds : config_.timeout_seconds;
    req.timeout_ms = static_cast<long>(timeout * 1000);
    req.max_redirects = config_.max_redirects;
    req.allow_http = config_.allow_http;
    req.user_agent = config_.user_agent;
    std::error_code ec;
    const ManifestFile* known = CurrentManifestFile(file);
    if (known != nullptr && fs::is_regular_file(current_ / file.name, ec)) {
      req.etag = known->etag;
      req.last_modified = known->last_modified;
    }
    auto resp = Fetch(req);
    if (!resp.ok()) return resp.status();
    Fetched f;
    f.file = &file;
    f.etag = resp->etag;
    f.last_modified = resp->last_modified;
    if (resp->not_modified) {
      auto body = util::ReadFile(current_ / file.name, source_.max_bytes);
      if (!body.ok()) {
        return Status::IoError(
            fmt::format("{}: 304 Not Modified but the current copy is unreadable: {}", file.url,
                        body.status().message()));
      }
      f.body = std::move(body).value();
      f.not_modified = true;
      if (known != nullptr && f.etag.empty()) f.etag = known->etag;
      if (known != nullptr && f.last_modified.empty()) f.last_modified = known->last_modified;
    } else {
      f.body = std::move(resp->body);
    }
    return f;
  }

  bool SameAsCurrent(const std::vector<Fetched>& fetched) const {
    if (current_.empty()) return false;
    for (const auto& f : fetched) {
      auto old = util::ReadFile(current_ / f.file->name, source_.max_bytes);
      if (!old.ok() || util::Sha256Hex(*old) != util::Sha256Hex(f.body)) return false;
    }
    return true;
  }

  // Same bytes under new validators: store them so the next run can ask conditionally.
  void RefreshValidators(const std::vector<Fetched>& fetched) {
    if (current_manifest_.files.empty()) return;
    Manifest m = current_manifest_;
    bool changed = false;
    for (auto& mf : m.files) {
      for (const auto& f : fetched) {
        if (f.file->name == mf.name && (f.etag != mf.etag || f.last_modified != mf.last_modified)) {
          mf.etag = f.etag;
          mf.last_modified = f.last_modified;
          changed = true;
        }
      }
    }
    if (changed) (void)WriteManifest(current_, m);
  }

  ListResult Install(const std::vector<Fetched>& fetched) {
    static std::atomic<unsigned> counter{0};
    fs::path staging =
        ds_dir_ / fmt::format("{}{}-{}", kStagingPrefix, ::getpid(), counter.fetch_add(1));
    std::error_code ec;
    fs::create_directory(staging, ec);
    if (ec) return Fail(fmt::format("cannot create {}: {}", staging.string(), ec.message()));
    ListResult r = InstallFromStaging(fetched, staging);
    fs::remove_all(staging, ec);  // no-op after a successful rename
    return r;
  }

  ListResult InstallFromStaging(const std::vector<Fetched>& fetched, const fs::path& staging) {
    Manifest m;
    m.dataset = source_.dataset;
    m.fetched_at = FormatUtc("%Y-%m-%dT%H:%M:%SZ");
    std::string hashes;
    for (const auto& f : fetched) {
      Status s = util::WriteFileAtomic(staging / f.file->name, f.body);
      if (!s.ok()) return Fail(s.message());
      ManifestFile mf{f.file->name,  f.file->url, util::Sha256Hex(f.body),
                      f.body.size(), f.etag,      f.last_modified};
      hashes += mf.name + ":" + mf.sha256 + "\n";
      m.files.push_back(std::move(mf));
    }
    Progress(fmt::format("update: {}: validating", source_.dataset));
    auto parsed = sources::ParseListDir(staging, source_.dataset, sources::ParseOptions{});
    if (!parsed.ok()) {
      return Fail("validation failed: " + WithoutDir(parsed.status().message(), staging));
    }
    result_.new_count = parsed->entities.size();
    if (result_.new_count == 0)
      return Fail("validation failed: the downloaded list has no entities");
    m.format = parsed->version.format;
    m.data_date = parsed->version.date;
    m.entity_count = parsed->entities.size();
    m.relation_count = parsed->relations.size();
    result_.old_count = CurrentCount();
    if (result_.old_count > 0 && !options_.force &&
        static_cast<double>(result_.new_count) <
            static_cast<double>(result_.old_count) * (1.0 - config_.max_drop)) {
      double drop = 100.0 * (1.0 - static_cast<double>(result_.new_count) /
                                       static_cast<double>(result_.old_count));
      result_.outcome = Outcome::kRefused;
      result_.message = fmt::format(
          "entity count fell from {} to {} (-{:.1f}%), more than the allowed {:.0f}%; "
          "rerun with --force to accept it",
          result_.old_count, result_.new_count, drop, config_.max_drop * 100);
      return result_;
    }
    std::string today = options_.today.empty() ? FormatUtc("%Y-%m-%d") : options_.today;
    m.version = fmt::format("{}-{}", today, util::Sha256Hex(hashes).substr(0, 8));
    fs::path target = ds_dir_ / m.version;
    std::error_code ec;
    if (fs::exists(target, ec)) {
      if (target == current_) return Unchanged("same content as the current version");
    } else {
      Status s = WriteManifest(staging, m);
      if (!s.ok()) return Fail(s.message());
      fs::rename(staging, target, ec);
      if (ec) {
        return Fail(fmt::format("cannot rename {} to {}: {}", staging.string(), target.string(),
                                ec.message()));
      }
    }
    Status s = util::WriteFileAtomic(ds_dir_ / "current", m.version + "\n");
    if (!s.ok()) return Fail(s.message());
    PruneVersions(ds_dir_, config_.keep_versions, m.version);
    result_.outcome = Outcome::kUpdated;
    result_.new_version = m.version;
    result_.message = fmt::format("{} entities", result_.new_count);
    return result_;
  }

  // Entity count of the current version: from its manifest, else by parsing it (lenient).
  size_t CurrentCount() const {
    if (current_.empty()) return 0;
    if (current_manifest_.entity_count > 0) return current_manifest_.entity_count;
    sources::ParseOptions lenient;
    lenient.lenient = true;
    auto parsed = sources::ParseListDir(current_, source_.dataset, lenient);
    return parsed.ok() ? parsed->entities.size() : 0;
  }

  ListResult Unchanged(std::string why) {
    result_.outcome = Outcome::kUnchanged;
    result_.message = std::move(why);
    return result_;
  }

  ListResult Fail(std::string why) {
    result_.outcome = Outcome::kFailed;
    result_.new_version = result_.old_version;
    result_.message = std::move(why);
    return result_;
  }

  void Progress(const std::string& line) const {
    if (options_.progress) options_.progress(line);
  }

  const UpdateConfig& config_;
  const Source& source_;
  const UpdateOptions& options_;
  ListResult result_;
  fs::path ds_dir_;
  fs::path current_;
  Manifest current_manifest_;
};

std::string Summary(const ListResult& r) {
  std::string stays = r.old_version.empty() ? std::string("no version is installed")
                                            : fmt::format("{} stays current", r.old_version);
  switch (r.outcome) {
    case Outcome::kUnchanged:
      return fmt::format("update: {}: unchanged ({}); current {}", r.dataset, r.message,
                         r.old_version);
    case Outcome::kUpdated:
      if (r.old_version.empty()) {
        return fmt::format("update: {}: updated: new {} ({} entities)", r.dataset, r.new_version,
                           r.new_count);
      }
      return fmt::format("update: {}: updated {} -> {} ({} -> {} entities)", r.dataset,
                         r.old_version, r.new_version, r.old_count, r.new_count);
    case Outcome::kRefused:
      return fmt::format("update: {}: refused: {}; {}", r.dataset, r.message, stays);
    case Outcome::kFailed:
      return fmt::format("update: {}: failed: {}; {}", r.dataset, r.message, stays);
  }
  return "";
}

}  // namespace

std::string_view OutcomeName(Outcome o) {
  switch (o) {
    case Outcome::kUnchanged:
      return "unchanged";
    case Outcome::kUpdated:
      return "updated";
    case Outcome::kRefused:
      return "refused";
    case Outcome::kFailed:
      return "failed";
  }
  return "failed";
}

int UpdateReport::ExitCode() const {
  for (const auto& l : lists) {
    if (l.outcome == Outcome::kFailed || l.outcome == Outcome::kRefused) return 3;
  }
  return 0;
}

fs::path CurrentVersionDir(const fs::path& dataset_dir) {
  std::error_code ec;
  if (fs::path pin = dataset_dir / "current"; fs::is_regular_file(pin, ec)) {
    std::ifstream in(pin);
    std::string name;
    std::getline(in, name);
    if (!name.empty() && name[0] != '.' && name.find('/') == std::string::npos &&
        fs::is_directory(dataset_dir / name, ec)) {
      return dataset_dir / name;
    }
  }
  std::vector<fs::path> versions = VersionDirs(dataset_dir);
  return versions.empty() ? fs::path() : versions.back();
}

Result<UpdateReport> RunUpdate(const UpdateConfig& config, const UpdateOptions& options) {
  std::vector<const Source*> chosen;
  for (const auto& s : config.sources) {
    if (options.only.empty() || options.only == s.dataset) chosen.push_back(&s);
  }
  if (chosen.empty()) {
    return Status::InvalidArgument(
        fmt::format("--only {}: no such dataset in the update configuration", options.only));
  }
  UpdateReport report;
  bool any_updated = false;
  for (const Source* s : chosen) {
    ListResult r = ListUpdater(config, *s, options).Run();
    if (options.progress) options.progress(Summary(r));
    any_updated = any_updated || r.outcome == Outcome::kUpdated;
    report.lists.push_back(std::move(r));
  }
  if (any_updated && !options.notify_url.empty()) {
    std::string url = options.notify_url;
    while (!url.empty() && url.back() == '/') url.pop_back();
    url += "/admin/reload";
    Status s = PostWithBearer(url, options.api_key, 10'000, /*allow_http=*/true);
    if (s.ok()) {
      report.notified = true;
      if (options.progress) options.progress(fmt::format("update: notified {}", url));
    } else {
      report.notify_warning = s.message();
      if (options.progress) {
        options.progress(
            fmt::format("update: warning: could not notify the server: {}", s.message()));
      }
    }
  }
  return report;
}

}  // namespace tamiz::update
