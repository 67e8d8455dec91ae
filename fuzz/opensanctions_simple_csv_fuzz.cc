// libFuzzer target: OpenSanctions targets.simple.csv export.
#include <cstddef>
#include <cstdint>

#include "fuzz_parser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  tamiz::fuzz::FuzzParser("opensanctions-simple-csv", {"targets.simple.csv"}, data, size);
  return 0;
}
