#include "diff/diff.h"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <functional>
#include <set>
#include <unordered_map>

#include "sources/registry.h"

namespace tamiz::diff {

namespace fs = std::filesystem;

namespace {

using Values = std::vector<std::string>;  // sorted, unique

struct Field {
  const char* name;
  bool multi;
  std::function<Values(const Entity&)> values;
};

Values Sorted(Values v) {
  v.erase(std::remove(v.begin(), v.end(), std::string()), v.end());
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
  return v;
}

Values One(const std::string& s) { return s.empty() ? Values{} : Values{s}; }

std::string Joined(std::initializer_list<std::pair<const char*, const std::string*>> parts) {
  std::string out;
  for (const auto& [label, value] : parts) {
    if (value->empty()) continue;
    if (!out.empty()) out += ", ";
    if (*label != '\0') out += fmt::format("{} ", label);
    out += *value;
  }
  return out;
}

std::string AddressText(const Address& a) {
  if (!a.full.empty()) return a.full;
  return Joined(
      {{"", &a.street}, {"", &a.city}, {"", &a.postal_code}, {"", &a.region}, {"", &a.country}});
}

std::string IdentifierText(const Identifier& id) {
  std::string s = id.type.empty() ? id.number : fmt::format("{} {}", id.type, id.number);
  if (!id.country.empty()) s += fmt::format(" ({})", id.country);
  if (!id.note.empty()) s += fmt::format(" [{}]", id.note);
  return s;
}

std::string NameText(const Name& n) {
  switch (n.kind) {
    case NameKind::kPrimary:
      return n.full;
    case NameKind::kStrongAlias:
      return n.full;
    case NameKind::kWeakAlias:
      return n.full + " (weak)";
    case NameKind::kFormer:
      return n.full + " (former)";
  }
  return n.full;
}

const std::vector<Field>& Fields() {
  static const std::vector<Field> kFields = {
      {"name", false, [](const Entity& e) { return One(e.caption); }},
      {"schema", false,
       [](const Entity& e) {
         return e.schema == Schema::kUnknown ? Values{} : Values{std::string(SchemaName(e.schema))};
       }},
      {"aliases", true,
       [](const Entity& e) {
         Values v;
         for (const auto& n : e.names) {
           if (n.kind != NameKind::kPrimary) v.push_back(NameText(n));
         }
         return Sorted(std::move(v));
       }},
      {"birth_dates", true,
       [](const Entity& e) {
         Values v;
         for (const auto& d : e.birth_dates) {
           std::string iso = d.ToIso();
           v.push_back(iso.empty() ? d.raw : (d.circa ? "circa " + iso : iso));
         }
         return Sorted(std::move(v));
       }},
      {"birth_places", true, [](const Entity& e) { return Sorted(e.birth_places); }},
      {"nationalities", true, [](const Entity& e) { return Sorted(e.nationalities); }},
      {"citizenships", true, [](const Entity& e) { return Sorted(e.citizenships); }},
      {"gender", false, [](const Entity& e) { return One(e.gender); }},
      {"identifiers", true,
       [](const Entity& e) {
         Values v;
         for (const auto& id : e.identifiers) v.push_back(IdentifierText(id));
         return Sorted(std::move(v));
       }},
      {"addresses", true,
       [](const Entity& e) {
         Values v;
         for (const auto& a : e.addresses) v.push_back(AddressText(a));
         return Sorted(std::move(v));
       }},
      {"programs", true, [](const Entity& e) { return Sorted(e.programs); }},
      {"titles", true, [](const Entity& e) { return Sorted(e.titles); }},
      {"positions", true, [](const Entity& e) { return Sorted(e.positions); }},
      {"websites", true, [](const Entity& e) { return Sorted(e.websites); }},
      {"emails", true, [](const Entity& e) { return Sorted(e.emails); }},
      {"sanctions_info", true, [](const Entity& e) { return Sorted(e.sanctions_info); }},
      {"vessel", true,
       [](const Entity& e) {
         Values v;
         if (!e.vessel) return v;
         const VesselInfo& s = *e.vessel;
         v = {s.imo.empty() ? "" : "IMO " + s.imo,
              s.mmsi.empty() ? "" : "MMSI " + s.mmsi,
              s.flag.empty() ? "" : "flag " + s.flag,
              s.call_sign.empty() ? "" : "call sign " + s.call_sign,
              s.vessel_type.empty() ? "" : "type " + s.vessel_type,
              s.tonnage.empty() ? "" : "tonnage " + s.tonnage,
              s.owner.empty() ? "" : "owner " + s.owner};
         return Sorted(std::move(v));
       }},
      {"listed_on", false, [](const Entity& e) { return One(e.listed_on); }},
      {"remarks", false, [](const Entity& e) { return One(e.remarks); }},
  };
  return kFields;
}

bool Carries(const ParsedList& list, const Field& f) {
  return std::any_of(list.entities.begin(), list.entities.end(),
                     [&f](const Entity& e) { return !f.values(e).empty(); });
}

std::string Key(const Entity& e) { return e.record_id.empty() ? e.id : e.record_id; }

void CompareField(const Field& f, const Entity& a, const Entity& b, std::vector<FieldChange>& out) {
  Values va = f.values(a);
  Values vb = f.values(b);
  if (va == vb) return;
  if (!f.multi) {
    out.push_back({f.name, va.empty() ? "" : va[0], vb.empty() ? "" : vb[0]});
    return;
  }
  Values removed, added;
  std::set_difference(va.begin(), va.end(), vb.begin(), vb.end(), std::back_inserter(removed));
  std::set_difference(vb.begin(), vb.end(), va.begin(), va.end(), std::back_inserter(added));
  for (auto& v : removed) out.push_back({f.name, std::move(v), ""});
  for (auto& v : added) out.push_back({f.name, "", std::move(v)});
}

nlohmann::json SideJson(const ParsedList& l) {
  return {{"path", l.version.path},
          {"entities", l.entities.size()},
          {"format", l.version.format},
          {"date", l.version.date}};
}

}  // namespace

ListDiff DiffLists(const ParsedList& older, const ParsedList& newer) {
  ListDiff d;
  std::vector<const Field*> fields;
  for (const auto& f : Fields()) {
    if (Carries(older, f) && Carries(newer, f)) {
      fields.push_back(&f);
      d.fields_compared.push_back(f.name);
    } else {
      d.fields_skipped.push_back(f.name);
    }
  }
  std::unordered_map<std::string, const Entity*> old_by_key;
  for (const auto& e : older.entities) old_by_key.emplace(Key(e), &e);
  std::unordered_map<std::string, const Entity*> new_by_key;
  for (const auto& e : newer.entities) new_by_key.emplace(Key(e), &e);
  for (const auto& e : older.entities) {
    if (new_by_key.find(Key(e)) == new_by_key.end()) d.removed.push_back({e.id, e.caption});
  }
  std::set<std::string> seen;
  for (const auto& e : newer.entities) {
    if (!seen.insert(Key(e)).second) continue;  // a duplicate record id: compare the first
    auto it = old_by_key.find(Key(e));
    if (it == old_by_key.end()) {
      d.added.push_back({e.id, e.caption});
      continue;
    }
    EntityChange c{e.id, e.caption, {}};
    for (const Field* f : fields) CompareField(*f, *it->second, e, c.changes);
    if (c.changes.empty()) {
      ++d.unchanged;
    } else {
      d.changed.push_back(std::move(c));
    }
  }
  return d;
}

nlohmann::json DiffToJson(const std::string& dataset, const DiffInputs& in, const ListDiff& d) {
  const ParsedList& older = in.older;
  const ParsedList& newer = in.newer;
  using nlohmann::json;
  auto refs = [](const std::vector<EntityRef>& v) {
    json a = json::array();
    for (const auto& r : v) a.push_back({{"id", r.id}, {"caption", r.caption}});
    return a;
  };
  json changed = json::array();
  for (const auto& c : d.changed) {
    json changes = json::array();
    for (const auto& f : c.changes) {
      changes.push_back({{"field", f.field}, {"old", f.old_value}, {"new", f.new_value}});
    }
    changed.push_back({{"id", c.id}, {"caption", c.caption}, {"changes", changes}});
  }
  return {{"dataset", dataset},
          {"old", SideJson(older)},
          {"new", SideJson(newer)},
          {"added", refs(d.added)},
          {"removed", refs(d.removed)},
          {"changed", changed},
          {"summary",
           {{"added", d.added.size()},
            {"removed", d.removed.size()},
            {"changed", d.changed.size()},
            {"unchanged", d.unchanged}}},
          {"fields_compared", d.fields_compared},
          {"fields_skipped", d.fields_skipped},
          {"files_compared", in.files_compared},
          {"files_ignored", in.files_ignored}};
}

std::string DiffToText(const std::string& dataset, const DiffInputs& in, const ListDiff& d) {
  const ParsedList& older = in.older;
  const ParsedList& newer = in.newer;
  std::string out;
  auto side = [](const ParsedList& l) {
    std::string date = l.version.date.empty() ? "" : fmt::format(", {}", l.version.date);
    return fmt::format("{} ({} entities{})", l.version.path, l.entities.size(), date);
  };
  out += fmt::format("{}: {}\n  -> {}\n", dataset, side(older), side(newer));
  out += fmt::format("added {}, removed {}, changed {}, unchanged {}\n", d.added.size(),
                     d.removed.size(), d.changed.size(), d.unchanged);
  if (!in.files_ignored.empty()) {
    out += fmt::format("files compared: {}; ignored (in one version only): {}\n",
                       fmt::join(in.files_compared, ", "), fmt::join(in.files_ignored, ", "));
  }
  out += fmt::format("fields compared: {}\n", fmt::join(d.fields_compared, ", "));
  if (!d.fields_skipped.empty()) {
    out += fmt::format("not compared (absent from one version): {}\n",
                       fmt::join(d.fields_skipped, ", "));
  }
  if (!d.added.empty()) out += "\nAdded:\n";
  for (const auto& r : d.added) out += fmt::format("  + {}  {}\n", r.id, r.caption);
  if (!d.removed.empty()) out += "\nRemoved:\n";
  for (const auto& r : d.removed) out += fmt::format("  - {}  {}\n", r.id, r.caption);
  if (!d.changed.empty()) out += "\nChanged:\n";
  for (const auto& c : d.changed) {
    out += fmt::format("  ~ {}  {}\n", c.id, c.caption);
    for (const auto& f : c.changes) {
      if (f.old_value.empty()) {
        out += fmt::format("      {}: + {}\n", f.field, f.new_value);
      } else if (f.new_value.empty()) {
        out += fmt::format("      {}: - {}\n", f.field, f.old_value);
      } else {
        out += fmt::format("      {}: {} -> {}\n", f.field, f.old_value, f.new_value);
      }
    }
  }
  return out;
}

namespace {

// Regular files of a version directory, sorted (manifest.json is tamiz's, not the list's).
std::vector<std::string> ListFiles(const fs::path& dir) {
  std::vector<std::string> out;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    std::string name = e.path().filename().string();
    if (e.is_regular_file(ec) && name != "manifest.json" && name[0] != '.') out.push_back(name);
  }
  std::sort(out.begin(), out.end());
  return out;
}

// A temporary directory of symlinks to `files` of `dir`, named like `dir` (the registry reads
// the version date from the directory name). Removed when destroyed.
class FileSubset {
 public:
  FileSubset(const fs::path& dir, const std::vector<std::string>& files) {
    static std::atomic<unsigned> counter{0};
    root_ = fs::temp_directory_path() /
            fmt::format("tamiz-diff-{}-{}", ::getpid(), counter.fetch_add(1));
    path_ = root_ / fs::absolute(dir).filename();
    if (path_.filename().empty()) path_ = root_ / fs::absolute(dir).parent_path().filename();
    std::error_code ec;
    fs::create_directories(path_, ec);
    for (const auto& f : files) {
      if (!ec) fs::create_symlink(fs::absolute(dir / f), path_ / f, ec);
    }
    status_ =
        ec ? Status::IoError(fmt::format("{}: {}", path_.string(), ec.message())) : Status::Ok();
  }
  ~FileSubset() {
    std::error_code ec;
    fs::remove_all(root_, ec);
  }
  FileSubset(const FileSubset&) = delete;
  FileSubset& operator=(const FileSubset&) = delete;

  const fs::path& path() const { return path_; }
  const Status& status() const { return status_; }

 private:
  fs::path root_;
  fs::path path_;
  Status status_;
};

Result<ParsedList> ParseSide(const fs::path& dir, const std::vector<std::string>& all,
                             const std::vector<std::string>& common, const std::string& dataset,
                             const sources::ParseOptions& options) {
  if (all == common) return sources::ParseListDir(dir, dataset, options);
  FileSubset subset(dir, common);
  if (!subset.status().ok()) return subset.status();
  auto parsed = sources::ParseListDir(subset.path(), dataset, options);
  if (!parsed.ok()) {
    // Name the user's directory, not the temporary one.
    std::string msg = parsed.status().message();
    std::string tmp = subset.path().string();
    for (size_t at = msg.find(tmp); at != std::string::npos; at = msg.find(tmp)) {
      msg.replace(at, tmp.size(), dir.string());
    }
    return Status(parsed.status().code(), msg);
  }
  parsed->version.path = dir.string();
  return parsed;
}

}  // namespace

Result<DiffInputs> LoadDiffInputs(const fs::path& old_dir, const fs::path& new_dir,
                                  const std::string& dataset,
                                  const sources::ParseOptions& options) {
  DiffInputs in;
  std::vector<std::string> old_files = ListFiles(old_dir);
  std::vector<std::string> new_files = ListFiles(new_dir);
  std::set_intersection(old_files.begin(), old_files.end(), new_files.begin(), new_files.end(),
                        std::back_inserter(in.files_compared));
  std::set_symmetric_difference(old_files.begin(), old_files.end(), new_files.begin(),
                                new_files.end(), std::back_inserter(in.files_ignored));
  // Without common files (two formats, or renamed files) compare everything each side has.
  const std::vector<std::string>& old_use =
      in.files_compared.empty() ? old_files : in.files_compared;
  const std::vector<std::string>& new_use =
      in.files_compared.empty() ? new_files : in.files_compared;
  if (in.files_compared.empty()) in.files_ignored.clear();
  auto older = ParseSide(old_dir, old_files, old_use, dataset, options);
  if (!older.ok()) return older.status();
  auto newer = ParseSide(new_dir, new_files, new_use, dataset, options);
  if (!newer.ok()) return newer.status();
  in.older = std::move(older).value();
  in.newer = std::move(newer).value();
  return in;
}

}  // namespace tamiz::diff
