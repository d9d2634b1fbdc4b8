// Writing replies onto an httplib response: the API's envelope with its content type, and the replies
// the fault kinds that stand in for a broken API or proxy send (plain HTTP status, error envelope,
// malformed body, HTML error page, rate limit, redirect, refused refresh token).
#pragma once

#include "tools/sandbox/fault_plan.h"
#include "tools/sandbox/reply_envelope.h"

#include <httplib.h>

#include <cstdint>

namespace sandbox {

// API replies carry a charset, as Java API servers' replies do. It also keeps httplib 0.11 from
// compressing them: it compresses only the exact type "application/json", preferring brotli at its
// slowest setting (12 s for a 10,000-user list).
inline constexpr const char* kApiContentType = "application/json;charset=UTF-8";

const char* reason_phrase(int status); // "Gateway Timeout" for 504, "Error" when not known

void write_reply(httplib::Response& response, const ApiReply& reply);

// Sets the one Date header of a reply (httplib 0.11 sends none): `api_now_ms` as an RFC 7231 IMF-fixdate.
// A real API server stamps every reply with its own clock; a client can measure that clock with it.
void set_date_header(httplib::Response& response, std::int64_t api_now_ms);

// Where a redirect fault sends the client: its `location`, else http://other-host.invalid + `path`.
std::string redirect_location(const Fault& fault, const std::string& path);

// The reply of a fault of kind http_status, api_error, malformed, html, rate_limited, redirect or
// refresh_refused (marked X-Sandbox-Fault); `path` is the request's. Other kinds send no reply of their
// own: nothing is written.
void write_fault_reply(httplib::Response& response, const Fault& fault, const std::string& path);

} // namespace sandbox
