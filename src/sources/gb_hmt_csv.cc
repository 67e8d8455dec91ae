#include "sources/gb_hmt_csv.h"

namespace tamiz::sources {

Result<ParsedList> ParseGbHmtCsv(const std::filesystem::path& dir, const std::string&,
                                 const ParseOptions&) {
  return Status::Internal(dir.string() + ": gb_hmt_csv parser not implemented yet");
}

}  // namespace tamiz::sources
