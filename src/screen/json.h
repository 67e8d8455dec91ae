// JSON forms shared by the CLI (--json) and the HTTP API (DESIGN.md, "JSON shapes").
#pragma once

#include <nlohmann/json.hpp>

#include "index/snapshot.h"
#include "tamiz/engine.h"
#include "tamiz/entity.h"
#include "tamiz/screen.h"

namespace tamiz::screen {

nlohmann::json QueryToJson(const Query& q);
// {"id","dataset","schema","caption","score","match","matched_name","explanation":{...},"notes"}
nlohmann::json HitToJson(const Hit& h);
// {"query": {...}, "results": [...]}
nlohmann::json ScreenResultToJson(const ScreenResult& r);
// The full entity: names, dates, ids, addresses, programs, ...
nlohmann::json EntityToJson(const Entity& e);
// Relation with both ends' captions resolved through the snapshot.
nlohmann::json RelationToJson(const index::Snapshot& s, const Relation& r);
// One row per list version: dataset, title, format, date, entity_count, sha256, age_days, stale.
nlohmann::json ListsToJson(const std::vector<ListVersion>& versions, int today_days_since_epoch);

// Days since 1970-01-01 of an ISO date (YYYY, YYYY-MM or YYYY-MM-DD); -1 when unparseable.
int DaysFromIso(const std::string& iso);
// Days since 1970-01-01 today (UTC).
int TodayDays();
// Lists older than this many days are flagged stale by `tamiz lists` and /lists.
inline constexpr int kStaleAfterDays = 30;

}  // namespace tamiz::screen
