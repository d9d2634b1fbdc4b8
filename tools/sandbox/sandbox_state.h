// Everything the sandbox's endpoints share: the fixture data and the required User-Agent (read-only after
// start), tokens, posted and seeded orders, scripted faults and the settings that can change at runtime.
// Each part guards itself.
#pragma once

#include "tools/sandbox/delayed_tasks.h"
#include "tools/sandbox/fault_plan.h"
#include "tools/sandbox/fixture_data.h"
#include "tools/sandbox/order_presentation.h"
#include "tools/sandbox/order_store.h"
#include "tools/sandbox/reply_gate.h"
#include "tools/sandbox/server_clock.h"
#include "tools/sandbox/token_store.h"

#include <atomic>
#include <optional>
#include <string>

namespace sandbox {

inline constexpr const char* kDemoClientId = "demo-client-id";
inline constexpr const char* kDemoClientSecret = "demo-client-secret";

struct SandboxState {
    Fixtures fixtures;
    std::optional<std::string> required_user_agent; // set: the only User-Agent API requests may carry
    TokenStore tokens;
    OrderStore orders;
    FaultPlan faults;
    std::atomic<int> latency_ms{0};
    std::atomic<int> token_lifetime_s{1800};
    std::atomic<OrderSort> order_sort{OrderSort::newest};
    std::atomic<TimeUnit> order_time_unit{TimeUnit::ms};
    ServerClock clock;                      // the API's clock: real now + clockOffsetMs
    std::atomic<bool> echo_reference{true}; // the order queries show poNumber as customReferenceNo
    ReplyGate held_replies;                 // "delay" faults with until_released wait here
    nlohmann::json config_defaults;         // the config at start-up, which /__sandbox/reset restores
    // Last, so it is destroyed first: its thread stops before the state its tasks use goes away.
    DelayedTasks late_commits;
};

} // namespace sandbox
