#include "index/match_data.h"

#include <gtest/gtest.h>

#include <random>
#include <set>

#include "index/snapshot.h"
#include "match/screen.h"

namespace tamiz::index {
namespace {

const char* kSyllables[] = {"ma", "ro", "ka", "li", "sa", "de", "no", "ha", "mi", "ta",
                            "bo", "el", "ra", "du", "ve", "zo", "ki", "an", "or", "us"};

std::string Word(std::mt19937& rng) {
  std::string w;
  const int n = 2 + static_cast<int>(rng() % 3);
  for (int i = 0; i < n; ++i) w += kSyllables[rng() % 20];
  return w;
}

std::shared_ptr<const Snapshot> RandomSnapshot(std::mt19937& rng, int entities) {
  ParsedList list;
  list.version.dataset = "test";
  for (int i = 0; i < entities; ++i) {
    Entity e;
    e.dataset = "test";
    e.record_id = std::to_string(i);
    e.id = "test:" + e.record_id;
    e.schema = i % 3 == 0 ? Schema::kOrganization : Schema::kPerson;
    const int words = 2 + static_cast<int>(rng() % 3);
    std::string name;
    for (int k = 0; k < words; ++k) name += (k ? " " : "") + Word(rng);
    if (e.schema == Schema::kOrganization && rng() % 2 == 0) name += " Trading LLC";
    e.caption = name;
    Name primary;
    primary.full = name;
    e.names.push_back(primary);
    if (rng() % 4 == 0) {
      Name weak;
      weak.full = Word(rng) + " " + Word(rng);
      weak.kind = NameKind::kWeakAlias;
      e.names.push_back(weak);
    }
    list.entities.push_back(std::move(e));
  }
  std::vector<ParsedList> lists;
  lists.push_back(std::move(list));
  auto snap = Snapshot::Build(std::move(lists));
  EXPECT_TRUE(snap.ok());
  return snap.value();
}

std::string Perturb(std::mt19937& rng, std::string s) {
  switch (rng() % 5) {
    case 0: {  // typo
      size_t p = rng() % s.size();
      if (s[p] != ' ') s[p] = static_cast<char>('a' + rng() % 26);
      return s;
    }
    case 1: {  // drop a character
      size_t p = rng() % s.size();
      s.erase(p, 1);
      return s;
    }
    case 2: {  // reorder
      size_t sp = s.find(' ');
      if (sp == std::string::npos) return s;
      return s.substr(sp + 1) + " " + s.substr(0, sp);
    }
    case 3:  // merge two words
      if (size_t sp = s.find(' '); sp != std::string::npos) s.erase(sp, 1);
      return s;
    default:
      return s;
  }
}

TEST(MatchData, IndexFindsEveryBruteForceMatchOnRandomLists) {
  std::mt19937 rng(2026);
  for (int round = 0; round < 3; ++round) {
    auto snap = RandomSnapshot(rng, 400);
    size_t brute_matches = 0, missed = 0;
    for (int q = 0; q < 150; ++q) {
      const Entity& e = snap->entities()[rng() % snap->entities().size()];
      Query query;
      query.names.push_back(q % 7 == 0 ? Word(rng) + " " + Word(rng)
                                       : Perturb(rng, e.names[0].full));
      query.limit = 1000;
      auto fast = match::ScreenSnapshot(*snap, query);
      auto brute = match::ScreenSnapshotBruteForce(*snap, query);
      std::set<std::string> got;
      for (const auto& h : fast) {
        if (h.match) got.insert(h.entity->id);
      }
      for (const auto& h : brute) {
        if (!h.match) continue;
        ++brute_matches;
        if (got.count(h.entity->id) == 0) {
          ++missed;
          ADD_FAILURE() << "index missed " << h.entity->id << " '" << h.matched_name
                        << "' for query '" << query.names[0] << "' score " << h.score;
        }
      }
      // Scores of hits found by both paths are identical.
      for (const auto& b : brute) {
        for (const auto& f : fast) {
          if (f.entity == b.entity) {
            EXPECT_DOUBLE_EQ(f.score, b.score);
          }
        }
      }
    }
    EXPECT_GT(brute_matches, 50u);
    EXPECT_EQ(missed, 0u);
  }
}

// Abbreviations match the words they shorten ("Ind." / "Industria", "F.lli" / "Fratelli")
// without sharing a spelling key with them: the index still finds every such match, whichever
// side is abbreviated.
TEST(MatchData, IndexFindsAbbreviatedAndExpandedNamesLikeBruteForce) {
  std::mt19937 rng(77);
  const std::pair<const char*, const char*> kForms[] = {{"Ind. e Com.", "Industria e Comercio"},
                                                        {"F.lli", "Fratelli"},
                                                        {"Comm.", "Commendatore"},
                                                        {"Distrib.", "Distribuidora"}};
  ParsedList list;
  list.version.dataset = "test";
  std::vector<std::pair<std::string, std::string>> pairs;  // listed form, other form
  for (int i = 0; i < 300; ++i) {
    const auto& [short_form, long_form] = kForms[rng() % 4];
    const bool listed_short = rng() % 2 == 0;
    const std::string core = Word(rng) + " " + Word(rng);
    const bool before = std::string(short_form).find('.') < 5 && rng() % 2 == 0;
    auto name = [&](const char* form) {
      return before ? std::string(form) + " " + core : core + " " + form + " Ltda";
    };
    Entity e;
    e.dataset = "test";
    e.record_id = std::to_string(i);
    e.id = "test:" + e.record_id;
    e.schema = Schema::kOrganization;
    e.caption = name(listed_short ? short_form : long_form);
    Name n;
    n.full = e.caption;
    e.names.push_back(n);
    pairs.emplace_back(e.caption, name(listed_short ? long_form : short_form));
    list.entities.push_back(std::move(e));
  }
  std::vector<ParsedList> lists;
  lists.push_back(std::move(list));
  auto built = Snapshot::Build(std::move(lists));
  ASSERT_TRUE(built.ok());
  const Snapshot& snap = **built;
  size_t brute_matches = 0, missed = 0;
  for (size_t q = 0; q < pairs.size(); q += 2) {
    Query query;
    query.names.push_back(q % 6 == 0 ? Perturb(rng, pairs[q].second) : pairs[q].second);
    query.schema = Schema::kOrganization;
    query.limit = 1000;
    auto fast = match::ScreenSnapshot(snap, query);
    std::set<std::string> got;
    for (const auto& h : fast) {
      if (h.match) got.insert(h.entity->id);
    }
    for (const auto& h : match::ScreenSnapshotBruteForce(snap, query)) {
      if (!h.match) continue;
      ++brute_matches;
      if (got.count(h.entity->id) == 0) {
        ++missed;
        ADD_FAILURE() << "index missed '" << h.matched_name << "' for '" << query.names[0] << "'";
      }
    }
  }
  EXPECT_GT(brute_matches, 100u);
  EXPECT_EQ(missed, 0u);
}

TEST(MatchData, RareTokensWeighMoreThanCommonOnes) {
  std::mt19937 rng(1);
  auto snap = RandomSnapshot(rng, 300);
  const MatchData& md = snap->match_data();
  auto common = text::AnalyzeName("Trading", text::NameType::kOrganization);
  auto rare = text::AnalyzeName("Zyxwvut", text::NameType::kOrganization);
  common.tokens[0].factor = 1.0f;  // compare rarity alone
  EXPECT_LT(md.TokenWeight(common.tokens[0]), md.TokenWeight(rare.tokens[0]));
  EXPECT_FLOAT_EQ(md.TokenWeight(rare.tokens[0]), 1.0f);
}

TEST(MatchData, EveryNameIsAnalysedAndIndexed) {
  std::mt19937 rng(3);
  auto snap = RandomSnapshot(rng, 100);
  const MatchData& md = snap->match_data();
  EXPECT_GE(md.names.size(), 100u);
  EXPECT_GT(md.key_count(), 100u);
  for (const auto& n : md.names) {
    EXPECT_FALSE(n.normalized.empty());
    EXPECT_LT(n.entity, snap->entities().size());
  }
  std::vector<uint32_t> out;
  md.Candidates(md.names[0].analyzed, 0.8, out);
  EXPECT_NE(std::find(out.begin(), out.end(), 0u), out.end());
}

// A code made of a number and a letter ("P-561", "3M") is found through its number (and,
// outside person names, its initial) instead of scanning every name.
TEST(MatchData, NumbersAndCompanyInitialsAreIndexed) {
  ParsedList list;
  list.version.dataset = "test";
  auto add = [&](const std::string& id, const std::string& name, Schema schema) {
    Entity e;
    e.dataset = "test";
    e.record_id = id;
    e.id = "test:" + id;
    e.schema = schema;
    e.caption = name;
    Name n;
    n.full = name;
    e.names.push_back(n);
    list.entities.push_back(std::move(e));
  };
  add("1", "P-561", Schema::kVessel);
  add("2", "P-562", Schema::kVessel);
  add("3", "3M", Schema::kOrganization);
  for (int i = 0; i < 50; ++i)
    add("x" + std::to_string(i), "Ocean Star " + std::to_string(i), Schema::kVessel);
  std::vector<ParsedList> lists;
  lists.push_back(std::move(list));
  auto snap = Snapshot::Build(std::move(lists));
  ASSERT_TRUE(snap.ok());
  const MatchData& md = (*snap)->match_data();
  auto q = text::AnalyzeName("P-561", text::NameType::kVessel);
  md.ApplyWeights(q);
  std::vector<uint32_t> out;
  md.Candidates(q, 0.7, out);
  std::set<std::string> found;
  for (uint32_t n : out) found.insert(md.names[n].normalized);
  EXPECT_TRUE(found.count("p 561")) << out.size();
  EXPECT_LT(out.size(), 10u);  // not every vessel name
  Query query;
  query.names.push_back("P-561");
  auto hits = match::ScreenSnapshot(**snap, query);
  ASSERT_FALSE(hits.empty());
  EXPECT_EQ(hits[0].entity->id, "test:1");
  EXPECT_TRUE(hits[0].match);
  query.names = {"3M"};
  hits = match::ScreenSnapshot(**snap, query);
  ASSERT_FALSE(hits.empty());
  EXPECT_EQ(hits[0].entity->id, "test:3");
}

// Every listed token carries a vocabulary id whose representative has the same text, and
// every adjacent pair of words its joined text.
TEST(MatchData, VocabularyCoversEveryListedToken) {
  std::mt19937 rng(9);
  auto snap = RandomSnapshot(rng, 200);
  const MatchData& md = snap->match_data();
  for (uint32_t ni = 0; ni < md.names.size(); ++ni) {
    const auto& toks = md.names[ni].analyzed.tokens;
    const auto packed = md.ScoringTokens(ni);
    ASSERT_EQ(packed.size(), toks.size());
    for (size_t j = 0; j < toks.size(); ++j) {
      ASSERT_GT(toks[j].vocab, 0u);
      ASSERT_LT(toks[j].vocab, md.vocab_size());
      EXPECT_EQ(md.VocabToken(toks[j].vocab).text, toks[j].text);
      EXPECT_EQ(packed[j].vocab, toks[j].vocab);
      EXPECT_FLOAT_EQ(packed[j].weight, toks[j].weight);
      if (j + 1 < toks.size() && text::Mergeable(toks[j]) && text::Mergeable(toks[j + 1])) {
        ASSERT_GT(toks[j].pair_vocab, 0u);
        EXPECT_EQ(md.PairText(toks[j].pair_vocab), toks[j].text + toks[j + 1].text);
      }
    }
  }
}

TEST(MatchData, EmptySnapshotScreensToNothing) {
  auto snap = Snapshot::Build({});
  ASSERT_TRUE(snap.ok());
  Query q;
  q.names.push_back("Anyone");
  EXPECT_TRUE(match::ScreenSnapshot(**snap, q).empty());
  EXPECT_TRUE(match::ScreenSnapshotBruteForce(**snap, q).empty());
}

}  // namespace
}  // namespace tamiz::index
