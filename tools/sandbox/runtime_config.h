// The settings GET/POST /__sandbox/config read and change while the sandbox runs:
// {"latency_ms": N, "token_lifetime_s": N, "orderSort": "newest"|"oldest", "orderTimeUnit": "ms"|"s"}.
#pragma once

#include "sandbox_state.h"

#include <nlohmann/json.hpp>

#include <string>

namespace sandbox {

nlohmann::json config_of(const SandboxState& state);

// Applies the members `spec` has (all or nothing; unknown members are ignored). On a bad value returns
// false, sets `error` and changes nothing.
bool apply_config(const nlohmann::json& spec, SandboxState& state, std::string& error);

} // namespace sandbox
