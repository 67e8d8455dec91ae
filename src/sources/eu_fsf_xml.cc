#include "sources/eu_fsf_xml.h"

namespace tamiz::sources {

Result<ParsedList> ParseEuFsfXml(const std::filesystem::path& dir, const std::string&,
                                 const ParseOptions&) {
  return Status::Internal(dir.string() + ": eu_fsf_xml parser not implemented yet");
}

}  // namespace tamiz::sources
