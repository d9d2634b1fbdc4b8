// Scripted failures: per API endpoint, a queue of faults; each applies to the next `count` requests of
// its endpoint (-1: until cleared), then disappears and the next queued fault for that endpoint applies.
// Thread-safe. How each kind is carried out lives in sandbox_server.cpp and api_replies.cpp.
#pragma once

#include <nlohmann/json.hpp>

#include <deque>
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
    order_status,     // save: committed and answered with this orderStatus (other endpoints: no effect)
};

struct Fault {
    std::string endpoint; // one of kEndpointNames
    FaultKind kind = FaultKind::http_status;
    int count = 1;
    int status = 0;
    std::string code;
    std::string detail_message;
    std::optional<std::string> body;         // http_status only
    std::optional<std::string> content_type; // http_status only; unset: text/plain
    int delay_ms = 0;
    std::string order_status;
    // save only, kinds http_status, api_error, malformed, html, delay: the order is committed first, as a
    // normal save, and then the fault's reply is sent (delay: the normal reply, delay_ms late). It stands
    // for an API that committed and then failed or was slow to answer.
    bool commit = false;
};

// Parses {"endpoint", "kind", "count", ...}; on error returns nullopt and sets `error`.
std::optional<Fault> parse_fault(const nlohmann::json& spec, std::string& error);
nlohmann::json to_json(const Fault& fault);

class FaultPlan {
  public:
    void add(Fault fault);
    // The fault that applies to this request of `endpoint`, consuming one use of it.
    std::optional<Fault> take(const std::string& endpoint);
    void clear();
    nlohmann::json list() const;

  private:
    mutable std::mutex mutex_;
    std::map<std::string, std::deque<Fault>> queues_;
};

} // namespace sandbox
