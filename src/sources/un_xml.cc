#include "sources/un_xml.h"

namespace tamiz::sources {

Result<ParsedList> ParseUnXml(const std::filesystem::path& dir, const std::string&,
                              const ParseOptions&) {
  return Status::Internal(dir.string() + ": un_xml parser not implemented yet");
}

}  // namespace tamiz::sources
