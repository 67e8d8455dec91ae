// libFuzzer target: UK FCDO UK Sanctions List XML.
#include <cstddef>
#include <cstdint>

#include "fuzz_parser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  tamiz::fuzz::FuzzParser("gb-fcdo-xml", {"UK_Sanctions_List.xml"}, data, size);
  return 0;
}
