#include "update/manifest.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "util/file_io.h"

namespace tamiz::update {

namespace fs = std::filesystem;
using nlohmann::json;

Status WriteManifest(const fs::path& dir, const Manifest& m) {
  json files = json::array();
  for (const auto& f : m.files) {
    files.push_back({{"name", f.name},
                     {"url", f.url},
                     {"sha256", f.sha256},
                     {"bytes", f.bytes},
                     {"etag", f.etag},
                     {"last_modified", f.last_modified}});
  }
  json j = {{"dataset", m.dataset},
            {"version", m.version},
            {"fetched_at", m.fetched_at},
            {"format", m.format},
            {"data_date", m.data_date},
            {"entity_count", m.entity_count},
            {"relation_count", m.relation_count},
            {"files", files}};
  return util::WriteFileAtomic(dir / kManifestFileName, j.dump(2) + "\n");
}

Result<Manifest> ReadManifest(const fs::path& dir) {
  fs::path path = dir / kManifestFileName;
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) {
    return Status::NotFound(fmt::format("{}: no manifest", path.string()));
  }
  auto text = util::ReadFile(path, size_t{16} << 20);
  if (!text.ok()) return text.status();
  json j = json::parse(*text, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object()) return Status::DataError(fmt::format("{}: not a JSON object", path.string()));
  auto str = [&j](const char* key) {
    auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
  };
  auto num = [](const json& o, const char* key) {
    auto it = o.find(key);
    return it != o.end() && it->is_number_unsigned() ? it->get<size_t>() : size_t{0};
  };
  Manifest m;
  m.dataset = str("dataset");
  m.version = str("version");
  m.fetched_at = str("fetched_at");
  m.format = str("format");
  m.data_date = str("data_date");
  m.entity_count = num(j, "entity_count");
  m.relation_count = num(j, "relation_count");
  if (auto it = j.find("files"); it != j.end() && it->is_array()) {
    for (const auto& f : *it) {
      if (!f.is_object()) {
        return Status::DataError(fmt::format("{}: files[] must hold objects", path.string()));
      }
      auto fstr = [&f](const char* key) {
        auto i = f.find(key);
        return i != f.end() && i->is_string() ? i->get<std::string>() : std::string();
      };
      m.files.push_back({fstr("name"), fstr("url"), fstr("sha256"), num(f, "bytes"), fstr("etag"),
                         fstr("last_modified")});
    }
  }
  return m;
}

}  // namespace tamiz::update
