// libFuzzer target: OFAC advanced XML (Sanctions/DistinctParties).
#include <cstddef>
#include <cstdint>

#include "fuzz_parser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  tamiz::fuzz::FuzzParser("ofac-advanced-xml", {"sdn_advanced.xml"}, data, size);
  return 0;
}
