#include "match/score.h"

#include <gtest/gtest.h>

#include <random>

#include "text/analyze.h"

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

}  // namespace
}  // namespace tamiz::match
