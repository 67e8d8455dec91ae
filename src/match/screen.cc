#include "match/screen.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstdlib>
#include <span>

#include "index/match_data.h"
#include "match/score.h"
#include "match/similarity.h"
#include "text/tables.h"

namespace tamiz::match {

namespace {

using index::IndexedName;
using index::MatchData;
using text::NameType;

// Evidence weights of the non-name features (docs/MATCHING.md, "Qualifiers").
constexpr double kWeakAliasFactor = 0.92;
constexpr double kDobExactBonus = 0.05;
constexpr double kDobYearBonus = 0.02;
constexpr double kDobSameYearOtherDayPenalty = -0.05;
constexpr double kDobDisjointPenalty = -0.15;
constexpr double kCountryBonus = 0.03;
constexpr double kCountryPenalty = -0.05;
constexpr double kGenderPenalty = -0.10;
constexpr double kIdentifierBonus = 0.10;
constexpr double kIdentifierFloor = 0.95;
// Largest total bonus qualifiers can add; the index must find every name whose name score
// could still reach the threshold after it.
constexpr double kMaxBonus = kDobExactBonus + kCountryBonus;

bool SchemaAllowed(const Query& q, NameType type) {
  if (!q.schema) return true;
  return index::NameTypeForSchema(*q.schema) == type;
}

std::string NormalizeId(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c >= 'a' && c <= 'z') out.push_back(static_cast<char>(c - 'a' + 'A'));
    if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) out.push_back(c);
  }
  return out;
}

struct Best {
  float score = -1.0f;
  uint32_t name = 0;   // index into MatchData::names
  uint16_t qname = 0;  // index into PreparedQuery::names
};

struct ScreenScratch {
  std::vector<Best> best;
  std::vector<uint32_t> stamp;
  uint32_t epoch = 0;
  std::vector<uint32_t> touched;
  std::vector<uint32_t> candidates;
};

// Scratch arrays for one candidate's similarities.
struct SimilarityArrays {
  std::array<float, kMaxNameTokens * kMaxNameTokens> single, query_pairs, candidate_pairs;
};

// Token similarities of one query name to the listed vocabulary (index/match_data.h),
// computed the first time a candidate carries that token or adjacent pair: candidates share
// most of their tokens (family names, "mohammed", "trading"), so each distinct comparison is
// made once per query name instead of once per candidate.
class SimilarityCache {
 public:
  void Reset(const MatchData& md, const text::AnalyzedName& query) {
    md_ = &md;
    q_ = &query;
    n_ = std::min(query.tokens.size(), kMaxNameTokens);
    person_ = query.type == NameType::kPerson;
    tokens_.Reset(md.vocab_size());
    pairs_.Reset(md.pair_vocab_size());
    // The query's own adjacent pairs written together ("" when not mergeable).
    joined_.assign(n_, std::string());
    for (size_t i = 0; i < n_; ++i) sketch_[i] = text::SketchToken(query.tokens[i]);
    for (size_t i = 0; i + 1 < n_; ++i) {
      const auto& a = query.tokens[i];
      const auto& b = query.tokens[i + 1];
      if (text::Mergeable(a) && text::Mergeable(b) &&
          a.text.size() + b.text.size() <= MatchData::kMaxPairText) {
        joined_[i] = a.text + b.text;
      }
    }
  }

  // Fills the three arrays (each with room for kMaxNameTokens^2 floats) for a listed name,
  // as ScoreNamesWithSimilarities expects them.
  void Fill(std::span<const MatchData::ScoringToken> candidate, float* single, float* query_pairs,
            float* candidate_pairs) {
    const size_t n = n_;
    const size_t m = std::min(candidate.size(), kMaxNameTokens);
    for (size_t j = 0; j < m; ++j) {
      const float* row = TokenRow(candidate[j].vocab);
      for (size_t i = 0; i < n; ++i) single[i * m + j] = row[i];
      for (size_t i = 0; i + 1 < n; ++i) query_pairs[i * m + j] = row[n + i];
      if (j + 1 < m) {
        const float* prow = PairRow(candidate[j]);
        for (size_t i = 0; i < n; ++i) candidate_pairs[j * n + i] = prow[i];
      }
    }
  }

  // Requests the cache lines TokenRow will read for the tokens of a candidate.
  void Prefetch(std::span<const MatchData::ScoringToken> candidate) const {
    for (const auto& t : candidate) {
      tokens_.Prefetch(t.vocab);
      __builtin_prefetch(&md_->VocabSketch(t.vocab));
    }
  }

 private:
  // Rows of floats keyed by a vocabulary id, valid for the current query name.
  struct Rows {
    std::vector<uint32_t> stamp, slot;
    uint32_t epoch = 0;
    std::vector<float> data;
    void Reset(size_t ids) {
      if (stamp.size() < ids) {
        stamp.assign(ids, 0);
        slot.resize(ids);
      }
      if (++epoch == 0) {
        std::fill(stamp.begin(), stamp.end(), 0);
        epoch = 1;
      }
      data.clear();
    }
    void Prefetch(uint32_t id) const {
      __builtin_prefetch(&stamp[id]);
      __builtin_prefetch(&slot[id]);
    }
    // The row of `id`, and whether it is new (then zero-filled, to be computed).
    float* Get(uint32_t id, size_t width, bool& fresh) {
      fresh = stamp[id] != epoch;
      if (fresh) {
        stamp[id] = epoch;
        slot[id] = static_cast<uint32_t>(data.size());
        data.resize(data.size() + width, 0.0f);
      }
      return data.data() + slot[id];
    }
  };

  // A listed token: similarities to each query token, then to each query pair joined. Most
  // are 0 and known to be from the sketches alone (the row is zero-filled), so the token
  // itself is only read for the comparisons that may not be.
  const float* TokenRow(uint32_t id) {
    bool fresh = false;
    float* row = tokens_.Get(id, 2 * n_, fresh);
    if (!fresh) return row;
    const text::TokenSketch& cs = md_->VocabSketch(id);
    uint32_t single = 0, merged = 0;  // bits of the comparisons to make
    for (size_t i = 0; i < n_; ++i) {
      if (TokenMayBeSimilar(sketch_[i], cs, kAlignFloor)) single |= 1u << i;
    }
    // Sketch lengths stop at 255, far above any joined pair (kMaxPairText), so the test holds.
    for (size_t i = 0; i + 1 < n_; ++i) {
      if (!joined_[i].empty() &&
          MergeMayMatch(cs.first, cs.length, joined_[i][0], joined_[i].size())) {
        merged |= 1u << i;
      }
    }
    if (single == 0 && merged == 0) return row;
    const text::Token& ct = md_->VocabToken(id);
    for (uint32_t b = single; b != 0; b &= b - 1) {
      const size_t i = static_cast<size_t>(std::countr_zero(b));
      row[i] = static_cast<float>(TokenSimilarity(q_->tokens[i], ct, person_, kAlignFloor));
    }
    for (uint32_t b = merged; b != 0; b &= b - 1) {
      const size_t i = static_cast<size_t>(std::countr_zero(b));
      row[n_ + i] = static_cast<float>(MergedSimilarity(ct.text, joined_[i], kAlignFloor));
    }
    return row;
  }

  // A listed adjacent pair joined: similarities to each query token (zeros for no pair, and
  // for a pair no query token passes MergedSimilarity's first-letter and length test with).
  const float* PairRow(const MatchData::ScoringToken& t) {
    static constexpr std::array<float, kMaxNameTokens> kZeros{};
    const uint32_t id = t.pair_vocab;
    if (id == 0) return kZeros.data();
    bool possible = false;
    for (size_t i = 0; i < n_ && !possible; ++i) {
      possible = MergeMayMatch(sketch_[i].first, sketch_[i].length, t.pair_first, t.pair_length);
    }
    if (!possible) return kZeros.data();
    bool fresh = false;
    float* row = pairs_.Get(id, n_, fresh);
    if (!fresh) return row;
    const std::string& joined = md_->PairText(id);
    for (size_t i = 0; i < n_; ++i) {
      row[i] = static_cast<float>(MergedSimilarity(q_->tokens[i].text, joined, kAlignFloor));
    }
    return row;
  }

  const MatchData* md_ = nullptr;
  const text::AnalyzedName* q_ = nullptr;
  size_t n_ = 0;
  bool person_ = false;
  Rows tokens_, pairs_;
  std::vector<std::string> joined_;
  std::array<text::TokenSketch, kMaxNameTokens> sketch_{};  // of each query token
};

// Largest coverage sum(w * value) / sum(w) the alignment can give `tokens`, each at most at
// its best option `best[i]` (valued as the alignment values it; squared when `squared`).
// Tokens flagged `optional` (query annotations, listed patronymics) count only when aligned,
// which the bound cannot know: it takes them where they raise the ratio, highest first.
template <class Tok>
double CoverageBound(std::span<const Tok> tokens, const std::array<float, kMaxNameTokens>& best,
                     uint16_t optional, bool sharpen, bool squared) {
  struct Optional {
    double value, weight;
  };
  std::array<Optional, kMaxNameTokens> opt;
  size_t k = 0;
  double w = 0, got = 0;
  for (size_t i = 0; i < tokens.size(); ++i) {
    const double b = AlignedSimilarity(best[i], sharpen);
    const double value = squared ? b * b : b;
    if ((tokens[i].flags & optional) != 0) {
      if (b > 0) opt[k++] = {value, tokens[i].weight};
      continue;
    }
    w += tokens[i].weight;
    got += tokens[i].weight * value;
  }
  std::sort(opt.begin(), opt.begin() + static_cast<std::ptrdiff_t>(k),
            [](const Optional& x, const Optional& y) { return x.value > y.value; });
  for (size_t i = 0; i < k; ++i) {
    if (w > 0 && opt[i].value * w <= got) break;
    got += opt[i].value * opt[i].weight;
    w += opt[i].weight;
  }
  return w > 0 ? std::min(1.0, got / w) : 0.0;
}

// An upper bound of ScoreNamesWithSimilarities(query, candidate, arrays) from the cached
// similarities alone: every query (listed) token scores at most its best option (as the
// alignment values it: sharpened, floored), fuzzy matches count as the alignment counts them
// (squared within a script), and optional tokens count only where they raise the coverage. Returns
// 1 when the non-person "whole name written together" rule may apply (one side a single word).
double ScoreUpperBound(const text::AnalyzedName& query,
                       std::span<const MatchData::ScoringToken> candidate, bool candidate_latin,
                       const SimilarityArrays& a) {
  const size_t n = std::min(query.tokens.size(), kMaxNameTokens);
  const size_t m = std::min(candidate.size(), kMaxNameTokens);
  const bool person = query.type == NameType::kPerson;
  if (!person) {
    size_t qwords = 0, cwords = 0;
    for (size_t i = 0; i < n; ++i) qwords += (query.tokens[i].flags & text::kAnnotation) == 0;
    for (size_t j = 0; j < m; ++j) cwords += (candidate[j].flags & text::kAnnotation) == 0;
    if (qwords == 1 || cwords == 1) return 1.0;
  }
  const bool query_latin = text::IsLatinOrNone(query.script);
  const bool sharpen = !person && query_latin && candidate_latin;
  const bool cross_script = query_latin != candidate_latin;
  std::array<float, kMaxNameTokens> qbest{}, cbest{};
  for (size_t i = 0; i < n; ++i) {
    for (size_t j = 0; j < m; ++j) {
      const float v = a.single[i * m + j];
      qbest[i] = std::max(qbest[i], v);
      cbest[j] = std::max(cbest[j], v);
    }
  }
  for (size_t j = 0; j + 1 < m; ++j) {
    for (size_t i = 0; i < n; ++i) {
      const float v = a.candidate_pairs[j * n + i];
      qbest[i] = std::max(qbest[i], v);
      cbest[j] = std::max(cbest[j], v);
      cbest[j + 1] = std::max(cbest[j + 1], v);
    }
  }
  for (size_t i = 0; i + 1 < n; ++i) {
    for (size_t j = 0; j < m; ++j) {
      const float v = a.query_pairs[i * m + j];
      qbest[i] = std::max(qbest[i], v);
      qbest[i + 1] = std::max(qbest[i + 1], v);
      cbest[j] = std::max(cbest[j], v);
    }
  }
  const double qcov =
      CoverageBound(std::span(query.tokens).first(n), qbest, text::kAnnotation, sharpen,
                    /*squared=*/!cross_script);
  const double ccov = CoverageBound(candidate.first(m), cbest, text::kPatronymic, sharpen,
                                    /*squared=*/false);
  return CombineCoverage(qcov, ccov, person);
}

std::vector<std::string> EntityCountries(const Entity& e) {
  std::vector<std::string> out;
  auto add = [&](std::string_view s) {
    std::string c = text::CountryCode(s);
    if (c.empty()) {
      // Places of birth and addresses: the country is usually the last comma part.
      size_t comma = s.rfind(',');
      if (comma != std::string_view::npos) c = text::CountryCode(s.substr(comma + 1));
    }
    if (!c.empty() && std::find(out.begin(), out.end(), c) == out.end()) out.push_back(c);
  };
  for (const auto& s : e.nationalities) add(s);
  for (const auto& s : e.citizenships) add(s);
  for (const auto& s : e.countries) add(s);
  for (const auto& a : e.addresses) add(a.country.empty() ? a.full : a.country);
  for (const auto& s : e.birth_places) add(s);
  return out;
}

// Compares query birth dates with the entity's: adjustment and explanation.
bool CompareDob(const Query& q, const Entity& e, double& adjust, FeatureScore& f) {
  if (q.birth_dates.empty() || e.birth_dates.empty()) return false;
  int best_rank = 0;  // 4 exact, 3 same year, 2 same year other day, 1 one year apart, 0 none
  std::string listed;
  for (const auto& qd : q.birth_dates) {
    if (qd.year == 0) continue;
    for (const auto& ed : e.birth_dates) {
      if (ed.year == 0) continue;
      int rank = 0;
      const int lo = ed.year, hi = ed.year_to > ed.year ? ed.year_to : ed.year;
      if (qd.year >= lo && qd.year <= hi) {
        rank = 3;
        if (ed.year_to <= ed.year && qd.month != 0 && ed.month != 0) {
          if (qd.month != ed.month || (qd.day != 0 && ed.day != 0 && qd.day != ed.day)) {
            rank = 2;
          } else if (qd.day != 0 && ed.day != 0) {
            rank = 4;
          }
        }
      } else if (std::abs(qd.year - lo) <= 1 || std::abs(qd.year - hi) <= 1 || ed.circa) {
        rank = 1;
      }
      if (rank > best_rank || listed.empty()) {
        best_rank = std::max(best_rank, rank);
        listed = ed.ToIso();
      }
    }
  }
  if (listed.empty()) return false;
  f.feature = "dob";
  const std::string qs = q.birth_dates.front().ToIso();
  switch (best_rank) {
    case 4:
      adjust = kDobExactBonus;
      f.score = 1.0;
      f.detail = fmt::format("query {} = listed {} (exact)", qs, listed);
      break;
    case 3:
      adjust = kDobYearBonus;
      f.score = 0.8;
      f.detail = fmt::format("query {} ~ listed {} (same year)", qs, listed);
      break;
    case 2:
      adjust = kDobSameYearOtherDayPenalty;
      f.score = 0.4;
      f.detail = fmt::format("query {} vs listed {} (same year, different day)", qs, listed);
      break;
    case 1:
      adjust = 0.0;
      f.score = 0.5;
      f.detail = fmt::format("query {} vs listed {} (one year apart or circa)", qs, listed);
      break;
    default:
      adjust = kDobDisjointPenalty;
      f.score = 0.0;
      f.detail = fmt::format("query {} vs listed {} (different)", qs, listed);
      break;
  }
  return true;
}

// Final score of an entity's best name plus qualifiers; the readable name explanation is
// only built when `explain` (for the hits that are returned).
Hit MakeHit(const index::Snapshot& snap, const PreparedQuery& pq, uint32_t entity, const Best& b,
            bool explain) {
  const Query& q = *pq.query;
  const Entity& e = snap.entities()[entity];
  const IndexedName& in = snap.match_data().names[b.name];
  const auto& qn = pq.names[b.qname];
  Hit h;
  h.entity = &e;
  h.matched_name = e.names[in.name].full;
  h.query_name = qn.original;
  const double name_score = b.score;
  if (explain) {
    std::string align;
    NameScore ns = ScoreNames(qn.analyzed, in.analyzed, &align);
    std::string detail =
        fmt::format("query '{}' ~ listed '{}' [{}]", qn.original, h.matched_name, align);
    if (in.kind == NameKind::kWeakAlias) detail += " (weak alias)";
    if (ns.number_conflict) detail += " (numbers differ)";
    if (ns.legal_class_conflict) detail += " (legal forms differ)";
    if (ns.jurisdiction_conflict) detail += " (legal forms of different countries)";
    if (ns.country_conflict) detail += " (a country named on one side only)";
    h.explanation.push_back({"name", name_score, detail});
  } else {
    h.explanation.push_back({"name", name_score, {}});
  }
  double adjust = 0.0;
  FeatureScore f;
  if (double a = 0; CompareDob(q, e, a, f)) {
    adjust += a;
    h.explanation.push_back(f);
  }
  if (!pq.countries.empty()) {
    auto ec = EntityCountries(e);
    if (!ec.empty()) {
      std::string hit;
      for (const auto& c : pq.countries) {
        if (std::find(ec.begin(), ec.end(), c) != ec.end()) hit = c;
      }
      std::string listed;
      for (const auto& c : ec) listed += (listed.empty() ? "" : ",") + c;
      if (!hit.empty()) {
        adjust += kCountryBonus;
        h.explanation.push_back(
            {"country", 1.0, fmt::format("query {} in listed {}", hit, listed)});
      } else {
        adjust += kCountryPenalty;
        h.explanation.push_back(
            {"country", 0.0,
             fmt::format("query {} not in listed {}", pq.countries.front(), listed)});
      }
    }
  }
  if (!q.gender.empty() && !e.gender.empty()) {
    const bool same = q.gender == e.gender;
    if (!same) adjust += kGenderPenalty;
    h.explanation.push_back(
        {"gender", same ? 1.0 : 0.0,
         fmt::format("query {} {} listed {}", q.gender, same ? "=" : "vs", e.gender)});
  }
  double final_score = name_score + adjust;
  if (!pq.identifiers.empty()) {
    for (const auto& id : e.identifiers) {
      const std::string n = NormalizeId(id.number);
      if (n.size() >= 4 &&
          std::find(pq.identifiers.begin(), pq.identifiers.end(), n) != pq.identifiers.end()) {
        final_score = std::max(final_score + kIdentifierBonus, kIdentifierFloor);
        h.explanation.push_back(
            {"identifier", 1.0, fmt::format("{} {} matches exactly", id.type, id.number)});
        break;
      }
    }
  }
  h.score = std::clamp(final_score, 0.0, 1.0);
  h.match = h.score >= q.threshold;
  return h;
}

}  // namespace

int DatasetRank(std::string_view d) {
  static constexpr std::array<std::string_view, 8> kOrder = {
      "us_ofac_sdn", "un_sc",   "eu_fsf",       "gb_hmt",
      "gb_fcdo",     "ca_sema", "us_ofac_cons", "us_trade_csl"};
  for (size_t i = 0; i < kOrder.size(); ++i) {
    if (kOrder[i] == d) return static_cast<int>(i);
  }
  return static_cast<int>(kOrder.size());
}

PreparedQuery PrepareQuery(const index::Snapshot& snapshot, const Query& query) {
  PreparedQuery pq;
  pq.query = &query;
  const MatchData& md = snapshot.match_data();
  std::vector<NameType> types;
  for (NameType type : {NameType::kPerson, NameType::kOrganization, NameType::kVessel}) {
    if (SchemaAllowed(query, type)) types.push_back(type);
  }
  for (const auto& name : query.names) {
    for (const auto& variant : text::NameVariants(name)) {
      for (auto& analyzed : text::AnalyzeNameAs(variant, types)) {
        if (analyzed.tokens.empty()) continue;
        PreparedQuery::QueryName qn;
        qn.original = name;
        qn.analyzed = std::move(analyzed);
        md.ApplyWeights(qn.analyzed);
        pq.names.push_back(std::move(qn));
      }
    }
  }
  for (const auto& c : query.countries) {
    std::string code = text::CountryCode(c);
    if (!code.empty()) pq.countries.push_back(code);
  }
  for (const auto& id : query.identifiers) {
    std::string n = NormalizeId(id);
    if (!n.empty()) pq.identifiers.push_back(n);
  }
  return pq;
}

std::vector<Hit> ScreenPrepared(const index::Snapshot& snap, const PreparedQuery& pq,
                                bool brute_force) {
  const Query& q = *pq.query;
  const MatchData& md = snap.match_data();
  const auto& entities = snap.entities();
  thread_local ScreenScratch s;
  thread_local SimilarityCache sim_cache;
  thread_local SimilarityArrays arrays;
  if (s.stamp.size() < entities.size()) {
    s.stamp.assign(entities.size(), 0);
    s.best.resize(entities.size());
  }
  if (++s.epoch == 0) {
    std::fill(s.stamp.begin(), s.stamp.end(), 0);
    s.epoch = 1;
  }
  s.touched.clear();
  const double min_name = std::max(0.0, q.threshold - kMaxBonus);
  auto consider = [&](uint16_t qi, uint32_t ni) {
    const MatchData::NameInfo& info = md.Info(ni);
    if (!q.datasets.empty() && std::find(q.datasets.begin(), q.datasets.end(),
                                         entities[info.entity].dataset) == q.datasets.end()) {
      return;
    }
    const auto ctoks = md.ScoringTokens(ni);
    sim_cache.Fill(ctoks, arrays.single.data(), arrays.query_pairs.data(),
                   arrays.candidate_pairs.data());
    const auto& qa = pq.names[qi].analyzed;
    // Names that cannot reach the threshold whatever their qualifiers are not scored (nor
    // reported as near misses). The brute-force reference scores everything, so that
    // comparing both (tests, `bench screen`) also checks this bound.
    if (!brute_force && ScoreUpperBound(qa, ctoks, info.latin != 0, arrays) < min_name - 1e-6) {
      return;
    }
    const TokenSimilarities sims{arrays.single.data(), arrays.query_pairs.data(),
                                 arrays.candidate_pairs.data()};
    double sc = ScoreNamesWithSimilarities(qa, md.names[ni].analyzed, sims).score;
    if (info.kind == NameKind::kWeakAlias) sc *= kWeakAliasFactor;
    if (s.stamp[info.entity] != s.epoch) {
      s.stamp[info.entity] = s.epoch;
      s.best[info.entity] = Best{};
      s.touched.push_back(info.entity);
    }
    Best& b = s.best[info.entity];
    if (static_cast<float>(sc) > b.score) b = {static_cast<float>(sc), ni, qi};
  };
  for (uint16_t qi = 0; qi < pq.names.size(); ++qi) {
    const auto& an = pq.names[qi].analyzed;
    sim_cache.Reset(md, an);
    if (brute_force) {
      for (uint32_t ni = 0; ni < md.names.size(); ++ni) {
        if (md.names[ni].analyzed.type == an.type) consider(qi, ni);
      }
    } else {
      s.candidates.clear();
      md.Candidates(an, min_name, s.candidates);
      // Most of the time of a candidate is waiting for memory: its scoring tokens, then the
      // rows and sketches of their vocabulary ids. Both are requested a few candidates ahead.
      const auto& cands = s.candidates;
      for (size_t k = 0; k < cands.size(); ++k) {
        if (k + 8 < cands.size()) md.Prefetch(cands[k + 8]);
        if (k + 4 < cands.size()) sim_cache.Prefetch(md.ScoringTokens(cands[k + 4]));
        consider(qi, cands[k]);
      }
    }
  }
  // Identifier matches are found whatever the names say.
  if (!pq.identifiers.empty()) {
    for (uint32_t ni = 0; ni < md.names.size(); ++ni) {
      const IndexedName& in = md.names[ni];
      if (in.name != 0 || s.stamp[in.entity] == s.epoch) continue;
      const Entity& e = entities[in.entity];
      for (const auto& id : e.identifiers) {
        std::string n = NormalizeId(id.number);
        if (n.size() >= 4 &&
            std::find(pq.identifiers.begin(), pq.identifiers.end(), n) != pq.identifiers.end()) {
          s.stamp[in.entity] = s.epoch;
          s.best[in.entity] = Best{0.0f, ni, 0};
          s.touched.push_back(in.entity);
          break;
        }
      }
    }
  }
  // Rank by final score first, building the readable hits only for those returned.
  const bool qualifiers = !q.birth_dates.empty() || !pq.countries.empty() || !q.gender.empty() ||
                          !pq.identifiers.empty();
  const double report = std::min(kReportFloor, q.threshold);
  const double floor = report - kMaxBonus;
  struct Ranked {
    double score;
    uint32_t entity;
  };
  std::vector<Ranked> ranked;
  if (!pq.names.empty()) {
    for (uint32_t e : s.touched) {
      const Best& b = s.best[e];
      if (b.score < floor && pq.identifiers.empty()) continue;
      const double score = qualifiers ? MakeHit(snap, pq, e, b, false).score
                                      : std::clamp(static_cast<double>(b.score), 0.0, 1.0);
      if (score >= report) ranked.push_back({score, e});
    }
  }
  auto before = [&](const Ranked& a, const Ranked& b) {
    if (a.score != b.score) return a.score > b.score;
    const Entity& ea = entities[a.entity];
    const Entity& eb = entities[b.entity];
    const int ra = DatasetRank(ea.dataset), rb = DatasetRank(eb.dataset);
    if (ra != rb) return ra < rb;
    return ea.id < eb.id;
  };
  size_t keep = ranked.size();
  if (q.limit >= 0) keep = std::min(keep, static_cast<size_t>(q.limit));
  std::partial_sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(keep),
                    ranked.end(), before);
  std::vector<Hit> hits;
  hits.reserve(keep);
  for (size_t i = 0; i < keep; ++i) {
    hits.push_back(MakeHit(snap, pq, ranked[i].entity, s.best[ranked[i].entity], true));
  }
  return hits;
}

std::vector<Hit> ScreenSnapshot(const index::Snapshot& snapshot, const Query& query) {
  if (query.names.empty()) return {};
  PreparedQuery pq = PrepareQuery(snapshot, query);
  return ScreenPrepared(snapshot, pq, false);
}

std::vector<Hit> ScreenSnapshotBruteForce(const index::Snapshot& snapshot, const Query& query) {
  if (query.names.empty()) return {};
  PreparedQuery pq = PrepareQuery(snapshot, query);
  return ScreenPrepared(snapshot, pq, true);
}

}  // namespace tamiz::match
