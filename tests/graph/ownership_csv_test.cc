#include "sources/ownership_csv.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "graph/annotate.h"
#include "graph/exposure.h"
#include "index/snapshot.h"
#include "sources/registry.h"

namespace tamiz::sources {
namespace {

using ::testing::Contains;
using ::testing::HasSubstr;
using ::testing::StartsWith;

const std::string kFixtureData = std::string(TAMIZ_SOURCE_DIR) + "/tests/fixtures/graph/data";

Result<ParsedList> Parse(std::string_view text, bool lenient = false) {
  ParseOptions o;
  o.lenient = lenient;
  return ParseOwnershipCsvText(text, "ownership.csv", "owners", o);
}

TEST(OwnershipCsv, ParsesRowsWithProvenance) {
  auto p = Parse(
      "owner_id,asset_id,percent,source\n"
      "us_ofac_sdn:1,mine:7,30,Registry A\n"
      "\"mine:8\",mine:7,12.5%,\n"
      "mine:9,mine:7,,\n");
  ASSERT_TRUE(p.ok()) << p.status().message();
  ASSERT_EQ(p->relations.size(), 3u);
  EXPECT_TRUE(p->entities.empty());
  const Relation& r = p->relations[0];
  EXPECT_EQ(r.source_id, "us_ofac_sdn:1");
  EXPECT_EQ(r.target_id, "mine:7");
  EXPECT_EQ(r.type, RelationType::kOwnership);
  EXPECT_DOUBLE_EQ(*r.percent, 30.0);
  EXPECT_EQ(r.provenance, "owners ownership.csv:2; source: Registry A");
  EXPECT_DOUBLE_EQ(*p->relations[1].percent, 12.5);
  EXPECT_EQ(p->relations[1].provenance, "owners ownership.csv:3");
  EXPECT_FALSE(p->relations[2].percent.has_value());  // unknown share
  EXPECT_EQ(p->version.format, "ownership-csv");
}

TEST(OwnershipCsv, ColumnsMayComeInAnyOrder) {
  auto p = Parse("Percent,Asset_ID,Owner_ID\n50,a:2,a:1\n");
  ASSERT_TRUE(p.ok()) << p.status().message();
  ASSERT_EQ(p->relations.size(), 1u);
  EXPECT_EQ(p->relations[0].source_id, "a:1");
}

TEST(OwnershipCsv, MissingHeaderColumnIsAnError) {
  auto p = Parse("owner,asset_id,percent\na:1,a:2,50\n");
  ASSERT_FALSE(p.ok());
  EXPECT_EQ(p.status().code(), StatusCode::kDataError);
  EXPECT_THAT(p.status().message(),
              HasSubstr("ownership.csv:1: header: missing column \"owner_id\""));
}

TEST(OwnershipCsv, BadRowsNameFileLineAndRecord) {
  struct Case {
    const char* row;
    const char* expected;
  };
  for (const Case& c : {
           Case{"a:1,a:2,abc", "ownership.csv:2: record a:1 -> a:2: field 3 (percent): 'abc'"},
           Case{"a:1,a:2,101", "field 3 (percent): '101' is not a number between 0 and 100"},
           Case{"a:1,a:2,-5", "'-5' is not a number"},
           Case{"a:1,a:2,49,9", "4 fields, the header has 3"},
           Case{"acme,a:2,50", "field 1 (owner_id): 'acme' is not a full entity id"},
           Case{"a:1,,50", "record a:1 -> ?: field 2 (asset_id)"},
           Case{"a:1,a:1,50", "an entity cannot own itself"},
           Case{"a:1,a:2,\"50", "ownership.csv:2"},
       }) {
    auto p = Parse(std::string("owner_id,asset_id,percent\n") + c.row + "\n");
    ASSERT_FALSE(p.ok()) << c.row;
    EXPECT_THAT(p.status().message(), HasSubstr(c.expected)) << c.row;
  }
}

TEST(OwnershipCsv, LenientModeSkipsAndReportsBadRows) {
  auto p = Parse("owner_id,asset_id,percent\na:1,a:2,x\n\na:3,a:2,60\n", /*lenient=*/true);
  ASSERT_TRUE(p.ok()) << p.status().message();
  ASSERT_EQ(p->relations.size(), 1u);
  EXPECT_EQ(p->version.skipped, 1u);
  ASSERT_EQ(p->warnings.size(), 1u);
  EXPECT_THAT(p->warnings[0], StartsWith("ownership.csv:2: record a:1 -> a:2"));
}

TEST(OwnershipCsv, EmptyFileAndInvalidUtf8AreErrors) {
  EXPECT_THAT(Parse("").status().message(), HasSubstr("ownership.csv:1: empty file"));
  auto p = Parse("owner_id,asset_id,percent\na:1,a:\xff,50\n");
  ASSERT_FALSE(p.ok());
  EXPECT_THAT(p.status().message(), HasSubstr("ownership.csv:2: invalid UTF-8"));
}

TEST(OwnershipCsv, DataDirLoadsAsRelationOnlyListAcrossDatasets) {
  auto lists = LoadDataDir(kFixtureData, {});
  ASSERT_TRUE(lists.ok()) << lists.status().message();
  ASSERT_EQ(lists->size(), 2u);
  EXPECT_EQ((*lists)[0].version.format, "ownership-csv");
  EXPECT_EQ((*lists)[0].version.dataset, "fl_registry");
  EXPECT_EQ((*lists)[0].version.date, "2026-01-01");
  EXPECT_EQ((*lists)[0].relations.size(), 4u);
  auto snap = index::Snapshot::Build(std::move(lists).value());
  ASSERT_TRUE(snap.ok());
  const auto& s = **snap;
  const Entity* noor = s.Find("us_ofac_sdn:24429");
  ASSERT_NE(noor, nullptr);
  size_t ownership_in = 0;
  for (uint32_t ri : s.RelationsTo(s.IndexOf(noor))) {
    if (s.relations()[ri].type == RelationType::kOwnership) ++ownership_in;
  }
  EXPECT_EQ(ownership_in, 2u);
  // An owner outside every loaded list is kept and indexed from the asset side.
  const Entity* corp = s.Find("us_ofac_sdn:24430");
  ASSERT_NE(corp, nullptr);
  bool external = false;
  for (uint32_t ri : s.RelationsTo(s.IndexOf(corp))) {
    external |= s.relations()[ri].source_id == "ext:holding-1";
  }
  EXPECT_TRUE(external);

  auto x = graph::Exposure::Compute(s);
  EXPECT_DOUBLE_EQ(x->blocked_share(s.IndexOf(noor)), 55.0);
  auto notes = graph::NetworkNotes(s, *x, s.IndexOf(noor));
  EXPECT_THAT(notes, Contains(StartsWith("also blocked by the OFAC 50% rule: owned 30% by SARRIA "
                                         "DIAZ, Rafael Alfredo (SDN) and 25% by CABELLO RONDON, "
                                         "Jose David (SDN); 55% in aggregate")));
}

TEST(OwnershipCsv, RegisteredAndSniffedByFileName) {
  const Format* f = DetectFormat(kFixtureData + "/lists/fl_registry/2026-01-01");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->name, "ownership-csv");
}

}  // namespace
}  // namespace tamiz::sources
