// libFuzzer target: UK HM Treasury / OFSI ConList.csv (2016 and 2022 layouts).
#include <cstddef>
#include <cstdint>

#include "fuzz_parser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  tamiz::fuzz::FuzzParser("gb-hmt-csv", {"ConList.csv"}, data, size);
  return 0;
}
