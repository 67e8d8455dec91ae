#include "sources/senzing_json.h"

namespace tamiz::sources {

Result<ParsedList> ParseSenzingJson(const std::filesystem::path& dir, const std::string&,
                                    const ParseOptions&) {
  return Status::Internal(dir.string() + ": senzing_json parser not implemented yet");
}

}  // namespace tamiz::sources
