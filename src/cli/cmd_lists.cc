#include <fmt/format.h>

#include <cstdio>
#include <iostream>

#include "cli/commands.h"
#include "index/snapshot.h"
#include "screen/json.h"

namespace tamiz::cli {

void AddListsCommand(CLI::App& app, Context& ctx) {
  auto* cmd =
      app.add_subcommand("lists", "Show the loaded lists: dataset, date, entities, SHA-256");
  static bool json_out = false;
  cmd->add_flag("--json", json_out, "Print JSON");
  cmd->callback([&ctx] {
    auto engine = ctx.OpenEngine();
    if (!engine) return;
    auto snap = engine->snapshot();
    int today = screen::TodayDays();
    auto lists = screen::ListsToJson(snap->versions(), today);
    if (json_out) {
      std::cout << nlohmann::json{{"lists", lists}}.dump(2) << "\n";
    } else {
      fmt::print("{:<14} {:<18} {:<11} {:>9} {:>9}  {}\n", "DATASET", "FORMAT", "DATE", "ENTITIES",
                 "AGE(d)", "SHA-256");
      for (const auto& l : lists) {
        fmt::print(
            "{:<14} {:<18} {:<11} {:>9} {:>9}  {}\n", l["dataset"].get<std::string>(),
            l["format"].get<std::string>(), l["date"].get<std::string>(),
            l["entity_count"].get<size_t>(),
            l["age_days"].is_null() ? std::string("?") : std::to_string(l["age_days"].get<int>()),
            l["sha256"].get<std::string>().substr(0, 16));
      }
    }
    for (const auto& l : lists) {
      if (l["stale"].get<bool>()) {
        fmt::print(
            stderr, "warning: {} is {} days old (dated {}); run `tamiz update`\n",
            l["dataset"].get<std::string>(),
            l["age_days"].is_null() ? std::string("?") : std::to_string(l["age_days"].get<int>()),
            l["date"].get<std::string>());
      }
    }
  });
}

}  // namespace tamiz::cli
