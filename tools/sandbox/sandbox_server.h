// renewdesk-sandbox: a local stand-in of the Yeastar Partner Portal OpenAPI for demos, training and tests.
// Written from the API document only (it never uses the client's code): raw JSON, fixture files, the
// documented envelope, token checks, order validation, an order log and per-endpoint fault injection.
// Usage: SandboxServer server({}); int port = server.start(); ... server.base_url() ...; server.stop();
#pragma once

#include "tools/sandbox/order_presentation.h"

#include <memory>
#include <optional>
#include <string>

namespace sandbox {

struct SandboxOptions {
    std::string host = "127.0.0.1";
    int port = 0;            // 0 = pick a free port
    int latency_ms = 0;      // added to every API reply
    int generated_users = 0; // extra subordinate users appended to the fixture ones
    int token_lifetime_s = 1800;
    std::string fixtures_dir; // empty = default_fixtures_dir()
    std::string serve_dir;    // non-empty: serve these static files at "/" (index.html, .js, .wasm with
                              // application/wasm)
    bool cors = false;        // permissive CORS headers, OFF by default (the real API sends none)
    bool log_requests = true; // one line per request on stderr (method, path, status, ms; nothing secret)
    // One request per connection. For pages served straight from the sandbox: a browser silently
    // re-sends a request, POSTs included, when a reused keep-alive connection closes without a byte
    // of reply, which is what the drop faults do. A real deployment has a proxy in front that answers
    // 502/504 instead of dropping a connection, so the browser never sees that case.
    bool one_request_per_connection = false;
    OrderSort order_sort = OrderSort::newest; // the order list's order (by creation time)
    TimeUnit order_time_unit = TimeUnit::ms;  // unit of the orders' createTime
    // Set: every API request must carry exactly this User-Agent, or it is refused with 400
    // invalid_user_agent before anything else happens. Unset: a User-Agent must only be present.
    std::optional<std::string> required_user_agent;
};

// With one_request_per_connection: how long a connection may stay open before its first request, as
// nginx's client_header_timeout (60 s). stop() waits for such a connection up to this long.
inline constexpr int kFirstRequestWaitSeconds = 60;

class SandboxServer {
  public:
    explicit SandboxServer(SandboxOptions options);
    ~SandboxServer(); // stops
    SandboxServer(const SandboxServer&) = delete;
    SandboxServer& operator=(const SandboxServer&) = delete;

    // Loads the fixtures, binds, serves on a background thread and returns the port.
    // Throws std::runtime_error on failure. A server starts once (no restart after stop()).
    // Sets SIGPIPE to ignored for the process: a client hanging up must not kill the server.
    int start();
    void stop();                  // waits for the connections being served (see kFirstRequestWaitSeconds)
    std::string base_url() const; // "http://127.0.0.1:PORT"

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace sandbox
