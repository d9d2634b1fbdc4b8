// The settings GET/POST /__sandbox/config read and change while the sandbox runs:
// {"latency_ms": N, "token_lifetime_s": N, "orderSort": "newest"|"oldest",
//  "orderTimeUnit": "ms"|"s"|"s_string"|"ms_string"|"date_text"|"missing"|"out_of_range",
//  "clockOffsetMs": N (may be negative: the API's clock runs that far ahead of or behind the real one),
//  "echoReference": true|false (whether the order queries show an order's poNumber as customReferenceNo)}.
#pragma once

#include "tools/sandbox/sandbox_state.h"

#include <nlohmann/json.hpp>

#include <string>

namespace sandbox {

nlohmann::json config_of(const SandboxState& state);

// Applies the members `spec` has (all or nothing; unknown members are ignored). On a bad value returns
// false, sets `error` and changes nothing.
bool apply_config(const nlohmann::json& spec, SandboxState& state, std::string& error);

// Puts every setting back to what it was when the server started (state.config_defaults).
void restore_config_defaults(SandboxState& state);

} // namespace sandbox
