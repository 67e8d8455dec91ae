#include "scan/document.h"

#include <gtest/gtest.h>

#include "scan/lexicon.h"
#include "scan/payment.h"

namespace tamiz::scan {
namespace {

std::vector<std::string> Folds(const Document& d) {
  std::vector<std::string> out;
  for (const auto& w : d.words) out.emplace_back(d.Fold(w));
  return out;
}

TEST(Document, WordsHaveByteOffsetsAndFoldedForms) {
  const std::string text = "Nicolás Maduro met Ana.";
  Document d = AnalyzeDocument(text);
  ASSERT_EQ(d.words.size(), 4u);
  EXPECT_EQ(d.Fold(d.words[0]), "nicolas");
  EXPECT_EQ(d.Text(d.words[0]), "Nicolás");
  EXPECT_EQ(d.words[1].start, 9u);  // "á" is two bytes
  EXPECT_TRUE(d.words[1].flags & kCapitalized);
  EXPECT_FALSE(d.words[2].flags & kCapitalized);
}

TEST(Document, ApostropheAndHyphenSplitWithoutBreak) {
  Document d = AnalyzeDocument("Cabello’s ally El-Aissami");
  EXPECT_EQ(Folds(d), (std::vector<std::string>{"cabello", "s", "ally", "el", "aissami"}));
  EXPECT_EQ(d.words[1].gap, Gap::kApostrophe);
  EXPECT_EQ(d.words[4].gap, Gap::kHyphen);
}

TEST(Document, CyrillicIsTransliterated) {
  Document d = AnalyzeDocument("Сергей Иванов");
  EXPECT_EQ(Folds(d), (std::vector<std::string>{"sergey", "ivanov"}));
  EXPECT_TRUE(d.words[0].flags & kCyrillic);
  EXPECT_TRUE(d.words[0].flags & kCapitalized);
}

TEST(Document, SentencesDoNotSplitAfterTitlesOrInitials) {
  Document d = AnalyzeDocument("He met Sen. Ann Lee in the U.S. Capitol. Then he left!\n\nNew");
  ASSERT_EQ(d.sentences.size(), 3u);
  EXPECT_EQ(d.text.substr(d.sentences[0].start, d.sentences[0].end - d.sentences[0].start),
            "He met Sen. Ann Lee in the U.S. Capitol.");
  EXPECT_EQ(d.text.substr(d.sentences[1].start, d.sentences[1].end - d.sentences[1].start),
            "Then he left!");
}

TEST(Document, CommaAfterPeriodIsNotANameJoin) {
  Document d = AnalyzeDocument("the U.S., Maduro");
  EXPECT_EQ(d.words[3].gap, Gap::kPunct);
}

TEST(Html, StripsTagsScriptsAndDecodesEntities) {
  const std::string html =
      "<html><head><style>p{color:red}</style><script>var x='<p>';</script></head><body>"
      "<p>Caf&eacute; &amp; bar&#44; &#x41;&nbsp;B</p><!-- hidden --><p>Second</p></body></html>";
  EXPECT_EQ(StripHtml(html), "Café & bar, A\u00a0B\n\nSecond");
}

TEST(Html, UnterminatedTagAndBadReferenceDoNotCrash) {
  EXPECT_EQ(StripHtml("a &bogus; b &#xZZ; <p"), "a &bogus; b &#xZZ;");
  EXPECT_EQ(StripHtml("&#0;"), "\xEF\xBF\xBD");
}

TEST(Html, DetectedByContent) {
  EXPECT_TRUE(LooksLikeHtml("<!DOCTYPE html><html>"));
  EXPECT_TRUE(LooksLikeHtml("<p>hello</p>"));
  EXPECT_FALSE(LooksLikeHtml("x < y and y > z"));
}

TEST(Language, DetectedByStopWords) {
  const Lexicons& lex = Lexicons::Get();
  EXPECT_EQ(lex.DetectLanguage(AnalyzeDocument("The minister said that it was not the case.")),
            "en");
  EXPECT_EQ(lex.DetectLanguage(AnalyzeDocument("El ministro dijo que no era para los demás.")),
            "es");
  EXPECT_EQ(lex.DetectLanguage(AnalyzeDocument("Le ministre a dit que ce n'est pas dans les")),
            "fr");
  EXPECT_EQ(lex.DetectLanguage(AnalyzeDocument("O ministro disse que não era uma questão")), "pt");
  EXPECT_EQ(lex.DetectLanguage(AnalyzeDocument("Министр сказал, что это не так.")), "ru");
  EXPECT_EQ(lex.DetectLanguage(AnalyzeDocument("12345")), "und");
}

std::vector<TopicHit> Hits(std::string_view text, std::string_view lang) {
  const Lexicons& lex = Lexicons::Get();
  Document d = AnalyzeDocument(text);
  std::vector<uint64_t> h;
  for (const auto& w : d.words) h.push_back(HashToken(d.Fold(w)));
  return FindTopicHits(lex, d, h, lang);
}

TEST(Topics, MultiWordAndHyphenatedTerms) {
  auto hits = Hits("He ran drug-trafficking routes and money laundering schemes.", "en");
  ASSERT_EQ(hits.size(), 2u);
  EXPECT_EQ(kTopicKeys[static_cast<size_t>(hits[0].topic)], "drug_trafficking");
  EXPECT_EQ(kTopicKeys[static_cast<size_t>(hits[1].topic)], "money_laundering");
  EXPECT_FALSE(hits[0].negated);
}

TEST(Topics, NegationInTheSameSentence) {
  auto hits = Hits("She denied any role in money laundering. Police found cocaine.", "en");
  ASSERT_EQ(hits.size(), 2u);
  EXPECT_TRUE(hits[0].negated);
  EXPECT_FALSE(hits[1].negated);  // next sentence
  auto cleared = Hits("The court found no evidence of bribery.", "en");
  ASSERT_EQ(cleared.size(), 1u);
  EXPECT_TRUE(cleared[0].negated);
}

TEST(Topics, SpanishAndRussianLexicons) {
  auto es = Hits("Fue acusado de lavado de dinero. El alcalde negó el soborno.", "es");
  ASSERT_EQ(es.size(), 2u);
  EXPECT_EQ(kTopicKeys[static_cast<size_t>(es[0].topic)], "money_laundering");
  EXPECT_TRUE(es[1].negated);
  auto ru = Hits("Его обвиняют в отмывании денег и коррупции.", "ru");
  ASSERT_EQ(ru.size(), 2u);
  EXPECT_EQ(kTopicKeys[static_cast<size_t>(ru[0].topic)], "money_laundering");
  EXPECT_EQ(kTopicKeys[static_cast<size_t>(ru[1].topic)], "corruption");
}

TEST(Topics, OtherLanguageLexiconsDoNotApply) {
  // "fraude" is Spanish/French/Portuguese, not English.
  EXPECT_TRUE(Hits("The word fraude appears here.", "en").empty());
  EXPECT_EQ(Hits("Une enquête pour fraude fiscale.", "fr").size(), 1u);
}

TEST(Topics, ScoreGrowsWithEvidence) {
  EXPECT_DOUBLE_EQ(TopicScore(0), 0.0);
  EXPECT_LT(TopicScore(0.5), TopicScore(1.0));
  EXPECT_LT(TopicScore(10), 1.0 + 1e-12);
}

TEST(Payment, LabelsAreStripped) {
  const std::string text =
      "BENEFICIARY: ACME TRADING LTD\n"
      "ORDERING CUSTOMER: John Smith\n"
      "FIELD 59: MARIA LOPEZ\n"
      ":59:/DE89370400440532013000\nJOHN DOE\n"
      "/BNF/OCEAN STAR SHIPPING\n"
      "remittance for invoice 12\n";
  auto lines = FindPartyLines(text);
  ASSERT_EQ(lines.size(), 5u);
  EXPECT_EQ(lines[0].label, "BENEFICIARY");
  EXPECT_EQ(lines[0].name, "ACME TRADING LTD");
  EXPECT_EQ(text.substr(lines[0].start, lines[0].end - lines[0].start), "ACME TRADING LTD");
  EXPECT_EQ(lines[1].name, "John Smith");
  EXPECT_EQ(lines[2].label, "FIELD 59");
  EXPECT_EQ(lines[2].name, "MARIA LOPEZ");
  EXPECT_EQ(lines[3].label, ":59:");
  EXPECT_EQ(lines[3].name, "JOHN DOE");
  EXPECT_EQ(lines[4].label, "/BNF/");
  EXPECT_EQ(lines[4].name, "OCEAN STAR SHIPPING");
}

}  // namespace
}  // namespace tamiz::scan
