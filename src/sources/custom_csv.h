// Custom internal lists: CSV plus a column mapping in list.toml. See docs/formats/custom-csv.md.
// Thread-compatible: a pure function of its inputs.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "sources/parse_options.h"
#include "tamiz/entity.h"
#include "tamiz/status.h"

namespace tamiz::sources {

// Parses the list in version directory `dir` as dataset `dataset`. Returns kDataError naming
// file:line (or XML path) and record on malformed input, unless options.lenient.
Result<ParsedList> ParseCustomCsv(const std::filesystem::path& dir, const std::string& dataset,
                                  const ParseOptions& options);

// How the columns of a custom CSV map onto entity fields. Column fields hold a header name as
// written in the CSV (matched case-insensitively, blanks trimmed); empty = not mapped. Only
// `name` is required. Built from list.toml by ParseCustomCsv, or directly (e.g. CLI flags).
struct CustomMapping {
  std::string title;                 // ListVersion::title; the dataset name when empty
  std::string date;                  // ListVersion::date (ISO), optional
  std::string source = "list.toml";  // where the mapping came from, for error messages
  char delimiter = ',';

  std::string id;  // record id column; when empty the record id is the CSV line number
  std::string name;
  std::string aliases;  // several aliases split on alias_separator
  std::string alias_separator = ";";
  std::string schema;                             // values mapped through schema_map
  std::map<std::string, std::string> schema_map;  // cell value -> FtM schema name
  std::string dob;
  std::string country;
  std::string nationality;
  std::string gender;
  std::string address;
  std::string id_number;  // identifier column; its type is id_number_type or the header name
  std::string id_number_type;
  std::string program;
  std::string position;
  std::string notes;
  std::string first_name;  // name parts, when the list keeps them apart
  std::string last_name;

  std::string default_schema = "Person";  // FtM schema name for rows without a mapped schema
  std::vector<std::string> default_topics;
};

// Parses `csv` with `mapping` as dataset `dataset`. A mapped column missing from the CSV header,
// or an unknown schema name, is a kDataError naming mapping.source and the key ("columns.dob").
// A row without a name (or id, when mapped) fails with file:line, or is skipped with that
// warning when options.lenient. Rows with the same id are merged.
Result<ParsedList> ParseCustomCsvWithMapping(const std::filesystem::path& csv,
                                             const CustomMapping& mapping,
                                             const std::string& dataset,
                                             const ParseOptions& options);

// Reads a list.toml file into a mapping; `csv_file` receives its `file` key (empty when absent).
// TOML syntax errors and unknown or mistyped keys are kDataError naming list.toml:line.
Result<CustomMapping> ReadCustomMapping(const std::filesystem::path& toml_file,
                                        std::string& csv_file);

}  // namespace tamiz::sources
