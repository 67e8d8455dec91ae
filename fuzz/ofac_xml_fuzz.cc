// libFuzzer target: OFAC classic XML (sdnList).
#include <cstddef>
#include <cstdint>

#include "fuzz_parser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  tamiz::fuzz::FuzzParser("ofac-xml", {"sdn.xml"}, data, size);
  return 0;
}
