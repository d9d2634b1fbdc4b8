// Scripted failures: per API endpoint, a queue of faults; each applies to the next `count` requests of
// its endpoint (-1: until cleared), then disappears and the next queued fault for that endpoint applies.
// A fault with "nth": N starts at the Nth request of its endpoint from when it was added.
// Thread-safe. How each kind is carried out lives in sandbox_server.cpp, api_replies.cpp (replies of
// their own), reply_faults.cpp (the normal reply, reshaped) and late_commit.cpp.
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>

namespace sandbox {

enum class FaultKind {
    http_status, // that HTTP status, plain-text body (or "body" with "content_type"), no envelope
    api_error,   // a proper error envelope with the given status/code/detailMessage
    malformed,   // 200, body that is not JSON
    truncated,   // processed normally (a save IS committed), then only the first half of the body is sent
    html,        // 502 (or "status") HTML error page
    delay,       // sleep delay_ms, then answer normally
    drop,        // close the connection without sending a byte; nothing is processed or committed
    commit_then_drop, // processed normally (a save IS committed), then the connection is closed, no reply
    late_commit,      // save: the connection is closed at once, no reply, nothing committed; the order is
                      // committed delay_ms later (late_commit.h)
    order_status,     // save: committed and answered with this orderStatus (other endpoints: no effect)
    rate_limited,     // 429 (or "status") with Retry-After: retry_after_s and an error envelope; nothing
                      // processed
    redirect,         // 302 (or another 3xx "status") to `location`; nothing processed
    refresh_refused,  // token only: a refresh_token grant is refused with 401 invalid_refresh_token (an
                      // expired refresh token); any other grant is answered normally and uses up nothing
    // The normal reply, reshaped (reply_faults.cpp); the request is processed first (a save IS committed):
    trickle,            // sent one byte at a time, spread over delay_ms
    huge_body,          // padded to `bytes` (default 50 MB) and streamed; "chunked": no Content-Length
    wrong_content_type, // served as `content_type` (default text/html)
    reset_mid_body,     // headers and the first half of the body, then a TCP reset (RST)
    invalid_utf8,       // names (and detailMessage) carry bytes that are not UTF-8
    duplicate_keys,     // every id member (and requestId) repeated in its object with another value
    odd_numbers,        // every id member written as the JSON number `number` (1e3, -0, 2^64...)
};

struct Fault {
    std::string endpoint; // one of kEndpointNames
    FaultKind kind = FaultKind::http_status;
    int count = 1;
    // 1: the next request of its endpoint. N: the Nth one counted from when the fault was added (the
    // N-1 before it go by as if it were not there, and it holds back no fault queued behind it); e.g.
    // {"endpoint":"save","kind":"drop","nth":23} drops the 23rd order POST from now.
    int nth = 1;
    int status = 0;
    std::string code;
    std::string detail_message;
    std::optional<std::string> body;         // http_status only
    std::optional<std::string> content_type; // http_status (unset: text/plain), wrong_content_type
    int delay_ms = 0;           // delay; trickle: the whole reply's duration; late_commit: until the commit
    std::string order_status;   // order_status (default pending), late_commit (default succeed)
    int retry_after_s = 30;     // rate_limited: the Retry-After header (-1: none)
    std::string location;       // redirect: the Location header ("" = http://other-host.invalid<path>)
    std::uint64_t bytes = 0;    // huge_body: the whole body's size
    bool chunked = false;       // huge_body: chunked transfer encoding instead of a Content-Length
    std::string number = "1e3"; // odd_numbers: the JSON number text written for every id
    // save only, kinds http_status, api_error, malformed, html, delay, rate_limited, redirect: the order
    // is committed first, as a normal save, and then the fault's reply is sent (delay: the normal reply,
    // delay_ms late). It stands for an API that committed and then failed or was slow to answer.
    bool commit = false;
    // delay only: the reply waits until POST /__sandbox/release (or reset), delay_ms at the longest.
    bool until_released = false;
    // save only, any kind: another operator's order (other_orders.h spec) stored when this fault is
    // used, offsetMs counted from the faulted request's arrival on the API's clock. It stands for a
    // colleague ordering on the same account at about the same time. Checked against the fixtures when
    // the fault is added.
    std::optional<nlohmann::json> other_order;
};

// Parses {"endpoint", "kind", "count", ...}; on error returns nullopt and sets `error`.
std::optional<Fault> parse_fault(const nlohmann::json& spec, std::string& error);
nlohmann::json to_json(const Fault& fault);
const char* kind_name(FaultKind kind);

class FaultPlan {
  public:
    void add(Fault fault);
    // The fault that applies to this request of `endpoint`, consuming one use of it. A fault for which
    // `applies` (when given) says false is not used up and does not apply.
    std::optional<Fault> take(const std::string& endpoint,
                              const std::function<bool(const Fault&)>& applies = nullptr);
    void clear();
    nlohmann::json list() const;

  private:
    mutable std::mutex mutex_;
    std::map<std::string, std::deque<Fault>> queues_;
};

} // namespace sandbox
