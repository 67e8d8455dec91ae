// A loopback HTTP server for the update tests: serves configured bodies and failures (error
// statuses, slow answers, truncated bodies, redirects, ETag revalidation) on 127.0.0.1 at an
// ephemeral port, in a background thread. Thread-safe.
#pragma once

#include <httplib.h>

#include <atomic>
#include <chrono>
#include <map>
#include <mutex>
#include <string>
#include <thread>

namespace tamiz::testing_support {

class FixtureServer {
 public:
  // What one path answers; built with chained setters: Route().status(500).body("x").
  class Route {
   public:
    Route& status(int v) {
      status_ = v;
      return *this;
    }
    Route& body(std::string v) {
      body_ = std::move(v);
      return *this;
    }
    // Sent as ETag; a request whose If-None-Match equals it gets 304.
    Route& etag(std::string v) {
      etag_ = std::move(v);
      return *this;
    }
    // Sent as Last-Modified; without an ETag, an equal If-Modified-Since gets 304.
    Route& last_modified(std::string v) {
      last_modified_ = std::move(v);
      return *this;
    }
    // Wait before answering.
    Route& delay_ms(int v) {
      delay_ms_ = v;
      return *this;
    }
    // Announce the full length, send half, close the connection.
    Route& truncate(bool v) {
      truncate_ = v;
      return *this;
    }
    // With a 3xx status: the path to redirect to.
    Route& location(std::string v) {
      location_ = std::move(v);
      return *this;
    }

   private:
    friend class FixtureServer;
    int status_ = 200;
    std::string body_;
    std::string etag_;
    std::string last_modified_;
    int delay_ms_ = 0;
    bool truncate_ = false;
    std::string location_;
  };

  FixtureServer() {
    server_.Get(".*",
                [this](const httplib::Request& req, httplib::Response& res) { Serve(req, res); });
    server_.Post("/admin/reload", [this](const httplib::Request& req, httplib::Response& res) {
      std::lock_guard<std::mutex> lock(mu_);
      ++reloads_;
      last_authorization_ = req.get_header_value("Authorization");
      res.status = reload_status_;
      res.set_content("{}", "application/json");
    });
    port_ = server_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    for (int i = 0; i < 500 && !server_.is_running(); ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
  }

  ~FixtureServer() {
    stopping_ = true;
    server_.stop();
    thread_.join();
  }

  FixtureServer(const FixtureServer&) = delete;
  FixtureServer& operator=(const FixtureServer&) = delete;

  void Set(const std::string& path, Route route) {
    std::lock_guard<std::mutex> lock(mu_);
    routes_[path] = std::move(route);
  }
  void SetReloadStatus(int status) {
    std::lock_guard<std::mutex> lock(mu_);
    reload_status_ = status;
  }

  std::string Base() const { return "http://127.0.0.1:" + std::to_string(port_); }
  std::string Url(const std::string& path) const { return Base() + path; }

  int Hits(const std::string& path) {
    std::lock_guard<std::mutex> lock(mu_);
    return hits_[path];
  }
  std::string LastIfNoneMatch() {
    std::lock_guard<std::mutex> lock(mu_);
    return last_if_none_match_;
  }
  int Reloads() {
    std::lock_guard<std::mutex> lock(mu_);
    return reloads_;
  }
  std::string LastAuthorization() {
    std::lock_guard<std::mutex> lock(mu_);
    return last_authorization_;
  }

 private:
  void Serve(const httplib::Request& req, httplib::Response& res) {
    Route route;
    {
      std::lock_guard<std::mutex> lock(mu_);
      ++hits_[req.path];
      last_if_none_match_ = req.get_header_value("If-None-Match");
      auto it = routes_.find(req.path);
      if (it == routes_.end()) {
        res.status = 404;
        return;
      }
      route = it->second;
    }
    for (int waited = 0; waited < route.delay_ms_ && !stopping_; waited += 10) {
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    if (!route.etag_.empty()) {
      res.set_header("ETag", route.etag_);
      if (req.get_header_value("If-None-Match") == route.etag_) {
        res.status = 304;
        return;
      }
    }
    if (!route.last_modified_.empty()) {
      res.set_header("Last-Modified", route.last_modified_);
      if (route.etag_.empty() &&
          req.get_header_value("If-Modified-Since") == route.last_modified_) {
        res.status = 304;
        return;
      }
    }
    res.status = route.status_;
    if (!route.location_.empty()) {
      res.set_header("Location", Url(route.location_));
      return;
    }
    if (route.truncate_) {
      std::string body = route.body_;
      res.set_content_provider(body.size(), "application/octet-stream",
                               [body](size_t offset, size_t, httplib::DataSink& sink) {
                                 if (offset > 0) return false;  // drop the connection
                                 sink.write(body.data(), body.size() / 2);
                                 return true;
                               });
      return;
    }
    res.set_content(route.body_, "application/octet-stream");
  }

  httplib::Server server_;
  std::thread thread_;
  int port_ = 0;
  std::atomic<bool> stopping_{false};
  std::mutex mu_;
  std::map<std::string, Route> routes_;
  std::map<std::string, int> hits_;
  std::string last_if_none_match_;
  int reload_status_ = 200;
  int reloads_ = 0;
  std::string last_authorization_;
};

}  // namespace tamiz::testing_support
