// libFuzzer target: UN Security Council consolidated XML.
#include <cstddef>
#include <cstdint>

#include "fuzz_parser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  tamiz::fuzz::FuzzParser("un-xml", {"consolidated.xml"}, data, size);
  return 0;
}
