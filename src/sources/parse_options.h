// Limits and leniency shared by every list parser.
#pragma once

#include <cstddef>
#include <string>

#include "tamiz/entity.h"
#include "tamiz/status.h"

namespace tamiz::sources {

struct ParseOptions {
  // When true a malformed record is skipped, counted in ListVersion::skipped and described in
  // ParsedList::warnings; when false the first malformed record fails the whole file.
  bool lenient = false;
  size_t max_field_bytes = 1 << 20;  // one CSV field / XML text node
  size_t max_records = 10'000'000;
  size_t max_file_bytes = size_t{2} << 30;
};

// What every parser does with a malformed record: strict mode fails with kDataError
// `message`; lenient mode adds `message` to out.warnings, counts the skip in
// out.version.skipped and returns Ok so parsing goes on.
Status SkipOrFail(std::string message, const ParseOptions& options, ParsedList& out);

}  // namespace tamiz::sources
