// libFuzzer target: the name normalizer and analyser (script detection, folding to ASCII,
// name variants, analysis as person, organization and vessel) on arbitrary bytes.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "text/analyze.h"
#include "text/transliterate.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 4096) return 0;  // names are short; longer inputs only slow the search
  std::string_view input(reinterpret_cast<const char*>(data), size);
  (void)tamiz::text::DetectScript(input);
  std::string folded = tamiz::text::FoldToAscii(input);
  // Folding is idempotent on its own output.
  if (tamiz::text::FoldToAscii(folded) != folded) std::abort();
  for (const auto& variant : tamiz::text::NameVariants(input)) {
    (void)variant.size();
  }
  for (auto type : {tamiz::text::NameType::kPerson, tamiz::text::NameType::kOrganization,
                    tamiz::text::NameType::kVessel}) {
    (void)tamiz::text::AnalyzeName(input, type);
  }
  return 0;
}
