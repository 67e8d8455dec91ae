// Finding listed names in running text. A MentionIndex holds, for every person and
// organization name of a snapshot, the token sequences ("forms") under which the name is
// written in prose: the listed order ("CABELLO RONDON, Diosdado"), the natural order
// ("Diosdado Cabello Rondon"), the Hispanic given name + first surname ("Diosdado Cabello"),
// first given name + surname(s); organizations without their legal form. Tokens are hashed
// phonetic keys (text::PhoneticKey), so spelling variants that share a key match; the index
// maps the first two keys of each form (or the only one) to the forms, so the text is read
// once, left to right, with one hash probe per capitalized word (an n-gram automaton).
// Candidate spans are verified with the matcher's scorer (match::ScoreNames).
//
// Built once per snapshot and cached (MentionIndex::For); immutable afterwards, so any number
// of threads may use it.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include "index/snapshot.h"
#include "scan/document.h"
#include "text/analyze.h"

namespace tamiz::scan {

enum class FormKind : uint8_t { kListed = 0, kNatural, kGivenFirstSurname, kShort, kOrg };

struct MentionPattern {
  uint32_t name = 0;  // index into MatchData::names
  uint32_t key_off = 0;
  uint8_t len = 0;       // tokens
  uint8_t comma_at = 0;  // a comma may precede token comma_at (listed order); 0 = none
  FormKind form = FormKind::kListed;
  text::NameType type = text::NameType::kPerson;
  uint32_t surname_mask = 0;  // bit i: token i is a surname token (coreference short form)
  uint32_t text_off = 0, text_len = 0;
  float rarity = 1.0f;  // mean token weight (index/match_data.h IDF) of the form's tokens
  bool weak = false;    // from a weak alias
};

class MentionIndex {
 public:
  // The index of `snapshot`, built on first use and cached per snapshot (the last few
  // snapshots seen; keyed by address and content fingerprint). Thread-safe.
  static std::shared_ptr<const MentionIndex> For(const index::Snapshot& snapshot);
  // Builds an index without caching.
  static std::shared_ptr<const MentionIndex> Build(const index::Snapshot& snapshot);

  using Bucket = std::pair<uint64_t, uint32_t>;  // (hash of the first keys, pattern)
  // Forms whose first two keys are (k1, k2), or whose only key is k1 (k2 = 0); a hash
  // bucket, so the caller still compares the keys.
  std::span<const Bucket> Lookup(uint64_t k1, uint64_t k2) const;
  bool IsFirstKey(uint64_t k) const {
    if ((filter_[(k >> 6) & kFilterMask] & (uint64_t{1} << (k & 63))) == 0) return false;
    return first_keys_.count(k) > 0;
  }

  const MentionPattern& pattern(uint32_t i) const { return patterns_[i]; }
  uint64_t key(const MentionPattern& p, size_t i) const { return keys_[p.key_off + i]; }
  std::string_view text(const MentionPattern& p) const {
    return std::string_view(arena_).substr(p.text_off, p.text_len);
  }
  size_t size() const { return patterns_.size(); }

 private:
  std::vector<MentionPattern> patterns_;
  std::vector<uint64_t> keys_;
  std::string arena_;
  std::vector<Bucket> buckets_;  // sorted by hash
  std::unordered_set<uint64_t> first_keys_;
  // One-hash Bloom filter over first_keys_ (1 MiB bits), checked before the set.
  static constexpr uint64_t kFilterMask = (1u << 14) - 1;
  std::vector<uint64_t> filter_ = std::vector<uint64_t>(kFilterMask + 1, 0);
};

// Hash of a folded token's phonetic key, as stored in the index.
uint64_t TokenKey(std::string_view folded);

struct RawMention {
  uint32_t word = 0, end_word = 0;  // words [word, end_word)
  uint32_t entity = 0;              // index into Snapshot::entities()
  uint32_t name = 0;                // index into MatchData::names of the matched name
  double score = 0;
  bool coreference = false;  // a short form linked to an earlier (or later) full mention
  std::string form;          // the listed form that matched ("diosdado cabello")
};

struct MentionOptions {
  double threshold = 0.8;
  bool any_case = false;  // every word may start a name (lowercase or all-caps text)
};

// Full mentions of listed names in `doc`, then short forms linked by coreference: a
// capitalized surname token of an entity mentioned in full elsewhere in the document links to
// the nearest full mention (the preceding one, else the following). A lone surname with no
// full mention is never reported. Sorted by position, non-overlapping.
std::vector<RawMention> FindMentions(const index::Snapshot& snapshot, const MentionIndex& index,
                                     const Document& doc, const MentionOptions& options);

// The obviously-correct reference: for every form of every name, search the folded word
// sequence of `doc` for it (no phonetic keys; exact folded tokens). Slow; for benchmarks.
size_t CountMentionsNaive(const index::Snapshot& snapshot, const MentionIndex& index,
                          const Document& doc);

}  // namespace tamiz::scan
