#include "match/score.h"

#include <gtest/gtest.h>

#include <random>

#include "match/similarity.h"
#include "text/analyze.h"
#include "text/tables.h"

namespace tamiz::match {
namespace {

using text::NameType;

// Uniform weights (role factors only): the scoring rules without list statistics.
text::AnalyzedName A(const std::string& s, NameType t = NameType::kPerson) {
  auto a = text::AnalyzeName(s, t);
  for (auto& tok : a.tokens) tok.weight = tok.factor;
  return a;
}

double S(const std::string& q, const std::string& c, NameType t = NameType::kPerson) {
  return ScoreNames(A(q, t), A(c, t)).score;
}

TEST(ScoreNames, IdenticalNamesScoreOne) {
  for (const char* n : {"CABELLO RONDON, Diosdado", "Tarek El Aissami", "Олег Дерипаска",
                        "Noor Plantation Investments LLC", "Hoshikaze Maru No. 8"}) {
    for (NameType t : {NameType::kPerson, NameType::kOrganization, NameType::kVessel}) {
      EXPECT_DOUBLE_EQ(S(n, n, t), 1.0) << n;
    }
  }
}

TEST(ScoreNames, ReorderedNamesScoreOne) {
  EXPECT_DOUBLE_EQ(S("Diosdado Cabello Rondon", "CABELLO RONDON, Diosdado"), 1.0);
}

TEST(ScoreNames, MissingSecondSurnameCostsLittle) {
  EXPECT_GE(S("Diosdado Cabello", "CABELLO RONDON, Diosdado"), 0.85);
  EXPECT_GE(S("Nicolas Maduro", "MADURO MOROS, Nicolas"), 0.85);
}

TEST(ScoreNames, ExtraQueryTokenCostsMuch) {
  EXPECT_LT(S("Diosdado Cabello Perez", "CABELLO, Diosdado"),
            S("Diosdado Cabello", "CABELLO, Diosdado"));
  EXPECT_LT(S("Diosdado Cabello Perez Gomez", "CABELLO, Diosdado"), 0.8);
}

TEST(ScoreNames, SharedSurnameWithOtherGivenNameIsNoMatch) {
  EXPECT_LT(S("Roger Noriega", "NORIEGA, Manuel Antonio"), 0.6);
  EXPECT_LT(S("Marco Rubio", "RUBIO GONZALEZ, Emmanuel Enrique"), 0.6);
  EXPECT_LT(S("Douglas Farah", "FARAH, Meliad"), 0.6);
}

TEST(ScoreNames, TyposAndRomanizationsStillMatch) {
  EXPECT_GE(S("Diosdado Cabelo", "CABELLO RONDON, Diosdado"), 0.8);
  EXPECT_GE(S("Tareck El-Aissami", "EL AISSAMI, Tarek"), 0.85);
  EXPECT_GE(S("Олег Дерипаска", "DERIPASKA, Oleg Vladimirovich"), 0.9);
  EXPECT_GE(S("Αλέξης Τσίπρας", "Alexis Tsipras"), 0.9);
  EXPECT_GE(S("ג'ורג' וושינגטון", "George Washington"), 0.8);
}

TEST(ScoreNames, DifferentNumbersMeanDifferentEntities) {
  EXPECT_LT(S("Alpha 1 Ltd", "Alpha 2 Ltd", NameType::kOrganization), 0.6);
  EXPECT_LT(S("Hoshikaze Maru No. 8", "Hoshikaze Maru No. 6", NameType::kVessel), 0.6);
  EXPECT_GE(S("THONG NAWA 3", "THONG NAWA NO.3", NameType::kVessel), 0.95);
}

TEST(ScoreNames, LegalFormsAndPunctuationDoNotMatter) {
  EXPECT_GE(S("NOOR PLANTATION INVESTMENTS, L.L.C.", "Noor Plantation Investments LLC",
              NameType::kOrganization),
            0.99);
  EXPECT_GE(S("N.K. Bansal & Co.", "N K Bansal and Co", NameType::kOrganization), 0.95);
  EXPECT_GE(S("Wirralong Downs Pty Ltd", "Wirra-long Downs Pty Ltd", NameType::kOrganization),
            0.85);
}

TEST(ScoreNames, SameNameUnderForeignLegalFormsDiffers) {
  auto r = ScoreNames(A("Korvessa Industrial GmbH", NameType::kOrganization),
                      A("Korvessa Industrial Sdn. Bhd.", NameType::kOrganization));
  EXPECT_TRUE(r.jurisdiction_conflict);
  EXPECT_LT(r.score, 0.8);
}

TEST(ScoreNames, OneLetterChangesInCompanyWordsDiffer) {
  EXPECT_LT(
      S("Ashcorran Mining Supplies Ltd", "Ashcorran Dining Supplies Ltd", NameType::kOrganization),
      0.8);
}

TEST(ScoreNames, AbbreviationsMatchTheWordsTheyShorten) {
  const auto org = NameType::kOrganization;
  EXPECT_GE(S("F.lli Rossetti S.n.c.", "Fratelli Rossetti snc", org), 0.9);
  EXPECT_GE(S("Tecidos Lumiar Ind. e Com. Ltda", "Tecidos Lumiar Industria e Comercio Ltda", org),
            0.9);
  // The same abbreviation does not stand for an unrelated word.
  EXPECT_LT(S("F.lli Rossetti", "Fabbrica Rossetti", org), 0.8);
  EXPECT_LT(S("Tecidos Lumiar Ind.", "Tecidos Lumiar Agro", org), 0.8);
}

TEST(ScoreNames, NameWrittenAsOneWordKeepsItsConnectors) {
  const auto org = NameType::kOrganization;
  EXPECT_GE(S("MaisonLumiereetFils", "Maison Lumiere et Fils", org), 0.95);
  EXPECT_GE(S("Maison Lumiere et Fils", "MaisonLumiereetFils", org), 0.95);
  EXPECT_GE(S("MaisonLumiereFils", "Maison Lumiere et Fils", org), 0.95);
  EXPECT_LT(S("MaisonLumiereetFreres", "Maison Lumiere et Fils", org), 0.8);
}

TEST(ScoreNames, TranslatedWordsCountBesideASpelledName) {
  ASSERT_FALSE(text::GetTables().trade_words.empty()) << "the trade-word table did not load";
  const auto org = NameType::kOrganization;
  EXPECT_GE(S("Lazurevsky Milk LLC", "Lazurevsky Moloko LLC", org), 0.85);
  EXPECT_GE(S("Lazurevsky Milk LLC", "Лазуревский Молоко ООО", org), 0.8);
  // Only translated words in common: a generic name, no match.
  EXPECT_LT(S("Star Ltd", "Zvezda PJSC", org), 0.8);
  EXPECT_LT(S("Milk Company", "Moloko", org), 0.8);
}

TEST(ScoreNames, CjkOrdinalsAreNumbers) {
  EXPECT_LT(S("第八幸福丸", "第十八幸福丸", NameType::kVessel), 0.8);
  EXPECT_DOUBLE_EQ(S("第八幸福丸", "第八幸福丸", NameType::kVessel), 1.0);
}

TEST(ScoreNames, ExplanationNamesTheAlignment) {
  std::string e;
  ScoreNames(A("Diosdado Cabello"), A("CABELLO RONDON, Diosdado"), &e);
  EXPECT_NE(e.find("diosdado=diosdado"), std::string::npos) << e;
  EXPECT_NE(e.find("+rondon"), std::string::npos) << e;
}

TEST(ScoreNames, InUnitIntervalAndSymmetricPairScoreOnRandomNames) {
  std::mt19937 rng(5);
  const char* words[] = {"al", "mohammed", "ali", "hassan", "cabello", "trading",   "ltd",
                         "8",  "maru",     "de",  "la",     "rosa",    "ivanovich", "no"};
  for (int i = 0; i < 500; ++i) {
    std::string a, b;
    for (int k = 0; k < 1 + static_cast<int>(rng() % 4); ++k)
      a += std::string(words[rng() % 14]) + " ";
    for (int k = 0; k < 1 + static_cast<int>(rng() % 4); ++k)
      b += std::string(words[rng() % 14]) + " ";
    for (NameType t : {NameType::kPerson, NameType::kOrganization}) {
      auto x = A(a, t), y = A(b, t);
      double s = ScoreNames(x, y).score;
      EXPECT_GE(s, 0.0);
      EXPECT_LE(s, 1.0);
      EXPECT_DOUBLE_EQ(SymmetricNameScore(x, y), SymmetricNameScore(y, x)) << a << "|" << b;
    }
  }
}

// The cached path: similarities computed once (floor kAlignFloor) give the same score as
// ScoreNames computing them itself, for persons, companies (sharpened tolerance) and merges.
TEST(ScoreNames, WithPrecomputedSimilaritiesIsTheSameScore) {
  std::mt19937 rng(11);
  const char* words[] = {"al",      "mohamed", "mohammed",    "wirra",   "long", "wirralong",
                         "abdul",   "rahman",  "abdulrahman", "trading", "ltd",  "8",
                         "exports", "imports", "siemens",     "siemen",  "de",   "no"};
  constexpr size_t kWords = sizeof(words) / sizeof(words[0]);
  for (int i = 0; i < 600; ++i) {
    std::string a, b;
    for (int k = 0; k < 1 + static_cast<int>(rng() % 4); ++k)
      a += std::string(words[rng() % kWords]) + " ";
    for (int k = 0; k < 1 + static_cast<int>(rng() % 4); ++k)
      b += std::string(words[rng() % kWords]) + " ";
    for (NameType t : {NameType::kPerson, NameType::kOrganization, NameType::kVessel}) {
      auto q = A(a, t), c = A(b, t);
      const size_t n = std::min(q.tokens.size(), kMaxNameTokens);
      const size_t m = std::min(c.tokens.size(), kMaxNameTokens);
      const bool person = t == NameType::kPerson;
      std::vector<float> single(n * m), qp(n * m), cp(n * m);
      for (size_t x = 0; x < n; ++x) {
        for (size_t y = 0; y < m; ++y) {
          single[x * m + y] =
              static_cast<float>(TokenSimilarity(q.tokens[x], c.tokens[y], person, kAlignFloor));
          if (x + 1 < n && text::Mergeable(q.tokens[x]) && text::Mergeable(q.tokens[x + 1])) {
            qp[x * m + y] = static_cast<float>(MergedSimilarity(
                c.tokens[y].text, q.tokens[x].text + q.tokens[x + 1].text, kAlignFloor));
          }
          if (y + 1 < m && text::Mergeable(c.tokens[y]) && text::Mergeable(c.tokens[y + 1])) {
            cp[y * n + x] = static_cast<float>(MergedSimilarity(
                q.tokens[x].text, c.tokens[y].text + c.tokens[y + 1].text, kAlignFloor));
          }
        }
      }
      const TokenSimilarities sims{single.data(), qp.data(), cp.data()};
      std::string e1, e2;
      const double direct = ScoreNames(q, c, &e1).score;
      const double cached = ScoreNamesWithSimilarities(q, c, sims, &e2).score;
      EXPECT_NEAR(direct, cached, 1e-6) << a << "|" << b;
      EXPECT_EQ(e1, e2) << a << "|" << b;
    }
  }
}

}  // namespace
}  // namespace tamiz::match
