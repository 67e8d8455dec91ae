// Adverse-media and payment free-text scanning: listed parties mentioned in text, unlisted
// person names, and risk topics (DESIGN.md, scan JSON shape; docs/SCAN.md). Thread-safe:
// reads the immutable snapshot only; a Scanner object is used by one thread at a time.
#pragma once

#include <array>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

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
// {"language": "en", "mentions": [...], "persons": [...], "topics": [...],
//  ["parties": [...] with options.payment], ["text": ...] with options.html}.
// kInvalidArgument when the text is not valid UTF-8 (message gives the byte offset and line).
Result<nlohmann::json> ScanToJson(const index::Snapshot& snapshot, std::string_view text,
                                  const ScanOptions& options);

class MentionIndex;

// Incremental scanning of a large input in chunks (paragraph-aligned), with memory bounded by
// the chunk plus the results. Coreference links short forms within a chunk only.
class Scanner {
 public:
  Scanner(const index::Snapshot& snapshot, ScanOptions options);
  ~Scanner();

  // Scans one chunk whose first byte is at offset `base` of the whole input.
  // REQUIRES: `chunk` is valid UTF-8 (see ValidateUtf8). Returns the chunk's mentions JSON
  // (also kept for Finish()), for streaming output.
  nlohmann::json Add(std::string_view chunk, size_t base);

  // The whole result so far (DESIGN.md shape).
  nlohmann::json Finish() const;

 private:
  struct TopicAcc {
    double weight = 0;
    size_t negated = 0;
    nlohmann::json evidence = nlohmann::json::array();
    nlohmann::json negated_evidence = nlohmann::json::array();
    nlohmann::json persons = nlohmann::json::array();
  };
  const index::Snapshot& snapshot_;
  ScanOptions options_;
  std::shared_ptr<const MentionIndex> index_;
  std::string language_;
  nlohmann::json mentions_ = nlohmann::json::array();
  nlohmann::json persons_ = nlohmann::json::array();
  nlohmann::json parties_ = nlohmann::json::array();
  std::vector<TopicAcc> topics_;
  std::unordered_map<std::string, std::pair<std::string, double>> screened_;  // name -> hit
};

// Status for the first invalid UTF-8 sequence of `text` (kInvalidArgument naming the byte
// offset, `base` added, and the line), or OK.
Status ValidateUtf8(std::string_view text, size_t base = 0, size_t base_line = 1);

}  // namespace tamiz::scan
