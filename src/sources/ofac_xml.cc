#include "sources/ofac_xml.h"

namespace tamiz::sources {

Result<ParsedList> ParseOfacXml(const std::filesystem::path& dir, const std::string&,
                                const ParseOptions&) {
  return Status::Internal(dir.string() + ": ofac_xml parser not implemented yet");
}

}  // namespace tamiz::sources
