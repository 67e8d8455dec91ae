// Parsing of the date spellings found in official sanctions lists into PartialDate. Shared by
// the UN, UK, Canada and EU parsers. Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "tamiz/entity.h"

namespace tamiz::sources {

// Parses one date as a list writes it. Understood spellings (case-insensitive, surrounding
// blanks ignored):
//   ISO            "1980-05-01", "1980-05", "1980", "1980-05-01T00:00:00" (time dropped)
//   day-first      "15/04/1963", "00/00/1980" and "00/04/1963" (00 = unknown), "15.04.1963",
//                  "dd/mm/1945" (UK FCDO placeholders = unknown)
//   month names    "12 Nov 1974", "12 Nov. 1974", "November 12, 1974", "Nov. 1973",
//                  "August 1961", "Aug 1961"
//   ranges         "1960 to 1965", "1960 - 1965", "between 1960 and 1965"
//   approximate    "circa 1970", "c. 1970", "approximately 1970", "about 1970", "1970 (approx.)"
// Returns a PartialDate whose `raw` is the trimmed input; year stays 0 when nothing could be
// read, and a day or month out of range is dropped (never invented).
PartialDate ParseListDate(std::string_view text);

// ISO form ("1963-04-15", "1963-04", "1963") of ParseListDate(text) without range or circa
// markers; empty when no year was found. For listing/designation dates.
std::string ListDateToIso(std::string_view text);

// Month number 1..12 of an English month name or abbreviation ("Nov", "Nov.", "november"),
// 0 when not a month.
int MonthFromName(std::string_view word);

}  // namespace tamiz::sources
