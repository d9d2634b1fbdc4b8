// The test/control endpoints under /__sandbox/ (no auth, plain JSON, no envelope): the order log,
// reset, fault injection, token expiry, runtime settings, earlier orders, other operators' orders and
// the demo credentials.
#pragma once

#include "tools/sandbox/sandbox_state.h"

#include <httplib.h>
#include <nlohmann/json.hpp>

namespace sandbox {

inline constexpr const char* kControlPrefix = "/__sandbox/";
// Every control endpoint with its methods, for messages and the start-up banner.
inline constexpr const char* kControlEndpoints =
    "GET /__sandbox/info | GET /__sandbox/orders | POST /__sandbox/reset | GET/POST/DELETE /__sandbox/faults"
    " | POST /__sandbox/expire_tokens | GET/POST /__sandbox/config | POST /__sandbox/seed_orders"
    " | GET/POST /__sandbox/other_orders | POST /__sandbox/release";

struct ControlReply {
    int status = 200;
    nlohmann::json body;
};

// `request.path` starts with kControlPrefix.
ControlReply handle_control(const httplib::Request& request, SandboxState& state);

} // namespace sandbox
