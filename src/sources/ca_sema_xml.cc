#include "sources/ca_sema_xml.h"

namespace tamiz::sources {

Result<ParsedList> ParseCaSemaXml(const std::filesystem::path& dir, const std::string&,
                                  const ParseOptions&) {
  return Status::Internal(dir.string() + ": ca_sema_xml parser not implemented yet");
}

}  // namespace tamiz::sources
