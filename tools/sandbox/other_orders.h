// Another operator's orders on the same account: a colleague in the Partner Portal, or a script, orders
// Remote Management for the partner or one of its users while RenewDesk works. They are listed and
// detailed like a posted order but are never in the order log (GET /__sandbox/orders): RenewDesk did not
// place them. Made by POST /__sandbox/other_orders and by a save fault's "other_order".
// The spec: {"partnerId": "" (absent or "": the partner itself), "billingId": (default: the fixtures'
// first contact), "planId": (default: the first plan of product 15), "poNumber": (default none),
// "offsetMs": createTime relative to a base time on the API clock (default 0), "orderStatus": any text
// (default "succeed")}; the ids must be the fixtures' (the same account's users, contacts and plans).
#pragma once

#include "tools/sandbox/order_validation.h"
#include "tools/sandbox/sandbox_state.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>

namespace sandbox {

struct OtherOrder {
    ValidatedOrder order;
    std::int64_t offset_ms = 0;
    std::string order_status = "succeed";
};

// On a bad spec returns nullopt and sets `error`.
std::optional<OtherOrder> parse_other_order(const nlohmann::json& spec, const Fixtures& fixtures,
                                            std::string& error);

// Stores it with createTime `base_ms` + its offset (API clock, Unix epoch ms).
StoredOrder place_other_order(const OtherOrder& other, std::int64_t base_ms, SandboxState& state);

// What the control endpoints show of one: {"orderId", "orderNo", "partnerId", "billingId", "planId",
// "poNumber", "orderStatus", "createTimeMs"}.
nlohmann::json other_order_entry(const StoredOrder& order);

} // namespace sandbox
