#include "match/similarity.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "text/analyze.h"

namespace tamiz::match {
namespace {

std::string RandomWord(std::mt19937& rng, size_t max_len) {
  std::uniform_int_distribution<size_t> len(1, max_len);
  std::uniform_int_distribution<int> letter(0, 25);
  std::string s(len(rng), 'a');
  for (char& c : s) c = static_cast<char>('a' + letter(rng));
  return s;
}

TEST(EditSimilarity, IdenticalIsOneAndEmptyIsZero) {
  EXPECT_EQ(EditSimilarity("maduro", "maduro"), 1.0);
  EXPECT_EQ(EditSimilarity("", "maduro"), 0.0);
}

TEST(EditSimilarity, SymmetricAndInUnitIntervalOnRandomWords) {
  std::mt19937 rng(11);
  for (int i = 0; i < 2000; ++i) {
    std::string a = RandomWord(rng, 12), b = RandomWord(rng, 12);
    double ab = EditSimilarity(a, b), ba = EditSimilarity(b, a);
    EXPECT_NEAR(ab, ba, 1e-9) << a << " " << b;
    EXPECT_GE(ab, 0.0);
    EXPECT_LE(ab, 1.0);
  }
}

TEST(EditSimilarity, AtLeastAgreesWithThePlainKernel) {
  std::mt19937 rng(12);
  for (int i = 0; i < 2000; ++i) {
    std::string a = RandomWord(rng, 9), b = a;
    if (!b.empty() && i % 2 == 0) b[rng() % b.size()] = static_cast<char>('a' + rng() % 26);
    if (i % 3 == 0) b += RandomWord(rng, 2);
    const double plain = EditSimilarity(a, b);
    const double bounded = EditSimilarityAtLeast(a, b, 0.75);
    if (plain >= 0.75 + 1e-6) {
      EXPECT_NEAR(bounded, plain, 1e-5) << a << " " << b;
    } else if (plain < 0.75 - 1e-6) {
      EXPECT_EQ(bounded, 0.0) << a << " " << b;
    }
  }
}

// A word and a spelling variant of it: letters replaced (vowels, or consonants by one that
// sounds alike), doubled, dropped or swapped.
std::string Variant(std::mt19937& rng, std::string w) {
  static const char* kAlike[] = {"ckqsz", "bpvwf", "dt", "mn", "gh", "jiy"};
  const int edits = static_cast<int>(rng() % 4);
  for (int e = 0; e < edits && !w.empty(); ++e) {
    const size_t at = rng() % w.size();
    switch (rng() % 5) {
      case 0:
        w[at] = "aeiouy"[rng() % 6];
        break;
      case 1: {
        const std::string group = kAlike[rng() % 6];
        w[at] = group[rng() % group.size()];
        break;
      }
      case 2:
        w.insert(at, 1, w[at]);
        break;
      case 3:
        w.erase(at, 1);
        break;
      default:
        if (at + 1 < w.size()) std::swap(w[at], w[at + 1]);
    }
  }
  return w;
}

TEST(EditSimilarity, MayReachNeverRulesOutASimilarPair) {
  std::mt19937 rng(14);
  int ruled_out = 0;
  for (int i = 0; i < 20000; ++i) {
    const std::string a = RandomWord(rng, 10);
    const std::string b = i % 2 == 0 ? Variant(rng, a) : RandomWord(rng, 10);
    const text::LetterCounts ca = text::CountLetters(a), cb = text::CountLetters(b);
    // The bound at the pair's own similarity: the tightest test of the cost bound.
    const double sim = EditSimilarity(a, b);
    EXPECT_TRUE(EditSimilarityMayReach(a.size(), b.size(), ca, cb, sim)) << a << " " << b;
    for (double min_sim : {0.5, 0.75, 0.9}) {
      const bool may = EditSimilarityMayReach(a.size(), b.size(), ca, cb, min_sim);
      if (!may) {
        ++ruled_out;
        EXPECT_EQ(EditSimilarityAtLeast(a, b, min_sim), 0.0) << a << " " << b << " " << min_sim;
      }
    }
  }
  EXPECT_GT(ruled_out, 20000);  // the bound is worth its cost: it rules most random pairs out
}

TEST(EditSimilarity, SpellingVariantsCostLessThanOtherEdits) {
  EXPECT_GT(EditSimilarity("cabelo", "cabello"), 0.9);  // doubled letter
  EXPECT_GT(EditSimilarity("tareck", "tarek"), 0.8);    // c before k
  EXPECT_GT(EditSimilarity("abdalla", "abdulla"), EditSimilarity("abdalla", "abdekla"));
  EXPECT_LT(EditSimilarity("dominguez", "jimenez"), 0.6);
}

text::Token Tok(const char* s, text::NameType type = text::NameType::kPerson) {
  auto a = text::AnalyzeName(s, type);
  return a.tokens.empty() ? text::Token{} : a.tokens.front();
}

TEST(TokenSimilarity, GivenNameEquivalentsMatch) {
  EXPECT_GE(TokenSimilarity(Tok("mohammed"), Tok("muhammad"), true), 0.95);
  EXPECT_GE(TokenSimilarity(Tok("aleksandr"), Tok("alexander"), true), 0.9);
}

TEST(TokenSimilarity, NumbersMatchOnlyByValue) {
  auto eight = Tok("8", text::NameType::kVessel), six = Tok("6", text::NameType::kVessel);
  auto viii = text::AnalyzeName("Kaiyo VIII", text::NameType::kVessel).tokens.back();
  EXPECT_EQ(TokenSimilarity(eight, six, false), 0.0);
  EXPECT_EQ(TokenSimilarity(eight, viii, false), 1.0);
}

TEST(TokenSimilarity, InitialsOnlyWhereAllowed) {
  EXPECT_GE(TokenSimilarity(Tok("j"), Tok("john"), true), 0.8);
  EXPECT_EQ(TokenSimilarity(Tok("j"), Tok("john"), false), 0.0);
  EXPECT_EQ(TokenSimilarity(Tok("k"), Tok("john"), true), 0.0);
}

TEST(TokenSimilarity, SketchesNeverRuleOutASimilarPair) {
  // Names of every kind the rules treat apart: given-name groups, numbers, initials,
  // abbreviations, trade words and their translations, romanized Arabic and Cyrillic.
  const char* names[] = {"Mohammed Muhammad Mohamed Ahmad Ahmed Hassan Hasan Husayn",
                         "J K Abdul Rahman Abdulrahman Aleksandr Alexander Sasha",
                         "محمد حسن عبد الرحمن",
                         "Александр Сергеевич Иванов",
                         "Golden Star Shipping Co Ltd",
                         "Zolotaya Zvezda OOO",
                         "Ind. Comm. F.lli Industria Commerciale Fratelli",
                         "Kaiyo Maru VIII 8 No 12",
                         "Banco Nacional de Comercio Exterior"};
  std::vector<text::Token> tokens;
  for (const char* n : names) {
    for (auto type :
         {text::NameType::kPerson, text::NameType::kOrganization, text::NameType::kVessel}) {
      for (auto& t : text::AnalyzeName(n, type).tokens) tokens.push_back(t);
    }
  }
  std::mt19937 rng(15);
  for (int i = 0; i < 300; ++i) {
    tokens.push_back(Tok(Variant(rng, tokens[rng() % tokens.size()].text).c_str()));
  }
  int ruled_out = 0, similar = 0;
  for (const auto& a : tokens) {
    const text::TokenSketch sa = text::SketchToken(a);
    for (const auto& b : tokens) {
      const bool may = TokenMayBeSimilar(sa, text::SketchToken(b), 0.75);
      const double sim = TokenSimilarity(a, b, true, 0.75);
      similar += sim > 0;
      if (!may) {
        ++ruled_out;
        EXPECT_EQ(sim, 0.0) << a.text << " " << b.text;
      }
    }
  }
  EXPECT_GT(similar, 1000);
  EXPECT_GT(ruled_out, static_cast<int>(tokens.size() * tokens.size() / 2));
}

TEST(TokenSimilarity, SymmetricOnRandomTokens) {
  std::mt19937 rng(13);
  for (int i = 0; i < 500; ++i) {
    auto a = Tok(RandomWord(rng, 8).c_str()), b = Tok(RandomWord(rng, 8).c_str());
    EXPECT_NEAR(TokenSimilarity(a, b, true), TokenSimilarity(b, a, true), 1e-9);
  }
}

}  // namespace
}  // namespace tamiz::match
