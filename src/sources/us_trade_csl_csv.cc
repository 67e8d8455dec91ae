#include "sources/us_trade_csl_csv.h"

namespace tamiz::sources {

Result<ParsedList> ParseUsTradeCslCsv(const std::filesystem::path& dir, const std::string&,
                                      const ParseOptions&) {
  return Status::Internal(dir.string() + ": us_trade_csl_csv parser not implemented yet");
}

}  // namespace tamiz::sources
