// Curated data files (data/tables/*, data/lexicons/*) compiled into the binary at build time
// (cmake/embed_files.cmake), so tamiz needs no data files beyond the lists themselves.
// Thread-safe: read-only static data.
#pragma once

#include <string_view>
#include <vector>

namespace tamiz::util {

// Contents of the embedded file at `name`, relative to data/ ("tables/legal_forms.tsv");
// empty when there is no such file.
std::string_view EmbeddedFile(std::string_view name);

// All embedded file names, sorted.
std::vector<std::string_view> EmbeddedFileNames();

}  // namespace tamiz::util
