#include "tools/sandbox/other_orders.h"

#include "tools/sandbox/json_ids.h"

namespace sandbox {

namespace {

using nlohmann::json;

constexpr std::int64_t kMaxOffsetMs = 10LL * 366 * 24 * 3600 * 1000; // about ten years either way

// An optional string member; false (with `error`) when present but not a string.
bool read_text(const json& spec, const char* name, std::optional<std::string>& out, std::string& error) {
    if (!spec.contains(name)) return true;
    if (!spec[name].is_string()) {
        error = std::string("other order: ") + name + " must be a string";
        return false;
    }
    out = spec[name].get<std::string>();
    return true;
}

} // namespace

std::optional<OtherOrder> parse_other_order(const json& spec, const Fixtures& fixtures, std::string& error) {
    if (!spec.is_object()) {
        error = "an other order must be a JSON object";
        return std::nullopt;
    }
    OtherOrder other;
    other.order = typical_renewal(fixtures);
    std::optional<std::string> partner, billing, plan, po, status;
    for (const auto& [name, out] :
         {std::pair{"partnerId", &partner}, std::pair{"billingId", &billing}, std::pair{"planId", &plan},
          std::pair{"poNumber", &po}, std::pair{"orderStatus", &status}})
        if (!read_text(spec, name, *out, error)) return std::nullopt;
    if (partner && !partner->empty()) {
        if (!find_user(fixtures, *partner)) {
            error = "other order: partnerId " + *partner + " is not a subordinate user";
            return std::nullopt;
        }
        other.order.partner_id = *partner;
    }
    if (billing) {
        if (!find_billing_contact(fixtures, *billing)) {
            error = "other order: billingId " + *billing + " is not a billing contact";
            return std::nullopt;
        }
        other.order.billing_id = *billing;
    }
    if (plan) {
        if (!is_digit_string(*plan) || !find_renewal_plan(fixtures, *plan)) {
            error = "other order: planId " + *plan + " is not a plan of product 15";
            return std::nullopt;
        }
        other.order.plan_id = *plan;
    }
    if (po) other.order.po_number = *po;
    if (status) other.order_status = *status;
    if (spec.contains("offsetMs")) {
        const json& offset = spec["offsetMs"];
        if (!offset.is_number_integer() || offset.get<std::int64_t>() < -kMaxOffsetMs ||
            offset.get<std::int64_t>() > kMaxOffsetMs) {
            error = "other order: offsetMs must be an integer from " + std::to_string(-kMaxOffsetMs) +
                    " to " + std::to_string(kMaxOffsetMs);
            return std::nullopt;
        }
        other.offset_ms = offset.get<std::int64_t>();
    }
    return other;
}

StoredOrder place_other_order(const OtherOrder& other, std::int64_t base_ms, SandboxState& state) {
    return state.orders.add_other(other.order, state.fixtures, other.order_status, base_ms + other.offset_ms);
}

json other_order_entry(const StoredOrder& order) {
    const json& basic = order.details["basicInformation"];
    return {{"orderId", order.result["orderId"]},
            {"orderNo", order.result["orderNo"]},
            {"partnerId", basic["partnerId"]},
            {"billingId", order.details["billingInformation"].value("billingContactId", "")},
            {"planId", basic["planId"]},
            {"poNumber", order.order_info["customReferenceNo"]},
            {"orderStatus", order.result["orderStatus"]},
            {"createTimeMs", order.created_at_ms}};
}

} // namespace sandbox
