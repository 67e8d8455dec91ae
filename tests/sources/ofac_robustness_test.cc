// Every OFAC parser, fed cut and corrupted copies of real files, must return a value (ok or
// kDataError naming the file) and never crash; run under ASan/UBSan in CI.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <string>

#include "../scratch_dir.h"
#include "sources/ofac_advanced_xml.h"
#include "sources/ofac_csv.h"
#include "sources/ofac_enhanced_xml.h"
#include "sources/ofac_xml.h"

namespace tamiz::sources {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

const fs::path kFixtures = fs::path(TAMIZ_SOURCE_DIR) / "tests/fixtures/ofac";

using Parser =
    std::function<Result<ParsedList>(const fs::path&, const std::string&, const ParseOptions&)>;

std::string ReadAll(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// Parses `data` written as `name` in strict and lenient mode; checks the result is ok or a
// kDataError whose message names the file.
void ExpectValue(const test::ScratchDir& dir, const std::string& name, const std::string& data,
                 const Parser& parse) {
  dir.Write(name, data);
  for (bool lenient : {false, true}) {
    ParseOptions o;
    o.lenient = lenient;
    auto r = parse(dir.path(), "t", o);
    if (!r.ok()) {
      EXPECT_EQ(r.status().code(), StatusCode::kDataError) << r.status().message();
      EXPECT_THAT(r.status().message(), HasSubstr(name + ":"));
    }
  }
}

TEST(OfacRobustness, CsvCutAtManyPointsAndByteFlips) {
  test::ScratchDir dir("ofac_csv");
  std::string data = ReadAll(kFixtures / "sdn_2021-07/sdn.csv");
  ASSERT_FALSE(data.empty());
  for (size_t cut = 0; cut < data.size(); cut += 97) {
    ExpectValue(dir, "sdn.csv", data.substr(0, cut), ParseOfacCsv);
  }
  for (size_t i = 0; i < data.size(); i += 211) {
    for (char c : {'"', ',', '\n', '\xff', '\0', '('}) {
      std::string bad = data;
      bad[i] = c;
      ExpectValue(dir, "sdn.csv", bad, ParseOfacCsv);
    }
  }
}

TEST(OfacRobustness, ClassicXmlCutAtManyPoints) {
  test::ScratchDir dir("ofac_xml");
  std::string data = ReadAll(kFixtures / "malformed_xml/bad_uid/consolidated.xml");
  ASSERT_FALSE(data.empty());
  for (size_t cut = 200; cut < data.size(); cut += 131) {
    ExpectValue(dir, "consolidated.xml", data.substr(0, cut), ParseOfacXml);
  }
}

TEST(OfacRobustness, AdvancedAndEnhancedXmlCutAndCorrupted) {
  test::ScratchDir dir("ofac_adv");
  std::string adv = ReadAll(kFixtures / "cons_2020-03-17/cons_advanced.xml");
  ASSERT_FALSE(adv.empty());
  for (size_t cut : {size_t{70000}, adv.size() / 2, adv.size() - 20}) {
    ExpectValue(dir, "cons_advanced.xml", adv.substr(0, cut), ParseOfacAdvancedXml);
  }
  // Dangling references: remove the value sets and the locations.
  std::string no_refs = adv;
  no_refs.replace(no_refs.find("<ReferenceValueSets>"), std::string("<ReferenceValueSets>").size(),
                  "<Ignored>");
  no_refs.replace(no_refs.find("</ReferenceValueSets>"),
                  std::string("</ReferenceValueSets>").size(), "</Ignored>");
  ExpectValue(dir, "cons_advanced.xml", no_refs, ParseOfacAdvancedXml);

  test::ScratchDir edir("ofac_enh");
  std::string enh = ReadAll(kFixtures / "enhanced_irgc_2024-08-28/IRGC_sanctions.xml");
  ASSERT_FALSE(enh.empty());
  for (size_t cut : {size_t{70000}, enh.size() / 3, enh.size() - 30}) {
    ExpectValue(edir, "IRGC_sanctions.xml", enh.substr(0, cut), ParseOfacEnhancedXml);
  }
}

TEST(OfacRobustness, DeepXmlNestingInsideARecord) {
  std::string open, close;
  for (int i = 0; i < 100000; ++i) {
    open += "<a>";
    close += "</a>";
  }
  test::ScratchDir dir("ofac_deep");
  std::string xml =
      "<?xml version=\"1.0\"?>\n<sdnList><sdnEntry><uid>1</uid><lastName>X</lastName>" + open +
      close + "<remarks>" + open + "Linked To: Y" + close + "</remarks></sdnEntry></sdnList>\n";
  ExpectValue(dir, "sdn.xml", xml, ParseOfacXml);
  auto r = ParseOfacXml(dir.path(), "t", {});
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->entities.size(), 1u);
}

}  // namespace
}  // namespace tamiz::sources
