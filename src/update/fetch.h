// HTTP(S) transfers for `tamiz update`, on libcurl: bounded (connect and total timeouts, a
// byte cap that aborts the transfer, a redirect limit, allowed protocols) and conditional
// (ETag / Last-Modified). Thread-safe: every call uses its own curl handle.
#pragma once

#include <cstddef>
#include <string>

#include "tamiz/status.h"

namespace tamiz::update {

struct FetchRequest {
  std::string url;
  std::string etag;           // sent as If-None-Match when not empty
  std::string last_modified;  // sent as If-Modified-Since when not empty
  size_t max_bytes = size_t{256} << 20;
  long connect_timeout_ms = 30'000;
  long timeout_ms = 600'000;
  long max_redirects = 5;
  bool allow_http = false;
  std::string user_agent = "tamiz-update";
};

struct FetchResponse {
  long http_status = 0;
  bool not_modified = false;  // 304: the caller's copy is current; body is empty
  std::string body;
  std::string etag;           // of the response, "" when the server sent none
  std::string last_modified;  // of the response, "" when the server sent none
};

// Fetches `request.url`. kUnavailable, naming the URL and the reason, on a network error, a
// timeout, a truncated body, a body over max_bytes, or an HTTP status other than 2xx/304.
Result<FetchResponse> Fetch(const FetchRequest& request);

// POSTs an empty body to `url` with "Authorization: Bearer <api_key>" (when not empty);
// kUnavailable unless the server answers 2xx.
Status PostWithBearer(const std::string& url, const std::string& api_key, long timeout_ms,
                      bool allow_http);

}  // namespace tamiz::update
