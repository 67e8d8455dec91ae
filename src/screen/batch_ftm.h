// FollowTheMoney "example entities" as screening queries: the query form shared by yente's
// POST /match (src/server) and JSONL batch input (screen/batch.h), plus a nesting-depth guard
// to run on untrusted JSON before handing it to nlohmann's recursive parser.
// Stateless functions; safe from any thread.
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "tamiz/screen.h"
#include "tamiz/status.h"

namespace tamiz::screen {

// Deepest array/object nesting accepted in request bodies and JSONL rows.
inline constexpr size_t kMaxJsonDepth = 32;

// Scans `text` (without parsing it) and fails with kInvalidArgument naming the byte offset
// when arrays/objects nest deeper than `max_depth`. Strings and escapes are skipped, so
// brackets inside strings do not count. O(n), constant memory.
Status CheckJsonDepth(std::string_view text, size_t max_depth = kMaxJsonDepth);

// Parses untrusted JSON text: depth check first, then nlohmann's parser without exceptions
// escaping. kInvalidArgument with the byte offset of the syntax error.
Result<nlohmann::json> ParseJsonBounded(std::string_view text, size_t max_depth = kMaxJsonDepth);

// Converts an FtM example entity {"schema": "Person", "properties": {"name": [...], ...}}
// into a Query, starting from `defaults` (limit, threshold, datasets). Properties used:
// name, alias, weakAlias, previousName, firstName, middleName, lastName (joined into a name
// when there is no name), birthDate, nationality, citizenship, country, jurisdiction, gender,
// idNumber, passportNumber, registrationNumber, taxNumber, imoNumber, innCode, ogrnCode,
// swiftBic, leiCode. address is accepted and ignored (not a screening feature yet); other
// properties are ignored. A missing schema or "Thing" screens every schema.
// kInvalidArgument naming `where` and the property for: not an object, unknown schema,
// property values that are not strings (or arrays of strings), bad dates, no name at all.
Result<Query> QueryFromFtmExample(const nlohmann::json& example, const Query& defaults,
                                  std::string_view where);

// The example with its properties normalised to arrays of strings (what /match echoes as
// "query"). REQUIRES: QueryFromFtmExample(example, ...) succeeded.
nlohmann::json NormalizedFtmExample(const nlohmann::json& example);

}  // namespace tamiz::screen
