#include "sources/custom_csv.h"

namespace tamiz::sources {

Result<ParsedList> ParseCustomCsv(const std::filesystem::path& dir, const std::string&,
                                  const ParseOptions&) {
  return Status::Internal(dir.string() + ": custom_csv parser not implemented yet");
}

}  // namespace tamiz::sources
