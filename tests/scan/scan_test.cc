#include "scan/scan.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <set>
#include <string>

#include "scan/bench.h"
#include "scan/mentions.h"

namespace tamiz::scan {
namespace {

Entity MakeEntity(std::string id, Schema schema, std::vector<std::string> names) {
  Entity e;
  e.id = "us_ofac_sdn:" + id;
  e.dataset = "us_ofac_sdn";
  e.record_id = id;
  e.schema = schema;
  e.caption = names.front();
  for (size_t i = 0; i < names.size(); ++i) {
    Name n;
    n.full = names[i];
    n.kind = i == 0 ? NameKind::kPrimary : NameKind::kStrongAlias;
    e.names.push_back(n);
  }
  return e;
}

// Hand-made list: the names are those of real designations or invented, the texts below are
// written for these tests.
const index::Snapshot& TestSnapshot() {
  static std::shared_ptr<const index::Snapshot> snap = [] {
    ParsedList l;
    l.version.dataset = "us_ofac_sdn";
    l.version.date = "2021-07-01";
    l.entities.push_back(MakeEntity("1", Schema::kPerson, {"CABELLO RONDON, Diosdado"}));
    l.entities.push_back(MakeEntity("2", Schema::kPerson, {"EL AISSAMI MADDAH, Tareck Zaidan"}));
    l.entities.push_back(MakeEntity("3", Schema::kPerson, {"NORIEGA, Manuel Antonio"}));
    l.entities.push_back(MakeEntity("4", Schema::kPerson, {"FARAH, Meliad"}));
    l.entities.push_back(MakeEntity("5", Schema::kPerson, {"RUBIO GONZALEZ, Emmanuel Enrique"}));
    l.entities.push_back(MakeEntity("6", Schema::kCompany, {"NOVASTAR PETROLEUM TRADING LLC"}));
    l.entities.push_back(MakeEntity("7", Schema::kPerson, {"IVANOV, Sergei Petrovich"}));
    l.entities.push_back(MakeEntity("8", Schema::kPerson, {"MADURO MOROS, Nicolas"}));
    l.entities.push_back(MakeEntity("9", Schema::kPerson, {"LOPEZ BELTRAN, Marta Elena"}));
    std::vector<ParsedList> lists;
    lists.push_back(std::move(l));
    auto r = index::Snapshot::Build(std::move(lists));
    if (!r.ok()) std::abort();
    return std::move(r).value();
  }();
  return *snap;
}

nlohmann::json Scan(std::string_view text, ScanOptions opts = {}) {
  auto r = ScanToJson(TestSnapshot(), text, opts);
  EXPECT_TRUE(r.ok()) << r.status().message();
  return r.ok() ? r.value() : nlohmann::json::object();
}

std::set<std::string> MentionIds(const nlohmann::json& r) {
  std::set<std::string> out;
  for (const auto& m : r["mentions"]) out.insert(m["entity"]["id"].get<std::string>());
  return out;
}

std::vector<std::string> MentionTexts(const nlohmann::json& r) {
  std::vector<std::string> out;
  for (const auto& m : r["mentions"]) out.push_back(m["text"].get<std::string>());
  return out;
}

const nlohmann::json* Topic(const nlohmann::json& r, std::string_view key) {
  for (const auto& t : r["topics"]) {
    if (t["topic"] == key) return &t;
  }
  return nullptr;
}

TEST(ScanMentions, GivenNameAndFirstSurname) {
  auto r = Scan("Yesterday Diosdado Cabello spoke to reporters.");
  ASSERT_EQ(r["mentions"].size(), 1u);
  const auto& m = r["mentions"][0];
  EXPECT_EQ(m["text"], "Diosdado Cabello");
  EXPECT_EQ(m["entity"]["id"], "us_ofac_sdn:1");
  EXPECT_EQ(m["entity"]["caption"], "CABELLO RONDON, Diosdado");
  EXPECT_EQ(m["start"], 10);
  EXPECT_EQ(m["end"], 26);
  EXPECT_GE(m["entity"]["score"].get<double>(), 0.8);
}

TEST(ScanMentions, ListedOrderWithAccents) {
  auto r = Scan("The list names Cabello Rondón, Diosdado as a designated person.");
  ASSERT_EQ(MentionTexts(r), std::vector<std::string>{"Cabello Rondón, Diosdado"});
}

TEST(ScanMentions, NaturalOrderAcrossALineBreak) {
  auto r = Scan("Officials met Diosdado\nCabello Rondón on Monday.");
  ASSERT_EQ(MentionTexts(r), std::vector<std::string>{"Diosdado\nCabello Rondón"});
}

TEST(ScanMentions, PossessiveAndHonorific) {
  auto r = Scan("Gen. Diosdado Cabello's allies were not present.");
  ASSERT_EQ(r["mentions"].size(), 1u);
  EXPECT_EQ(r["mentions"][0]["text"], "Diosdado Cabello");
  EXPECT_EQ(r["mentions"][0]["start"], 5);
}

TEST(ScanMentions, AllCapsText) {
  auto r = Scan("MEETING WITH DIOSDADO CABELLO RONDON IN CARACAS");
  EXPECT_EQ(MentionIds(r), std::set<std::string>{"us_ofac_sdn:1"});
}

TEST(ScanMentions, SpellingVariantWithinThreshold) {
  auto r = Scan("Former vice president Tarek El Aissami was also named.");
  ASSERT_EQ(r["mentions"].size(), 1u);
  EXPECT_EQ(r["mentions"][0]["text"], "Tarek El Aissami");
  EXPECT_EQ(r["mentions"][0]["entity"]["id"], "us_ofac_sdn:2");
}

TEST(ScanMentions, OrganizationWithAndWithoutLegalForm) {
  auto a = Scan("Payments went to Novastar Petroleum Trading, a broker.");
  ASSERT_EQ(MentionIds(a), std::set<std::string>{"us_ofac_sdn:6"});
  auto b = Scan("Payments went to Novastar Petroleum Trading LLC last year.");
  ASSERT_EQ(b["mentions"].size(), 1u);
  EXPECT_EQ(b["mentions"][0]["text"], "Novastar Petroleum Trading LLC");
}

TEST(ScanMentions, CoreferenceLinksShortFormsAfterAFullMention) {
  auto r = Scan("Diosdado Cabello arrived late. Later, Cabello left. Cabello’s car waited.");
  auto texts = MentionTexts(r);
  ASSERT_EQ(texts.size(), 3u);
  EXPECT_EQ(r["mentions"][1]["kind"], "coreference");
  EXPECT_EQ(r["mentions"][1]["entity"]["id"], "us_ofac_sdn:1");
  EXPECT_EQ(texts[2], "Cabello");
}

TEST(ScanMentions, CoreferenceKeepsParticles) {
  auto r = Scan("Tarek El Aissami spoke. Critics of El Aissami replied.");
  ASSERT_EQ(r["mentions"].size(), 2u);
  EXPECT_EQ(r["mentions"][1]["text"], "El Aissami");
}

TEST(ScanMentions, LoneSurnameNeverAlerts) {
  auto r = Scan("Cabello was not mentioned in full. Maduro neither; nor was Noriega.");
  EXPECT_TRUE(r["mentions"].empty());
}

TEST(ScanMentions, SurnameOfAnotherPersonIsNotCoreference) {
  auto r = Scan("Diosdado Cabello met Roberto Cabello, a farmer.");
  ASSERT_EQ(r["mentions"].size(), 1u);
  EXPECT_EQ(r["mentions"][0]["text"], "Diosdado Cabello");
}

TEST(ScanPersons, NamesakesDoNotAlert) {
  auto r = Scan(
      "Roger Noriega, a former diplomat, and the journalist Douglas Farah spoke with Sen. "
      "Marco Rubio about the region.");
  EXPECT_TRUE(r["mentions"].empty());
  std::map<std::string, bool> persons;
  for (const auto& p : r["persons"]) {
    persons[p["name"].get<std::string>()] = p["listed"].get<bool>();
    EXPECT_FALSE(p.contains("entity_id"));
  }
  EXPECT_EQ(persons.count("Roger Noriega"), 1u);
  EXPECT_EQ(persons.count("Douglas Farah"), 1u);
  EXPECT_EQ(persons.count("Marco Rubio"), 1u);
  for (const auto& [name, listed] : persons) EXPECT_FALSE(listed) << name;
}

TEST(ScanPersons, ListedPersonsCarryTheEntity) {
  auto r = Scan("Analyst Peter Novak said Nicolás Maduro would not resign.");
  bool novak = false, maduro = false;
  for (const auto& p : r["persons"]) {
    if (p["name"] == "Peter Novak") novak = !p["listed"].get<bool>();
    if (p["name"] == "Nicolás Maduro") {
      maduro = p["listed"].get<bool>() && p["entity_id"] == "us_ofac_sdn:8";
    }
  }
  EXPECT_TRUE(novak);
  EXPECT_TRUE(maduro);
}

TEST(ScanPersons, SentenceStartWordsAreNotNames) {
  auto r = Scan("When Helen Park arrived, The Daily News reported it.");
  ASSERT_EQ(r["persons"].size(), 1u);
  EXPECT_EQ(r["persons"][0]["name"], "Helen Park");
}

TEST(ScanTopics, EvidenceAndPersonLinks) {
  const std::string text =
      "Prosecutors say Diosdado Cabello ran drug trafficking routes. "
      "The weather was fine. Helen Park was charged with money laundering.";
  auto r = Scan(text);
  const auto* drugs = Topic(r, "drug_trafficking");
  ASSERT_NE(drugs, nullptr);
  ASSERT_EQ((*drugs)["evidence"].size(), 1u);
  const auto& ev = (*drugs)["evidence"][0];
  EXPECT_EQ(text.substr(ev["start"], ev["end"].get<size_t>() - ev["start"].get<size_t>()),
            ev["sentence"].get<std::string>());
  ASSERT_TRUE(drugs->contains("persons"));
  EXPECT_EQ((*drugs)["persons"][0]["entity_id"], "us_ofac_sdn:1");
  const auto* ml = Topic(r, "money_laundering");
  ASSERT_NE(ml, nullptr);
  EXPECT_EQ((*ml)["persons"][0]["name"], "Helen Park");
  EXPECT_FALSE((*ml)["persons"][0]["listed"].get<bool>());
  EXPECT_EQ(r["mentions"][0]["topics"][0], "drug_trafficking");
}

TEST(ScanTopics, NegatedTopicsAreNotScored) {
  auto r = Scan("Helen Park denied any involvement in money laundering.");
  EXPECT_EQ(Topic(r, "money_laundering"), nullptr);
  ASSERT_TRUE(r.contains("negated_topics"));
  EXPECT_EQ(r["negated_topics"][0]["topic"], "money_laundering");
}

TEST(ScanTopics, OnlyDesignKeys) {
  auto r = Scan(
      "Sanctions, cocaine, bribery, fraud, terrorism, mafia, arms trafficking, human "
      "trafficking, illegal mining, ransomware, tax evasion and murder were discussed.");
  const std::set<std::string> keys = {
      "sanctions",  "drug_trafficking", "money_laundering", "corruption",        "fraud",
      "terrorism",  "organized_crime",  "arms_trafficking", "human_trafficking", "illegal_mining",
      "cybercrime", "tax_evasion",      "violent_crime"};
  EXPECT_EQ(r["topics"].size(), 12u);
  for (const auto& t : r["topics"]) {
    EXPECT_EQ(keys.count(t["topic"].get<std::string>()), 1u) << t["topic"];
    EXPECT_GT(t["score"].get<double>(), 0.0);
    EXPECT_LE(t["score"].get<double>(), 1.0);
  }
}

TEST(ScanLanguages, SpanishText) {
  auto r = Scan(
      "El gobierno acusó a Diosdado Cabello de narcotráfico y lavado de dinero. Según la "
      "fiscalía, Cabello negó las acusaciones de corrupción.");
  EXPECT_EQ(r["language"], "es");
  EXPECT_EQ(MentionIds(r), std::set<std::string>{"us_ofac_sdn:1"});
  EXPECT_EQ(r["mentions"].size(), 2u);
  EXPECT_NE(Topic(r, "drug_trafficking"), nullptr);
  EXPECT_NE(Topic(r, "money_laundering"), nullptr);
  EXPECT_EQ(Topic(r, "corruption"), nullptr);  // negó
}

TEST(ScanLanguages, CyrillicText) {
  const std::string text = "Следователи считают, что Сергей Иванов занимался отмыванием денег.";
  auto r = Scan(text);
  EXPECT_EQ(r["language"], "ru");
  ASSERT_EQ(r["mentions"].size(), 1u);
  EXPECT_EQ(r["mentions"][0]["entity"]["id"], "us_ofac_sdn:7");
  const size_t s = r["mentions"][0]["start"], e = r["mentions"][0]["end"];
  EXPECT_EQ(text.substr(s, e - s), "Сергей Иванов");
}

TEST(ScanLanguages, LowercaseTextStillMatchesFullNames) {
  auto r = Scan("notes: met diosdado cabello rondon at the port");
  EXPECT_EQ(MentionIds(r), std::set<std::string>{"us_ofac_sdn:1"});
}

TEST(ScanHtml, OffsetsReferToTheReturnedText) {
  ScanOptions o;
  o.html = true;
  auto r = Scan(
      "<html><body><script>Diosdado Cabello</script><h1>News</h1><p>Report: "
      "<b>Diosdado</b> Cabello&#39;s network &amp; money laundering.</p></body></html>",
      o);
  ASSERT_TRUE(r.contains("text"));
  const std::string text = r["text"];
  EXPECT_EQ(text.find("script"), std::string::npos);
  ASSERT_EQ(r["mentions"].size(), 1u);
  const size_t s = r["mentions"][0]["start"], e = r["mentions"][0]["end"];
  EXPECT_EQ(text.substr(s, e - s), "Diosdado Cabello");
  EXPECT_NE(Topic(r, "money_laundering"), nullptr);
}

TEST(ScanPayment, LabelledAllCapsPartyIsScreenedWhole) {
  ScanOptions o;
  o.payment = true;
  auto r = Scan(
      "ORDERING CUSTOMER: PETER NOVAK\nBENEFICIARY: MARTA ELENA LOPEZ BELTRAN\n"
      "REMITTANCE INFO: INVOICE 2291 CONSULTING\n",
      o);
  ASSERT_TRUE(r.contains("parties"));
  ASSERT_EQ(r["parties"].size(), 2u);
  EXPECT_FALSE(r["parties"][0]["listed"].get<bool>());
  EXPECT_TRUE(r["parties"][1]["listed"].get<bool>());
  EXPECT_EQ(r["parties"][1]["entity"]["id"], "us_ofac_sdn:9");
  EXPECT_EQ(MentionIds(r), std::set<std::string>{"us_ofac_sdn:9"});
}

TEST(ScanPayment, SwiftTagAndCodes) {
  ScanOptions o;
  o.payment = true;
  auto r = Scan(":50K:/12345678\nJOHN SMITH\n:59:/DE0012\nNOVASTAR PETROLEUM TRADING\n", o);
  ASSERT_EQ(r["parties"].size(), 2u);
  EXPECT_EQ(r["parties"][1]["name"], "NOVASTAR PETROLEUM TRADING");
  EXPECT_TRUE(r["parties"][1]["listed"].get<bool>());
}

TEST(ScanInput, InvalidUtf8IsAnErrorWithTheOffset) {
  auto r = ScanToJson(TestSnapshot(), "ok line\nbad \xC3\x28 here", {});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(r.status().message().find("byte 12"), std::string::npos) << r.status().message();
  EXPECT_NE(r.status().message().find("line 2"), std::string::npos);
}

TEST(ScanInput, EmptyAndPunctuationOnlyText) {
  auto r = Scan("");
  EXPECT_TRUE(r["mentions"].empty());
  auto p = Scan("... !!! ,,, --- '' \n\n");
  EXPECT_TRUE(p["mentions"].empty());
  EXPECT_TRUE(p["persons"].empty());
}

TEST(ScanChunks, OffsetsAreShiftedByTheChunkBase) {
  Scanner s(TestSnapshot(), {});
  (void)s.Add("Nothing here.\n\n", 0);
  auto c = s.Add("Diosdado Cabello again.", 15);
  ASSERT_EQ(c.mentions.size(), 1u);
  EXPECT_EQ(c.mentions[0].start, 15u);
  EXPECT_EQ(c.persons.size(), 1u);
  // The streaming serializer writes what ToJson builds.
  std::string streamed;
  AppendJson(streamed, c.mentions[0]);
  EXPECT_EQ(nlohmann::json::parse(streamed), ToJson(c.mentions[0]));
  streamed.clear();
  AppendJson(streamed, c.persons[0]);
  EXPECT_EQ(nlohmann::json::parse(streamed), ToJson(c.persons[0]));
  auto r = s.Finish();
  EXPECT_EQ(r["mentions"].size(), 1u);
  Scanner streaming(TestSnapshot(), {});
  streaming.KeepOccurrences(false);
  EXPECT_EQ(streaming.Add("Diosdado Cabello ran drug trafficking.", 0).mentions.size(), 1u);
  auto f = streaming.Finish();
  EXPECT_TRUE(f["mentions"].empty());
  EXPECT_EQ(f["topics"].size(), 1u);
}

TEST(MentionIndexTest, CachedPerSnapshot) {
  auto a = MentionIndex::For(TestSnapshot());
  auto b = MentionIndex::For(TestSnapshot());
  EXPECT_EQ(a.get(), b.get());
  EXPECT_GT(a->size(), 9u);
}

TEST(MentionIndexTest, FindsEverythingTheNaiveScanFinds) {
  // Property: every exact occurrence of a form (naive search) is found by the automaton.
  auto idx = MentionIndex::For(TestSnapshot());
  std::string text;
  for (size_t p = 0; p < idx->size(); ++p) {
    std::string form(idx->text(idx->pattern(static_cast<uint32_t>(p))));
    // Capitalize every word, as in prose.
    bool start = true;
    for (char& c : form) {
      if (start && c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
      start = c == ' ';
    }
    text += "We saw " + form + " there.\n\n";
  }
  Document doc = AnalyzeDocument(text);
  const size_t naive = CountMentionsNaive(TestSnapshot(), *idx, doc);
  MentionOptions mo;
  auto found = FindMentions(TestSnapshot(), *idx, doc, mo);
  size_t full = 0;
  for (const auto& m : found) full += m.coreference ? 0 : 1;
  EXPECT_GE(naive, idx->size());  // every form occurs at least once
  EXPECT_EQ(full, idx->size());   // one full mention per sentence
}

TEST(ScanBench, ReportsThroughputAgainstNaive) {
  auto r = RunScanBenchmark(TestSnapshot(), 1);
  ASSERT_TRUE(r.ok());
  EXPECT_GT((*r)["mentions"].get<size_t>(), 0u);
  EXPECT_TRUE(r->contains("naive_mb_per_s"));
  EXPECT_FALSE(RunScanBenchmark(TestSnapshot(), 0).ok());
}

TEST(ScanCli, InvalidUtf8ExitsWithDataError) {
  const std::string path = ::testing::TempDir() + "/tamiz_scan_bad.txt";
  {
    std::ofstream f(path, std::ios::binary);
    f << "first line\nsecond \xFF line\n";
  }
  const std::string cmd = std::string(TAMIZ_BINARY) + " scan " + path + " --json 2>/dev/null";
  const int rc = std::system(cmd.c_str());
  ASSERT_NE(rc, -1);
  EXPECT_EQ(WEXITSTATUS(rc), 3);
}

}  // namespace
}  // namespace tamiz::scan

namespace tamiz::scan {
namespace {

// End to end through the binary with the bundled lists (data/lists): stdin, streamed JSON.
TEST(ScanCli, StdinJsonWithTheBundledLists) {
  const std::string in = ::testing::TempDir() + "/tamiz_scan_in.txt";
  const std::string out = ::testing::TempDir() + "/tamiz_scan_out.json";
  {
    std::ofstream f(in, std::ios::binary);
    f << "Officials said Diosdado Cabello met the envoy. The analyst Roger Noriega doubted that "
         "Cabello would negotiate while facing drug trafficking charges.\n";
  }
  const std::string cmd =
      std::string(TAMIZ_BINARY) + " scan - --json < " + in + " > " + out + " 2>/dev/null";
  const int rc = std::system(cmd.c_str());
  ASSERT_NE(rc, -1);
  ASSERT_EQ(WEXITSTATUS(rc), 0);
  std::ifstream f(out);
  nlohmann::json r = nlohmann::json::parse(f, nullptr, false);
  ASSERT_FALSE(r.is_discarded());
  std::set<std::string> ids;
  for (const auto& m : r["mentions"]) ids.insert(m["entity"]["id"].get<std::string>());
  EXPECT_EQ(ids, std::set<std::string>{"us_ofac_sdn:24424"});
  EXPECT_EQ(r["mentions"].size(), 2u);  // full mention + coreference
  bool noriega = false;
  for (const auto& p : r["persons"]) {
    if (p["name"] == "Roger Noriega") noriega = !p["listed"].get<bool>();
  }
  EXPECT_TRUE(noriega);
  ASSERT_FALSE(r["topics"].empty());
  EXPECT_EQ(r["topics"][0]["topic"], "drug_trafficking");
}

}  // namespace
}  // namespace tamiz::scan
