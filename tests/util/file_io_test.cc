#include "util/file_io.h"

#include <gtest/gtest.h>

namespace tamiz::util {
namespace {

TEST(Utf8, FindsFirstInvalidByte) {
  EXPECT_EQ(FindInvalidUtf8("plain ascii"), std::string_view::npos);
  EXPECT_EQ(FindInvalidUtf8("Rondón"), std::string_view::npos);
  EXPECT_EQ(FindInvalidUtf8(std::string_view("ab\xff", 3)), 2u);
  EXPECT_EQ(FindInvalidUtf8(std::string_view("\xc3", 1)), 0u);          // truncated
  EXPECT_EQ(FindInvalidUtf8(std::string_view("\xed\xa0\x80", 3)), 0u);  // surrogate
}

TEST(Utf8, RepairReplacesInvalidSequences) {
  EXPECT_EQ(RepairUtf8(std::string_view("a\xffz", 3)), "a\xEF\xBF\xBDz");
}

TEST(Sha256, KnownVector) {
  EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(LineOfOffset, CountsNewlines) {
  EXPECT_EQ(LineOfOffset("a\nb\nc", 4), 3u);
  EXPECT_EQ(LineOfOffset("abc", 0), 1u);
}

}  // namespace
}  // namespace tamiz::util
