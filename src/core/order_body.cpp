#include "core/order_body.h"

#include "core/json.h"

namespace rd {

std::string renewal_order_body(const RenewalOrder& order) {
    Json body;
    body["operationType"] = "renew_plan";
    body["productId"] = remote_management_product_id;
    if (order.partner_id) body["partnerId"] = *order.partner_id;
    body["billingId"] = order.billing_id.value;
    if (!order.po_number.empty()) body["poNumber"] = order.po_number; // where the API reference lists it
    Json service;
    service["serviceType"] = "plan";
    service["serviceId"] = order.plan_id.value;
    service["purchaseType"] = "renew";
    service["billingModel"] = "recurring";
    service["billingCycle"] = "annually";
    service["multiCycle"] = 1;
    body["serviceList"] = Json::array({service});
    return body.dump(2, ' ', false, Json::error_handler_t::replace);
}

} // namespace rd
