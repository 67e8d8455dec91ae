#include "text/myanmar.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "util/file_io.h"

namespace tamiz::text {
namespace {

bool IsAsciiString(const std::string& s) {
  for (char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

void ExpectAll(const std::vector<std::pair<std::string, std::string>>& cases) {
  for (const auto& [in, want] : cases) EXPECT_EQ(RomanizeMyanmar(in), want) << in;
}

TEST(Myanmar, CommonNameSyllables) {
  ExpectAll({
      {"ရွှေ", "shwe"},    {"အောင်", "aung"},     {"ကျော်", "kyaw"}, {"ဇော်", "zaw"},  {"ထွန်း", "htun"},
      {"မြင့်", "myint"},  {"သိန်း", "thein"},     {"ဝင်း", "win"},   {"စိုး", "soe"},   {"နိုင်", "naing"},
      {"လှ", "hla"},      {"မောင်", "maung"},    {"ခင်", "khin"},   {"ညွန့်", "nyunt"}, {"ဦး", "u"},
      {"ဒေါ်", "daw"},    {"ကို", "ko"},          {"သန့်", "thant"},  {"ဖြိုး", "phyo"}, {"ပြည့်", "pyae"},
      {"စံ", "san"},      {"ဆန်း", "hsan"},      {"ထက်", "htet"},   {"ကြယ်", "kyal"}, {"သီရိ", "thi ri"},
      {"ဘဏ်", "ban"},     {"ဇေယျာ", "zay yar"}, {"မြ", "mya"},    {"ဖြူ", "phyu"},  {"ချစ်", "chit"},
      {"ငြိမ်း", "nyein"}, {"ချမ်း", "chan"},     {"လွင်", "lwin"},   {"ပွင့်", "pwint"}, {"ဟိန်း", "hein"},
      {"စိန်", "sein"},    {"လှိုင်", "hlaing"},     {"မိုး", "moe"},    {"မျိုး", "myo"},  {"ကြည်", "kyi"},
      {"ဆု", "hsu"},      {"သူ", "thu"},         {"အေး", "aye"},   {"အိ", "ei"},     {"အုန်း", "ohn"},
      {"ထူး", "htoo"},    {"ဘုန်း", "phone"},     {"ခိုင်", "khine"},  {"ဝေ", "wai"},   {"ရည်", "yi"},
      {"သွယ်", "thwe"},    {"ယံ", "yan"},         {"သူရ", "thu ra"}, {"ရဲ", "ye"},     {"ဗိုလ်", "bo"},
      {"ဝန်", "wun"},
  });
}

TEST(Myanmar, CompanyWords) {
  ExpectAll({
      {"ကုမ္ပဏီ", "kom pa ni"},
      {"လီမိတက်", "li mi tet"},
      {"ကုန်သွယ်ရေး", "kone thwe yay"},
      {"ပို့ဆောင်ရေး", "po hsaung yay"},
      {"ဆန်စက်", "hsan set"},
      {"မင်္ဂလာ", "min ga lar"},
      {"ရတနာ", "ya da nar"},
      {"ပုလဲ", "pa le"},
      {"မြန်မာ", "myan mar"},
      {"ရန်ကုန်", "yan gon"},
      {"မန္တလေး", "man da lay"},
  });
}

TEST(Myanmar, WholeNames) {
  ExpectAll({
      {"ဦးကျော်ဇော်ထွန်း", "u kyaw zaw htun"},
      {"ဦး ကျော်ဇော်ထွန်း", "u kyaw zaw htun"},
      {"မင်းအောင်လှိုင်", "min aung hlaing"},
      {"သိန်းစိန်", "thein sein"},
      {"ဒေါ်အောင်ဆန်းစုကြည်", "daw aung hsan su kyi"},
      {"ဇော်မင်းထွန်း", "zaw min htun"},
      {"မြင့်ဆွေ", "myint hswe"},
      {"ဖြိုးပြည့်", "phyo pyae"},
      {"ရွှေမင်္ဂလာကုမ္ပဏီလီမိတက်", "shwe min ga lar kom pa ni li mi tet"},
  });
}

TEST(Myanmar, TitleUAtStartOoAfterAnotherSyllable) {
  EXPECT_EQ(RomanizeMyanmar("အောင်ကျော်ဦး"), "aung kyaw oo");
  EXPECT_EQ(RomanizeMyanmar("ဦးအောင်ကျော်ဦး"), "u aung kyaw oo");
  EXPECT_EQ(RomanizeMyanmar("ဦးအောင် ကျော် ဦး"), "u aung kyaw oo");
  // ဥ + ီ is the decomposed spelling of ဦ.
  EXPECT_EQ(RomanizeMyanmar("\u1025\u102E\u1038\u1019\u1004\u103A\u1038"), "u min");
  // A list separator starts a new name.
  EXPECT_EQ(RomanizeMyanmar("ဦးအောင်၊ ဦးကျော်"), "u aung, u kyaw");
}

TEST(Myanmar, GyiVoicedOnlyAfterFirstSyllable) {
  EXPECT_EQ(RomanizeMyanmar("ကိုကိုကြီး"), "ko ko gyi");
  EXPECT_EQ(RomanizeMyanmar("ကြီး"), "kyi");
}

TEST(Myanmar, CreakyNasalFinalsGainT) {
  // ့ before ် (NFC order) and after it (common input order) read the same.
  EXPECT_EQ(RomanizeMyanmar("\u1019\u103C\u1004\u1037\u103A"), "myint");
  EXPECT_EQ(RomanizeMyanmar("\u1019\u103C\u1004\u103A\u1037"), "myint");
  EXPECT_EQ(RomanizeMyanmar("မုန့်"), "mont");
  EXPECT_EQ(RomanizeMyanmar("ဝင့်"), "wint");
}

TEST(Myanmar, KinziAndStacks) {
  EXPECT_EQ(RomanizeMyanmar("မင်္ဂလာ"), "min ga lar");
  EXPECT_EQ(RomanizeMyanmar("သတ္တ"), "that ta");
  EXPECT_EQ(RomanizeMyanmar("နန္ဒာ"), "nan dar");
  EXPECT_EQ(RomanizeMyanmar("ပြဿနာ"), "pyat tha nar");
}

TEST(Myanmar, IndependentVowels) {
  ExpectAll(
      {{"ဥ", "u"}, {"ဧ", "e"}, {"ဩ", "aw"}, {"ဣ", "i"}, {"ဤ", "i"}, {"ဧရာဝတီ", "aye yar wa di"}});
}

TEST(Myanmar, MixedScriptsPassThrough) {
  EXPECT_EQ(RomanizeMyanmar("ABC ကုမ္ပဏီ Ltd."), "ABC kom pa ni Ltd.");
  EXPECT_EQ(RomanizeMyanmar("ABCကုမ္ပဏီLtd"), "ABC kom pa ni Ltd");
  EXPECT_EQ(RomanizeMyanmar("Co.(ရွှေ)"), "Co.(shwe)");
  EXPECT_EQ(RomanizeMyanmar("Шве ရွှေ"), "Шве shwe");
  EXPECT_EQ(RomanizeMyanmar("Aung Kyaw, 12"), "Aung Kyaw, 12");
}

TEST(Myanmar, DigitsBecomeOneNumber) {
  EXPECT_EQ(RomanizeMyanmar("၁၂၃"), "123");
  EXPECT_EQ(RomanizeMyanmar("၀၉"), "09");
  EXPECT_EQ(RomanizeMyanmar("အမှတ်၁၂"), "a hmat 12");
  EXPECT_EQ(RomanizeMyanmar("ရွှေ၂၀၂၄ Ltd"), "shwe 2024 Ltd");
  EXPECT_EQ(RomanizeMyanmar("No.၅"), "No.5");
}

TEST(Myanmar, Punctuation) {
  EXPECT_EQ(RomanizeMyanmar("ရွှေ။"), "shwe.");
  EXPECT_EQ(RomanizeMyanmar("ကျော်\u200Bဇော်"), "kyaw zaw");
  EXPECT_EQ(RomanizeMyanmar("ကျော\u200C်"), "kyaw");
}

TEST(Myanmar, EmptyAndAscii) {
  EXPECT_EQ(RomanizeMyanmar(""), "");
  EXPECT_EQ(RomanizeMyanmar("   "), "   ");
  EXPECT_EQ(RomanizeMyanmar("Hello, World 42"), "Hello, World 42");
}

TEST(Myanmar, InvalidUtf8BytesDropped) {
  EXPECT_EQ(RomanizeMyanmar("\xFF"
                            "ရွှေ"
                            "\xC0\x80"),
            "shwe");
  EXPECT_EQ(RomanizeMyanmar("a\x80"
                            "b"),
            "ab");
  // Truncated three-byte sequence at the end.
  EXPECT_EQ(RomanizeMyanmar("ရွှေ\xE1\x80"), "shwe");
  // UTF-16 surrogate encoded in UTF-8.
  EXPECT_EQ(RomanizeMyanmar("\xED\xA0\x80x"), "x");
}

TEST(Myanmar, StrayMarksDoNotCrash) {
  EXPECT_EQ(RomanizeMyanmar("\u103A\u1037\u1038"), "");
  EXPECT_EQ(RomanizeMyanmar("\u1039"), "");
  EXPECT_EQ(RomanizeMyanmar("\u102C"), "ar");
  EXPECT_EQ(RomanizeMyanmar("က\u103A"), "");
  // ေ typed before its consonant.
  EXPECT_EQ(RomanizeMyanmar("\u1031\u101B"), "yay");
}

// Random inputs: no crash (ASan/UBSan), bounded output, ASCII when the input is Myanmar plus
// ASCII, no Myanmar left, and idempotent.
TEST(Myanmar, RandomInputsAreSafe) {
  std::mt19937 rng(20240611);
  for (int iter = 0; iter < 3000; ++iter) {
    std::string bytes;
    const int len = static_cast<int>(rng() % 40);
    for (int k = 0; k < len; ++k) bytes += static_cast<char>(rng() & 0xFF);
    const std::string out = RomanizeMyanmar(bytes);
    EXPECT_LE(out.size(), 12 * bytes.size() + 8);
  }
  for (int iter = 0; iter < 5000; ++iter) {
    std::string in;
    const int len = static_cast<int>(rng() % 24);
    for (int k = 0; k < len; ++k) {
      const auto r = static_cast<uint32_t>(rng() % 20);
      char32_t cp;
      if (r == 0) {
        cp = U' ';
      } else if (r == 1) {
        cp = static_cast<char32_t>('a' + rng() % 26);
      } else if (r == 2) {
        cp = static_cast<char32_t>(0x200B + rng() % 3);
      } else {
        cp = static_cast<char32_t>(0x1000 + rng() % 0xA0);
      }
      util::AppendUtf8(in, cp);
    }
    const std::string out = RomanizeMyanmar(in);
    bool has_zw = in.find("\u200B") != std::string::npos ||
                  in.find("\u200C") != std::string::npos || in.find("\u200D") != std::string::npos;
    if (!has_zw) {
      EXPECT_TRUE(IsAsciiString(out)) << in << " -> " << out;
      EXPECT_EQ(RomanizeMyanmar(out), out) << in;
    }
    EXPECT_LE(out.size(), 12 * in.size() + 8);
  }
}

}  // namespace
}  // namespace tamiz::text
