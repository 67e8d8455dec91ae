// Adverse-media and payment free-text scanning: listed parties mentioned in text, unlisted
// person names, and risk topics (DESIGN.md, scan JSON shape; docs/SCAN.md). Thread-safe:
// reads the immutable snapshot only; a Scanner object is used by one thread at a time.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
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

// One mention / person occurrence of a scan (DESIGN.md scan shape; ToJson gives the JSON).
struct MentionOut {
  std::string text;
  size_t start = 0, end = 0;       // UTF-8 byte offsets into the whole input
  const Entity* entity = nullptr;  // owned by the snapshot
  double score = 0;
  std::string_view kind;  // "name", "coreference", "party"
  uint16_t topics = 0;    // bit t: topic kTopicKeys[t] raised in the same sentence
};

struct PersonOut {
  std::string name;
  size_t start = 0, end = 0;
  std::string entity_id;  // empty when not listed
  uint16_t topics = 0;
};

struct ChunkResult {
  std::vector<MentionOut> mentions;
  std::vector<PersonOut> persons;
};

nlohmann::json ToJson(const MentionOut& m);
nlohmann::json ToJson(const PersonOut& p);
// Appends the same JSON as ToJson, compact, without building a json value (streaming output).
void AppendJson(std::string& out, const MentionOut& m);
void AppendJson(std::string& out, const PersonOut& p);

// Incremental scanning of a large input in chunks (paragraph-aligned), with memory bounded by
// the chunk plus the results. Coreference links short forms within a chunk only.
class Scanner {
 public:
  Scanner(const index::Snapshot& snapshot, ScanOptions options);
  ~Scanner();

  // Scans one chunk whose first byte is at offset `base` of the whole input.
  // REQUIRES: `chunk` is valid UTF-8 (see ValidateUtf8). Returns the chunk's mentions and
  // persons for streaming output (also kept for Finish() unless KeepOccurrences(false)).
  ChunkResult Add(std::string_view chunk, size_t base);

  // With false, Finish() has empty "mentions" and "persons" (the caller streamed them), so
  // memory stays flat however long the input.
  void KeepOccurrences(bool keep) { keep_ = keep; }

  // The whole result so far (DESIGN.md shape).
  nlohmann::json Finish() const;

 private:
  struct TopicAcc {
    double weight = 0;
    size_t negated = 0;
    nlohmann::json evidence = nlohmann::json::array();
    nlohmann::json negated_evidence = nlohmann::json::array();
    nlohmann::json persons = nlohmann::json::array();
    std::unordered_set<std::string> person_names;
  };
  const index::Snapshot& snapshot_;
  ScanOptions options_;
  bool keep_ = true;
  std::shared_ptr<const MentionIndex> index_;
  std::string language_;
  std::vector<MentionOut> mentions_;
  std::vector<PersonOut> persons_;
  nlohmann::json parties_ = nlohmann::json::array();
  std::vector<TopicAcc> topics_;
  std::unordered_map<std::string, std::pair<std::string, double>> screened_;  // name -> hit
};

// Status for the first invalid UTF-8 sequence of `text` (kInvalidArgument naming the byte
// offset, `base` added, and the line), or OK.
Status ValidateUtf8(std::string_view text, size_t base = 0, size_t base_line = 1);

}  // namespace tamiz::scan
