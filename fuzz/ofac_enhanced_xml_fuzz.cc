// libFuzzer target: OFAC enhanced XML (sanctionsData).
#include <cstddef>
#include <cstdint>

#include "fuzz_parser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  tamiz::fuzz::FuzzParser("ofac-enhanced-xml", {"sdn_enhanced.xml"}, data, size);
  return 0;
}
