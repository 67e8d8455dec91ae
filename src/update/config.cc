#include "update/config.h"

#include <fmt/format.h>
#include <toml++/toml.h>

#include "util/file_io.h"

namespace tamiz::update {

namespace {

std::string Where(std::string_view name, const toml::source_region& r) {
  return fmt::format("{}:{}", name, r.begin.line);
}

// A dataset name becomes a directory name: keep it to a safe alphabet.
bool IsSafeDatasetName(std::string_view s) {
  if (s.empty() || s.size() > 100 || s[0] == '.') return false;
  for (char c : s) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '_' || c == '-' || c == '.';
    if (!ok) return false;
  }
  return true;
}

bool IsSafeFileName(std::string_view s) {
  return IsSafeDatasetName(s) && s != "manifest.json" && s != "current";
}

Result<double> ReadSeconds(const toml::node& node, std::string_view name, std::string_view key) {
  auto v = node.value<double>();
  if (!v || *v <= 0 || *v > 86400) {
    return Status::InvalidArgument(fmt::format("{}: '{}' must be a number of seconds in (0, 86400]",
                                               Where(name, node.source()), key));
  }
  return *v;
}

Result<Source> ParseSource(const toml::table& t, size_t index, std::string_view name) {
  Source s;
  std::string where = fmt::format("{}: source {}", Where(name, t.source()), index + 1);
  auto dataset = t["dataset"].value<std::string>();
  if (!dataset || !IsSafeDatasetName(*dataset)) {
    return Status::InvalidArgument(
        fmt::format("{}: 'dataset' must be a name of letters, digits, '_', '-' or '.'", where));
  }
  s.dataset = *dataset;
  where += fmt::format(" ({})", s.dataset);
  const toml::array* files = t["files"].as_array();
  if (files == nullptr || files->empty()) {
    return Status::InvalidArgument(fmt::format("{}: 'files' must be a non-empty array", where));
  }
  for (const toml::node& f : *files) {
    SourceFile file;
    if (auto url = f.value<std::string>()) {
      file.url = *url;
    } else if (const toml::table* ft = f.as_table()) {
      file.url = (*ft)["url"].value_or(std::string());
      file.name = (*ft)["name"].value_or(std::string());
    } else {
      return Status::InvalidArgument(fmt::format(
          "{}: each file is a URL string or a table {{url = \"...\", name = \"...\"}}", where));
    }
    if (file.url.rfind("https://", 0) != 0 && file.url.rfind("http://", 0) != 0) {
      return Status::InvalidArgument(
          fmt::format("{}: '{}' is not an http(s) URL", where, file.url));
    }
    if (file.name.empty()) file.name = UrlFileName(file.url);
    if (!IsSafeFileName(file.name)) {
      return Status::InvalidArgument(fmt::format(
          "{}: cannot use '{}' as a file name for {}; give one with {{url = ..., name = ...}}",
          where, file.name, file.url));
    }
    for (const auto& other : s.files) {
      if (other.name == file.name) {
        return Status::InvalidArgument(
            fmt::format("{}: two files are both named '{}'", where, file.name));
      }
    }
    s.files.push_back(std::move(file));
  }
  if (const toml::node* n = t.get("max_bytes")) {
    auto v = n->value<int64_t>();
    if (!v || *v <= 0) {
      return Status::InvalidArgument(
          fmt::format("{}: 'max_bytes' must be a positive integer", where));
    }
    s.max_bytes = static_cast<size_t>(*v);
  }
  if (const toml::node* n = t.get("timeout_seconds")) {
    auto v = ReadSeconds(*n, name, "timeout_seconds");
    if (!v.ok()) return v.status();
    s.timeout_seconds = *v;
  }
  return s;
}

}  // namespace

std::string UrlFileName(std::string_view url) {
  auto scheme = url.find("://");
  if (scheme != std::string_view::npos) url.remove_prefix(scheme + 3);
  url = url.substr(0, url.find_first_of("?#"));
  auto slash = url.find('/');
  if (slash == std::string_view::npos) return "";
  url.remove_prefix(slash);
  return std::string(url.substr(url.rfind('/') + 1));
}

Result<UpdateConfig> ParseUpdateConfig(std::string_view text, std::string_view name) {
  toml::table root;
  try {
    root = toml::parse(text, name);
  } catch (const toml::parse_error& e) {
    return Status::InvalidArgument(
        fmt::format("{}:{}: {}", name, e.source().begin.line, e.description()));
  }
  UpdateConfig c;
  if (const toml::node* n = root.get("allow_http")) {
    auto v = n->value<bool>();
    if (!v) {
      return Status::InvalidArgument(
          fmt::format("{}: 'allow_http' must be true or false", Where(name, n->source())));
    }
    c.allow_http = *v;
  }
  if (const toml::node* n = root.get("connect_timeout_seconds")) {
    auto v = ReadSeconds(*n, name, "connect_timeout_seconds");
    if (!v.ok()) return v.status();
    c.connect_timeout_seconds = *v;
  }
  if (const toml::node* n = root.get("timeout_seconds")) {
    auto v = ReadSeconds(*n, name, "timeout_seconds");
    if (!v.ok()) return v.status();
    c.timeout_seconds = *v;
  }
  if (const toml::node* n = root.get("max_redirects")) {
    auto v = n->value<int64_t>();
    if (!v || *v < 0 || *v > 20) {
      return Status::InvalidArgument(
          fmt::format("{}: 'max_redirects' must be in [0, 20]", Where(name, n->source())));
    }
    c.max_redirects = static_cast<long>(*v);
  }
  if (const toml::node* n = root.get("max_drop")) {
    auto v = n->value<double>();
    if (!v || *v < 0 || *v > 1) {
      return Status::InvalidArgument(
          fmt::format("{}: 'max_drop' must be a fraction in [0, 1]", Where(name, n->source())));
    }
    c.max_drop = *v;
  }
  if (const toml::node* n = root.get("keep_versions")) {
    auto v = n->value<int64_t>();
    if (!v || *v < 1 || *v > 100) {
      return Status::InvalidArgument(
          fmt::format("{}: 'keep_versions' must be in [1, 100]", Where(name, n->source())));
    }
    c.keep_versions = static_cast<int>(*v);
  }
  if (const toml::node* n = root.get("user_agent")) {
    auto v = n->value<std::string>();
    if (!v || v->empty()) {
      return Status::InvalidArgument(
          fmt::format("{}: 'user_agent' must be a string", Where(name, n->source())));
    }
    c.user_agent = *v;
  }
  const toml::array* sources = root["source"].as_array();
  if (sources == nullptr || sources->empty()) {
    return Status::InvalidArgument(
        fmt::format("{}: no [[source]] entries (each needs dataset and files)", name));
  }
  for (size_t i = 0; i < sources->size(); ++i) {
    const toml::table* t = (*sources)[i].as_table();
    if (t == nullptr) {
      return Status::InvalidArgument(fmt::format("{}: 'source' must be an array of tables", name));
    }
    auto s = ParseSource(*t, i, name);
    if (!s.ok()) return s.status();
    for (const auto& other : c.sources) {
      if (other.dataset == s->dataset) {
        return Status::InvalidArgument(fmt::format("{}: dataset '{}' is configured twice",
                                                   Where(name, t->source()), s->dataset));
      }
    }
    c.sources.push_back(std::move(s).value());
  }
  for (const auto& s : c.sources) {
    for (const auto& f : s.files) {
      if (!c.allow_http && f.url.rfind("https://", 0) != 0) {
        return Status::InvalidArgument(
            fmt::format("{}: {}: {} is plain http; only https is allowed unless allow_http = true",
                        name, s.dataset, f.url));
      }
    }
  }
  return c;
}

Result<UpdateConfig> LoadUpdateConfig(const std::filesystem::path& path) {
  auto text = util::ReadFile(path, size_t{1} << 20);
  if (!text.ok()) return text.status();
  return ParseUpdateConfig(*text, path.string());
}

}  // namespace tamiz::update
