// Helpers for the HTTP API integration tests: an in-process server on an ephemeral loopback
// port over the small fixture lists, a client with bounded timeouts, and a validator for the
// subset of JSON Schema the OpenAPI document uses (type, nullable, required, properties,
// additionalProperties, items, enum, $ref).
#pragma once

#include <gtest/gtest.h>
#include <httplib.h>

#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "server/openapi.h"
#include "server/server.h"
#include "tamiz/engine.h"

namespace tamiz::server::testing {

inline std::string FixtureDataDir() {
  return std::string(TAMIZ_SOURCE_DIR) + "/tests/fixtures/server/data";
}

inline EngineOptions FixtureEngineOptions() {
  EngineOptions o;
  o.data_dir = FixtureDataDir();
  return o;
}

// A server on 127.0.0.1:<ephemeral> with 4 workers, stopped when the object dies.
class TestServer {
 public:
  explicit TestServer(ServerOptions options = {}, bool load = true) {
    options.bind = "127.0.0.1";
    options.port = 0;
    if (options.threads == 0) options.threads = 4;
    server_ = std::make_unique<Server>(std::move(options));
    auto port = server_->Bind();
    EXPECT_TRUE(port.ok()) << port.status().message();
    port_ = port.ok() ? *port : 0;
    server_->Start();
    if (load) {
      Status s = server_->LoadEngine(FixtureEngineOptions());
      EXPECT_TRUE(s.ok()) << s.message();
    }
  }

  Server& server() { return *server_; }
  int port() const { return port_; }

  // A client with short timeouts so that a hung server fails the test instead of hanging it.
  std::unique_ptr<httplib::Client> Client() const {
    auto c = std::make_unique<httplib::Client>("127.0.0.1", port_);
    c->set_connection_timeout(5);
    c->set_read_timeout(20);
    c->set_write_timeout(20);
    return c;
  }

  // True when GET /healthz answers 200.
  bool Healthy() const {
    auto r = Client()->Get("/healthz");
    return r && r->status == 200;
  }

 private:
  std::unique_ptr<Server> server_;
  int port_ = 0;
};

inline nlohmann::json ParseBody(const httplib::Result& r) {
  if (!r) return nullptr;
  return nlohmann::json::parse(r->body, nullptr, false);
}

// Validates `value` against `schema` (resolving "$ref" in `doc`). Returns "" when valid,
// else the JSON path of the first violation and why.
inline std::string ValidateSchema(const nlohmann::json& doc, const nlohmann::json& schema,
                                  const nlohmann::json& value, const std::string& path = "$") {
  using nlohmann::json;
  if (auto ref = schema.find("$ref"); ref != schema.end()) {
    std::string target = ref->get<std::string>();
    const std::string prefix = "#/components/schemas/";
    if (target.rfind(prefix, 0) != 0) return path + ": unsupported $ref " + target;
    const json& schemas = doc["components"]["schemas"];
    std::string name = target.substr(prefix.size());
    if (!schemas.contains(name)) return path + ": dangling $ref " + target;
    return ValidateSchema(doc, schemas[name], value, path);
  }
  if (value.is_null() && schema.value("nullable", false)) return "";
  if (auto t = schema.find("type"); t != schema.end()) {
    const std::string type = t->get<std::string>();
    bool ok = (type == "object" && value.is_object()) || (type == "array" && value.is_array()) ||
              (type == "string" && value.is_string()) || (type == "number" && value.is_number()) ||
              (type == "integer" && value.is_number_integer()) ||
              (type == "boolean" && value.is_boolean());
    if (!ok) return path + ": expected " + type + ", got " + value.dump().substr(0, 80);
  }
  if (auto e = schema.find("enum"); e != schema.end()) {
    bool found = false;
    for (const auto& v : *e) found = found || v == value;
    if (!found) return path + ": " + value.dump() + " not in enum " + e->dump();
  }
  if (value.is_object()) {
    if (auto req = schema.find("required"); req != schema.end()) {
      for (const auto& k : *req) {
        if (!value.contains(k.get<std::string>())) {
          return path + ": missing required '" + k.get<std::string>() + "'";
        }
      }
    }
    const json props = schema.value("properties", json::object());
    for (const auto& [k, v] : value.items()) {
      std::string err;
      if (props.contains(k)) {
        err = ValidateSchema(doc, props[k], v, path + "." + k);
      } else if (auto ap = schema.find("additionalProperties");
                 ap != schema.end() && ap->is_object()) {
        err = ValidateSchema(doc, *ap, v, path + "." + k);
      }
      if (!err.empty()) return err;
    }
  }
  if (value.is_array()) {
    if (auto items = schema.find("items"); items != schema.end()) {
      for (size_t i = 0; i < value.size(); ++i) {
        std::string err =
            ValidateSchema(doc, *items, value[i], path + "[" + std::to_string(i) + "]");
        if (!err.empty()) return err;
      }
    }
  }
  return "";
}

inline const nlohmann::json& OpenApiDoc() {
  static const nlohmann::json doc = nlohmann::json::parse(OpenApiJson());
  return doc;
}

// Validates a real response against the schema the OpenAPI document gives for
// `route` (a key of "paths"), `method` and the response's status.
inline std::string ValidateResponse(const std::string& route, const std::string& method,
                                    const httplib::Result& r) {
  if (!r) return "no response";
  const auto& doc = OpenApiDoc();
  if (!doc["paths"].contains(route)) return "route not documented: " + route;
  const auto& op = doc["paths"][route];
  if (!op.contains(method)) return "method not documented: " + method + " " + route;
  const auto& responses = op[method]["responses"];
  std::string status = std::to_string(r->status);
  if (!responses.contains(status)) return "status not documented: " + status + " for " + route;
  const auto& content = responses[status]["content"];
  std::string ctype = r->get_header_value("Content-Type");
  if (ctype.rfind("application/json", 0) != 0) {
    return content.contains("text/plain") ? "" : "unexpected content type " + ctype;
  }
  if (!content.contains("application/json")) return "JSON body not documented";
  auto body = nlohmann::json::parse(r->body, nullptr, false);
  if (body.is_discarded()) return "body is not JSON: " + r->body.substr(0, 200);
  return ValidateSchema(doc, content["application/json"]["schema"], body);
}

}  // namespace tamiz::server::testing
