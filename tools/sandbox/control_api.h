// The test/control endpoints under /__sandbox/ (no auth, plain JSON, no envelope): the order log,
// reset, fault injection, token expiry, runtime settings and the demo credentials.
#pragma once

#include "sandbox_state.h"

#include <httplib.h>
#include <nlohmann/json.hpp>

namespace sandbox {

inline constexpr const char* kControlPrefix = "/__sandbox/";

struct ControlReply {
    int status = 200;
    nlohmann::json body;
};

// `request.path` starts with kControlPrefix.
ControlReply handle_control(const httplib::Request& request, SandboxState& state);

} // namespace sandbox
