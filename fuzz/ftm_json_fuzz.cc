// libFuzzer target: FollowTheMoney entities as JSON lines.
#include <cstddef>
#include <cstdint>

#include "fuzz_parser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  tamiz::fuzz::FuzzParser("ftm-json", {"entities.ftm.json"}, data, size);
  return 0;
}
