#include "text/transliterate.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace tamiz::text {
namespace {

bool IsAsciiString(const std::string& s) {
  for (char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

TEST(FoldToAscii, AsciiFastPathLowercases) {
  EXPECT_EQ(FoldToAscii("CABELLO, Diosdado"), "cabello, diosdado");
}

TEST(FoldToAscii, CyrillicUsesBgnRomanization) {
  EXPECT_EQ(FoldToAscii("Олег Дерипаска"), "oleg deripaska");
  EXPECT_EQ(FoldToAscii("Жуков Щукин"), "zhukov shchukin");
}

TEST(FoldToAscii, UkrainianAndBelarusianLettersBecomeAscii) {
  std::string s = FoldToAscii("Їжак Євген Ґанна Жаўнерчык");
  EXPECT_TRUE(IsAsciiString(s)) << s;
  EXPECT_NE(s.find("zhaunerchyk"), std::string::npos) << s;
}

TEST(FoldToAscii, GreekUsesUngegn) { EXPECT_EQ(FoldToAscii("Αλέξης Τσίπρας"), "alexis tsipras"); }

TEST(FoldToAscii, HanBecomesPinyinWithoutTones) { EXPECT_EQ(FoldToAscii("沧澜"), "cang lan"); }

TEST(FoldToAscii, DiacriticsAndLigaturesRemoved) {
  EXPECT_EQ(FoldToAscii("Kalčić Øresund Łódź Straße"), "kalcic oresund lodz strasse");
}

TEST(FoldToAscii, EveryScriptGivesAscii) {
  for (const char* s : {"محمد العيسمي", "דאגלס אדמס", "새벽별물류", "株式会社霜月水産", "สวัสดี",
                        "Ծատուրյան", "მზიური", "ＡＢＣ１２３"}) {
    std::string out = FoldToAscii(s);
    EXPECT_TRUE(IsAsciiString(out)) << s << " -> " << out;
    EXPECT_FALSE(out.empty()) << s;
  }
}

TEST(FoldToAscii, HebrewRomanizesTsadiAndGeresh) {
  EXPECT_EQ(FoldToAscii("צור"), "tswr");
  EXPECT_EQ(FoldToAscii("ג'ון"), "jwn");
}

TEST(FoldToAscii, IsIdempotent) {
  for (const char* s :
       {"Олег Дерипаска", "Kalčić", "N.K. Bansal & Co.", "محمد", "Αθήνα", "沧澜远洋", "O'Doyle"}) {
    std::string once = FoldToAscii(s);
    EXPECT_EQ(FoldToAscii(once), once) << s;
  }
}

TEST(FoldToAscii, InvalidUtf8IsRepairedNotPassedOn) {
  std::string bad = "abc\xff\xfe def";
  std::string out = FoldToAscii(bad);
  EXPECT_TRUE(IsAsciiString(out));
  EXPECT_NE(out.find("abc"), std::string::npos);
}

TEST(DetectScript, FindsTheDominantScript) {
  EXPECT_EQ(DetectScript("Diosdado"), Script::kLatin);
  EXPECT_EQ(DetectScript("Дерипаска"), Script::kCyrillic);
  EXPECT_EQ(DetectScript("محمد"), Script::kArabic);
  EXPECT_EQ(DetectScript("דאגלס"), Script::kHebrew);
  EXPECT_EQ(DetectScript("Τσίπρας"), Script::kGreek);
  EXPECT_EQ(DetectScript("새벽별"), Script::kHangul);
  EXPECT_EQ(DetectScript("123 -"), Script::kNone);
  EXPECT_TRUE(IsAbjad(Script::kArabic));
  EXPECT_FALSE(IsAbjad(Script::kCyrillic));
}

}  // namespace
}  // namespace tamiz::text
