// Decoders from an envelope's `result` (already unwrapped) to the models. Tolerant where the docs
// are unsure (lists may come bare, as one object, or inside a paging wrapper), strict where money
// depends on it (ids must be exact 64-bit integers). nlohmann exceptions never leave this layer.
#pragma once

#include "core/json.h"
#include "core/models.h"
#include "core/result.h"

namespace rd {

Result<TokenGrant> decode_token(const Json& result);
Result<PlanCatalog> decode_plan_catalog(const Json& result);

// The lists of people: an entry that cannot be used (not an object, no usable id) is skipped, not
// fatal, so one bad record never hides all the others; each skipped entry's raw JSON text (cut to
// about 300 bytes) goes to *skipped when given. Only a `result` of the wrong shape fails the list.
// Function objects rather than functions: the flow passes them by name as one-argument decoders,
// which a function with a defaulted second parameter could not be.
struct DecodeSubordinateUsers {
    Result<std::vector<SubordinateUser>> operator()(const Json& result,
                                                    std::vector<std::string>* skipped = nullptr) const;
};
struct DecodeBillingContacts {
    Result<std::vector<BillingContact>> operator()(const Json& result,
                                                   std::vector<std::string>* skipped = nullptr) const;
};
inline constexpr DecodeSubordinateUsers decode_subordinate_users{};
inline constexpr DecodeBillingContacts decode_billing_contacts{};
// Never fails: once the API said "success" the order exists, whatever the receipt looks like.
OrderReceipt decode_order_receipt(const Json& result);
Result<OrderPage> decode_order_page(const Json& result);

} // namespace rd
