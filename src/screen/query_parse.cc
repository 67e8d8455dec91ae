#include "screen/query_parse.h"

#include <fmt/format.h>

#include <cstdio>
#include <string>

namespace tamiz::screen {

Result<PartialDate> ParseQueryDate(std::string_view s) {
  std::string str(s);
  PartialDate d;
  d.raw = str;
  int y = 0, m = 0, day = 0;
  char tail = 0;
  auto bad = [&] {
    return Status::InvalidArgument(
        fmt::format("date '{}': expected YYYY, YYYY-MM or YYYY-MM-DD", str));
  };
  if (std::sscanf(str.c_str(), "%4d-%2d-%2d%c", &y, &m, &day, &tail) == 3 ||
      (std::sscanf(str.c_str(), "%2d/%2d/%4d%c", &day, &m, &y, &tail) == 3 && y > 999)) {
  } else if (y = 0, m = 0, day = 0; std::sscanf(str.c_str(), "%4d-%2d%c", &y, &m, &tail) == 2) {
  } else if (y = 0, m = 0, day = 0; std::sscanf(str.c_str(), "%4d%c", &y, &tail) == 1) {
  } else {
    return bad();
  }
  if (y < 1000 || y > 2200 || m < 0 || m > 12 || day < 0 || day > 31) return bad();
  d.year = y;
  d.month = m;
  d.day = day;
  return d;
}

}  // namespace tamiz::screen
