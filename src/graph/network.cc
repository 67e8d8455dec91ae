#include "graph/network.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <unordered_map>

namespace tamiz::graph {

namespace {

constexpr uint32_t kNoEntity = std::numeric_limits<uint32_t>::max();

uint32_t IndexOfId(const index::Snapshot& s, const std::string& id) {
  if (id.empty()) return kNoEntity;
  const Entity* e = s.Find(id);
  return e == nullptr ? kNoEntity : s.IndexOf(e);
}

nlohmann::json PercentJson(const Relation& r) {
  if (!r.percent || !std::isfinite(*r.percent)) return nullptr;
  return *r.percent;
}

std::string EdgeLabel(const Relation& r) {
  std::string label(RelationTypeName(r.type));
  if (r.type == RelationType::kUnknownLink) label = "Linked To";
  if (r.percent && std::isfinite(*r.percent)) label += " " + FormatPercent(*r.percent);
  if (!r.role.empty() && r.role != label) label += "\n" + r.role;
  return label;
}

}  // namespace

Result<Network> CollectNetwork(const index::Snapshot& snapshot, std::string_view id, int depth,
                               size_t max_nodes) {
  const Entity* root = snapshot.Find(id);
  if (root == nullptr) {
    return Status::NotFound(fmt::format(
        "unknown entity id '{}' (ids are <dataset>:<record id>, e.g. us_ofac_sdn:24424; "
        "`tamiz screen NAME` shows them)",
        id));
  }
  if (depth < 0 || depth > kMaxDepth) {
    return Status::InvalidArgument(
        fmt::format("network depth {} is outside 0..{}", depth, kMaxDepth));
  }
  Network net;
  net.root = snapshot.IndexOf(root);
  net.depth = depth;
  net.max_nodes = std::max<size_t>(max_nodes, 1);
  std::unordered_map<uint32_t, uint32_t> seen;  // entity index -> position in nodes
  net.nodes.push_back(net.root);
  net.distance.push_back(0);
  seen.emplace(net.root, 0);
  const auto& rels = snapshot.relations();
  auto visit = [&](uint32_t other, uint32_t dist) {
    if (other == kNoEntity || seen.contains(other)) return;
    if (net.nodes.size() >= net.max_nodes) {
      net.truncated = true;
      return;
    }
    seen.emplace(other, static_cast<uint32_t>(net.nodes.size()));
    net.nodes.push_back(other);
    net.distance.push_back(dist);
  };
  for (size_t head = 0; head < net.nodes.size(); ++head) {
    uint32_t u = net.nodes[head];
    uint32_t d = net.distance[head];
    if (d >= static_cast<uint32_t>(depth)) continue;
    for (uint32_t ri : snapshot.RelationsFrom(u)) {
      uint32_t other = IndexOfId(snapshot, rels[ri].target_id);
      if (other == kNoEntity) {
        if (rels[ri].type != RelationType::kSanction) net.unresolved.push_back(ri);
        continue;
      }
      visit(other, d + 1);
    }
    for (uint32_t ri : snapshot.RelationsTo(u)) {
      uint32_t other = IndexOfId(snapshot, rels[ri].source_id);
      if (other == kNoEntity) {
        net.unresolved.push_back(ri);
        continue;
      }
      visit(other, d + 1);
    }
  }
  // Every relation among the collected nodes, once, in relation order.
  for (uint32_t u : net.nodes) {
    for (uint32_t ri : snapshot.RelationsFrom(u)) {
      if (seen.contains(IndexOfId(snapshot, rels[ri].target_id))) net.edges.push_back(ri);
    }
  }
  std::sort(net.edges.begin(), net.edges.end());
  net.edges.erase(std::unique(net.edges.begin(), net.edges.end()), net.edges.end());
  std::sort(net.unresolved.begin(), net.unresolved.end());
  net.unresolved.erase(std::unique(net.unresolved.begin(), net.unresolved.end()),
                       net.unresolved.end());
  return net;
}

nlohmann::json NetworkToJson(const index::Snapshot& snapshot, const Exposure& exposure,
                             const Network& network) {
  using nlohmann::json;
  const auto& ents = snapshot.entities();
  const auto& rels = snapshot.relations();
  json nodes = json::array();
  for (size_t k = 0; k < network.nodes.size(); ++k) {
    uint32_t i = network.nodes[k];
    const Entity& e = ents[i];
    json n = {{"id", e.id},
              {"caption", e.caption},
              {"schema", std::string(SchemaName(e.schema))},
              {"dataset", e.dataset},
              {"listed", exposure.listed(i)},
              {"distance", network.distance[k]}};
    if (exposure.blocked_by_rule(i)) n["blocked_by_50"] = true;
    if (exposure.blocked_share(i) > 0.0) {
      n["blocked_share"] = std::round(exposure.blocked_share(i) * 100.0) / 100.0;
      n["explanation"] = ExplainOwnership(snapshot, exposure, i);
    }
    nodes.push_back(std::move(n));
  }
  json edges = json::array();
  for (uint32_t ri : network.edges) {
    const Relation& r = rels[ri];
    edges.push_back({{"source", r.source_id},
                     {"target", r.target_id},
                     {"type", std::string(RelationTypeName(r.type))},
                     {"percent", PercentJson(r)},
                     {"role", r.role},
                     {"provenance", r.provenance}});
  }
  json unresolved = json::array();
  for (uint32_t ri : network.unresolved) {
    const Relation& r = rels[ri];
    unresolved.push_back({{"source", r.source_id},
                          {"target", r.target_id.empty() ? json(nullptr) : json(r.target_id)},
                          {"target_name", r.target_name},
                          {"type", std::string(RelationTypeName(r.type))},
                          {"percent", PercentJson(r)},
                          {"role", r.role},
                          {"provenance", r.provenance}});
  }
  json out = {{"root", ents[network.root].id},       {"depth", network.depth},
              {"nodes", std::move(nodes)},           {"edges", std::move(edges)},
              {"unresolved", std::move(unresolved)}, {"truncated", network.truncated}};
  if (network.truncated) {
    out["note"] = fmt::format(
        "node cap of {} reached: some entities within depth {} are left out; lower --depth",
        network.max_nodes, network.depth);
  }
  return out;
}

Result<nlohmann::json> NetworkToJson(const index::Snapshot& snapshot, const Exposure& exposure,
                                     std::string_view id, int depth) {
  auto net = CollectNetwork(snapshot, id, depth);
  if (!net.ok()) return net.status();
  return NetworkToJson(snapshot, exposure, *net);
}

Result<nlohmann::json> NetworkToJson(const index::Snapshot& snapshot, std::string_view id,
                                     int depth) {
  auto net = CollectNetwork(snapshot, id, depth);
  if (!net.ok()) return net.status();
  auto exposure = Exposure::Compute(snapshot);
  return NetworkToJson(snapshot, *exposure, *net);
}

std::string DotQuote(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    unsigned char u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (u >= 0x20 && u != 0x7f) {
      out += c;
    }
  }
  out += '"';
  return out;
}

std::string NetworkToDot(const index::Snapshot& snapshot, const Exposure& exposure,
                         const Network& network) {
  const auto& ents = snapshot.entities();
  const auto& rels = snapshot.relations();
  std::unordered_map<uint32_t, size_t> pos;
  for (size_t k = 0; k < network.nodes.size(); ++k) pos.emplace(network.nodes[k], k);
  std::string out = "digraph network {\n";
  out += fmt::format(
      "  graph [rankdir=LR, fontname=\"Helvetica\", fontsize=11, labelloc=t, label={}];\n",
      DotQuote(fmt::format("Network of {} ({}), depth {}{}", ents[network.root].caption,
                           ents[network.root].id, network.depth,
                           network.truncated ? " (truncated)" : "")));
  out +=
      "  node [shape=box, style=\"rounded,filled\", fillcolor=\"#ffffff\", "
      "fontname=\"Helvetica\", fontsize=10];\n"
      "  edge [fontname=\"Helvetica\", fontsize=9, color=\"#555555\"];\n";
  for (size_t k = 0; k < network.nodes.size(); ++k) {
    uint32_t i = network.nodes[k];
    const Entity& e = ents[i];
    std::string label = e.caption + "\n" + e.id;
    std::string attrs;
    if (exposure.listed(i)) {
      label += "\nlisted (" + ListLabel(e.dataset) + ")";
      attrs = ", color=\"#c00000\", fontcolor=\"#c00000\", fillcolor=\"#fde8e8\", penwidth=2.5";
    } else if (exposure.blocked(i)) {
      label += "\nblocked by 50% rule (" + FormatPercent(exposure.blocked_share(i)) + ")";
      attrs = ", color=\"#d46b08\", fontcolor=\"#d46b08\", fillcolor=\"#fff1e0\", penwidth=2.5";
    }
    if (e.schema == Schema::kPerson) attrs += ", shape=ellipse";
    if (k == 0) attrs += ", peripheries=2";
    out +=
        fmt::format("  n{} [label={}, tooltip={}{}];\n", k, DotQuote(label), DotQuote(e.id), attrs);
  }
  for (uint32_t ri : network.edges) {
    const Relation& r = rels[ri];
    auto s = pos.find(IndexOfId(snapshot, r.source_id));
    auto t = pos.find(IndexOfId(snapshot, r.target_id));
    if (s == pos.end() || t == pos.end()) continue;
    std::string attrs;
    if (r.type == RelationType::kOwnership) attrs = ", penwidth=1.6";
    out += fmt::format("  n{} -> n{} [label={}, tooltip={}{}];\n", s->second, t->second,
                       DotQuote(EdgeLabel(r)), DotQuote(r.provenance), attrs);
  }
  for (size_t k = 0; k < network.unresolved.size(); ++k) {
    const Relation& r = rels[network.unresolved[k]];
    uint32_t src = IndexOfId(snapshot, r.source_id);
    uint32_t dst = IndexOfId(snapshot, r.target_id);
    std::string name = r.target_name.empty() ? r.target_id : r.target_name;
    out += fmt::format(
        "  u{} [label={}, style=\"rounded,dashed\", color=\"#888888\", fontcolor=\"#555555\"];\n",
        k, DotQuote((src != kNoEntity ? name : r.source_id) + "\n(not loaded)"));
    if (src != kNoEntity && pos.contains(src)) {
      out += fmt::format("  n{} -> u{} [label={}, style=dashed];\n", pos[src], k,
                         DotQuote(EdgeLabel(r)));
    } else if (dst != kNoEntity && pos.contains(dst)) {
      out += fmt::format("  u{} -> n{} [label={}, style=dashed];\n", k, pos[dst],
                         DotQuote(EdgeLabel(r)));
    }
  }
  out += "}\n";
  return out;
}

}  // namespace tamiz::graph
