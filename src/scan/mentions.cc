#include "scan/mentions.h"

#include <algorithm>
#include <array>
#include <mutex>
#include <unordered_map>

#include "index/match_data.h"
#include "match/score.h"
#include "match/screen.h"
#include "scan/lexicon.h"
#include "text/phonetic.h"
#include "text/tables.h"
#include "text/tokenize.h"
#include "text/transliterate.h"

namespace tamiz::scan {

namespace {

constexpr size_t kMaxFormTokens = 12;
constexpr size_t kMinSingleTokenOrg = 5;
// Derived forms (given name + first surname, first given name + surnames) and weak aliases
// alert only when their tokens are rare enough (mean IDF weight): "Diosdado Cabello" (0.87)
// does, "Maria Garcia" (0.69) does not.
constexpr float kMinDerivedRarity = 0.75f;
// Two-word person names made of common tokens ("Mohammed Ali", 0.53) do not alert either.
constexpr float kMinTwoWordRarity = 0.6f;

uint64_t Mix(uint64_t k1, uint64_t k2) {
  uint64_t h = k1 * 0x9E3779B97F4A7C15ull;
  h ^= (k2 + 0x7F4A7C159E3779B9ull) + (h << 6) + (h >> 2);
  return h;
}

std::vector<std::string> Tokens(std::string_view s) {
  return text::TokenTexts(text::FoldToAscii(s));
}

bool IsParticle(std::string_view t) {
  return text::GetTables().particles.count(std::string(t)) > 0;
}

void StripHonorifics(std::vector<std::string>& t) {
  const auto& h = text::GetTables().honorifics;
  while (t.size() > 1 && h.count(t.front()) > 0) t.erase(t.begin());
  while (t.size() > 1 && t.back().size() > 1 && h.count(t.back()) > 0) t.pop_back();
}

// First surname: leading particles plus the first other token ("el aissami", "cabello").
std::vector<std::string> FirstSurname(const std::vector<std::string>& last) {
  std::vector<std::string> out;
  for (const auto& t : last) {
    out.push_back(t);
    if (!IsParticle(t)) break;
  }
  return out;
}

}  // namespace

uint64_t TokenKey(std::string_view folded) {
  uint64_t h = HashToken(text::PhoneticKey(folded));
  return h == 0 ? 1 : h;
}

std::span<const MentionIndex::Bucket> MentionIndex::Lookup(uint64_t k1, uint64_t k2) const {
  const uint64_t h = Mix(k1, k2);
  auto lo = std::lower_bound(buckets_.begin(), buckets_.end(), Bucket{h, 0});
  auto hi = lo;
  while (hi != buckets_.end() && hi->first == h) ++hi;
  return {lo, hi};
}

std::shared_ptr<const MentionIndex> MentionIndex::Build(const index::Snapshot& snapshot) {
  auto idx = std::make_shared<MentionIndex>();
  const auto& md = snapshot.match_data();
  const auto& ents = snapshot.entities();
  std::unordered_set<std::string> seen;  // entity + form, to drop duplicate forms
  const auto& tab = text::GetTables();

  auto add = [&](uint32_t name_idx, const std::vector<std::string>& toks, uint8_t comma_at,
                 FormKind form, text::NameType type, const std::vector<bool>& surname) {
    if (toks.empty() || toks.size() > kMaxFormTokens) return;
    std::string joined;
    for (const auto& t : toks) {
      if (!joined.empty()) joined.push_back(' ');
      joined += t;
    }
    const uint32_t entity = md.names[name_idx].entity;
    std::string dedupe = std::to_string(entity) + "|" + joined;
    if (!seen.insert(dedupe).second) return;
    MentionPattern p;
    p.name = name_idx;
    p.key_off = static_cast<uint32_t>(idx->keys_.size());
    p.len = static_cast<uint8_t>(toks.size());
    p.comma_at = comma_at;
    p.form = form;
    p.type = type;
    for (size_t i = 0; i < toks.size(); ++i) {
      idx->keys_.push_back(TokenKey(toks[i]));
      if (i < surname.size() && surname[i]) p.surname_mask |= 1u << i;
    }
    {
      const auto& toks_w = md.names[name_idx].analyzed.tokens;
      float sum = 0;
      size_t counted = 0;
      for (const auto& t : toks) {
        if (IsParticle(t)) continue;
        ++counted;
        float w = 1.0f;
        for (const auto& at : toks_w) {
          if (at.text == t) w = at.weight;
        }
        sum += w;
      }
      p.rarity = counted == 0 ? 0.0f : sum / static_cast<float>(counted);
      p.weak = md.names[name_idx].kind == NameKind::kWeakAlias;
    }
    p.text_off = static_cast<uint32_t>(idx->arena_.size());
    p.text_len = static_cast<uint32_t>(joined.size());
    idx->arena_ += joined;
    const uint32_t id = static_cast<uint32_t>(idx->patterns_.size());
    const uint64_t k1 = idx->keys_[p.key_off];
    const uint64_t k2 = toks.size() > 1 ? idx->keys_[p.key_off + 1] : 0;
    idx->buckets_.emplace_back(Mix(k1, k2), id);
    idx->first_keys_.insert(k1);
    idx->filter_[(k1 >> 6) & kFilterMask] |= uint64_t{1} << (k1 & 63);
    idx->patterns_.push_back(p);
  };

  auto non_particles = [](const std::vector<std::string>& t) {
    size_t n = 0;
    for (const auto& s : t) n += IsParticle(s) ? 0 : 1;
    return n;
  };

  for (uint32_t ni = 0; ni < md.names.size(); ++ni) {
    const index::IndexedName& in = md.names[ni];
    const Entity& e = ents[in.entity];
    const text::NameType type = in.analyzed.type;
    if (type == text::NameType::kVessel) continue;
    if (type == text::NameType::kOrganization) {
      std::vector<std::string> toks;
      bool substantive = false;
      for (const auto& t : in.analyzed.tokens) {
        if ((t.flags & text::kAnnotation) != 0) break;
        toks.push_back(t.text);
        if ((t.flags & (text::kGeneric | text::kCountry | text::kNumber | text::kParticle)) == 0) {
          substantive = true;
        }
      }
      if (!substantive) continue;
      if (toks.size() == 1 &&
          (toks[0].size() < kMinSingleTokenOrg || in.kind == NameKind::kWeakAlias ||
           tab.country_words.count(toks[0]) > 0)) {
        continue;
      }
      add(ni, toks, 0, FormKind::kOrg, type, {});
      continue;
    }
    // Persons.
    const Name& name = e.names[in.name];
    std::vector<std::string> first, last;
    if (!name.first.empty() && !name.last.empty()) {
      first = Tokens(name.first + " " + name.middle);
      last = Tokens(name.last);
    } else if (size_t comma = name.full.find(','); comma != std::string::npos) {
      last = Tokens(std::string_view(name.full).substr(0, comma));
      first = Tokens(std::string_view(name.full).substr(comma + 1));
    }
    StripHonorifics(first);
    if (first.empty() || last.empty()) {
      std::vector<std::string> all = Tokens(name.full);
      StripHonorifics(all);
      if (non_particles(all) < 2) continue;
      std::vector<bool> sur(all.size(), false);
      sur.back() = true;
      add(ni, all, 0, FormKind::kNatural, type, sur);
      if (all.size() >= 3 && !IsParticle(all.front())) {
        std::vector<std::string> two = {all.front(), all.back()};
        add(ni, two, 0, FormKind::kShort, type, {false, true});
      }
      continue;
    }
    auto concat = [](const std::vector<std::string>& a, const std::vector<std::string>& b) {
      std::vector<std::string> out = a;
      out.insert(out.end(), b.begin(), b.end());
      return out;
    };
    auto surname_flags = [&](size_t before, const std::vector<std::string>& l, size_t after) {
      std::vector<bool> f(before, false);
      for (const auto& t : l) f.push_back(!IsParticle(t));
      f.resize(f.size() + after, false);
      return f;
    };
    const auto l1 = FirstSurname(last);
    const std::vector<std::string> f0 = {first.front()};
    // Listed order: "cabello rondon, diosdado".
    {
      auto t = concat(last, first);
      if (non_particles(t) >= 2) {
        add(ni, t, static_cast<uint8_t>(last.size()), FormKind::kListed, type,
            surname_flags(0, last, first.size()));
      }
    }
    auto natural = [&](const std::vector<std::string>& f, const std::vector<std::string>& l,
                       FormKind kind) {
      auto t = concat(f, l);
      if (non_particles(t) >= 2 && non_particles(l) >= 1) {
        add(ni, t, 0, kind, type, surname_flags(f.size(), l, 0));
      }
    };
    natural(first, last, FormKind::kNatural);
    if (l1.size() < last.size()) natural(first, l1, FormKind::kGivenFirstSurname);
    if (first.size() > 1) {
      natural(f0, last, FormKind::kShort);
      if (l1.size() < last.size()) natural(f0, l1, FormKind::kGivenFirstSurname);
    }
  }
  std::sort(idx->buckets_.begin(), idx->buckets_.end());
  return idx;
}

std::shared_ptr<const MentionIndex> MentionIndex::For(const index::Snapshot& snapshot) {
  struct Slot {
    const index::Snapshot* snap = nullptr;
    const void* data = nullptr;
    size_t count = 0;
    std::string fingerprint;
    std::shared_ptr<const MentionIndex> index;
  };
  static std::mutex mu;
  static std::vector<Slot> cache;
  std::string fp;
  for (const auto& v : snapshot.versions()) fp += v.dataset + v.date + v.sha256 + ";";
  std::lock_guard<std::mutex> lock(mu);
  for (const auto& s : cache) {
    if (s.snap == &snapshot && s.data == snapshot.entities().data() &&
        s.count == snapshot.entities().size() && s.fingerprint == fp) {
      return s.index;
    }
  }
  Slot slot{&snapshot, snapshot.entities().data(), snapshot.entities().size(), fp, Build(snapshot)};
  if (cache.size() >= 4) cache.erase(cache.begin());
  cache.push_back(slot);
  return slot.index;
}

namespace {

struct Candidate {
  uint32_t pattern;
  uint32_t end_word;
};

bool GapOk(const Document& doc, size_t j, size_t pos, uint8_t comma_at) {
  const Gap g = doc.words[j].gap;
  switch (g) {
    case Gap::kSpace:
    case Gap::kHyphen:
    case Gap::kApostrophe:
      return true;
    case Gap::kComma:
      return comma_at != 0 && pos == comma_at;
    case Gap::kPeriod:
      return doc.words[j - 1].fold_len == 1;
    default:
      return false;
  }
}

}  // namespace

std::vector<RawMention> FindMentions(const index::Snapshot& snapshot, const MentionIndex& index,
                                     const Document& doc, const MentionOptions& options) {
  const size_t n = doc.words.size();
  const auto& md = snapshot.match_data();
  const auto& ents = snapshot.entities();
  const auto& tab = text::GetTables();
  std::vector<uint64_t> keys(n, 0);
  // Phonetic keys are computed once per distinct word of the document.
  std::unordered_map<uint64_t, uint64_t> key_of_word;
  auto key = [&](size_t i) {
    if (keys[i] == 0) {
      const std::string_view f = doc.Fold(doc.words[i]);
      auto [it, fresh] = key_of_word.try_emplace(HashToken(f), 0);
      if (fresh) it->second = TokenKey(f);
      keys[i] = it->second;
    }
    return keys[i];
  };
  std::vector<bool> sentence_first(n, false);
  for (const auto& s : doc.sentences) {
    if (s.first_word < n) sentence_first[s.first_word] = true;
  }
  auto eligible = [&](size_t i) {
    const Word& w = doc.words[i];
    if (w.fold_len == 0 || (w.flags & kHasDigit) != 0) return false;
    if (w.gap == Gap::kApostrophe) return false;  // "'s", "'t"
    return options.any_case || (w.flags & kCapitalized) != 0;
  };
  auto fold_span = [&](size_t b, size_t e) {
    std::string s;
    for (size_t k = b; k < e; ++k) {
      if (k > b) s.push_back(' ');
      s += doc.Fold(doc.words[k]);
    }
    return s;
  };

  std::vector<RawMention> full;
  std::vector<Candidate> cands;
  std::unordered_map<uint32_t, text::AnalyzedName> form_cache;
  std::unordered_map<uint64_t, RawMention> verified;  // see below
  auto analyzed_form = [&](uint32_t pid) -> const text::AnalyzedName& {
    auto it = form_cache.find(pid);
    if (it != form_cache.end()) return it->second;
    const MentionPattern& p = index.pattern(pid);
    text::AnalyzedName a = text::AnalyzeName(index.text(p), p.type);
    md.ApplyWeights(a);
    return form_cache.emplace(pid, std::move(a)).first->second;
  };
  auto match_from = [&](uint32_t pid, size_t i) -> size_t {
    const MentionPattern& p = index.pattern(pid);
    if (i + p.len > n) return 0;
    for (size_t k = 0; k < p.len; ++k) {
      const size_t j = i + k;
      if (k > 0 && !GapOk(doc, j, k, p.comma_at)) return 0;
      if (doc.words[j].fold_len == 0 || key(j) != index.key(p, k)) return 0;
    }
    return i + p.len;
  };
  for (size_t i = 0; i < n; ++i) {
    if (!eligible(i)) continue;
    const uint64_t k1 = key(i);
    if (!index.IsFirstKey(k1)) continue;
    cands.clear();
    if (i + 1 < n && doc.words[i + 1].fold_len > 0) {
      const Gap g = doc.words[i + 1].gap;
      if (g == Gap::kSpace || g == Gap::kHyphen || g == Gap::kApostrophe || g == Gap::kComma ||
          (g == Gap::kPeriod && doc.words[i].fold_len == 1)) {
        for (const auto& b : index.Lookup(k1, key(i + 1))) {
          const MentionPattern& p = index.pattern(b.second);
          if ((p.weak || p.form == FormKind::kGivenFirstSurname || p.form == FormKind::kShort) &&
              p.rarity < kMinDerivedRarity) {
            continue;
          }
          if (p.type == text::NameType::kPerson && p.len == 2 && p.rarity < kMinTwoWordRarity) {
            continue;
          }
          if (size_t e = match_from(b.second, i); e > 0) {
            cands.push_back({b.second, static_cast<uint32_t>(e)});
          }
        }
      }
    }
    // One-token organization names: capitalized, not the first word of a sentence unless
    // written in capitals.
    const Word& w = doc.words[i];
    if (w.fold_len >= kMinSingleTokenOrg &&
        ((w.flags & kAllCaps) != 0 || (!sentence_first[i] && (w.flags & kCapitalized) != 0))) {
      for (const auto& b : index.Lookup(k1, 0)) {
        const MentionPattern& p = index.pattern(b.second);
        if (p.len == 1 && index.key(p, 0) == k1) {
          cands.push_back({b.second, static_cast<uint32_t>(i + 1)});
        }
      }
    }
    if (cands.empty()) continue;
    // The same words with the same candidates verify the same way: cache by a 64-bit hash of
    // the words (through the legal-form look-ahead) and the candidates.
    uint32_t max_end = 0;
    for (const auto& c : cands) max_end = std::max(max_end, c.end_word);
    uint64_t cache_key = HashToken(doc.Fold(doc.words[i]));
    for (const auto& c : cands) {
      cache_key = Mix(cache_key, (uint64_t{c.pattern} << 8) | (c.end_word - i));
    }
    for (size_t k = i + 1; k < max_end + 3 && k < n; ++k) {
      cache_key = Mix(cache_key,
                      HashToken(doc.Fold(doc.words[k])) ^ static_cast<uint64_t>(doc.words[k].gap));
    }
    if (auto it = verified.find(cache_key); it != verified.end()) {
      if (it->second.end_word == 0) continue;
      RawMention m = it->second;
      const uint32_t len = m.end_word - m.word;
      m.word = static_cast<uint32_t>(i);
      m.end_word = static_cast<uint32_t>(i + len);
      full.push_back(m);
      i = m.end_word - 1;
      continue;
    }
    const size_t before = full.size();
    std::sort(cands.begin(), cands.end(),
              [](const Candidate& a, const Candidate& b) { return a.end_word > b.end_word; });
    bool found = false;
    size_t c = 0;
    while (c < cands.size() && !found) {
      const uint32_t end = cands[c].end_word;
      const std::string span = fold_span(i, end);
      text::AnalyzedName q[2];
      bool have[2] = {false, false};
      RawMention best;
      int best_rank = 0;
      for (; c < cands.size() && cands[c].end_word == end; ++c) {
        const uint32_t pid = cands[c].pattern;
        const MentionPattern& p = index.pattern(pid);
        const int t = p.type == text::NameType::kPerson ? 0 : 1;
        if (!have[t]) {
          q[t] = text::AnalyzeName(span, p.type);
          md.ApplyWeights(q[t]);
          have[t] = true;
        }
        const double s = match::ScoreNames(q[t], analyzed_form(pid)).score;
        if (s < options.threshold) continue;
        const uint32_t entity = md.names[p.name].entity;
        const int rank = match::DatasetRank(ents[entity].dataset);
        if (!found || s > best.score + 1e-9 ||
            (s > best.score - 1e-9 &&
             (rank < best_rank || (rank == best_rank && entity < best.entity)))) {
          found = true;
          best.word = static_cast<uint32_t>(i);
          best.end_word = end;
          best.entity = entity;
          best.name = pid;  // pattern id for now; replaced below
          best.score = s;
          best_rank = rank;
        }
      }
      if (found) {
        const uint32_t pid = best.name;
        best.name = index.pattern(pid).name;
        best.form = std::string(index.text(index.pattern(pid)));
        // Organizations: take a legal form written after the name into the span.
        if (index.pattern(pid).type != text::NameType::kPerson) {
          for (size_t len = std::min<size_t>(3, n - end); len >= 1; --len) {
            std::string spaced, joined;
            bool ok = true;
            for (size_t k = end; k < end + len && ok; ++k) {
              const Gap g = doc.words[k].gap;
              ok = g == Gap::kSpace || g == Gap::kComma || g == Gap::kPeriod || g == Gap::kHyphen;
              if (k > end) spaced.push_back(' ');
              spaced += doc.Fold(doc.words[k]);
              joined += doc.Fold(doc.words[k]);
            }
            if (ok && (tab.legal_forms.count(spaced) > 0 || tab.legal_forms.count(joined) > 0)) {
              best.end_word = static_cast<uint32_t>(end + len);
              break;
            }
          }
        }
        full.push_back(best);
        i = best.end_word - 1;
      }
    }
    if (full.size() > before) {
      verified.emplace(cache_key, full.back());
    } else {
      verified.emplace(cache_key, RawMention{});
    }
  }

  // Coreference: surname tokens of the full mentions.
  std::unordered_map<uint64_t, std::vector<size_t>> anchors;  // key -> full mentions (in order)
  for (size_t m = 0; m < full.size(); ++m) {
    const RawMention& fm = full[m];
    const Entity& e = ents[fm.entity];
    if (e.schema != Schema::kPerson) continue;
    std::vector<std::string> toks;
    for (size_t k = fm.word; k < fm.end_word; ++k) toks.emplace_back(doc.Fold(doc.words[k]));
    // Surname keys: the listed last name when known, else the last word of the mention.
    const Name& nm = e.names[md.names[fm.name].name];
    std::vector<std::string> last;
    if (!nm.last.empty()) {
      last = Tokens(nm.last);
    } else if (size_t comma = nm.full.find(','); comma != std::string::npos) {
      last = Tokens(std::string_view(nm.full).substr(0, comma));
    } else if (!toks.empty()) {
      last = {toks.back()};
    }
    for (const auto& t : last) {
      if (IsParticle(t) || t.size() < 3) continue;
      anchors[TokenKey(t)].push_back(m);
    }
  }
  std::vector<RawMention> out;
  if (!anchors.empty()) {
    std::vector<bool> covered(n, false);
    for (const auto& fm : full) {
      for (size_t k = fm.word; k < fm.end_word; ++k) covered[k] = true;
    }
    for (size_t i = 0; i < n; ++i) {
      if (covered[i] || !eligible(i) || (doc.words[i].flags & kCapitalized) == 0) continue;
      auto it = anchors.find(key(i));
      if (it == anchors.end()) continue;
      // Part of another capitalized name ("Roberto Cabello")? Then it is not a short form.
      if (i > 0 && doc.words[i].gap == Gap::kSpace && !sentence_first[i]) {
        const Word& pw = doc.words[i - 1];
        const std::string prev(doc.Fold(pw));
        if ((pw.flags & kCapitalized) != 0 && !options.any_case && !IsParticle(prev) &&
            tab.honorifics.count(prev) == 0 && !covered[i - 1]) {
          continue;
        }
      }
      if (i + 1 < n && doc.words[i + 1].gap == Gap::kSpace &&
          (doc.words[i + 1].flags & kCapitalized) != 0 && !options.any_case) {
        continue;
      }
      size_t chosen = it->second.front();  // the following full mention, if none precedes
      for (size_t m : it->second) {
        if (full[m].word < i) chosen = m;
      }
      size_t start = i;
      while (start > 0 && !covered[start - 1] &&
             (doc.words[start].gap == Gap::kSpace || doc.words[start].gap == Gap::kHyphen) &&
             IsParticle(doc.Fold(doc.words[start - 1]))) {
        --start;
      }
      RawMention cm = full[chosen];
      cm.word = static_cast<uint32_t>(start);
      cm.end_word = static_cast<uint32_t>(i + 1);
      cm.coreference = true;
      out.push_back(std::move(cm));
    }
  }
  out.insert(out.end(), full.begin(), full.end());
  std::sort(out.begin(), out.end(),
            [](const RawMention& a, const RawMention& b) { return a.word < b.word; });
  return out;
}

size_t CountMentionsNaive(const index::Snapshot& snapshot, const MentionIndex& index,
                          const Document& doc) {
  (void)snapshot;
  std::string hay = " ";
  for (const auto& w : doc.words) {
    hay += doc.Fold(w);
    hay.push_back(' ');
  }
  size_t count = 0;
  std::string needle;
  for (size_t p = 0; p < index.size(); ++p) {
    const MentionPattern& pat = index.pattern(static_cast<uint32_t>(p));
    needle.assign(" ");
    needle += index.text(pat);
    needle.push_back(' ');
    for (size_t pos = hay.find(needle); pos != std::string::npos; pos = hay.find(needle, pos + 1)) {
      ++count;
    }
  }
  return count;
}

}  // namespace tamiz::scan
