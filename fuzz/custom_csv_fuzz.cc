// libFuzzer target: Custom CSV list with a TOML column mapping; the input is split at the first NUL
// byte into list.toml and list.csv.
#include <cstddef>
#include <cstdint>

#include "fuzz_parser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  tamiz::fuzz::FuzzParser("custom-csv", {"list.toml", "list.csv"}, data, size);
  return 0;
}
