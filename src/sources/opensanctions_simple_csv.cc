#include "sources/opensanctions_simple_csv.h"

namespace tamiz::sources {

Result<ParsedList> ParseOpenSanctionsSimpleCsv(const std::filesystem::path& dir, const std::string&,
                                               const ParseOptions&) {
  return Status::Internal(dir.string() + ": opensanctions_simple_csv parser not implemented yet");
}

}  // namespace tamiz::sources
