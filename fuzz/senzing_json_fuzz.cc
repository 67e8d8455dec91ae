// libFuzzer target: Senzing JSON lines.
#include <cstddef>
#include <cstdint>

#include "fuzz_parser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  tamiz::fuzz::FuzzParser("senzing-json", {"senzing.json"}, data, size);
  return 0;
}
