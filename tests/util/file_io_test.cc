#include "util/file_io.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <random>
#include <string>

#include "../scratch_dir.h"

namespace tamiz::util {
namespace {

TEST(Utf8, FindsFirstInvalidByte) {
  EXPECT_EQ(FindInvalidUtf8("plain ascii"), std::string_view::npos);
  EXPECT_EQ(FindInvalidUtf8("Rondón"), std::string_view::npos);
  EXPECT_EQ(FindInvalidUtf8(std::string_view("ab\xff", 3)), 2u);
  EXPECT_EQ(FindInvalidUtf8(std::string_view("\xc3", 1)), 0u);          // truncated
  EXPECT_EQ(FindInvalidUtf8(std::string_view("\xed\xa0\x80", 3)), 0u);  // surrogate
}

TEST(Utf8, FindsInvalidBytesAfterLongAsciiRuns) {
  // The ASCII fast path reads eight bytes at a time: put the bad byte at every position of a
  // word, and a valid two-byte sequence across a word boundary.
  for (size_t at = 0; at < 24; ++at) {
    std::string s(30, 'x');
    s[at] = '\x80';
    EXPECT_EQ(FindInvalidUtf8(s), at) << at;
  }
  std::string straddle = std::string(7, 'a') + "\xc3\xa9" + std::string(9, 'b');
  EXPECT_EQ(FindInvalidUtf8(straddle), std::string_view::npos);
  EXPECT_EQ(FindInvalidUtf8(std::string(7, 'a') + "\xc3"), 7u);
}

TEST(Utf8, RepairReplacesInvalidSequences) {
  EXPECT_EQ(RepairUtf8(std::string_view("a\xffz", 3)), "a\xEF\xBF\xBDz");
  // One U+FFFD per byte that starts no valid sequence; valid neighbours are kept.
  EXPECT_EQ(RepairUtf8("\xc3\xa9\xc3"), "\xc3\xa9\xEF\xBF\xBD");
  EXPECT_EQ(RepairUtf8("\xe2\x82"), "\xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_EQ(RepairUtf8(std::string(20, 'q') + "\xff" + "R\xc3\xb3n"),
            std::string(20, 'q') + "\xEF\xBF\xBD" + "R\xc3\xb3n");
  EXPECT_EQ(RepairUtf8(""), "");
}

TEST(Utf8, RepairedBytesAreValidAndValidTextIsKept) {
  std::mt19937 rng(7);
  std::uniform_int_distribution<int> byte(0, 255);
  for (int round = 0; round < 2000; ++round) {
    std::string s(static_cast<size_t>(round % 40), '\0');
    for (char& c : s) c = static_cast<char>(round % 3 == 0 ? byte(rng) % 128 : byte(rng));
    std::string repaired = RepairUtf8(s);
    ASSERT_EQ(FindInvalidUtf8(repaired), std::string_view::npos) << round;
    if (FindInvalidUtf8(s) == std::string_view::npos) {
      EXPECT_EQ(repaired, s) << round;
    }
  }
}

TEST(ReadFile, ReadsWholeFilesAndRefusesOversizedOnes) {
  test::ScratchDir dir("file_io");
  auto path = dir.path() / "list.csv";
  ASSERT_TRUE(WriteFileAtomic(path, "a,b\n1,2\n").ok());
  auto whole = ReadFile(path);
  ASSERT_TRUE(whole.ok()) << whole.status().message();
  EXPECT_EQ(whole.value(), "a,b\n1,2\n");
  EXPECT_TRUE(ReadFile(path, 8).ok());
  auto over = ReadFile(path, 7);
  ASSERT_FALSE(over.ok());
  EXPECT_EQ(over.status().code(), StatusCode::kDataError);
  EXPECT_NE(over.status().message().find("list.csv: file is 8 bytes, over the 7 byte limit"),
            std::string::npos)
      << over.status().message();
  auto missing = ReadFile(dir.path() / "none.csv");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), StatusCode::kIoError);
  EXPECT_NE(missing.status().message().find("none.csv: cannot read"), std::string::npos);
  auto directory = ReadFile(dir.path());
  ASSERT_FALSE(directory.ok());
  EXPECT_EQ(directory.status().code(), StatusCode::kIoError);
}

TEST(ReadFile, ReadsAPipeToItsEndWithinTheLimit) {
  int fds[2];
  ASSERT_EQ(::pipe(fds), 0);
  std::string text(10000, 'z');  // more than one read, less than the pipe buffer
  ASSERT_EQ(::write(fds[1], text.data(), text.size()), static_cast<ssize_t>(text.size()));
  ::close(fds[1]);
  std::string path = "/dev/fd/" + std::to_string(fds[0]);
  auto read = ReadFile(path);
  ASSERT_TRUE(read.ok()) << read.status().message();
  EXPECT_EQ(read.value(), text);
  ::close(fds[0]);

  ASSERT_EQ(::pipe(fds), 0);
  ASSERT_EQ(::write(fds[1], text.data(), text.size()), static_cast<ssize_t>(text.size()));
  ::close(fds[1]);
  auto over = ReadFile("/dev/fd/" + std::to_string(fds[0]), 9999);
  ::close(fds[0]);
  ASSERT_FALSE(over.ok());
  EXPECT_EQ(over.status().code(), StatusCode::kDataError);
}

TEST(ReadFilePrefix, ReadsAtMostTheGivenBytes) {
  test::ScratchDir dir("file_io");
  auto path = dir.path() / "sdn.xml";
  ASSERT_TRUE(WriteFileAtomic(path, "<?xml version=\"1.0\"?><sdnList/>").ok());
  EXPECT_EQ(ReadFilePrefix(path, 5), "<?xml");
  EXPECT_EQ(ReadFilePrefix(path, 1000), "<?xml version=\"1.0\"?><sdnList/>");
  EXPECT_EQ(ReadFilePrefix(path, 0), "");
  EXPECT_EQ(ReadFilePrefix(dir.path() / "none.xml", 10), "");
}

TEST(Sha256, KnownVector) {
  EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(LineOfOffset, CountsNewlines) {
  EXPECT_EQ(LineOfOffset("a\nb\nc", 4), 3u);
  EXPECT_EQ(LineOfOffset("abc", 0), 1u);
}

TEST(LineIndex, AgreesWithLineOfOffsetEverywhere) {
  for (std::string_view text : {"", "abc", "a\nb\nc", "\n\n", "x\r\ny\n\nz\n"}) {
    LineIndex index(text);
    for (size_t off = 0; off <= text.size() + 1; ++off) {
      EXPECT_EQ(index.LineOf(off), LineOfOffset(text, off)) << text << " @" << off;
    }
  }
  EXPECT_EQ(LineIndex().LineOf(5), 1u);
}

}  // namespace
}  // namespace tamiz::util
