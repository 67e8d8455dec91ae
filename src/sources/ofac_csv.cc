#include "sources/ofac_csv.h"

namespace tamiz::sources {

Result<ParsedList> ParseOfacCsv(const std::filesystem::path& dir, const std::string&,
                                const ParseOptions&) {
  return Status::Internal(dir.string() + ": ofac_csv parser not implemented yet");
}

}  // namespace tamiz::sources
