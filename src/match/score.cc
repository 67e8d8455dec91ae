#include "match/score.h"

#include <algorithm>
#include <array>
#include <string_view>

#include "match/similarity.h"

namespace tamiz::match {

namespace {

constexpr size_t kMax = kMaxNameTokens;
constexpr size_t kMaxOptions = 256;
constexpr double kKeyMatch = 0.93;

// Score factor of a name whose query words matched only through translations.
constexpr double kTranslationOnlyFactor = 0.75;

struct Option {
  float sim;
  uint8_t qi, qn, ci, cn;  // token index and count (1 or 2) on each side
};

// Writes the concatenation of tokens i and i+1 into buf; returns a view or empty on overflow.
std::string_view Concat2(const std::vector<text::Token>& t, size_t i, std::array<char, 128>& buf) {
  const auto& a = t[i].text;
  const auto& b = t[i + 1].text;
  if (a.size() + b.size() > buf.size()) return {};
  std::copy(a.begin(), a.end(), buf.begin());
  std::copy(b.begin(), b.end(), buf.begin() + static_cast<std::ptrdiff_t>(a.size()));
  return {buf.data(), a.size() + b.size()};
}

// True when two native legal forms (GmbH vs Sdn Bhd) name disjoint jurisdictions.
bool JurisdictionConflict(const text::AnalyzedName& a, const text::AnalyzedName& b) {
  if (!a.legal_native || !b.legal_native) return false;
  std::string_view x = a.legal_jurisdiction, y = b.legal_jurisdiction;
  size_t p = 0;
  while (p < x.size()) {
    size_t e = x.find('/', p);
    if (e == std::string_view::npos) e = x.size();
    std::string_view code = x.substr(p, e - p);
    if (code.size() >= 2) {
      code = code.substr(0, 2);
      size_t q = 0;
      while (q < y.size()) {
        size_t f = y.find('/', q);
        if (f == std::string_view::npos) f = y.size();
        if (y.substr(q, std::min<size_t>(2, f - q)) == code) return false;
        q = f + 1;
      }
    }
    p = e + 1;
  }
  return true;
}

// Similarity of the two names written without spaces ("groupediarraimportexport"), when one
// side is a single word and the other has several: 0 otherwise.
double ConcatSimilarity(const text::AnalyzedName& q, const text::AnalyzedName& c) {
  auto words = [](const text::AnalyzedName& a) {
    size_t k = 0;
    for (const auto& t : a.tokens) k += (t.flags & text::kAnnotation) == 0 ? 1 : 0;
    return k;
  };
  const size_t wq = words(q), wc = words(c);
  if (!((wq == 1 && wc >= 2) || (wc == 1 && wq >= 2))) return 0.0;
  std::array<char, 64> bq, bc;
  auto concat = [](const text::AnalyzedName& a, std::array<char, 64>& b) {
    size_t len = 0;
    for (const auto& t : a.tokens) {
      if ((t.flags & text::kAnnotation) != 0) continue;
      for (char ch : t.text) {
        if (len < b.size()) b[len++] = ch;
      }
    }
    return std::string_view(b.data(), len);
  };
  const std::string_view sq = concat(q, bq), sc = concat(c, bc);
  auto similarity = [](std::string_view x, std::string_view y) {
    if (x.empty() || y.empty() || x[0] != y[0]) return 0.0;
    return EditSimilarityAtLeast(x, y, 0.85);
  };
  double best = similarity(sq, sc);
  // A name written as one word keeps its connectors ("EtsKoffietFreres" is "Ets Koffi et
  // Freres" written together), which the tokens of the other side have lost.
  if (!q.joined_with_connectors.empty() || !c.joined_with_connectors.empty()) {
    best = std::max(best,
                    similarity(q.joined_with_connectors.empty() ? sq : q.joined_with_connectors,
                               c.joined_with_connectors.empty() ? sc : c.joined_with_connectors));
  }
  return best;
}

// ScoreNames, with the similarities computed here when `sims` is null.
NameScore Score(const text::AnalyzedName& q, const text::AnalyzedName& c,
                const TokenSimilarities* sims, std::string* explain);

}  // namespace

double CombineCoverage(double query_coverage, double candidate_coverage, bool person) {
  // A missing middle name costs a person little; a missing word costs a company more.
  const double beta = person ? 0.75 : 0.55;
  return query_coverage * (beta + (1.0 - beta) * candidate_coverage);
}

double AlignedSimilarity(double raw, bool sharpen) {
  // In company and vessel names a changed letter usually makes another word (Exports /
  // Imports, Star / Stars): below the phonetic-key level, tolerance is halved.
  const double sim = sharpen && raw < kKeyMatch ? 1.0 - 2.0 * (1.0 - raw) : raw;
  return sim < kAlignFloor ? 0.0 : sim;
}

double MergedSimilarity(std::string_view one, std::string_view joined, double min_sim) {
  if (one.empty() || joined.empty() ||
      !MergeMayMatch(one[0], one.size(), joined[0], joined.size())) {
    return 0.0;
  }
  return EditSimilarityAtLeast(one, joined, min_sim);
}

NameScore ScoreNames(const text::AnalyzedName& q, const text::AnalyzedName& c,
                     std::string* explain) {
  return Score(q, c, nullptr, explain);
}

NameScore ScoreNamesWithSimilarities(const text::AnalyzedName& q, const text::AnalyzedName& c,
                                     const TokenSimilarities& sims, std::string* explain) {
  return Score(q, c, &sims, explain);
}

namespace {

NameScore Score(const text::AnalyzedName& q, const text::AnalyzedName& c,
                const TokenSimilarities* sims, std::string* explain) {
  NameScore r;
  const size_t n = std::min(q.tokens.size(), kMax);
  const size_t m = std::min(c.tokens.size(), kMax);
  if (n == 0 || m == 0) return r;
  const bool person = q.type == text::NameType::kPerson;
  auto latin = text::IsLatinOrNone;
  // Romanized names vary by letter; only names written in Latin script on both sides get
  // the sharper company/vessel tolerance.
  const bool sharpen = !person && latin(q.script) && latin(c.script);
  const bool cross_script = latin(q.script) != latin(c.script);

  // Lowest raw similarity that can survive sharpening and the alignment floor.
  const double min_raw = sharpen ? 1.0 - (1.0 - kAlignFloor) / 2.0 : kAlignFloor;
  std::array<Option, kMaxOptions> opts;
  size_t nopt = 0;
  auto add = [&](double sim, size_t qi, size_t qn, size_t ci, size_t cn) {
    sim = AlignedSimilarity(sim, sharpen);
    if (sim < kAlignFloor || nopt >= kMaxOptions) return;
    opts[nopt++] = {static_cast<float>(sim), static_cast<uint8_t>(qi), static_cast<uint8_t>(qn),
                    static_cast<uint8_t>(ci), static_cast<uint8_t>(cn)};
  };
  // Similarities computed with floor kAlignFloor (the cached ones) are exact wherever they
  // reach min_raw (kAlignFloor or higher), and add() drops whatever is below it after
  // sharpening: both ways give the same options.
  for (size_t i = 0; i < n; ++i) {
    for (size_t j = 0; j < m; ++j) {
      add(sims != nullptr ? static_cast<double>(sims->single[i * m + j])
                          : TokenSimilarity(q.tokens[i], c.tokens[j], person, min_raw),
          i, 1, j, 1);
    }
  }
  // Split/merged words: one token on one side against two adjacent tokens on the other.
  std::array<char, 128> buf;
  for (size_t j = 0; j + 1 < m; ++j) {
    if (!text::Mergeable(c.tokens[j]) || !text::Mergeable(c.tokens[j + 1])) continue;
    if (sims != nullptr) {
      for (size_t i = 0; i < n; ++i) add(sims->candidate_pairs[j * n + i], i, 1, j, 2);
      continue;
    }
    std::string_view cc = Concat2(c.tokens, j, buf);
    if (cc.empty()) continue;
    for (size_t i = 0; i < n; ++i) add(MergedSimilarity(q.tokens[i].text, cc, min_raw), i, 1, j, 2);
  }
  for (size_t i = 0; i + 1 < n; ++i) {
    if (!text::Mergeable(q.tokens[i]) || !text::Mergeable(q.tokens[i + 1])) continue;
    if (sims != nullptr) {
      for (size_t j = 0; j < m; ++j) add(sims->query_pairs[i * m + j], i, 2, j, 1);
      continue;
    }
    std::string_view qq = Concat2(q.tokens, i, buf);
    if (qq.empty()) continue;
    for (size_t j = 0; j < m; ++j) add(MergedSimilarity(c.tokens[j].text, qq, min_raw), i, 2, j, 1);
  }
  // Greedy assignment by descending similarity (ties: prefer single-token pairs).
  std::sort(opts.begin(), opts.begin() + static_cast<std::ptrdiff_t>(nopt),
            [](const Option& a, const Option& b) {
              if (a.sim != b.sim) return a.sim > b.sim;
              return a.qn + a.cn < b.qn + b.cn;
            });
  std::array<float, kMax> qsim{}, csim{};
  std::array<int8_t, kMax> qpair{}, cpair{};
  qpair.fill(-1);
  cpair.fill(-1);
  for (size_t k = 0; k < nopt; ++k) {
    const Option& o = opts[k];
    bool free = true;
    for (size_t a = 0; a < o.qn; ++a) free &= qpair[o.qi + a] < 0;
    for (size_t b = 0; b < o.cn; ++b) free &= cpair[o.ci + b] < 0;
    if (!free) continue;
    for (size_t a = 0; a < o.qn; ++a) {
      qpair[o.qi + a] = static_cast<int8_t>(o.ci);
      qsim[o.qi + a] = o.sim;
    }
    for (size_t b = 0; b < o.cn; ++b) {
      cpair[o.ci + b] = static_cast<int8_t>(o.qi);
      csim[o.ci + b] = o.sim;
    }
  }
  double qw = 0, qgot = 0, cw = 0, cgot = 0;
  bool qnum = false, cnum = false, num_unmatched = false, country_unmatched = false;
  bool translated = false, spelled = false;  // query words matched by translation / spelling
  for (size_t i = 0; i < n; ++i) {
    const auto& t = q.tokens[i];
    // Unmatched annotations of the query (a branch, a port, an address) are not its name.
    if ((t.flags & text::kAnnotation) != 0 && qpair[i] < 0) continue;
    qw += t.weight;
    // Fuzzy matches count sim^2 within a script; across scripts (a romanization on one side)
    // letter-level variation is expected and counts sim.
    const double sq = static_cast<double>(qsim[i]);
    qgot += t.weight * (cross_script ? sq : sq * sq);
    if (qpair[i] >= 0 && (t.flags & text::kAnnotation) == 0) {
      (qsim[i] == kTranslationSimilarity ? translated : spelled) = true;
    }
    if ((t.flags & text::kNumber) != 0 && (t.flags & text::kAnnotation) == 0) {
      qnum = true;
      num_unmatched |= qpair[i] < 0;
    }
    if ((t.flags & text::kCountry) != 0 && qpair[i] < 0) country_unmatched = true;
  }
  for (size_t j = 0; j < m; ++j) {
    const auto& t = c.tokens[j];
    // A listed patronymic the query leaves out is no evidence either way.
    if ((t.flags & text::kPatronymic) != 0 && cpair[j] < 0) continue;
    cw += t.weight;
    cgot += t.weight * static_cast<double>(csim[j]);
    if ((t.flags & text::kNumber) != 0 && (t.flags & text::kAnnotation) == 0) {
      cnum = true;
      num_unmatched |= cpair[j] < 0;
    }
    if ((t.flags & text::kCountry) != 0 && cpair[j] < 0) country_unmatched = true;
  }
  r.query_coverage = qw > 0 ? qgot / qw : 0;
  r.candidate_coverage = cw > 0 ? cgot / cw : 0;
  double s = CombineCoverage(r.query_coverage, r.candidate_coverage, person);
  // A translation is evidence beside a name matched as written ("Chobanyan Kat" / "Chobanyan
  // Milk"), not on its own: "Star Ltd" is not "Zvezda PJSC".
  if (translated && !spelled) s *= kTranslationOnlyFactor;
  if (!person) {
    const double cs = ConcatSimilarity(q, c);
    if (cs >= 0.85) s = std::max(s, cs * cs);
  }
  if (qnum && cnum && num_unmatched) {
    r.number_conflict = true;
    s *= 0.5;
  }
  // Across scripts a legal form is translated loosely (a Japanese kabushiki kaisha, a
  // corporation, writes "Co., Ltd." in English): no conflict of class there.
  if (!cross_script && !q.legal_class.empty() && !c.legal_class.empty() &&
      q.legal_class != c.legal_class) {
    r.legal_class_conflict = true;
    s *= 0.95;
  }
  // The same name under the legal forms of two different countries is two companies
  // (a foreign subsidiary, a namesake); so is a name that adds a country ("... (UK) Ltd").
  // A legal form on one side only of a vessel comparison: the owner or manager, not the ship.
  if (q.type == text::NameType::kVessel && q.legal_class.empty() != c.legal_class.empty()) {
    s *= 0.8;
  }
  if (JurisdictionConflict(q, c)) {
    r.jurisdiction_conflict = true;
    s *= 0.7;
  }
  if (country_unmatched) {
    r.country_conflict = true;
    s *= 0.8;
  }
  r.score = std::clamp(s, 0.0, 1.0);
  if (explain != nullptr) {
    std::string& e = *explain;
    e.clear();
    for (size_t i = 0; i < n; ++i) {
      if (!e.empty()) e += ' ';
      if (qpair[i] < 0) {
        e += "-" + q.tokens[i].text;
      } else {
        e += q.tokens[i].text + "=" + c.tokens[static_cast<size_t>(qpair[i])].text;
      }
    }
    for (size_t j = 0; j < m; ++j) {
      if (cpair[j] < 0) e += " +" + c.tokens[j].text;
    }
  }
  return r;
}

}  // namespace

double SymmetricNameScore(const text::AnalyzedName& a, const text::AnalyzedName& b) {
  return 0.5 * (ScoreNames(a, b).score + ScoreNames(b, a).score);
}

}  // namespace tamiz::match
