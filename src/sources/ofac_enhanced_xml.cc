#include "sources/ofac_enhanced_xml.h"

namespace tamiz::sources {

Result<ParsedList> ParseOfacEnhancedXml(const std::filesystem::path& dir, const std::string&,
                                        const ParseOptions&) {
  return Status::Internal(dir.string() + ": ofac_enhanced_xml parser not implemented yet");
}

}  // namespace tamiz::sources
