// Parsing of query fields given by users (CLI flags, API properties, batch columns).
#pragma once

#include <string_view>

#include "tamiz/entity.h"
#include "tamiz/status.h"

namespace tamiz::screen {

// "1963", "1963-04", "1963-04-15" (also "15/04/1963"). kInvalidArgument naming the value
// otherwise.
Result<PartialDate> ParseQueryDate(std::string_view s);

}  // namespace tamiz::screen
