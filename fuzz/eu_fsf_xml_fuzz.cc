// libFuzzer target: EU Financial Sanctions Files consolidated XML.
#include <cstddef>
#include <cstdint>

#include "fuzz_parser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  tamiz::fuzz::FuzzParser("eu-fsf-xml", {"eu_fsf.xml"}, data, size);
  return 0;
}
