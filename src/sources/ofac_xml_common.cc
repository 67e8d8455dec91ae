#include "sources/ofac_xml_common.h"

#include <fmt/format.h>

#include <algorithm>

#include "sources/ofac_remarks.h"
#include "sources/registry.h"
#include "util/file_io.h"

namespace tamiz::sources::ofac {

namespace fs = std::filesystem;

std::string XmlFile::Where(const pugi::xml_node& node) const {
  ptrdiff_t off = node.offset_debug();
  size_t line = off < 0 ? 0 : lines.LineOf(static_cast<size_t>(off));
  return fmt::format("{}:{}", name, line);
}

Status LoadXml(const fs::path& path, std::string_view root, const ParseOptions& options,
               XmlFile& file, ParsedList& out) {
  file.name = path.filename().string();
  auto data = util::ReadFile(path, options.max_file_bytes);
  if (!data.ok()) return data.status();
  file.data = std::move(data).value();
  out.version.sha256 = util::Sha256Hex(file.data);
  out.version.files.push_back(file.name);
  size_t bad = util::FindInvalidUtf8(file.data);
  if (bad != std::string::npos) {
    std::string msg = fmt::format("{}:{}: invalid UTF-8 at byte offset {}", file.name,
                                  util::LineOfOffset(file.data, bad), bad);
    if (!options.lenient) return Status::DataError(msg);
    out.warnings.push_back(msg + " (repaired with U+FFFD)");
    file.data = util::RepairUtf8(file.data);
  }
  file.lines = util::LineIndex(file.data);
  pugi::xml_parse_result r = file.doc.load_buffer_inplace(file.data.data(), file.data.size(),
                                                          pugi::parse_default, pugi::encoding_utf8);
  if (!r) {
    size_t off = r.offset < 0 ? 0 : static_cast<size_t>(r.offset);
    return Status::DataError(fmt::format("{}:{}: malformed XML: {}", file.name,
                                         file.lines.LineOf(off), r.description()));
  }
  pugi::xml_node top = file.doc.document_element();
  if (LocalName(top) != root) {
    return Status::DataError(fmt::format(
        "{}:{}: root element is <{}>, expected <{}>", file.name,
        file.lines.LineOf(static_cast<size_t>(std::max<ptrdiff_t>(0, top.offset_debug()))),
        top.name(), root));
  }
  return Status::Ok();
}

Status OpenXml(const fs::path& dir, std::string_view root, std::string_view format,
               const ParseOptions& options, XmlFile& file, ParsedList& out) {
  fs::path path = FindXmlWithRoot(dir, root);
  if (path.empty()) {
    return Status::NotFound(fmt::format("{}: no XML file with root <{}>", dir.string(), root));
  }
  out.version.format = std::string(format);
  out.version.path = dir.string();
  return LoadXml(path, root, options, file, out);
}

std::string ChildText(const pugi::xml_node& node, std::string_view name) {
  return Text(Child(node, name));
}

std::string Text(const pugi::xml_node& node) { return Trim(node.text().get()); }

}  // namespace tamiz::sources::ofac
