#include "sources/un_xml.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>

#include "parser_test_util.h"
#include "sources/registry.h"
#include "util/file_io.h"

namespace tamiz::sources {
namespace {

namespace fs = std::filesystem;

const fs::path kBundled = fs::path(TAMIZ_SOURCE_DIR) / "data/lists/un_sc/2026-02-27";
const fs::path kSmall = fs::path(TAMIZ_SOURCE_DIR) / "tests/fixtures/un/small";

// The bundled list parsed once for the whole suite.
const ParsedList& Bundled() {
  static const ParsedList* list =
      new ParsedList(test_util::OkOrEmpty(ParseUnXml(kBundled, "un_sc", {})));
  return *list;
}

using test_util::FindEntity;

// A fresh directory holding one consolidated.xml with `content`.
fs::path WriteListDir(const std::string& test, const std::string& content) {
  return test_util::WriteListDir("un", test, "consolidated.xml", content);
}

std::string SmallFixture() { return test_util::ReadFixture(kSmall / "consolidated.xml"); }

TEST(UnXml, CountsIndividualsAndEntitiesOfBundledList) {
  const ParsedList& l = Bundled();
  size_t people = 0;
  size_t orgs = 0;
  for (const auto& e : l.entities) {
    people += e.schema == Schema::kPerson;
    orgs += e.schema == Schema::kOrganization;
  }
  EXPECT_EQ(people, 730u);
  EXPECT_EQ(orgs, 273u);
  EXPECT_EQ(l.version.skipped, 0u);
  EXPECT_TRUE(l.warnings.empty());
}

TEST(UnXml, VersionRecordHasPublishDateAndHash) {
  const ListVersion& v = Bundled().version;
  EXPECT_EQ(v.date, "2026-02-27");
  EXPECT_EQ(v.format, "un-xml");
  EXPECT_EQ(v.files, std::vector<std::string>{"consolidated.xml"});
  auto bytes = util::ReadFile(kBundled / "consolidated.xml");
  ASSERT_TRUE(bytes.ok());
  EXPECT_EQ(v.sha256, util::Sha256Hex(bytes.value()));
  EXPECT_EQ(v.entity_count, 1003u);
}

TEST(UnXml, IdsAreUniqueAndPrefixed) {
  std::vector<std::string> ids;
  for (const auto& e : Bundled().entities) {
    EXPECT_EQ(e.id.rfind("un_sc:", 0), 0u) << e.id;
    ids.push_back(e.id);
  }
  std::sort(ids.begin(), ids.end());
  EXPECT_EQ(std::adjacent_find(ids.begin(), ids.end()), ids.end());
}

TEST(UnXml, GoldenIndividualQDi410) {
  const Entity* e = FindEntity(Bundled(), "un_sc:QDi.410");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->dataset, "un_sc");
  EXPECT_EQ(e->record_id, "QDi.410");
  EXPECT_EQ(e->schema, Schema::kPerson);
  EXPECT_EQ(e->caption, "SHANE DOMINIC CRAWFORD");
  ASSERT_EQ(e->names.size(), 4u);
  EXPECT_EQ(e->names[0].full, "SHANE DOMINIC CRAWFORD");
  EXPECT_EQ(e->names[0].kind, NameKind::kPrimary);
  EXPECT_EQ(e->names[0].first, "SHANE");
  EXPECT_EQ(e->names[0].middle, "DOMINIC");
  EXPECT_EQ(e->names[0].last, "CRAWFORD");
  EXPECT_EQ(e->names[1].full, "Asadullah");
  EXPECT_EQ(e->names[1].kind, NameKind::kWeakAlias);
  EXPECT_EQ(e->names[2].full, "Abu Sa\u2019d at-Trinidadi");
  EXPECT_EQ(e->names[3].full, "Asad");
  ASSERT_EQ(e->birth_dates.size(), 1u);
  EXPECT_EQ(e->birth_dates[0].ToIso(), "1986-02-22");
  EXPECT_FALSE(e->birth_dates[0].circa);
  EXPECT_EQ(e->birth_places, std::vector<std::string>{"Mount Hope, Trinidad and Tobago"});
  EXPECT_EQ(e->nationalities, std::vector<std::string>{"Trinidad and Tobago"});
  EXPECT_TRUE(e->citizenships.empty());
  EXPECT_EQ(e->gender, "male");
  ASSERT_EQ(e->identifiers.size(), 5u);
  EXPECT_EQ(e->identifiers[0].type, "Passport");
  EXPECT_EQ(e->identifiers[0].number, "TA959547");
  EXPECT_EQ(e->identifiers[0].country, "Trinidad and Tobago");
  EXPECT_EQ(e->identifiers[0].note,
            "issued 2013-11-19; issued by Immigration Division of Trinidad and Tobago, "
            "expiration date 18 Nov. 2018");
  EXPECT_EQ(e->identifiers[2].type, "National Identification Number");
  EXPECT_EQ(e->identifiers[2].number, "19860222007");
  EXPECT_EQ(e->identifiers[2].note,
            "National Identification Card; issued 2011-06-16; expiration date 16 Jun. 2016");
  EXPECT_EQ(e->identifiers[4].number, "892124B");
  ASSERT_EQ(e->addresses.size(), 4u);
  EXPECT_EQ(e->addresses[0].country, "Syrian Arab Republic");
  EXPECT_EQ(e->addresses[0].full, "Syrian Arab Republic");
  EXPECT_EQ(e->addresses[1].city, "Reyhanli");
  EXPECT_EQ(e->addresses[1].region, "Hatay");
  EXPECT_EQ(e->addresses[3].street, "LP# 41 Ballisier Road, Smith Field Lands");
  EXPECT_EQ(e->addresses[3].full,
            "LP# 41 Ballisier Road, Smith Field Lands, Wallerfield, County of St. George East, "
            "Trinidad and Tobago");
  EXPECT_EQ(e->countries,
            (std::vector<std::string>{"Syrian Arab Republic", "Turkey", "Trinidad and Tobago"}));
  EXPECT_EQ(e->programs, std::vector<std::string>{"Al-Qaida"});
  EXPECT_TRUE(e->titles.empty());
  EXPECT_TRUE(e->positions.empty());
  EXPECT_EQ(e->listed_on, "2017-08-18");
  EXPECT_EQ(e->remarks.rfind("English language propagandist for Islamic State", 0), 0u);
  EXPECT_NE(e->remarks.find("height: 174cm"), std::string::npos);
  EXPECT_EQ(e->topics, std::vector<std::string>{"sanction"});
  EXPECT_EQ(e->source_ref, "consolidated.xml:29318");
  EXPECT_FALSE(e->vessel.has_value());
}

TEST(UnXml, GoldenEntityQDe004) {
  const Entity* e = FindEntity(Bundled(), "un_sc:QDe.004");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->schema, Schema::kOrganization);
  EXPECT_EQ(e->caption, "AL-QAIDA");
  ASSERT_EQ(e->names.size(), 12u);
  EXPECT_EQ(e->names[0].full, "AL-QAIDA");
  EXPECT_TRUE(e->names[0].first.empty());
  EXPECT_TRUE(e->names[0].last.empty());
  EXPECT_EQ(e->names[1].full, "\u0627\u0644\u0642\u0627\u0639\u062F\u0629");
  EXPECT_EQ(e->names[1].script, "Arab");
  EXPECT_EQ(e->names[2].full, "\"The Base\"");
  EXPECT_EQ(e->names[2].kind, NameKind::kStrongAlias);
  EXPECT_EQ(e->names[11].full, "Al Qa\u2019ida/Islamic Army");
  EXPECT_TRUE(e->birth_dates.empty());
  EXPECT_TRUE(e->identifiers.empty());
  EXPECT_TRUE(e->addresses.empty());  // <COUNTRY/> only
  EXPECT_EQ(e->programs, std::vector<std::string>{"Al-Qaida"});
  EXPECT_EQ(e->listed_on, "2001-10-06");
  EXPECT_EQ(e->remarks.rfind("Review pursuant to Security Council resolution 1822 (2008) was "
                             "concluded on 21 Jun. 2010.",
                             0),
            0u);
  EXPECT_EQ(e->source_ref, "consolidated.xml:47430");
}

TEST(UnXml, ApproximateBirthYearIsCirca) {
  const Entity* e = FindEntity(Bundled(), "un_sc:CDi.014");
  ASSERT_NE(e, nullptr);
  ASSERT_EQ(e->birth_dates.size(), 2u);  // one EXACT date and one APPROXIMATELY year
  EXPECT_EQ(e->birth_dates[0].ToIso(), "1962-03-17");
  EXPECT_FALSE(e->birth_dates[0].circa);
  EXPECT_EQ(e->birth_dates[1].ToIso(), "1966");
  EXPECT_TRUE(e->birth_dates[1].circa);
}

TEST(UnXml, BetweenYearsBecomeARange) {
  const Entity* e = FindEntity(Bundled(), "un_sc:CDi.030");
  ASSERT_NE(e, nullptr);
  ASSERT_EQ(e->birth_dates.size(), 1u);
  EXPECT_EQ(e->birth_dates[0].year, 1973);
  EXPECT_EQ(e->birth_dates[0].year_to, 1974);
  EXPECT_EQ(e->birth_dates[0].ToIso(), "1973/1974");
  EXPECT_FALSE(e->birth_dates[0].circa);
  const Entity* approx = FindEntity(Bundled(), "un_sc:TAi.002");  // BETWEEN + NOTE "Approximately"
  ASSERT_NE(approx, nullptr);
  ASSERT_FALSE(approx->birth_dates.empty());
  EXPECT_EQ(approx->birth_dates[0].ToIso(), "1955/1958");
  EXPECT_TRUE(approx->birth_dates[0].circa);
}

TEST(UnXml, MonthYearNoteIsReadAsDate) {
  // DOB given only as NOTE "Nov. 1973" with TYPE_OF_DATE EXACT.
  size_t found = 0;
  for (const auto& e : Bundled().entities) {
    for (const auto& d : e.birth_dates) found += d.raw == "Nov. 1973" && d.ToIso() == "1973-11";
  }
  EXPECT_GE(found, 1u);
}

TEST(UnXml, OriginalScriptNamesGetTheirScript) {
  const Entity* taliban = FindEntity(Bundled(), "un_sc:TAi.008");
  ASSERT_NE(taliban, nullptr);
  ASSERT_GE(taliban->names.size(), 2u);
  EXPECT_EQ(taliban->names[1].script, "Arab");
  EXPECT_EQ(taliban->titles, (std::vector<std::string>{"Mullah", "Maulavi"}));
  EXPECT_EQ(taliban->positions,
            std::vector<std::string>{"Deputy Minister of Agriculture under the Taliban regime"});
  size_t cyrillic = 0;
  for (const auto& e : Bundled().entities) {
    for (const auto& n : e.names) {
      if (n.full ==
          "\u0423\u043C\u0430\u0440\u043E\u0432 \u0414\u043E\u043A\u0443 "
          "\u0425\u0430\u043C\u0430\u0442\u043E\u0432\u0438\u0447") {
        EXPECT_EQ(n.script, "Cyrl");
        ++cyrillic;
      }
    }
  }
  EXPECT_EQ(cyrillic, 1u);
}

TEST(UnXml, LowQualityAliasIsWeakAndGoodIsStrong) {
  const Entity* e = FindEntity(Bundled(), "un_sc:TAi.008");
  ASSERT_NE(e, nullptr);
  int strong = 0;
  int weak = 0;
  for (const auto& n : e->names) {
    if (n.full == "Shams ur-Rahman Sher Alam") {
      EXPECT_EQ(n.kind, NameKind::kWeakAlias);
      ++weak;
    }
    if (n.full == "Shamsurrahman") {
      EXPECT_EQ(n.kind, NameKind::kStrongAlias);
      ++strong;
    }
  }
  EXPECT_EQ(strong, 1);
  EXPECT_EQ(weak, 1);
}

TEST(UnXml, RegistryDetectsTheFormat) {
  const Format* f = DetectFormat(kSmall);
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->name, "un-xml");
  auto r = ParseListDir(kSmall, "un_sc", {});
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->entities.size(), 3u);
  EXPECT_EQ(r->version.date, "2026-02-27");
}

TEST(UnXml, FileCutMidElementFailsWithFileAndLine) {
  std::string xml = SmallFixture();
  size_t cut = xml.find("<COMMENTS1>Believed");
  ASSERT_NE(cut, std::string::npos);
  fs::path dir = WriteListDir("cut", xml.substr(0, cut + 30));
  for (bool lenient : {false, true}) {
    auto r = ParseUnXml(dir, "un_sc", {.lenient = lenient});
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().code(), StatusCode::kDataError);
    EXPECT_NE(r.status().message().find("consolidated.xml:"), std::string::npos)
        << r.status().message();
    EXPECT_NE(r.status().message().find("malformed XML"), std::string::npos);
  }
  fs::remove_all(dir);
}

TEST(UnXml, InvalidUtf8IsAnErrorNamingTheLineOrRepairedWhenLenient) {
  std::string xml = SmallFixture();
  size_t at = xml.find("BADEGE");
  ASSERT_NE(at, std::string::npos);
  xml[at + 1] = '\xff';
  size_t line = util::LineOfOffset(xml, at);
  fs::path dir = WriteListDir("utf8", xml);
  auto strict = ParseUnXml(dir, "un_sc", {});
  ASSERT_FALSE(strict.ok());
  EXPECT_EQ(strict.status().code(), StatusCode::kDataError);
  EXPECT_NE(strict.status().message().find("consolidated.xml:" + std::to_string(line) +
                                           ": invalid UTF-8"),
            std::string::npos)
      << strict.status().message();
  auto lenient = ParseUnXml(dir, "un_sc", {.lenient = true});
  ASSERT_TRUE(lenient.ok()) << lenient.status().message();
  EXPECT_EQ(lenient->entities.size(), 3u);
  EXPECT_EQ(lenient->entities[0].names[0].full, "ERIC B\uFFFDDEGE");
  ASSERT_EQ(lenient->warnings.size(), 1u);
  fs::remove_all(dir);
}

TEST(UnXml, HugeTextNodeIsRejectedOrSkipped) {
  std::string xml = SmallFixture();
  size_t at = xml.find("<COMMENTS1>He fled");
  ASSERT_NE(at, std::string::npos);
  xml.insert(at + 11, std::string(2000, 'x'));
  fs::path dir = WriteListDir("huge", xml);
  ParseOptions strict;
  strict.max_field_bytes = 1000;
  auto r = ParseUnXml(dir, "un_sc", strict);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("record CDi.001: <COMMENTS1>"), std::string::npos)
      << r.status().message();
  ParseOptions lenient = strict;
  lenient.lenient = true;
  auto l = ParseUnXml(dir, "un_sc", lenient);
  ASSERT_TRUE(l.ok()) << l.status().message();
  EXPECT_EQ(l->entities.size(), 2u);
  EXPECT_EQ(l->version.skipped, 1u);
  fs::remove_all(dir);
}

TEST(UnXml, MissingReferenceNumberFallsBackToDataIdOrIsSkipped) {
  std::string xml = SmallFixture();
  std::string ref = "<REFERENCE_NUMBER>CDi.001</REFERENCE_NUMBER>";
  size_t at = xml.find(ref);
  ASSERT_NE(at, std::string::npos);
  xml.replace(at, ref.size(), "<REFERENCE_NUMBER/>");
  fs::path dir = WriteListDir("noref", xml);
  auto fallback = ParseUnXml(dir, "un_sc", {});
  ASSERT_TRUE(fallback.ok()) << fallback.status().message();
  EXPECT_EQ(fallback->entities[0].id, "un_sc:6907993");
  ASSERT_EQ(fallback->warnings.size(), 1u);

  std::string dataid = "<DATAID>6907993</DATAID>";
  size_t d = xml.find(dataid);
  ASSERT_NE(d, std::string::npos);
  xml.erase(d, dataid.size());
  std::ofstream(dir / "consolidated.xml", std::ios::binary | std::ios::trunc) << xml;
  auto strict = ParseUnXml(dir, "un_sc", {});
  ASSERT_FALSE(strict.ok());
  EXPECT_EQ(strict.status().code(), StatusCode::kDataError);
  EXPECT_NE(strict.status().message().find("consolidated.xml:4: INDIVIDUAL: no REFERENCE_NUMBER"),
            std::string::npos)
      << strict.status().message();
  auto lenient = ParseUnXml(dir, "un_sc", {.lenient = true});
  ASSERT_TRUE(lenient.ok());
  EXPECT_EQ(lenient->entities.size(), 2u);
  EXPECT_EQ(lenient->version.skipped, 1u);
  ASSERT_EQ(lenient->warnings.size(), 1u);
  fs::remove_all(dir);
}

TEST(UnXml, DuplicateReferenceNumberIsReported) {
  std::string xml = SmallFixture();
  size_t at = xml.find("TAi.008</REFERENCE_NUMBER>");
  ASSERT_NE(at, std::string::npos);
  xml.replace(at, 7, "CDi.001");
  fs::path dir = WriteListDir("dup", xml);
  auto strict = ParseUnXml(dir, "un_sc", {});
  ASSERT_FALSE(strict.ok());
  EXPECT_NE(strict.status().message().find("record CDi.001: duplicate"), std::string::npos);
  auto lenient = ParseUnXml(dir, "un_sc", {.lenient = true});
  ASSERT_TRUE(lenient.ok());
  EXPECT_EQ(lenient->version.skipped, 1u);
  fs::remove_all(dir);
}

TEST(UnXml, TruncationAtAnyOffsetNeverCrashes) {
  test_util::ExpectTruncationNeverCrashes(
      SmallFixture(), WriteListDir("every_offset", ""), "consolidated.xml",
      [](const fs::path& dir) { return ParseUnXml(dir, "un_sc", {.lenient = false}); });
}

TEST(UnXml, DeepNestingInsideARecordIsRejected) {
  std::string xml = SmallFixture();
  size_t at = xml.find("<COMMENTS1>He fled");
  ASSERT_NE(at, std::string::npos);
  std::string deep;
  for (int i = 0; i < 100000; ++i) deep += "<a>";
  for (int i = 0; i < 100000; ++i) deep += "</a>";
  xml.insert(at + 11, deep);
  fs::path dir = WriteListDir("deep", xml);
  auto strict = ParseUnXml(dir, "un_sc", {});
  ASSERT_FALSE(strict.ok());
  EXPECT_NE(
      strict.status().message().find("record CDi.001: <a>: elements nested more than 16 deep"),
      std::string::npos)
      << strict.status().message();
  auto lenient = ParseUnXml(dir, "un_sc", {.lenient = true});
  ASSERT_TRUE(lenient.ok());
  EXPECT_EQ(lenient->entities.size(), 2u);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace tamiz::sources
