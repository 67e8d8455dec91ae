// libFuzzer target: US trade.gov Consolidated Screening List CSV.
#include <cstddef>
#include <cstdint>

#include "fuzz_parser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  tamiz::fuzz::FuzzParser("us-trade-csl-csv", {"consolidated.csv"}, data, size);
  return 0;
}
