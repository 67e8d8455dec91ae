#include "sources/un_xml_util.h"

#include <fmt/format.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <algorithm>

#include "sources/registry.h"
#include "util/file_io.h"

namespace tamiz::sources::xml {

namespace fs = std::filesystem;

size_t XmlFile::LineOfOffset(size_t offset) const { return lines.LineOf(offset); }

size_t XmlFile::LineOf(pugi::xml_node n) const {
  ptrdiff_t off = n.offset_debug();
  if (off < 0) return 0;
  return LineOfOffset(static_cast<size_t>(off));
}

std::string XmlFile::Ref(pugi::xml_node n) const { return fmt::format("{}:{}", name, LineOf(n)); }

Result<std::unique_ptr<XmlFile>> LoadXmlFile(const fs::path& path, const ParseOptions& options,
                                             std::vector<std::string>& warnings) {
  auto file = std::make_unique<XmlFile>();
  file->name = path.filename().string();
  auto bytes = util::ReadFile(path, options.max_file_bytes);
  if (!bytes.ok()) return bytes.status();
  file->data = std::move(bytes).value();
  file->sha256 = util::Sha256Hex(file->data);
  if (size_t bad = util::FindInvalidUtf8(file->data); bad != std::string::npos) {
    std::string where = fmt::format("{}:{}", file->name, util::LineOfOffset(file->data, bad));
    if (!options.lenient) {
      return Status::DataError(fmt::format("{}: invalid UTF-8 (byte 0x{:02X} at offset {})", where,
                                           static_cast<unsigned char>(file->data[bad]), bad));
    }
    warnings.push_back(fmt::format("{}: invalid UTF-8 replaced with U+FFFD", where));
    file->data = util::RepairUtf8(file->data);
  }
  file->lines = util::LineIndex(file->data);
  pugi::xml_parse_result r =
      file->doc.load_buffer(file->data.data(), file->data.size(),
                            pugi::parse_default | pugi::parse_trim_pcdata, pugi::encoding_utf8);
  if (!r) {
    size_t off = r.offset < 0 ? 0 : static_cast<size_t>(r.offset);
    return Status::DataError(fmt::format("{}:{}: malformed XML: {} (offset {})", file->name,
                                         file->LineOfOffset(off), r.description(), off));
  }
  return file;
}

fs::path FindXmlWithRoot(const fs::path& dir, std::string_view root) {
  std::error_code ec;
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    if (e.path().extension() == ".xml") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    if (XmlRootElement(f) == root) return f;
  }
  return {};
}

Result<std::unique_ptr<XmlFile>> OpenXmlList(const fs::path& dir, std::string_view root,
                                             const std::string& dataset, std::string_view title,
                                             std::string_view format, const ParseOptions& options,
                                             ParsedList& out) {
  fs::path path = FindXmlWithRoot(dir, root);
  if (path.empty()) {
    return Status::DataError(
        fmt::format("{}: no XML file with root <{}> in this directory", dir.string(), root));
  }
  auto loaded = LoadXmlFile(path, options, out.warnings);
  if (!loaded.ok()) return loaded.status();
  const XmlFile& file = *loaded.value();
  out.version.dataset = dataset;
  out.version.title = std::string(title);
  out.version.format = std::string(format);
  out.version.path = dir.string();
  out.version.files.push_back(file.name);
  out.version.sha256 = file.sha256;
  return loaded;
}

Status SkipRecord(const Status& bad, const ParseOptions& options, ParsedList& out) {
  if (!options.lenient) return bad;
  return SkipOrFail(bad.message() + " (record skipped)", options, out);
}

Status CountRecord(size_t& count, const XmlFile& file, pugi::xml_node record,
                   const ParseOptions& options) {
  if (++count <= options.max_records) return Status::Ok();
  return Status::DataError(
      fmt::format("{}: more than {} records", file.Ref(record), options.max_records));
}

std::string_view LocalName(pugi::xml_node n) {
  std::string_view name = n.name();
  auto colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

pugi::xml_node Child(pugi::xml_node n, std::string_view name) {
  for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_element && LocalName(c) == name) return c;
  }
  return {};
}

std::vector<pugi::xml_node> Children(pugi::xml_node n, std::string_view name) {
  std::vector<pugi::xml_node> out;
  for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_element && LocalName(c) == name) out.push_back(c);
  }
  return out;
}

std::vector<pugi::xml_node> Descendants(pugi::xml_node n, std::string_view name) {
  // pugixml's traverse() is iterative, so deep nesting cannot overflow the stack.
  struct Walker : pugi::xml_tree_walker {
    std::string_view wanted;
    std::vector<pugi::xml_node> found;
    bool for_each(pugi::xml_node& c) override {
      if (c.type() == pugi::node_element && LocalName(c) == wanted) found.push_back(c);
      return true;
    }
  } walker;
  walker.wanted = name;
  n.traverse(walker);
  return std::move(walker.found);
}

std::string OwnText(pugi::xml_node n) {
  if (!n) return "";
  std::string all;
  for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
      if (!all.empty()) all += ' ';
      all += c.value();
    }
  }
  return Clean(all);
}

std::string Text(pugi::xml_node n, std::string_view name) { return OwnText(Child(n, name)); }

std::string Attr(pugi::xml_node n, std::string_view name) {
  for (pugi::xml_attribute a = n.first_attribute(); a; a = a.next_attribute()) {
    std::string_view an = a.name();
    auto colon = an.find(':');
    if (colon != std::string_view::npos) an = an.substr(colon + 1);
    if (an == name) return Clean(a.value());
  }
  return "";
}

std::string Clean(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool pending_space = false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    bool blank = c == ' ' || c == '\t' || c == '\r' || c == '\n';
    if (!blank && c == '\xC2' && i + 1 < s.size() && s[i + 1] == '\xA0') {  // NBSP
      blank = true;
      ++i;
    }
    if (blank) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    out += c;
  }
  return out;
}

Status CheckTextLimits(const XmlFile& file, pugi::xml_node record, std::string_view label,
                       size_t max_bytes) {
  struct Walker : pugi::xml_tree_walker {
    size_t max = 0;
    pugi::xml_node bad;
    size_t bad_size = 0;
    bool too_deep = false;
    bool for_each(pugi::xml_node& n) override {
      if (depth() >= kMaxRecordDepth) {
        bad = n.type() == pugi::node_element ? n : n.parent();
        too_deep = true;
        return false;
      }
      size_t size = 0;
      if (n.type() == pugi::node_pcdata || n.type() == pugi::node_cdata) {
        size = std::char_traits<char>::length(n.value());
      } else if (n.type() == pugi::node_element) {
        for (pugi::xml_attribute a = n.first_attribute(); a; a = a.next_attribute()) {
          size = std::max(size, std::char_traits<char>::length(a.value()));
        }
      }
      if (size > max) {
        bad = n.type() == pugi::node_element ? n : n.parent();
        bad_size = size;
        return false;
      }
      return true;
    }
  } walker;
  walker.max = max_bytes;
  record.traverse(walker);
  if (!walker.bad) return Status::Ok();
  if (walker.too_deep) {
    return Status::DataError(fmt::format("{}: record {}: <{}>: elements nested more than {} deep",
                                         file.Ref(walker.bad), label, LocalName(walker.bad),
                                         kMaxRecordDepth));
  }
  return Status::DataError(
      fmt::format("{}: record {}: <{}>: text of {} bytes is over the limit of {}",
                  file.Ref(walker.bad), label, LocalName(walker.bad), walker.bad_size, max_bytes));
}

std::string DetectScript(std::string_view utf8) {
  size_t i = 0;
  while (i < utf8.size()) {
    auto b = static_cast<unsigned char>(utf8[i]);
    size_t len = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
    if (b >= 0x80 && b < 0xC0) len = 1;  // stray continuation byte: skip it
    if (i + len > utf8.size()) break;
    auto c = static_cast<UChar32>(len == 1   ? b
                                  : len == 2 ? b & 0x1F
                                  : len == 3 ? b & 0x0F
                                             : b & 0x07);
    for (size_t k = 1; k < len; ++k) {
      c = (c << 6) | static_cast<UChar32>(static_cast<unsigned char>(utf8[i + k]) & 0x3F);
    }
    i += len;
    if (!u_isalpha(c)) continue;
    UErrorCode err = U_ZERO_ERROR;
    UScriptCode code = uscript_getScript(c, &err);
    if (U_FAILURE(err) || code == USCRIPT_COMMON || code == USCRIPT_INHERITED) continue;
    const char* short_name = uscript_getShortName(code);
    return short_name != nullptr ? short_name : "";
  }
  return "";
}

void AddUnique(std::vector<std::string>& out, std::string value) {
  if (value.empty()) return;
  if (std::find(out.begin(), out.end(), value) != out.end()) return;
  out.push_back(std::move(value));
}

std::string JoinNonEmpty(const std::vector<std::string>& parts, std::string_view sep) {
  std::string out;
  for (const auto& p : parts) {
    if (p.empty()) continue;
    if (!out.empty()) out += sep;
    out += p;
  }
  return out;
}

}  // namespace tamiz::sources::xml
