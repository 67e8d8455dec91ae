#include "scan/lexicon.h"

#include <cmath>
#include <string>

#include "text/transliterate.h"
#include "util/embedded.h"

namespace tamiz::scan {

namespace {

constexpr size_t kNegationWindow = 8;
constexpr size_t kMaxPhraseTokens = 6;

// Folded tokens of a lexicon phrase, split like document words.
std::vector<std::string> PhraseTokens(std::string_view phrase) {
  std::string folded = text::FoldToAscii(phrase);
  std::vector<std::string> out;
  std::string cur;
  for (char c : folded) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      cur.push_back(c);
    } else if (!cur.empty()) {
      out.push_back(std::move(cur));
      cur.clear();
    }
  }
  if (!cur.empty()) out.push_back(std::move(cur));
  return out;
}

int TopicIndex(std::string_view key) {
  for (size_t i = 0; i < kTopicKeys.size(); ++i) {
    if (kTopicKeys[i] == key) return static_cast<int>(i);
  }
  return -2;
}

int LanguageIndex(std::string_view lang) {
  for (size_t i = 0; i < kLanguages.size(); ++i) {
    if (kLanguages[i] == lang) return static_cast<int>(i);
  }
  return -1;
}

// Words that may sit between the parts of a phrase: whitespace or an in-word hyphen.
bool Joinable(Gap g) { return g == Gap::kSpace || g == Gap::kHyphen || g == Gap::kApostrophe; }

}  // namespace

uint64_t HashToken(std::string_view s) {
  uint64_t h = 1469598103934665603ull;
  for (char c : s) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ull;
  }
  return h;
}

Lexicons Lexicons::Parse(const std::vector<std::pair<std::string, std::string_view>>& files) {
  Lexicons lex;
  for (const auto& [lang, contents] : files) {
    const int li = LanguageIndex(lang);
    if (li < 0) continue;
    size_t pos = 0;
    while (pos < contents.size()) {
      size_t nl = contents.find('\n', pos);
      if (nl == std::string_view::npos) nl = contents.size();
      std::string_view line = contents.substr(pos, nl - pos);
      pos = nl + 1;
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      if (line.empty() || line[0] == '#') continue;
      size_t t1 = line.find('\t');
      if (t1 == std::string_view::npos) continue;
      std::string_view kind = line.substr(0, t1);
      std::string_view rest = line.substr(t1 + 1);
      size_t t2 = rest.find('\t');
      std::string_view phrase = rest.substr(0, t2);
      float weight = 0.5f;
      if (t2 != std::string_view::npos) {
        std::string w(rest.substr(t2 + 1));
        char* endp = nullptr;
        double v = std::strtod(w.c_str(), &endp);
        if (endp != w.c_str() && v > 0 && v <= 5) weight = static_cast<float>(v);
      }
      auto toks = PhraseTokens(phrase);
      if (toks.empty() || toks.size() > kMaxPhraseTokens) continue;
      if (kind == "stop") {
        if (toks.size() == 1) lex.stop_[static_cast<size_t>(li)][HashToken(toks[0])] = 1;
        continue;
      }
      int topic = kind == "neg" ? -1 : TopicIndex(kind);
      if (topic == -2) continue;
      LexiconEntry e;
      e.topic = static_cast<int16_t>(topic);
      e.lang = static_cast<uint8_t>(li);
      e.weight = weight;
      for (size_t k = 1; k < toks.size(); ++k) e.rest.push_back(HashToken(toks[k]));
      const uint64_t h = HashToken(toks[0]);
      lex.filter_[(h >> 6) & kFilterMask] |= uint64_t{1} << (h & 63);
      lex.entries_[h].push_back(std::move(e));
      ++lex.count_;
    }
  }
  return lex;
}

const Lexicons& Lexicons::Get() {
  static const Lexicons kLex = [] {
    std::vector<std::pair<std::string, std::string_view>> files;
    for (auto lang : kLanguages) {
      std::string name = "lexicons/" + std::string(lang) + ".tsv";
      files.emplace_back(std::string(lang), util::EmbeddedFile(name));
    }
    return Parse(files);
  }();
  return kLex;
}

std::string Lexicons::DetectLanguage(const Document& doc) const {
  const size_t limit = std::min<size_t>(doc.words.size(), 5000);
  size_t cyr = 0, letters = 0;
  std::array<size_t, kLanguages.size()> score{};
  for (size_t i = 0; i < limit; ++i) {
    const Word& w = doc.words[i];
    if ((w.flags & kHasDigit) != 0) continue;
    ++letters;
    if ((w.flags & kCyrillic) != 0) ++cyr;
    const uint64_t h = HashToken(doc.Fold(w));
    for (size_t l = 0; l < kLanguages.size(); ++l) {
      if (stop_[l].count(h) > 0) ++score[l];
    }
  }
  if (letters > 0 && cyr * 2 > letters) return "ru";
  size_t best = 0;
  for (size_t l = 1; l < kLanguages.size(); ++l) {
    if (score[l] > score[best]) best = l;
  }
  if (score[best] == 0) return "und";
  return std::string(kLanguages[best]);
}

std::vector<TopicHit> FindTopicHits(const Lexicons& lex, const Document& doc,
                                    const std::vector<uint64_t>& word_hashes,
                                    std::string_view lang) {
  std::vector<TopicHit> hits;
  const int li = LanguageIndex(lang);
  const size_t n = doc.words.size();
  for (size_t s = 0; s < doc.sentences.size(); ++s) {
    const Sentence& sent = doc.sentences[s];
    size_t last_neg = SIZE_MAX;
    for (size_t i = sent.first_word; i < sent.end_word; ++i) {
      const auto* entries = lex.Find(word_hashes[i]);
      if (entries == nullptr) continue;
      size_t best_len = 0;
      const LexiconEntry* best = nullptr;
      for (const auto& e : *entries) {
        if (e.lang != 0 && static_cast<int>(e.lang) != li) continue;
        const size_t len = 1 + e.rest.size();
        if (i + len > sent.end_word || len <= best_len) continue;
        bool ok = true;
        for (size_t k = 0; k < e.rest.size() && ok; ++k) {
          const size_t w = i + 1 + k;
          ok = w < n && word_hashes[w] == e.rest[k] && Joinable(doc.words[w].gap);
        }
        if (ok) {
          best = &e;
          best_len = len;
        }
      }
      if (best == nullptr) continue;
      if (best->topic < 0) {
        last_neg = i + best_len - 1;
      } else {
        TopicHit h;
        h.topic = best->topic;
        h.word = static_cast<uint32_t>(i);
        h.end_word = static_cast<uint32_t>(i + best_len);
        h.sentence = static_cast<uint32_t>(s);
        h.weight = best->weight;
        h.negated = last_neg != SIZE_MAX && i > last_neg && i - last_neg <= kNegationWindow;
        hits.push_back(h);
      }
      i += best_len - 1;
    }
  }
  return hits;
}

double TopicScore(double weight_sum) { return 1.0 - std::exp(-weight_sum); }

}  // namespace tamiz::scan
