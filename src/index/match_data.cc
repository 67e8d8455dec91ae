#include "index/match_data.h"

#include <cctype>

namespace tamiz::index {

namespace {
// Placeholder normalization (ASCII lowercase, punctuation to space); replaced by text/.
std::string SimpleNormalize(const std::string& s) {
  std::string out;
  bool space = true;
  for (char c : s) {
    unsigned char u = static_cast<unsigned char>(c);
    if (u >= 0x80 || std::isalnum(u) != 0) {
      out.push_back(static_cast<char>(u < 0x80 ? std::tolower(u) : u));
      space = false;
    } else if (!space) {
      out.push_back(' ');
      space = true;
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}
}  // namespace

std::unique_ptr<MatchData> BuildMatchData(const std::vector<Entity>& entities) {
  auto md = std::make_unique<MatchData>();
  for (uint32_t e = 0; e < entities.size(); ++e) {
    for (uint32_t n = 0; n < entities[e].names.size(); ++n) {
      md->names.push_back({e, n, SimpleNormalize(entities[e].names[n].full)});
    }
  }
  return md;
}

}  // namespace tamiz::index
