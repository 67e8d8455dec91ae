#include "sources/gb_fcdo_xml.h"

namespace tamiz::sources {

Result<ParsedList> ParseGbFcdoXml(const std::filesystem::path& dir, const std::string&,
                                  const ParseOptions&) {
  return Status::Internal(dir.string() + ": gb_fcdo_xml parser not implemented yet");
}

}  // namespace tamiz::sources
