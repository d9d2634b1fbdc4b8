#include "core/order_body.h"

#include <nlohmann/json.hpp>

namespace rd {

std::string renewal_order_body(const RenewalOrder& order) {
    nlohmann::ordered_json body;
    body["operationType"] = "renew_plan";
    body["productId"] = remote_management_product_id;
    if (order.partner_id) body["partnerId"] = *order.partner_id;
    body["billingId"] = order.billing_id.value;
    if (!order.po_number.empty()) body["poNumber"] = order.po_number; // where the API reference lists it
    nlohmann::ordered_json service;
    service["serviceType"] = "plan";
    service["serviceId"] = order.plan_id.value;
    service["purchaseType"] = "renew";
    service["billingModel"] = "recurring";
    service["billingCycle"] = "annually";
    service["multiCycle"] = 1;
    body["serviceList"] = nlohmann::ordered_json::array({service});
    return body.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
}

} // namespace rd
