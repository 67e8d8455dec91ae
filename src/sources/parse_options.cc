#include "sources/parse_options.h"

#include <utility>

namespace tamiz::sources {

Status SkipOrFail(std::string message, const ParseOptions& options, ParsedList& out) {
  if (!options.lenient) return Status::DataError(std::move(message));
  out.warnings.push_back(std::move(message));
  ++out.version.skipped;
  return Status::Ok();
}

}  // namespace tamiz::sources
