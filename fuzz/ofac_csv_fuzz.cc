// libFuzzer target: OFAC legacy CSV set; the input is split at NUL bytes into sdn.csv, add.csv,
// alt.csv and sdn_comments.csv.
#include <cstddef>
#include <cstdint>

#include "fuzz_parser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  tamiz::fuzz::FuzzParser("ofac-csv", {"sdn.csv", "add.csv", "alt.csv", "sdn_comments.csv"}, data,
                          size);
  return 0;
}
