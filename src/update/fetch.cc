#include "update/fetch.h"

#include <curl/curl.h>
#include <fmt/format.h>

#include <memory>
#include <mutex>
#include <string_view>

namespace tamiz::update {

namespace {

void GlobalInit() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

struct CurlDeleter {
  void operator()(CURL* c) const { curl_easy_cleanup(c); }
};
struct SlistDeleter {
  void operator()(curl_slist* l) const { curl_slist_free_all(l); }
};

struct Transfer {
  std::string body;
  size_t max_bytes = 0;
  bool too_big = false;
  std::string etag;
  std::string last_modified;
};

size_t OnBody(char* data, size_t size, size_t count, void* user) {
  auto* t = static_cast<Transfer*>(user);
  size_t n = size * count;
  if (t->body.size() + n > t->max_bytes) {
    t->too_big = true;
    return 0;  // aborts the transfer with CURLE_WRITE_ERROR
  }
  t->body.append(data, n);
  return n;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() &&
         (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n')) {
    s.remove_suffix(1);
  }
  return s;
}

bool HeaderIs(std::string_view line, std::string_view name) {
  if (line.size() <= name.size() || line[name.size()] != ':') return false;
  for (size_t i = 0; i < name.size(); ++i) {
    char a = line[i];
    if (a >= 'A' && a <= 'Z') a = static_cast<char>(a - 'A' + 'a');
    if (a != name[i]) return false;
  }
  return true;
}

size_t OnHeader(char* data, size_t size, size_t count, void* user) {
  auto* t = static_cast<Transfer*>(user);
  size_t n = size * count;
  std::string_view line(data, n);
  if (line.rfind("HTTP/", 0) == 0) {  // a new response (after a redirect): forget the last
    t->etag.clear();
    t->last_modified.clear();
  } else if (HeaderIs(line, "etag")) {
    t->etag = std::string(Trim(line.substr(5)));
  } else if (HeaderIs(line, "last-modified")) {
    t->last_modified = std::string(Trim(line.substr(14)));
  }
  return n;
}

std::string CurlError(CURLcode code, const char* detail) {
  if (detail != nullptr && *detail != '\0') return detail;
  return curl_easy_strerror(code);
}

// Options shared by every transfer.
void SetCommon(CURL* c, const std::string& url, long connect_timeout_ms, long timeout_ms,
               bool allow_http) {
  const char* protocols = allow_http ? "http,https" : "https";
  curl_easy_setopt(c, CURLOPT_URL, url.c_str());
  curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, protocols);
  curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS_STR, protocols);
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, connect_timeout_ms);
  curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, timeout_ms);
}

}  // namespace

Result<FetchResponse> Fetch(const FetchRequest& request) {
  GlobalInit();
  std::unique_ptr<CURL, CurlDeleter> curl(curl_easy_init());
  if (!curl) return Status::Internal("curl_easy_init failed");
  CURL* c = curl.get();
  Transfer t;
  t.max_bytes = request.max_bytes;
  char error[CURL_ERROR_SIZE] = {0};
  SetCommon(c, request.url, request.connect_timeout_ms, request.timeout_ms, request.allow_http);
  curl_easy_setopt(c, CURLOPT_ERRORBUFFER, error);
  curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, request.max_redirects > 0 ? 1L : 0L);
  curl_easy_setopt(c, CURLOPT_MAXREDIRS, request.max_redirects);
  curl_easy_setopt(c, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(request.max_bytes));
  curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "");  // gzip/deflate; the cap counts decoded bytes
  curl_easy_setopt(c, CURLOPT_USERAGENT, request.user_agent.c_str());
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, OnBody);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, &t);
  curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, OnHeader);
  curl_easy_setopt(c, CURLOPT_HEADERDATA, &t);
  curl_slist* raw_headers = nullptr;
  if (!request.etag.empty()) {
    raw_headers = curl_slist_append(raw_headers, ("If-None-Match: " + request.etag).c_str());
  }
  if (!request.last_modified.empty()) {
    raw_headers =
        curl_slist_append(raw_headers, ("If-Modified-Since: " + request.last_modified).c_str());
  }
  std::unique_ptr<curl_slist, SlistDeleter> headers(raw_headers);
  if (headers) curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers.get());

  CURLcode rc = curl_easy_perform(c);
  if (t.too_big || rc == CURLE_FILESIZE_EXCEEDED) {
    return Status::Unavailable(fmt::format("{}: larger than the cap of {} bytes (max_bytes)",
                                           request.url, request.max_bytes));
  }
  if (rc == CURLE_OPERATION_TIMEDOUT) {
    return Status::Unavailable(
        fmt::format("{}: timed out ({})", request.url, CurlError(rc, error)));
  }
  if (rc == CURLE_PARTIAL_FILE) {
    return Status::Unavailable(
        fmt::format("{}: truncated transfer ({})", request.url, CurlError(rc, error)));
  }
  if (rc != CURLE_OK) {
    return Status::Unavailable(fmt::format("{}: {}", request.url, CurlError(rc, error)));
  }
  FetchResponse r;
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &r.http_status);
  r.etag = std::move(t.etag);
  r.last_modified = std::move(t.last_modified);
  if (r.http_status == 304) {
    r.not_modified = true;
    return r;
  }
  if (r.http_status < 200 || r.http_status > 299) {
    return Status::Unavailable(fmt::format("{}: HTTP {}", request.url, r.http_status));
  }
  r.body = std::move(t.body);
  return r;
}

Status PostWithBearer(const std::string& url, const std::string& api_key, long timeout_ms,
                      bool allow_http) {
  GlobalInit();
  std::unique_ptr<CURL, CurlDeleter> curl(curl_easy_init());
  if (!curl) return Status::Internal("curl_easy_init failed");
  CURL* c = curl.get();
  Transfer t;
  t.max_bytes = 1 << 20;
  char error[CURL_ERROR_SIZE] = {0};
  SetCommon(c, url, timeout_ms, timeout_ms, allow_http);
  curl_easy_setopt(c, CURLOPT_ERRORBUFFER, error);
  curl_easy_setopt(c, CURLOPT_POST, 1L);
  curl_easy_setopt(c, CURLOPT_POSTFIELDS, "");
  curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE, 0L);
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, OnBody);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, &t);
  curl_slist* raw_headers = nullptr;
  if (!api_key.empty()) {
    raw_headers = curl_slist_append(raw_headers, ("Authorization: Bearer " + api_key).c_str());
  }
  std::unique_ptr<curl_slist, SlistDeleter> headers(raw_headers);
  if (headers) curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers.get());
  CURLcode rc = curl_easy_perform(c);
  if (rc != CURLE_OK) {
    return Status::Unavailable(fmt::format("{}: {}", url, CurlError(rc, error)));
  }
  long status = 0;
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
  if (status < 200 || status > 299) {
    return Status::Unavailable(fmt::format("{}: HTTP {}", url, status));
  }
  return Status::Ok();
}

}  // namespace tamiz::update
