// The list formats tamiz reads, and how a data directory is turned into parsed lists.
//
// Layout of a data directory: `<data>/lists/<dataset>/<version>/<files>`, where <version> is
// an ISO date (optionally with a suffix) and the newest version of each dataset is loaded.
// The format of a version directory is found by sniffing its files (see Sniff* below).
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "sources/parse_options.h"
#include "tamiz/entity.h"
#include "tamiz/status.h"

namespace tamiz::sources {

// One list format. `sniff` is given a version directory and answers whether this format is
// in it; `parse` reads it as dataset `dataset`. Parsers return kDataError with file:line.
struct Format {
  std::string name;  // "ofac-csv", "ofac-xml", "un-xml", ...
  std::function<bool(const std::filesystem::path& dir)> sniff;
  std::function<Result<ParsedList>(const std::filesystem::path& dir, const std::string& dataset,
                                   const ParseOptions& options)>
      parse;
};

// Every registered format, in sniffing order.
const std::vector<Format>& Formats();

// Finds the format of a version directory; nullptr when none matches.
const Format* DetectFormat(const std::filesystem::path& dir);

// Reads the root element name of an XML file (skipping the prolog and comments), reading at
// most the first 64 KiB. Empty when the file is not XML or unreadable.
std::string XmlRootElement(const std::filesystem::path& file);

// Parses one version directory with its detected format, and fills version.date from the
// directory name when the parser did not find a publish date in the data.
Result<ParsedList> ParseListDir(const std::filesystem::path& dir, const std::string& dataset,
                                const ParseOptions& options);

// Loads the newest version of every dataset under `<data_dir>/lists`. Fails on the first
// list that fails to parse (the message names file:line).
Result<std::vector<ParsedList>> LoadDataDir(const std::filesystem::path& data_dir,
                                            const ParseOptions& options);

}  // namespace tamiz::sources
