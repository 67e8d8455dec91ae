#include "sources/registry.h"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <regex>

#include "sources/ca_sema_xml.h"
#include "sources/custom_csv.h"
#include "sources/eu_fsf_xml.h"
#include "sources/ftm_json.h"
#include "sources/gb_fcdo_xml.h"
#include "sources/gb_hmt_csv.h"
#include "sources/ofac_advanced_xml.h"
#include "sources/ofac_csv.h"
#include "sources/ofac_enhanced_xml.h"
#include "sources/ofac_xml.h"
#include "sources/opensanctions_simple_csv.h"
#include "sources/ownership_csv.h"
#include "sources/senzing_json.h"
#include "sources/un_xml.h"
#include "sources/us_trade_csl_csv.h"
#include "util/file_io.h"

namespace tamiz::sources {

namespace fs = std::filesystem;

namespace {

bool HasFile(const fs::path& dir, const char* name) {
  std::error_code ec;
  return fs::is_regular_file(dir / name, ec);
}

// True when some file in `dir` has a name ending in `suffix`.
bool HasSuffix(const fs::path& dir, std::string_view suffix) {
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    std::string n = e.path().filename().string();
    if (n.size() >= suffix.size() &&
        n.compare(n.size() - suffix.size(), suffix.size(), suffix) == 0)
      return true;
  }
  return false;
}

// True when `file` starts (after a BOM) with `prefix`.
bool StartsWith(const fs::path& file, std::string_view prefix) {
  std::string head = util::ReadFilePrefix(file, prefix.size() + 3);
  if (head.rfind("\xEF\xBB\xBF", 0) == 0) head.erase(0, 3);
  return head.rfind(prefix, 0) == 0;
}

// True when some *.xml file in `dir` has root element `root`.
bool HasXmlRoot(const fs::path& dir, std::string_view root) {
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    if (e.path().extension() == ".xml" && XmlRootElement(e.path()) == root) return true;
  }
  return false;
}

std::vector<Format> BuildFormats() {
  std::vector<Format> f;
  f.push_back(
      {"ofac-csv",
       [](const fs::path& d) { return HasFile(d, "sdn.csv") || HasFile(d, "cons_prim.csv"); },
       ParseOfacCsv});
  f.push_back(
      {"ofac-xml", [](const fs::path& d) { return HasXmlRoot(d, "sdnList"); }, ParseOfacXml});
  f.push_back({"ofac-advanced-xml", [](const fs::path& d) { return HasXmlRoot(d, "Sanctions"); },
               ParseOfacAdvancedXml});
  f.push_back({"ofac-enhanced-xml",
               [](const fs::path& d) { return HasXmlRoot(d, "sanctionsData"); },
               ParseOfacEnhancedXml});
  f.push_back(
      {"un-xml", [](const fs::path& d) { return HasXmlRoot(d, "CONSOLIDATED_LIST"); }, ParseUnXml});
  f.push_back({"gb-fcdo-xml", [](const fs::path& d) { return HasXmlRoot(d, "Designations"); },
               ParseGbFcdoXml});
  f.push_back(
      {"eu-fsf-xml", [](const fs::path& d) { return HasXmlRoot(d, "export"); }, ParseEuFsfXml});
  f.push_back(
      {"ca-sema-xml", [](const fs::path& d) { return HasXmlRoot(d, "data-set"); }, ParseCaSemaXml});
  f.push_back(
      {"custom-csv", [](const fs::path& d) { return HasFile(d, "list.toml"); }, ParseCustomCsv});
  f.push_back(
      {"gb-hmt-csv", [](const fs::path& d) { return HasFile(d, "ConList.csv"); }, ParseGbHmtCsv});
  f.push_back({"us-trade-csl-csv",
               [](const fs::path& d) {
                 return HasFile(d, "consolidated.csv") &&
                        StartsWith(d / "consolidated.csv", "_id,");
               },
               ParseUsTradeCslCsv});
  f.push_back({"opensanctions-simple-csv",
               [](const fs::path& d) { return HasSuffix(d, ".simple.csv"); },
               ParseOpenSanctionsSimpleCsv});
  f.push_back({"senzing-json", [](const fs::path& d) { return HasSuffix(d, "senzing.json"); },
               ParseSenzingJson});
  f.push_back(
      {"ftm-json",
       [](const fs::path& d) { return HasSuffix(d, ".ftm.json") || HasSuffix(d, ".ftm.jsonl"); },
       ParseFtmJson});
  f.push_back({"ownership-csv", [](const fs::path& d) { return HasFile(d, "ownership.csv"); },
               ParseOwnershipCsv});
  return f;
}

}  // namespace

const std::vector<Format>& Formats() {
  static const std::vector<Format> kFormats = BuildFormats();
  return kFormats;
}

const Format* DetectFormat(const fs::path& dir) {
  for (const auto& f : Formats()) {
    if (f.sniff(dir)) return &f;
  }
  return nullptr;
}

std::string XmlRootElement(const fs::path& file) {
  const std::string buf = util::ReadFilePrefix(file, 64 * 1024);
  size_t i = 0;
  while (true) {
    i = buf.find('<', i);
    if (i == std::string::npos || i + 1 >= buf.size()) return "";
    char c = buf[i + 1];
    if (c == '?' || c == '!') {  // prolog, comment, doctype
      if (buf.compare(i, 4, "<!--") == 0) {
        auto end = buf.find("-->", i);
        if (end == std::string::npos) return "";
        i = end + 3;
      } else {
        auto end = buf.find('>', i);
        if (end == std::string::npos) return "";
        i = end + 1;
      }
      continue;
    }
    size_t j = i + 1;
    while (j < buf.size() && buf[j] != ' ' && buf[j] != '>' && buf[j] != '/' && buf[j] != '\t' &&
           buf[j] != '\r' && buf[j] != '\n') {
      ++j;
    }
    std::string name = buf.substr(i + 1, j - i - 1);
    auto colon = name.find(':');  // drop a namespace prefix
    if (colon != std::string::npos) name = name.substr(colon + 1);
    return name;
  }
}

Result<ParsedList> ParseListDir(const fs::path& dir, const std::string& dataset,
                                const ParseOptions& options) {
  const Format* format = DetectFormat(dir);
  if (format == nullptr) {
    return Status::DataError(
        fmt::format("{}: no known list format in this directory", dir.string()));
  }
  auto parsed = format->parse(dir, dataset, options);
  if (!parsed.ok()) return parsed;
  ParsedList list = std::move(parsed).value();
  list.version.dataset = dataset;
  if (list.version.format.empty()) list.version.format = format->name;
  if (list.version.path.empty()) list.version.path = dir.string();
  if (list.version.date.empty()) {
    static const std::regex kDate(R"(^(\d{4}-\d{2}(-\d{2})?))");
    std::smatch m;
    std::string leaf = dir.filename().string();
    if (std::regex_search(leaf, m, kDate)) list.version.date = m[1].str();
  }
  list.version.entity_count = list.entities.size();
  list.version.relation_count = list.relations.size();
  return list;
}

Result<std::vector<ParsedList>> LoadDataDir(const fs::path& data_dir, const ParseOptions& options) {
  fs::path lists_dir = data_dir / "lists";
  std::error_code ec;
  if (!fs::is_directory(lists_dir, ec)) {
    return Status::IoError(fmt::format(
        "{}: not a directory (expected <data>/lists/<dataset>/<version>/)", lists_dir.string()));
  }
  std::vector<fs::path> datasets;
  for (const auto& e : fs::directory_iterator(lists_dir, ec)) {
    if (e.is_directory()) datasets.push_back(e.path());
  }
  std::sort(datasets.begin(), datasets.end());
  std::vector<ParsedList> out;
  for (const auto& ds : datasets) {
    std::vector<fs::path> versions;
    for (const auto& e : fs::directory_iterator(ds, ec)) {
      if (e.is_directory() && e.path().filename().string()[0] != '.') versions.push_back(e.path());
    }
    if (versions.empty()) continue;
    std::sort(versions.begin(), versions.end());
    // A `current` file may pin the version to load (written by `tamiz update`).
    fs::path chosen = versions.back();
    if (auto pin = ds / "current"; fs::is_regular_file(pin, ec)) {
      std::ifstream in(pin);
      std::string name;
      std::getline(in, name);
      if (!name.empty() && fs::is_directory(ds / name, ec)) chosen = ds / name;
    }
    auto parsed = ParseListDir(chosen, ds.filename().string(), options);
    if (!parsed.ok()) return parsed.status();
    out.push_back(std::move(parsed).value());
  }
  return out;
}

}  // namespace tamiz::sources
