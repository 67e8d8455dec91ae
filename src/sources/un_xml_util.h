// Helpers shared by the XML list parsers of this folder (UN, UK FCDO, Canada SEMA, EU FSF;
// OFAC reuses the lookup functions):
// loading a file with UTF-8 and size checks, namespace-agnostic child lookup, whitespace
// clean-up, per-record text limits, file:line references and script detection.
// Thread-compatible: an XmlFile is read-only after LoadXmlFile returns.
#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <pugixml.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "sources/parse_options.h"
#include "tamiz/entity.h"
#include "tamiz/status.h"
#include "util/file_io.h"

namespace tamiz::sources::xml {

// A parsed XML file that still knows its bytes, so that nodes map back to lines.
struct XmlFile {
  std::string name;  // file name used in messages ("consolidated.xml")
  std::string data;  // the bytes pugixml parsed (UTF-8-repaired in lenient mode)
  std::string sha256;
  pugi::xml_document doc;
  util::LineIndex lines;

  // 1-based line of byte `offset` (O(log lines)).
  size_t LineOfOffset(size_t offset) const;
  // 1-based line where element `n` starts; 0 when unknown.
  size_t LineOf(pugi::xml_node n) const;
  // "name:line" of `n`.
  std::string Ref(pugi::xml_node n) const;
};

// Reads and parses `path`. Fails with kIoError when unreadable and kDataError naming
// "file:line" for invalid UTF-8 (unless options.lenient, which repairs it and adds a warning to
// `warnings`), a file over options.max_file_bytes, or malformed XML (cut mid-element, ...).
Result<std::unique_ptr<XmlFile>> LoadXmlFile(const std::filesystem::path& path,
                                             const ParseOptions& options,
                                             std::vector<std::string>& warnings);

// The first *.xml file in `dir` (sorted by name) whose root element is `root`; empty when none.
std::filesystem::path FindXmlWithRoot(const std::filesystem::path& dir, std::string_view root);

// Finds the *.xml file in `dir` whose root element is `root` (kDataError naming `dir` when
// none) and loads it with LoadXmlFile, warnings going to `out`. Fills the fields of out.version
// that every XML list shares: dataset, title, format, path, files and sha256.
Result<std::unique_ptr<XmlFile>> OpenXmlList(const std::filesystem::path& dir,
                                             std::string_view root, const std::string& dataset,
                                             std::string_view title, std::string_view format,
                                             const ParseOptions& options, ParsedList& out);

// What to do with a record that failed a check: strict mode returns `bad`; lenient mode adds
// "<message> (record skipped)" to out.warnings, counts it in out.version.skipped and returns Ok.
Status SkipRecord(const Status& bad, const ParseOptions& options, ParsedList& out);

// kDataError "file:line: more than N records" once `count` (incremented here) exceeds
// options.max_records.
Status CountRecord(size_t& count, const XmlFile& file, pugi::xml_node record,
                   const ParseOptions& options);

// Element name without a namespace prefix.
std::string_view LocalName(pugi::xml_node n);
// First child element with local name `name` (null node when none).
pugi::xml_node Child(pugi::xml_node n, std::string_view name);
// Every child element with local name `name`, in document order.
std::vector<pugi::xml_node> Children(pugi::xml_node n, std::string_view name);
// Every descendant element of `n` with local name `name`, in document order.
std::vector<pugi::xml_node> Descendants(pugi::xml_node n, std::string_view name);
// Clean(text of the first child element named `name`); "" when absent.
std::string Text(pugi::xml_node n, std::string_view name);
// Clean(text of `n` itself).
std::string OwnText(pugi::xml_node n);
// Clean(value of the attribute with local name `name`); "" when absent.
std::string Attr(pugi::xml_node n, std::string_view name);

// Trims and collapses every run of ASCII blanks (space, tab, CR, LF) and NBSP to one space.
std::string Clean(std::string_view s);

// Deepest element nesting accepted below a record element.
inline constexpr int kMaxRecordDepth = 16;

// Fails with kDataError "file:line: record <label>: <element>: text of N bytes is over the
// limit of M" when any text node or attribute value under `record` is longer than `max_bytes`,
// or "...: elements nested more than 16 deep" when nesting exceeds kMaxRecordDepth.
// Iterative (pugixml traverse), so hostile nesting cannot exhaust the stack.
Status CheckTextLimits(const XmlFile& file, pugi::xml_node record, std::string_view label,
                       size_t max_bytes);

// ISO 15924 code ("Arab", "Cyrl", "Hani", "Latn", ...) of the first letter of `utf8` that is
// not in the Common or Inherited script (ICU uscript); "" when there is none.
std::string DetectScript(std::string_view utf8);

// Appends `value` to `out` unless empty or already present.
void AddUnique(std::vector<std::string>& out, std::string value);

// Joins the non-empty `parts` with `sep`.
std::string JoinNonEmpty(const std::vector<std::string>& parts, std::string_view sep);

}  // namespace tamiz::sources::xml
