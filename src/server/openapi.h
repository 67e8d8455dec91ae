// The OpenAPI 3.0 description of every route (GET /openapi.json), embedded in the binary.
#pragma once

#include <string_view>

namespace tamiz::server {

// The document as JSON text; static storage, thread-safe.
std::string_view OpenApiJson();

}  // namespace tamiz::server
