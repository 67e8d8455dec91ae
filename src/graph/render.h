// Renders Graphviz DOT to SVG by running the `dot` program (Debian package graphviz) as a
// subprocess with a timeout. Thread-safe: each call spawns its own process and temp file.
#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include "tamiz/status.h"

namespace tamiz::graph {

inline constexpr std::chrono::milliseconds kRenderTimeout{30'000};
inline constexpr size_t kMaxRenderedBytes = size_t{64} << 20;

// The dot program to run: $TAMIZ_DOT when set, else "dot" looked up in PATH.
std::string DotProgram();

// Runs `DotProgram() -Tsvg` over `dot` and returns its output. kUnavailable when dot is not
// installed or times out (the process is killed); kDataError when dot rejects the input
// (its stderr is quoted); kIoError on temp-file or pipe failures.
Result<std::string> RenderSvg(std::string_view dot,
                              std::chrono::milliseconds timeout = kRenderTimeout);

}  // namespace tamiz::graph
