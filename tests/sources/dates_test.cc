#include "sources/dates.h"

#include <gtest/gtest.h>

namespace tamiz::sources {
namespace {

TEST(ParseListDate, IsoForms) {
  EXPECT_EQ(ParseListDate("1980-05-01").ToIso(), "1980-05-01");
  EXPECT_EQ(ParseListDate("1980-05").ToIso(), "1980-05");
  EXPECT_EQ(ParseListDate(" 1980 ").ToIso(), "1980");
  EXPECT_EQ(ParseListDate("2026-02-27T00:00:09.554Z").ToIso(), "2026-02-27");
  EXPECT_EQ(ParseListDate(" 1980 ").raw, "1980");
}

TEST(ParseListDate, DayFirstWithUnknownParts) {
  EXPECT_EQ(ParseListDate("15/04/1963").ToIso(), "1963-04-15");
  EXPECT_EQ(ParseListDate("00/00/1980").ToIso(), "1980");
  EXPECT_EQ(ParseListDate("00/04/1963").ToIso(), "1963-04");
  EXPECT_EQ(ParseListDate("15.04.1963").ToIso(), "1963-04-15");
  EXPECT_EQ(ParseListDate("dd/mm/1945").ToIso(), "1945");
  EXPECT_EQ(ParseListDate("31/13/1963").ToIso(), "1963");  // month 13 dropped, not guessed
}

TEST(ParseListDate, MonthNames) {
  EXPECT_EQ(ParseListDate("12 Nov 1974").ToIso(), "1974-11-12");
  EXPECT_EQ(ParseListDate("12 Nov. 1974").ToIso(), "1974-11-12");
  EXPECT_EQ(ParseListDate("November 12, 1974").ToIso(), "1974-11-12");
  EXPECT_EQ(ParseListDate("Nov. 1973 ").ToIso(), "1973-11");
  EXPECT_EQ(ParseListDate("August 1961").ToIso(), "1961-08");
  EXPECT_EQ(ParseListDate("Sept 1961").ToIso(), "1961-09");
}

TEST(ParseListDate, RangesAndCirca) {
  PartialDate r = ParseListDate("1960 to 1965");
  EXPECT_EQ(r.year, 1960);
  EXPECT_EQ(r.year_to, 1965);
  EXPECT_EQ(ParseListDate("between 1960 and 1965").ToIso(), "1960/1965");
  EXPECT_EQ(ParseListDate("1960 - 1965").ToIso(), "1960/1965");
  PartialDate c = ParseListDate("circa 1970");
  EXPECT_TRUE(c.circa);
  EXPECT_EQ(c.ToIso(), "1970");
  EXPECT_TRUE(ParseListDate("approximately 1970").circa);
  EXPECT_TRUE(ParseListDate("c. 1970").circa);
  EXPECT_FALSE(ParseListDate("1970").circa);
}

TEST(ParseListDate, UnreadableTextKeepsRawAndNoYear) {
  PartialDate d = ParseListDate("30-35 years old");
  EXPECT_EQ(d.year, 0);
  EXPECT_EQ(d.raw, "30-35 years old");
  EXPECT_EQ(ParseListDate("").year, 0);
  EXPECT_EQ(ParseListDate("12345").year, 0);
  EXPECT_EQ(ParseListDate("99/99/99").year, 0);
  EXPECT_EQ(ListDateToIso("circa 1970"), "1970");
  EXPECT_EQ(ListDateToIso("nonsense"), "");
}

TEST(MonthFromName, FullAndAbbreviated) {
  EXPECT_EQ(MonthFromName("January"), 1);
  EXPECT_EQ(MonthFromName("dec."), 12);
  EXPECT_EQ(MonthFromName("Ma"), 0);
  EXPECT_EQ(MonthFromName("Mayo"), 0);
}

}  // namespace
}  // namespace tamiz::sources
