#include <fmt/format.h>

#include <cstdio>
#include <iostream>

#include "cli/commands.h"
#include "graph/exposure.h"
#include "graph/network.h"
#include "graph/render.h"
#include "index/snapshot.h"
#include "util/file_io.h"

namespace tamiz::cli {

void AddNetworkCommand(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand(
      "network", "Show the network around an entity: links both ways, ownership, 50% rule");
  static std::string id;
  static int depth = graph::kDefaultDepth;
  static std::string format = "json";
  static std::string output;
  cmd->add_option("id", id, "Entity id, e.g. us_ofac_sdn:24424")->required();
  cmd->add_option("--depth", depth, fmt::format("Hops to follow (0..{})", graph::kMaxDepth))
      ->check(CLI::Range(0, graph::kMaxDepth))
      ->capture_default_str();
  cmd->add_option("--format", format, "Output format: json, dot (Graphviz) or svg")
      ->check(CLI::IsMember({"json", "dot", "svg"}))
      ->capture_default_str();
  cmd->add_option("--output,-o", output, "Write to FILE instead of standard output");
  cmd->callback([&ctx] {
    auto engine = ctx.OpenEngine();
    if (!engine) return;
    auto state = engine->state();
    const index::Snapshot& snap = *state->snapshot;
    auto net = graph::CollectNetwork(snap, id, depth);
    if (!net.ok()) {
      ctx.exit_code = ReportError(net.status());
      return;
    }
    if (net->truncated) {
      fmt::print(stderr, "tamiz: note: node cap of {} reached; the network is truncated\n",
                 net->max_nodes);
    }
    std::string text;
    if (format == "json") {
      text = graph::NetworkToJson(snap, *state->exposure, *net).dump(2) + "\n";
    } else {
      text = graph::NetworkToDot(snap, *state->exposure, *net);
      if (format == "svg") {
        auto svg = graph::RenderSvg(text);
        if (!svg.ok()) {
          ctx.exit_code = ReportError(svg.status());
          return;
        }
        text = std::move(svg).value();
      }
    }
    if (output.empty()) {
      std::cout << text;
      std::cout.flush();
      return;
    }
    if (Status s = util::WriteFileAtomic(output, text); !s.ok()) {
      ctx.exit_code = ReportError(s);
    }
  });
}

}  // namespace tamiz::cli
