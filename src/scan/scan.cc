#include "scan/scan.h"

namespace tamiz::scan {

Result<nlohmann::json> ScanToJson(const index::Snapshot&, std::string_view, const ScanOptions&) {
  return Status::Unavailable("scan: not implemented yet");
}

}  // namespace tamiz::scan
