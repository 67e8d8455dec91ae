#include "sources/ftm_json.h"

namespace tamiz::sources {

Result<ParsedList> ParseFtmJson(const std::filesystem::path& dir, const std::string&,
                                const ParseOptions&) {
  return Status::Internal(dir.string() + ": ftm_json parser not implemented yet");
}

}  // namespace tamiz::sources
