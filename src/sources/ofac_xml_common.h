// XML plumbing shared by the three OFAC XML parsers: loading a file with UTF-8 and
// well-formedness checks that report file:line, namespace-agnostic element lookup, and
// offset-to-line conversion. Thread-compatible.
#pragma once

#include <filesystem>
#include <pugixml.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "sources/parse_options.h"
#include "sources/un_xml_util.h"
#include "tamiz/entity.h"
#include "tamiz/status.h"
#include "util/file_io.h"

namespace tamiz::sources::ofac {

// A loaded XML file: its bytes (owned, referenced in place by `doc`), DOM and line index.
struct XmlFile {
  std::string name;  // file name for messages
  std::string data;
  pugi::xml_document doc;
  util::LineIndex lines;

  // "name:line" of `node`.
  std::string Where(const pugi::xml_node& node) const;
};

// The first *.xml file in `dir` (sorted by name) whose root element is `root`; empty if none.
using xml::FindXmlWithRoot;

// Reads and parses `path`. Fails with kDataError "name:line: ..." on invalid UTF-8 (unless
// options.lenient, which repairs it and adds a warning to `out`) and on malformed XML
// (always: a broken tree cannot be skipped record by record). Checks the root local name.
Status LoadXml(const std::filesystem::path& path, std::string_view root,
               const ParseOptions& options, XmlFile& file, ParsedList& out);

// Finds the *.xml file in `dir` whose root element is `root` (kNotFound naming `dir` when
// none), sets out.version.format and .path, and loads it into `file` with LoadXml.
Status OpenXml(const std::filesystem::path& dir, std::string_view root, std::string_view format,
               const ParseOptions& options, XmlFile& file, ParsedList& out);

// Namespace-agnostic lookup, shared with the other XML parsers: LocalName ("sdnEntry" for
// "ns:sdnEntry"), Child (first child element by local name) and Children (all of them).
using xml::Child;
using xml::Children;
using xml::LocalName;
// Trimmed text of child `name` ("" when absent).
std::string ChildText(const pugi::xml_node& node, std::string_view name);
// Trimmed text content of `node`.
std::string Text(const pugi::xml_node& node);

}  // namespace tamiz::sources::ofac
