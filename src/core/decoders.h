// Decoders from an envelope's `result` (already unwrapped) to the models. Tolerant where the docs
// are unsure (lists may come bare, as one object, or inside a paging wrapper), strict where money
// depends on it (ids must be exact 64-bit integers). nlohmann exceptions never leave this layer.
#pragma once

#include "models.h"
#include "result.h"

#include <nlohmann/json.hpp>

namespace rd {

Result<TokenGrant> decode_token(const nlohmann::json& result);
Result<std::vector<SubordinateUser>> decode_subordinate_users(const nlohmann::json& result);
Result<PlanCatalog> decode_plan_catalog(const nlohmann::json& result);
Result<std::vector<BillingContact>> decode_billing_contacts(const nlohmann::json& result);
// Never fails: once the API said "success" the order exists, whatever the receipt looks like.
OrderReceipt decode_order_receipt(const nlohmann::json& result);
Result<OrderPage> decode_order_page(const nlohmann::json& result);

// Index of the plan to preselect: the one named "Remote Management Account" (exactly, then as part
// of the name, case-insensitively), else none.
std::optional<std::size_t> preferred_plan_index(const std::vector<Plan>& plans);

} // namespace rd
