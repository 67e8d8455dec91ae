#include "scan/scan.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <unordered_set>

#include "index/match_data.h"
#include "match/score.h"
#include "match/screen.h"
#include "scan/document.h"
#include "scan/lexicon.h"
#include "scan/mentions.h"
#include "scan/payment.h"
#include "text/tables.h"
#include "util/embedded.h"
#include "util/file_io.h"

namespace tamiz::scan {

namespace {

constexpr size_t kMaxEvidence = 5;
constexpr size_t kMaxPersonWords = 5;
constexpr size_t kMaxTopicPersons = 50;
// A detected person whose screening hit covers less than this share of the listed name...
constexpr double kMinListedCoverage = 0.7;
// ...alerts only when its tokens are this rare (mean IDF weight; scan/mentions.cc).
constexpr double kMinShortNameRarity = 0.75;
// Two common tokens ("Mohammed Ali") never alert from running text (as in scan/mentions.cc).
constexpr double kMinTwoWordRarity = 0.6;

const std::unordered_set<std::string>& Gazetteer() {
  static const auto* kSet = [] {
    auto* set = new std::unordered_set<std::string>();
    std::string_view data = util::EmbeddedFile("tables/given_names_gazetteer.txt");
    size_t pos = 0;
    while (pos < data.size()) {
      size_t nl = data.find('\n', pos);
      if (nl == std::string_view::npos) nl = data.size();
      std::string_view line = data.substr(pos, nl - pos);
      pos = nl + 1;
      while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
      if (line.empty() || line[0] == '#') continue;
      set->emplace(line);
    }
    return set;
  }();
  return *kSet;
}

// Capitalized words that start sentences or name things other than people.
bool IsNonNameWord(std::string_view w) {
  static const std::unordered_set<std::string_view> kWords = {
      "the",      "a",          "an",       "this",      "that",       "these",     "those",
      "in",       "on",         "at",       "of",        "for",        "and",       "but",
      "or",       "if",         "when",     "while",     "after",      "before",    "since",
      "as",       "he",         "she",      "it",        "they",       "we",        "i",
      "you",      "his",        "her",      "their",     "our",        "my",        "there",
      "here",     "what",       "who",      "why",       "how",        "according", "first",
      "second",   "last",       "monday",   "tuesday",   "wednesday",  "thursday",  "friday",
      "saturday", "sunday",     "january",  "february",  "march",      "april",     "may",
      "june",     "july",       "august",   "september", "october",    "november",  "december",
      "el",       "la",         "los",      "las",       "un",         "una",       "en",
      "con",      "por",        "para",     "del",       "le",         "les",       "des",
      "du",       "o",          "os",       "no",        "na",         "street",    "avenue",
      "road",     "department", "ministry", "house",     "bank",       "company",   "group",
      "cartel",   "party",      "court",    "office",    "university", "council",   "agency",
      "press",    "news",       "times",    "post",      "twitter",    "follow",    "read",
      "more",     "also",       "however",  "multiple",  "reports",    "experts"};
  return kWords.count(w) > 0;
}

std::string SpanText(std::string_view text, size_t b, size_t e) {
  return std::string(text.substr(b, e - b));
}

}  // namespace

Status ValidateUtf8(std::string_view text, size_t base, size_t base_line) {
  size_t bad = util::FindInvalidUtf8(text);
  if (bad == std::string_view::npos) return Status::Ok();
  const size_t line = base_line + util::LineOfOffset(text, bad) - 1;
  return Status::InvalidArgument(
      fmt::format("invalid UTF-8 at byte {} (line {})", base + bad, line));
}

Scanner::Scanner(const index::Snapshot& snapshot, ScanOptions options)
    : snapshot_(snapshot),
      options_(options),
      index_(MentionIndex::For(snapshot)),
      topics_(kTopicKeys.size()) {}

Scanner::~Scanner() = default;

ChunkResult Scanner::Add(std::string_view chunk, size_t base) {
  const Document doc = AnalyzeDocument(chunk);
  const Lexicons& lex = Lexicons::Get();
  if (language_.empty()) language_ = lex.DetectLanguage(doc);
  const size_t n = doc.words.size();
  const auto& ents = snapshot_.entities();
  const auto& tab = text::GetTables();

  // Case profile: text without capitals, or mostly in capitals, lets any word start a name.
  size_t caps = 0, upper_initial = 0, letter_words = 0;
  for (const auto& w : doc.words) {
    if ((w.flags & kHasDigit) != 0 && w.fold_len < 2) continue;
    ++letter_words;
    if ((w.flags & kAllCaps) != 0) ++caps;
    if ((w.flags & kCapitalized) != 0) ++upper_initial;
  }
  MentionOptions mo;
  mo.threshold = options_.threshold;
  mo.any_case = options_.payment || upper_initial == 0 || caps * 10 > letter_words * 6;
  std::vector<RawMention> raw = FindMentions(snapshot_, *index_, doc, mo);

  // Payment party lines: screened whole.
  std::vector<PartyLine> parties;
  if (options_.payment) parties = FindPartyLines(chunk);

  // Person names.
  struct Person {
    uint32_t word = 0, end_word = 0;
    bool titled = false;
    int mention = -1;  // index into raw
    std::string entity_id;
    double score = 0;
  };
  std::vector<Person> persons;
  std::vector<bool> sentence_first(n, false);
  for (const auto& s : doc.sentences) {
    if (s.first_word < n) sentence_first[s.first_word] = true;
  }
  auto name_word = [&](size_t i) {
    const Word& w = doc.words[i];
    if ((w.flags & kCapitalized) == 0 || (w.flags & kHasDigit) != 0) return false;
    if ((w.flags & kAllCaps) != 0 && !mo.any_case) return false;  // acronyms
    const std::string f(doc.Fold(w));
    if (f.empty() || IsNonNameWord(f) || tab.country_words.count(f) > 0) return false;
    return true;
  };
  size_t sweep = 0;  // first mention that may overlap the current run (raw is sorted)
  for (size_t i = 0; i < n; ++i) {
    if ((doc.words[i].flags & kCapitalized) == 0) continue;
    bool titled = false;
    size_t b = i;
    {
      const std::string f(doc.Fold(doc.words[i]));
      if (tab.honorifics.count(f) > 0 && i + 1 < n &&
          (doc.words[i + 1].gap == Gap::kSpace || doc.words[i + 1].gap == Gap::kPeriod)) {
        titled = true;
        b = i + 1;
        // "U.S. Sen. Marco Rubio": a second title word.
        if (b + 1 < n && tab.honorifics.count(std::string(doc.Fold(doc.words[b]))) > 0) ++b;
      }
    }
    if (b >= n || !name_word(b) || doc.words[b].fold_len < 2) continue;
    size_t e = b + 1;
    while (e < n && e - b < kMaxPersonWords) {
      const Word& w = doc.words[e];
      const Gap g = w.gap;
      const bool joined = g == Gap::kSpace || g == Gap::kHyphen ||
                          (g == Gap::kApostrophe && (w.flags & kCapitalized) != 0) ||
                          (g == Gap::kPeriod && doc.words[e - 1].fold_len == 1);
      if (!joined) break;
      if (name_word(e)) {
        ++e;
        continue;
      }
      // A lowercase particle inside the name ("Antonio de la Cruz").
      const std::string f(doc.Fold(w));
      if (tab.particles.count(f) > 0 && e + 1 < n && doc.words[e + 1].gap == Gap::kSpace &&
          name_word(e + 1)) {
        e += 2;
        continue;
      }
      break;
    }
    // "Analyst Peter Novak", "Former Roger Smith": start at the first given name when the
    // run does not start with one.
    if (!titled && Gazetteer().count(std::string(doc.Fold(doc.words[b]))) == 0) {
      for (size_t k = b + 1; k + 1 < e; ++k) {
        if (doc.words[k].gap != Gap::kSpace) break;
        if (Gazetteer().count(std::string(doc.Fold(doc.words[k]))) > 0) {
          b = k;
          break;
        }
      }
    }
    const size_t words = e - b;
    const std::string first(doc.Fold(doc.words[b]));
    bool overlaps = false;
    while (sweep < raw.size() && raw[sweep].end_word <= b) ++sweep;
    for (size_t m = sweep; m < raw.size() && raw[m].word < e; ++m) {
      if (raw[m].end_word > b && ents[raw[m].entity].schema == Schema::kPerson) overlaps = true;
    }
    const bool given = Gazetteer().count(first) > 0;
    if ((words >= 2 && (given || titled || overlaps)) || (words == 1 && titled)) {
      Person p;
      p.word = static_cast<uint32_t>(b);
      p.end_word = static_cast<uint32_t>(e);
      p.titled = titled;
      persons.push_back(p);
    }
    i = e - 1;
  }

  // Link persons to mentions; screen the rest.
  const size_t full_mentions = raw.size();
  sweep = 0;
  for (auto& p : persons) {
    while (sweep < full_mentions && raw[sweep].end_word <= p.word) ++sweep;
    for (size_t m = sweep; m < full_mentions && raw[m].word < p.end_word; ++m) {
      if (raw[m].end_word > p.word && ents[raw[m].entity].schema == Schema::kPerson) {
        p.mention = static_cast<int>(m);
        p.entity_id = ents[raw[m].entity].id;
        p.score = raw[m].score;
        break;
      }
    }
    if (p.mention >= 0 || p.end_word - p.word < 2) continue;
    const std::string name =
        SpanText(chunk, doc.words[p.word].start, doc.words[p.end_word - 1].end);
    auto it = screened_.find(name);
    if (it == screened_.end()) {
      Query q;
      q.names = {name};
      q.schema = Schema::kPerson;
      q.threshold = options_.threshold;
      q.limit = 1;
      std::vector<Hit> hits = match::ScreenSnapshot(snapshot_, q);
      std::pair<std::string, double> r;
      if (!hits.empty() && hits.front().match) {
        // In running text a short name fully inside a longer listed name ("Maria Garcia" in
        // "GAXIOLA GARCIA, Maria Elena") is a namesake unless its tokens are rare.
        text::AnalyzedName qa = text::AnalyzeName(name, text::NameType::kPerson);
        text::AnalyzedName ca =
            text::AnalyzeName(hits.front().matched_name, text::NameType::kPerson);
        snapshot_.match_data().ApplyWeights(qa);
        snapshot_.match_data().ApplyWeights(ca);
        const match::NameScore ns = match::ScoreNames(qa, ca);
        float sum = 0;
        size_t cnt = 0;
        for (const auto& t : qa.tokens) {
          if ((t.flags & text::kParticle) != 0) continue;
          sum += t.weight;
          ++cnt;
        }
        const double rarity = cnt == 0 ? 0.0 : sum / static_cast<double>(cnt);
        const bool common_pair = cnt <= 2 && rarity < kMinTwoWordRarity;
        if (!common_pair &&
            (ns.candidate_coverage >= kMinListedCoverage || rarity >= kMinShortNameRarity)) {
          r = {hits.front().entity->id, hits.front().score};
        }
      }
      it = screened_.emplace(name, r).first;
    }
    if (!it->second.first.empty()) {
      p.entity_id = it->second.first;
      p.score = it->second.second;
      // Reported as a mention too: the matcher found what the mention index did not.
      RawMention rm;
      rm.word = p.word;
      rm.end_word = p.end_word;
      rm.entity = snapshot_.IndexOf(snapshot_.Find(p.entity_id));
      rm.score = p.score;
      raw.push_back(rm);
      p.mention = static_cast<int>(raw.size() - 1);
    }
  }
  std::sort(raw.begin(), raw.end(),
            [](const RawMention& a, const RawMention& b) { return a.word < b.word; });

  // Topics.
  std::vector<uint64_t> hashes(n);
  for (size_t i = 0; i < n; ++i) hashes[i] = HashToken(doc.Fold(doc.words[i]));
  const std::vector<TopicHit> hits = FindTopicHits(lex, doc, hashes, language_);
  std::vector<std::vector<int>> sentence_topics(doc.sentences.size());
  std::vector<std::set<uint32_t>> topic_sentences(kTopicKeys.size());
  for (const auto& h : hits) {
    TopicAcc& acc = topics_[static_cast<size_t>(h.topic)];
    const Sentence& s = doc.sentences[h.sentence];
    auto ev = [&] {
      return nlohmann::json{{"sentence", SpanText(chunk, s.start, s.end)},
                            {"start", base + s.start},
                            {"end", base + s.end}};
    };
    if (h.negated) {
      ++acc.negated;
      if (acc.negated_evidence.size() < kMaxEvidence) acc.negated_evidence.push_back(ev());
      continue;
    }
    acc.weight += h.weight;
    if (topic_sentences[static_cast<size_t>(h.topic)].insert(h.sentence).second) {
      if (acc.evidence.size() < kMaxEvidence) acc.evidence.push_back(ev());
      sentence_topics[h.sentence].push_back(h.topic);
    }
  }
  auto sentence_of = [&](uint32_t word) -> size_t {
    auto it = std::upper_bound(doc.sentences.begin(), doc.sentences.end(), word,
                               [](uint32_t w, const Sentence& s) { return w < s.first_word; });
    return it == doc.sentences.begin() ? 0 : static_cast<size_t>(it - doc.sentences.begin() - 1);
  };
  auto topics_at = [&](uint32_t word) {
    uint16_t mask = 0;
    if (doc.sentences.empty()) return mask;
    for (int t : sentence_topics[sentence_of(word)]) mask = static_cast<uint16_t>(mask | 1u << t);
    return mask;
  };
  auto link_person = [&](uint32_t word, const std::string& name, const std::string& id) {
    if (doc.sentences.empty()) return;
    for (int t : sentence_topics[sentence_of(word)]) {
      TopicAcc& acc = topics_[static_cast<size_t>(t)];
      if (acc.persons.size() >= kMaxTopicPersons || !acc.person_names.insert(name).second) {
        continue;
      }
      nlohmann::json pj = {{"name", name}, {"listed", !id.empty()}};
      if (!id.empty()) pj["entity_id"] = id;
      acc.persons.push_back(std::move(pj));
    }
  };

  // Output.
  ChunkResult out;
  out.mentions.reserve(raw.size());
  for (const auto& m : raw) {
    const Entity& e = ents[m.entity];
    const uint32_t s = doc.words[m.word].start, t = doc.words[m.end_word - 1].end;
    MentionOut mo_out;
    mo_out.text = SpanText(chunk, s, t);
    mo_out.start = base + s;
    mo_out.end = base + t;
    mo_out.entity = &e;
    mo_out.score = m.score;
    mo_out.kind = m.coreference ? "coreference" : "name";
    mo_out.topics = topics_at(m.word);
    if (mo_out.topics != 0) link_person(m.word, e.caption, e.id);
    out.mentions.push_back(std::move(mo_out));
  }
  out.persons.reserve(persons.size());
  for (const auto& p : persons) {
    const uint32_t s = doc.words[p.word].start, t = doc.words[p.end_word - 1].end;
    PersonOut po;
    po.name = SpanText(chunk, s, t);
    po.start = base + s;
    po.end = base + t;
    po.entity_id = p.entity_id;
    po.topics = topics_at(p.word);
    if (po.topics != 0 && p.entity_id.empty()) link_person(p.word, po.name, "");
    out.persons.push_back(std::move(po));
  }
  bool added = false;
  for (const auto& pl : parties) {
    Query q;
    q.names = {pl.name};
    q.threshold = options_.threshold;
    q.limit = 1;
    std::vector<Hit> party_hits = match::ScreenSnapshot(snapshot_, q);
    nlohmann::json pj = {{"label", pl.label},
                         {"name", pl.name},
                         {"start", base + pl.start},
                         {"end", base + pl.end},
                         {"listed", false}};
    if (!party_hits.empty() && party_hits.front().match) {
      const Entity& e = *party_hits.front().entity;
      pj["listed"] = true;
      pj["entity"] = {{"id", e.id}, {"caption", e.caption}, {"score", party_hits.front().score}};
      bool covered = false;
      for (const auto& m : out.mentions) {
        covered = covered || (m.start < base + pl.end && m.end > base + pl.start && m.entity == &e);
      }
      if (!covered) {
        MentionOut mo_out;
        mo_out.text = pl.name;
        mo_out.start = base + pl.start;
        mo_out.end = base + pl.end;
        mo_out.entity = &e;
        mo_out.score = party_hits.front().score;
        mo_out.kind = "party";
        out.mentions.push_back(std::move(mo_out));
        added = true;
      }
    }
    parties_.push_back(pj);
  }
  if (added) {
    std::stable_sort(out.mentions.begin(), out.mentions.end(),
                     [](const MentionOut& a, const MentionOut& b) { return a.start < b.start; });
  }
  if (keep_) {
    mentions_.insert(mentions_.end(), out.mentions.begin(), out.mentions.end());
    persons_.insert(persons_.end(), out.persons.begin(), out.persons.end());
  }
  return out;
}

namespace {

nlohmann::json TopicList(uint16_t mask) {
  nlohmann::json out = nlohmann::json::array();
  for (size_t t = 0; t < kTopicKeys.size(); ++t) {
    if ((mask & (1u << t)) != 0) out.push_back(kTopicKeys[t]);
  }
  return out;
}

void AppendEscaped(std::string& out, std::string_view s) {
  out.push_back('"');
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out.push_back('\\');
      out.push_back(c);
    } else if (u < 0x20) {
      out += fmt::format("\\u{:04x}", u);
    } else {
      out.push_back(c);
    }
  }
  out.push_back('"');
}

void AppendTopics(std::string& out, uint16_t mask) {
  if (mask == 0) return;
  out += ",\"topics\":[";
  bool first = true;
  for (size_t t = 0; t < kTopicKeys.size(); ++t) {
    if ((mask & (1u << t)) == 0) continue;
    if (!first) out.push_back(',');
    first = false;
    AppendEscaped(out, kTopicKeys[t]);
  }
  out.push_back(']');
}

}  // namespace

nlohmann::json ToJson(const MentionOut& m) {
  nlohmann::json j = {
      {"text", m.text},
      {"start", m.start},
      {"end", m.end},
      {"entity", {{"id", m.entity->id}, {"caption", m.entity->caption}, {"score", m.score}}},
      {"kind", m.kind}};
  if (m.topics != 0) j["topics"] = TopicList(m.topics);
  return j;
}

nlohmann::json ToJson(const PersonOut& p) {
  nlohmann::json j = {
      {"name", p.name}, {"start", p.start}, {"end", p.end}, {"listed", !p.entity_id.empty()}};
  if (!p.entity_id.empty()) j["entity_id"] = p.entity_id;
  if (p.topics != 0) j["topics"] = TopicList(p.topics);
  return j;
}

void AppendJson(std::string& out, const MentionOut& m) {
  out += "{\"text\":";
  AppendEscaped(out, m.text);
  out += fmt::format(",\"start\":{},\"end\":{},\"entity\":{{\"id\":", m.start, m.end);
  AppendEscaped(out, m.entity->id);
  out += ",\"caption\":";
  AppendEscaped(out, m.entity->caption);
  out += fmt::format(",\"score\":{}}},\"kind\":", m.score);
  AppendEscaped(out, m.kind);
  AppendTopics(out, m.topics);
  out.push_back('}');
}

void AppendJson(std::string& out, const PersonOut& p) {
  out += "{\"name\":";
  AppendEscaped(out, p.name);
  out += fmt::format(",\"start\":{},\"end\":{},\"listed\":{}", p.start, p.end,
                     p.entity_id.empty() ? "false" : "true");
  if (!p.entity_id.empty()) {
    out += ",\"entity_id\":";
    AppendEscaped(out, p.entity_id);
  }
  AppendTopics(out, p.topics);
  out.push_back('}');
}

nlohmann::json Scanner::Finish() const {
  nlohmann::json out;
  out["language"] = language_.empty() ? "und" : language_;
  out["mentions"] = nlohmann::json::array();
  for (const auto& m : mentions_) out["mentions"].push_back(ToJson(m));
  out["persons"] = nlohmann::json::array();
  for (const auto& p : persons_) out["persons"].push_back(ToJson(p));
  nlohmann::json topics = nlohmann::json::array();
  nlohmann::json negated = nlohmann::json::array();
  for (size_t t = 0; t < topics_.size(); ++t) {
    const TopicAcc& acc = topics_[t];
    if (acc.weight > 0) {
      nlohmann::json tj = {{"topic", kTopicKeys[t]},
                           {"score", std::round(TopicScore(acc.weight) * 1000) / 1000},
                           {"evidence", acc.evidence}};
      if (!acc.persons.empty()) tj["persons"] = acc.persons;
      if (acc.negated > 0) tj["negated"] = acc.negated;
      topics.push_back(tj);
    } else if (acc.negated > 0) {
      negated.push_back(
          {{"topic", kTopicKeys[t]}, {"negated", acc.negated}, {"evidence", acc.negated_evidence}});
    }
  }
  std::stable_sort(topics.begin(), topics.end(),
                   [](const nlohmann::json& a, const nlohmann::json& b) {
                     return a["score"].get<double>() > b["score"].get<double>();
                   });
  out["topics"] = topics;
  if (!negated.empty()) out["negated_topics"] = negated;
  if (options_.payment) out["parties"] = parties_;
  return out;
}

Result<nlohmann::json> ScanToJson(const index::Snapshot& snapshot, std::string_view text,
                                  const ScanOptions& options) {
  if (Status s = ValidateUtf8(text); !s.ok()) return s;
  std::string stripped;
  std::string_view body = text;
  if (options.html) {
    stripped = StripHtml(text);
    body = stripped;
  }
  Scanner scanner(snapshot, options);
  (void)scanner.Add(body, 0);
  nlohmann::json out = scanner.Finish();
  if (options.html) out["text"] = stripped;
  return out;
}

}  // namespace tamiz::scan
