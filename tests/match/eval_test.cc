#include "match/eval.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace tamiz::match {
namespace {

std::filesystem::path WriteTemp(const std::string& name, const std::string& content) {
  auto p = std::filesystem::temp_directory_path() / ("tamiz_eval_" + name);
  std::ofstream(p) << content;
  return p;
}

TEST(ReadPairsCsv, MissingColumnsNameTheFile) {
  auto p = WriteTemp("bad.csv", "a,b\nx,y\n");
  auto r = ReadPairsCsv(p);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("tamiz_eval_bad.csv"), std::string::npos);
  EXPECT_NE(r.status().message().find("name1"), std::string::npos);
}

TEST(ReadPairsCsv, AlgorithmComparisonLayoutIsAllTruePairs) {
  auto p = WriteTemp("algo.csv", "query,index,note,jw\nsmith,smythe,phonetic,0.8\n");
  auto r = ReadPairsCsv(p);
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->size(), 1u);
  EXPECT_TRUE((*r)[0].is_match);
  EXPECT_EQ((*r)[0].name2, "smythe");
}

TEST(EvaluatePairScores, ComputesPrecisionRecallAndBestThreshold) {
  auto p = WriteTemp("pairs.csv",
                     "schema,name1,name2,is_match,category,score\n"
                     "Company,Alpha Ltd,Alpha Limited,true,legal,0.9\n"
                     "Company,Alpha 1 Ltd,Alpha 2 Ltd,false,number,0.8\n"
                     "Person,Diosdado Cabello Rondon,\"CABELLO RONDON, Diosdado\",true,,0.7\n");
  auto rows = ReadPairsCsv(p);
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 3u);
  EXPECT_EQ((*rows)[0].type, text::NameType::kOrganization);
  ASSERT_TRUE((*rows)[2].reference.has_value());
  std::vector<double> scores;
  for (const auto& r : *rows) scores.push_back(ScorePair(nullptr, r));
  EXPECT_GT(scores[0], 0.9);
  EXPECT_LT(scores[1], 0.8);
  auto m = EvaluatePairScores(*rows, scores, 0.8);
  EXPECT_EQ(m.n, 3u);
  EXPECT_DOUBLE_EQ(m.precision, 1.0);
  EXPECT_DOUBLE_EQ(m.recall, 1.0);
  EXPECT_DOUBLE_EQ(m.best_f1, 1.0);
}

TEST(ReadRetrievalCsv, NeedsANameColumn) {
  auto bad = WriteTemp("r_bad.csv", "x\n1\n");
  EXPECT_FALSE(ReadRetrievalCsv(bad).ok());
  auto good =
      WriteTemp("r_good.csv", "full_name,expected_id,nationality\nJANAN AGHA,un_sc:TAi.091,af\n");
  auto r = ReadRetrievalCsv(good);
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->size(), 1u);
  EXPECT_EQ((*r)[0].expected_id, "un_sc:TAi.091");
  EXPECT_EQ((*r)[0].nationality, "af");
}

}  // namespace
}  // namespace tamiz::match
