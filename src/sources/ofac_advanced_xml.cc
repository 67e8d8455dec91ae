#include "sources/ofac_advanced_xml.h"

namespace tamiz::sources {

Result<ParsedList> ParseOfacAdvancedXml(const std::filesystem::path& dir, const std::string&,
                                        const ParseOptions&) {
  return Status::Internal(dir.string() + ": ofac_advanced_xml parser not implemented yet");
}

}  // namespace tamiz::sources
