#include "util/embedded.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>

namespace tamiz::util {
namespace {

TEST(EmbeddedFile, CarriesTheCuratedTablesByteForByte) {
  std::ifstream in(std::string(TAMIZ_SOURCE_DIR) + "/data/tables/legal_forms.tsv",
                   std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  ASSERT_FALSE(ss.str().empty());
  EXPECT_EQ(EmbeddedFile("tables/legal_forms.tsv"), ss.str());
}

TEST(EmbeddedFile, UnknownNameIsEmpty) {
  EXPECT_TRUE(EmbeddedFile("tables/no_such_table.tsv").empty());
  EXPECT_TRUE(EmbeddedFile("").empty());
}

TEST(EmbeddedFile, ListsNamesSorted) {
  auto names = EmbeddedFileNames();
  ASSERT_FALSE(names.empty());
  EXPECT_TRUE(std::is_sorted(names.begin(), names.end()));
}

}  // namespace
}  // namespace tamiz::util
