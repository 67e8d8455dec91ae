#include "text/tokenize.h"

#include <gtest/gtest.h>

#include "text/phonetic.h"

namespace tamiz::text {
namespace {

using Tokens = std::vector<std::string>;

TEST(TokenizeFolded, DottedInitialsMerge) {
  EXPECT_EQ(TokenTexts("u.s.a."), (Tokens{"usa"}));
  EXPECT_EQ(TokenTexts("n.k. bansal"), (Tokens{"nk", "bansal"}));
}

TEST(TokenizeFolded, SpacedSingleLettersMerge) {
  EXPECT_EQ(TokenTexts("n k bansal"), (Tokens{"nk", "bansal"}));
}

TEST(TokenizeFolded, PolishLegalFormKeepsItsParts) {
  EXPECT_EQ(TokenTexts("sp. z o.o. s.k.a."), (Tokens{"sp", "z", "oo", "ska"}));
}

TEST(TokenizeFolded, HyphensAndApostrophesSplitWords) {
  EXPECT_EQ(TokenTexts("el-aissami"), (Tokens{"el", "aissami"}));
  EXPECT_EQ(TokenTexts("o'doyle"), (Tokens{"o", "doyle"}));
}

TEST(TokenizeFolded, AmpersandIsAnd) {
  EXPECT_EQ(TokenTexts("fendrake & mollory"), (Tokens{"fendrake", "and", "mollory"}));
}

TEST(TokenizeFolded, LettersAndDigitsSplit) {
  EXPECT_EQ(TokenTexts("no8 kaiyo"), (Tokens{"no", "8", "kaiyo"}));
}

TEST(TokenizeFolded, MarksBreaksParenthesesAndLabels) {
  auto t = TokenizeFolded("beneficiary: alpha ltd (malindi branch), c/o x - y");
  ASSERT_GE(t.size(), 7u);
  EXPECT_TRUE(t[0].colon_after);
  EXPECT_TRUE(t[3].break_before);
  EXPECT_TRUE(t[3].in_parens);
  EXPECT_FALSE(t[2].in_parens);
  bool found_x = false;
  for (const auto& tok : t) {
    if (tok.text == "x") {
      found_x = true;
      EXPECT_TRUE(tok.break_before);  // "c/o" starts an annotation
    }
    EXPECT_NE(tok.text, "c");
  }
  EXPECT_TRUE(found_x);
}

TEST(PhoneticKey, CollapsesRomanizationVariants) {
  EXPECT_EQ(PhoneticKey("khotintsev"), PhoneticKey("hotincev"));
  EXPECT_EQ(PhoneticKey("levitskiy"), PhoneticKey("levitsky"));
  EXPECT_EQ(PhoneticKey("tareck"), PhoneticKey("tarek"));
  EXPECT_EQ(PhoneticKey("shamjee"), PhoneticKey("shamji"));
  EXPECT_NE(PhoneticKey("maduro"), PhoneticKey("moros"));
}

TEST(ConsonantSkeleton, MatchesAbjadRomanizations) {
  EXPECT_EQ(ConsonantSkeleton("muhammad"), ConsonantSkeleton("mhmd"));
  EXPECT_EQ(ConsonantSkeleton("washington"), ConsonantSkeleton("wwshyngtwn"));
  EXPECT_EQ(ConsonantSkeleton("kinneret"), ConsonantSkeleton("knrt"));
}

TEST(CountLetters, CountsEachLetterUpToThree) {
  const LetterCounts c = CountLetters("abbaaaa9-");
  EXPECT_EQ(c.at_least[0], 3u | (1u << 26));  // a, b, a digit; '-' is not counted
  EXPECT_EQ(c.at_least[1], 3u);               // a and b twice
  EXPECT_EQ(c.at_least[2], 1u);               // a three times (and more)
}

TEST(LetterDistance, IsTheL1DistanceOfSaturatedCounts) {
  EXPECT_EQ(LetterDistance(CountLetters("maduro"), CountLetters("maduro")), 0);
  EXPECT_EQ(LetterDistance(CountLetters("maduro"), CountLetters("oruadm")), 0);
  EXPECT_EQ(LetterDistance(CountLetters("cabelo"), CountLetters("cabello")), 1);
  EXPECT_EQ(LetterDistance(CountLetters("mohammed"), CountLetters("hassan")), 10);
  // Counts stop at 3: "aaaaa" and "aaa" look alike.
  EXPECT_EQ(LetterDistance(CountLetters("aaaaa"), CountLetters("aaa")), 0);
}

}  // namespace
}  // namespace tamiz::text
