// FollowTheMoney-shaped JSON for yente-compatible responses (POST /match): an entity's
// properties as FtM property names with arrays of strings, and a scored hit as yente's
// result object. Pure functions over immutable data; thread-safe.
#pragma once

#include <nlohmann/json.hpp>

#include "tamiz/entity.h"
#include "tamiz/screen.h"

namespace tamiz::server {

// {"name": [...], "alias": [...], "birthDate": [...], "nationality": [...], ...}; only
// non-empty properties. Property names follow the FtM schemata (followthemoney.tech).
nlohmann::json FtmProperties(const Entity& e);

// yente's match result: {"id", "caption", "schema", "datasets", "properties", "score",
// "match", "features": {feature: score}, "explanations": {feature: {"score", "detail"}},
// "matched_name", "notes", "target", "referents"}. REQUIRES: hit.entity != nullptr.
nlohmann::json MatchResultToJson(const Hit& hit);

}  // namespace tamiz::server
