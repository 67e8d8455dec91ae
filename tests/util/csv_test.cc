#include "util/csv.h"

#include <gtest/gtest.h>

namespace tamiz::util {
namespace {

std::vector<std::vector<std::string>> ReadAll(std::string_view data, Status* status = nullptr) {
  CsvReader r("t.csv", data);
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> f;
  while (r.Next(f)) rows.push_back(f);
  if (status) *status = r.status();
  return rows;
}

TEST(CsvReader, QuotedFieldsWithDelimitersAndEscapedQuotes) {
  auto rows = ReadAll("1,\"a, b\",\"say \"\"hi\"\"\"\n2,x,y\n");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0][1], "a, b");
  EXPECT_EQ(rows[0][2], "say \"hi\"");
  EXPECT_EQ(rows[1][0], "2");
}

TEST(CsvReader, CrlfAndTrailingEofMarker) {
  auto rows = ReadAll("a,b\r\nc,d\r\n\x1a");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[1][1], "d");
}

TEST(CsvReader, UnterminatedQuoteNamesFileAndLine) {
  Status s;
  auto rows = ReadAll("ok,1\n\"broken,2\n", &s);
  EXPECT_EQ(rows.size(), 1u);
  EXPECT_EQ(s.code(), StatusCode::kDataError);
  EXPECT_NE(s.message().find("t.csv:2"), std::string::npos) << s.message();
}

TEST(CsvReader, HugeFieldIsRejected) {
  std::string big(2u << 20, 'x');
  Status s;
  ReadAll(big, &s);
  EXPECT_EQ(s.code(), StatusCode::kDataError);
}

TEST(CsvReader, MultilineQuotedFieldKeepsLineCount) {
  CsvReader r("t.csv", "\"a\nb\",1\nx,2\n");
  std::vector<std::string> f;
  ASSERT_TRUE(r.Next(f));
  EXPECT_EQ(f[0], "a\nb");
  ASSERT_TRUE(r.Next(f));
  EXPECT_EQ(r.record_line(), 3u);
}

}  // namespace
}  // namespace tamiz::util
