#include "text/analyze.h"

#include <gtest/gtest.h>

#include "text/tables.h"

namespace tamiz::text {
namespace {

std::vector<std::string> Texts(const AnalyzedName& a) {
  std::vector<std::string> out;
  for (const auto& t : a.tokens) out.push_back(t.text);
  return out;
}

using Tokens = std::vector<std::string>;

// The first group of the last token of `name` read as an organization (0 without tokens): a
// trade word's concept when that token is one.
uint32_t LastTokenGroup(const std::string& name) {
  auto a = AnalyzeName(name, NameType::kOrganization);
  return a.tokens.empty() ? 0u : a.tokens.back().groups[0];
}

TEST(AnalyzeName, PersonHonorificsStripped) {
  auto a = AnalyzeName("Sheikh Mohammed bin Rashid", NameType::kPerson);
  ASSERT_FALSE(a.tokens.empty());
  EXPECT_EQ(a.tokens[0].text, "mohammed");
}

TEST(AnalyzeName, ParticlesWeighLess) {
  auto a = AnalyzeName("Mohammed bin Rashid", NameType::kPerson);
  ASSERT_EQ(a.tokens.size(), 3u);
  EXPECT_TRUE(a.tokens[1].flags & kParticle);
  EXPECT_LT(a.tokens[1].factor, a.tokens[2].factor);
}

TEST(AnalyzeName, GivenNameGroupsAttached) {
  auto a = AnalyzeName("Muhammad", NameType::kPerson);
  auto b = AnalyzeName("Mohamed", NameType::kPerson);
  ASSERT_EQ(a.tokens.size(), 1u);
  ASSERT_EQ(b.tokens.size(), 1u);
  EXPECT_NE(a.tokens[0].groups[0], 0u);
  EXPECT_EQ(a.tokens[0].groups[0], b.tokens[0].groups[0]);
}

TEST(AnalyzeName, PatronymicFlagged) {
  auto a = AnalyzeName("DERIPASKA, Oleg Vladimirovich", NameType::kPerson);
  ASSERT_EQ(a.tokens.size(), 3u);
  EXPECT_TRUE(a.tokens[2].flags & kPatronymic);
}

TEST(AnalyzeName, LegalFormStrippedAndClassKept) {
  auto a = AnalyzeName("NOOR PLANTATION INVESTMENTS, L.L.C.", NameType::kOrganization);
  EXPECT_EQ(Texts(a), (Tokens{"noor", "plantation", "investments"}));
  EXPECT_EQ(a.legal_class, "llc");
}

TEST(AnalyzeName, LegalFormAtStartStripped) {
  auto a = AnalyzeName("PT Sinar Kenari Abadi", NameType::kOrganization);
  EXPECT_EQ(Texts(a), (Tokens{"sinar", "kenari", "abadi"}));
  EXPECT_FALSE(a.legal_class.empty());
}

TEST(AnalyzeName, NativeLegalFormsKnowTheirJurisdiction) {
  auto a = AnalyzeName("Korvessa Industrial GmbH", NameType::kOrganization);
  auto b = AnalyzeName("Korvessa Industrial Ltd", NameType::kOrganization);
  EXPECT_TRUE(a.legal_native);
  EXPECT_FALSE(b.legal_native);
}

TEST(AnalyzeName, AbbreviationsExpanded) {
  auto a = AnalyzeName("Harrowvane Intl Freight", NameType::kOrganization);
  EXPECT_EQ(Texts(a), (Tokens{"harrowvane", "international", "freight"}));
  EXPECT_TRUE(a.tokens[1].flags & kGeneric);
}

TEST(AnalyzeName, VesselPrefixAndNoDropped) {
  auto a = AnalyzeName("M/V Hoshikaze Maru No. 8", NameType::kVessel);
  EXPECT_EQ(Texts(a), (Tokens{"hoshikaze", "maru", "8"}));
  EXPECT_EQ(a.tokens[2].number, 8);
}

TEST(AnalyzeName, NumeralsBecomeNumbers) {
  auto a = AnalyzeName("Seraphine Navigation IX S.A.", NameType::kOrganization);
  ASSERT_EQ(a.tokens.size(), 3u);
  EXPECT_EQ(a.tokens[2].number, 9);
  auto b = AnalyzeName("Brasskey Shipping Three Inc.", NameType::kOrganization);
  ASSERT_EQ(b.tokens.size(), 3u);
  EXPECT_EQ(b.tokens[2].number, 3);
  EXPECT_EQ(NumberValue("viii", false), 8);
  EXPECT_EQ(NumberValue("i", false), -1);
  EXPECT_EQ(NumberValue("12", false), 12);
}

TEST(AnalyzeName, AnnotationsWeighLess) {
  auto a = AnalyzeName("Coastline Agro Supplies Ltd - Malindi Branch", NameType::kOrganization);
  ASSERT_GE(a.tokens.size(), 4u);
  EXPECT_TRUE(a.tokens.back().flags & kAnnotation);
  EXPECT_FALSE(a.tokens.front().flags & kAnnotation);
}

TEST(AnalyzeName, PaymentLabelDropped) {
  auto a = AnalyzeName("BENEFICIARY: Kalliosaari Trading Oy", NameType::kOrganization);
  ASSERT_FALSE(a.tokens.empty());
  EXPECT_EQ(a.tokens[0].text, "kalliosaari");
}

TEST(AnalyzeName, ArabicArticleSplitAndAbjadFlag) {
  auto a = AnalyzeName("العيسمي", NameType::kPerson);
  ASSERT_EQ(a.tokens.size(), 2u);
  EXPECT_EQ(a.tokens[0].text, "al");
  EXPECT_TRUE(a.tokens[1].flags & kAbjad);
}

TEST(AnalyzeName, EmptyAndPunctuationOnlyGiveNoTokens) {
  EXPECT_TRUE(AnalyzeName("", NameType::kPerson).tokens.empty());
  EXPECT_TRUE(AnalyzeName(" ,.-() ", NameType::kOrganization).tokens.empty());
}

TEST(Abbreviates, TruncationsAndContractions) {
  EXPECT_TRUE(Abbreviates("ind", "industria"));
  EXPECT_TRUE(Abbreviates("comm", "commendatore"));
  EXPECT_FALSE(Abbreviates("ind", "indy"));      // not two letters longer
  EXPECT_FALSE(Abbreviates("in", "industria"));  // a truncation has 3 letters or more
  EXPECT_FALSE(Abbreviates("ind", "kind"));
  EXPECT_TRUE(Abbreviates("f.lli", "fratelli"));
  EXPECT_TRUE(Abbreviates("sig.ra", "signora"));
  EXPECT_FALSE(Abbreviates("f.lli", "flli"));
  EXPECT_FALSE(Abbreviates("f.lli", "fratello"));
  EXPECT_FALSE(Abbreviates("f.lli", "bratelli"));
}

TEST(AnalyzeName, DottedWordsAndContractionsAreAbbreviations) {
  auto a = AnalyzeName("F.lli Rossetti Ind. e Com. Ltda", NameType::kOrganization);
  ASSERT_EQ(Texts(a), (Tokens{"flli", "rossetti", "industries", "commercial"}));
  EXPECT_EQ(a.tokens[0].abbrev, "f.lli");
  EXPECT_EQ(a.tokens[1].abbrev, "");
  EXPECT_EQ(a.tokens[2].abbrev, "ind");
  EXPECT_EQ(a.tokens[3].abbrev, "com");
  // A dotted word that is not followed by a space is no truncation ("example.com"), nor is a
  // person's name part.
  auto web = AnalyzeName("Example.net Holdings", NameType::kOrganization);
  for (const auto& t : web.tokens) EXPECT_EQ(t.abbrev, "") << t.text;
  auto person = AnalyzeName("Geo. Washington", NameType::kPerson);
  for (const auto& t : person.tokens) EXPECT_EQ(t.abbrev, "") << t.text;
}

TEST(AnalyzeName, CjkOrdinalsBecomeNumbers) {
  auto eighth = AnalyzeName("第八幸福丸", NameType::kVessel);
  auto eighteenth = AnalyzeName("第十八幸福丸", NameType::kVessel);
  auto numbered = AnalyzeName("幸福二十三号", NameType::kVessel);
  auto number = [](const AnalyzedName& a) {
    for (const auto& t : a.tokens) {
      if (t.flags & kNumber) return t.number;
    }
    return -1;
  };
  EXPECT_EQ(number(eighth), 8);
  EXPECT_EQ(number(eighteenth), 18);
  EXPECT_EQ(number(numbered), 23);
  // Numerals that are part of a name (no ordinal mark, no 号) stay syllables.
  EXPECT_EQ(number(AnalyzeName("一郎", NameType::kPerson)), -1);
}

TEST(AnalyzeName, VoyageNumbersDropped) {
  EXPECT_EQ(Texts(AnalyzeName("OCEAN ROSE V.214W", NameType::kVessel)), (Tokens{"ocean", "rose"}));
  EXPECT_EQ(Texts(AnalyzeName("Ocean Rose Voy 12", NameType::kVessel)), (Tokens{"ocean", "rose"}));
  // A number that names the ship stays.
  EXPECT_EQ(Texts(AnalyzeName("Ocean Rose 12", NameType::kVessel)),
            (Tokens{"ocean", "rose", "12"}));
}

TEST(AnalyzeName, TradeWordsShareAConceptAcrossLanguages) {
  const Tables& tab = GetTables();
  ASSERT_FALSE(tab.trade_words.empty()) << "the trade-word table did not load";
  const uint32_t milk = LastTokenGroup("Azure Milk");
  EXPECT_NE(milk & kConceptGroup, 0u);
  EXPECT_EQ(LastTokenGroup("Azure Moloko"), milk);
  EXPECT_EQ(LastTokenGroup("Лазурь Молоко"), milk);
  EXPECT_NE(LastTokenGroup("Azure Steel"), milk);
  // Person names are never read as trade words.
  auto p = AnalyzeName("Ivan Moloko", NameType::kPerson);
  EXPECT_EQ(p.tokens.back().groups[0] & kConceptGroup, 0u);
}

TEST(AnalyzeName, NativeTradeWordsSetApart) {
  auto texts = [](const std::string& name) {
    return Texts(AnalyzeName(name, NameType::kOrganization));
  };
  // Hangul has no spaces between words: the trade word at the end is a word of its own, and
  // carries the concept of its translation.
  EXPECT_EQ(texts("새벽별물류").size(), 2u);
  EXPECT_EQ(LastTokenGroup("새벽별물류"), LastTokenGroup("Azure Logistics"));
  // The longest trade word wins: 건축자재 (building materials) over its prefix 건축
  // (construction), so it stays one word.
  EXPECT_EQ(texts("새벽별건축자재").size(), 2u);
  EXPECT_EQ(texts("새벽별건축").size(), 2u);
  EXPECT_NE(texts("새벽별건축자재"), texts("새벽별건축"));
  // A byte that is not UTF-8 before the trade word does not hide it.
  EXPECT_EQ(LastTokenGroup("새벽별\xff물류"), LastTokenGroup("Azure Logistics"));
  // Words on both sides of a trade word are kept apart from it.
  EXPECT_EQ(texts("새벽별물류한강").size(), 3u);
}

TEST(NameVariants, SplitsFormerNames) {
  auto v = NameVariants("Ocean Pioneer (ex-Cape Diamond)");
  ASSERT_EQ(v.size(), 3u);
  EXPECT_EQ(v[1], "Ocean Pioneer ");
  EXPECT_EQ(v[2], "Cape Diamond");
}

TEST(Tables, LoadedAndNormalized) {
  const Tables& t = GetTables();
  EXPECT_GT(t.legal_forms.size(), 300u);
  EXPECT_EQ(t.legal_forms.count("llc"), 1u);
  EXPECT_EQ(t.legal_forms.count("oo"), 0u);
  EXPECT_EQ(CountryCode("Venezuela"), "ve");
  EXPECT_EQ(CountryCode("VE"), "ve");
  EXPECT_EQ(CountryCode("venezuelan"), "ve");
  EXPECT_EQ(CountryCode("Atlantis"), "");
}

// Several types at once give exactly what one call per type gives.
TEST(AnalyzeName, SeveralTypesAtOnceEqualOneByOne) {
  const NameType all[] = {NameType::kPerson, NameType::kOrganization, NameType::kVessel};
  for (const char* n : {"CABELLO RONDON, Diosdado", "Олег Дерипаска",
                        "BENEFICIARY: ACME Trading LLC", "MV Hoshikaze Maru No. 8 (ex-Star VIII)",
                        "Sheikh Muhammad bin Rashid", "株式会社霜月水産", "", "  ,  "}) {
    auto several = AnalyzeNameAs(n, all);
    ASSERT_EQ(several.size(), 3u);
    for (size_t k = 0; k < 3; ++k) {
      auto one = AnalyzeName(n, all[k]);
      const auto& got = several[k];
      EXPECT_EQ(got.type, one.type);
      EXPECT_EQ(got.script, one.script);
      EXPECT_EQ(got.legal_class, one.legal_class);
      EXPECT_EQ(got.legal_jurisdiction, one.legal_jurisdiction);
      ASSERT_EQ(got.tokens.size(), one.tokens.size()) << n;
      for (size_t i = 0; i < got.tokens.size(); ++i) {
        EXPECT_EQ(got.tokens[i].text, one.tokens[i].text);
        EXPECT_EQ(got.tokens[i].flags, one.tokens[i].flags);
        EXPECT_EQ(got.tokens[i].key, one.tokens[i].key);
        EXPECT_FLOAT_EQ(got.tokens[i].factor, one.tokens[i].factor);
      }
    }
  }
  EXPECT_TRUE(AnalyzeNameAs("x", {}).empty());
}

}  // namespace
}  // namespace tamiz::text
