// Adverse-media and payment free-text scanning: listed parties mentioned in text, unlisted
// person names, and risk topics (DESIGN.md, scan JSON shape). Thread-safe: reads the
// immutable snapshot only.
#pragma once

#include <nlohmann/json.hpp>
#include <string_view>

#include "index/snapshot.h"
#include "tamiz/screen.h"
#include "tamiz/status.h"

namespace tamiz::scan {

struct ScanOptions {
  bool html = false;     // strip tags and decode entities first; offsets refer to the text
  bool payment = false;  // payment free text: strip party labels ("BENEFICIARY:", "FIELD 59:")
  double threshold = kDefaultThreshold;
};

// Scans `text` and returns the DESIGN.md scan JSON:
// {"mentions": [...], "persons": [...], "topics": [...], "language": "en", ["text": ...]}.
// kInvalidArgument when the text is not valid UTF-8 (message gives the byte offset).
Result<nlohmann::json> ScanToJson(const index::Snapshot& snapshot, std::string_view text,
                                  const ScanOptions& options);

}  // namespace tamiz::scan
