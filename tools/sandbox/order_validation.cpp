#include "tools/sandbox/order_validation.h"

#include "tools/sandbox/json_ids.h"

namespace sandbox {

namespace {

using nlohmann::json;
using Result = std::variant<ValidatedOrder, ValidationError>;

ValidationError missing(const std::string& field) {
    return {field, "required", field + " is required"};
}

// A member that must be exactly this string.
std::optional<ValidationError> expect_string(const json& object, const std::string& name,
                                             const std::string& prefix, const std::string& expected) {
    const std::string field = prefix + name;
    if (!object.contains(name)) return missing(field);
    if (!object[name].is_string()) return ValidationError{field, "type", field + " must be a string"};
    if (object[name].get_ref<const std::string&>() != expected)
        return ValidationError{field, "eq",
                               field + " must be \"" + expected + "\" for a Remote Management renewal"};
    return std::nullopt;
}

// A member that must be exactly this JSON integer (a float or a string is a type error).
std::optional<ValidationError> expect_integer(const json& object, const std::string& name,
                                              const std::string& prefix, const std::string& expected_digits) {
    const std::string field = prefix + name;
    if (!object.contains(name)) return missing(field);
    const auto digits = integer_digits(object[name]);
    if (!digits) return ValidationError{field, "type", field + " must be a JSON integer"};
    if (*digits != expected_digits)
        return ValidationError{field, "eq",
                               field + " must be " + expected_digits + " for a Remote Management renewal"};
    return std::nullopt;
}

// The subordinate user: partnerId (tutorials) or assignId (reference page), string or integer.
std::variant<std::optional<std::string>, ValidationError> read_partner(const json& body,
                                                                       const Fixtures& fixtures) {
    std::optional<std::string> chosen;
    for (const char* name : {"partnerId", "assignId"}) {
        if (!body.contains(name) || body[name].is_null()) continue;
        const json& value = body[name];
        std::string id;
        if (value.is_string()) {
            id = value.get<std::string>();
        } else if (const auto digits = integer_digits(value)) {
            id = *digits;
        } else {
            return ValidationError{name, "type", std::string(name) + " must be a string or an integer"};
        }
        if (!find_user(fixtures, id))
            return ValidationError{
                name, "exists", std::string(name) + " \"" + id + "\" is not one of your subordinate users"};
        if (chosen && *chosen != id)
            return ValidationError{name, "eqfield", "partnerId and assignId name different users"};
        chosen = id;
    }
    return chosen;
}

} // namespace

Result validate_renewal_order(const json& body, const Fixtures& fixtures) {
    if (!body.is_object()) return ValidationError{"body", "type", "the request body must be a JSON object"};
    if (auto error = expect_string(body, "operationType", "", "renew_plan")) return *error;
    if (auto error = expect_integer(body, "productId", "", "15")) return *error;

    ValidatedOrder order;
    if (!body.contains("billingId")) return missing("billingId");
    const auto billing = id_digits(body["billingId"]);
    if (!billing)
        return ValidationError{"billingId", "type", "billingId must be an integer (or its decimal digits)"};
    if (!find_billing_contact(fixtures, *billing))
        return ValidationError{"billingId", "exists",
                               "billingId " + *billing + " is not one of your billing contacts"};
    order.billing_id = *billing;

    auto partner = read_partner(body, fixtures);
    if (auto* error = std::get_if<ValidationError>(&partner)) return *error;
    order.partner_id = std::get<std::optional<std::string>>(partner);

    if (body.contains("poNumber")) {
        if (!body["poNumber"].is_string())
            return ValidationError{"poNumber", "type", "poNumber must be a string"};
        order.po_number = body["poNumber"].get<std::string>();
    }

    if (!body.contains("serviceList")) return missing("serviceList");
    const json& services = body["serviceList"];
    if (!services.is_array()) return ValidationError{"serviceList", "type", "serviceList must be an array"};
    if (services.size() != 1)
        return ValidationError{"serviceList", "len",
                               "serviceList must hold exactly one plan for this renewal"};
    const json& service = services[0];
    const std::string prefix = "serviceList[0].";
    if (!service.is_object())
        return ValidationError{"serviceList[0]", "type", "serviceList[0] must be an object"};
    if (auto error = expect_string(service, "serviceType", prefix, "plan")) return *error;
    if (!service.contains("serviceId")) return missing(prefix + "serviceId");
    const auto plan = id_digits(service["serviceId"]);
    if (!plan)
        return ValidationError{prefix + "serviceId", "type",
                               "serviceId must be an integer (or its decimal digits), not a float"};
    if (!find_renewal_plan(fixtures, *plan))
        return ValidationError{prefix + "serviceId", "exists",
                               "serviceId " + *plan + " is not a Remote Management plan"};
    order.plan_id = *plan;
    if (auto error = expect_string(service, "purchaseType", prefix, "renew")) return *error;
    if (auto error = expect_string(service, "billingModel", prefix, "recurring")) return *error;
    if (auto error = expect_string(service, "billingCycle", prefix, "annually")) return *error;
    if (auto error = expect_integer(service, "multiCycle", prefix, "1")) return *error;
    return order;
}

} // namespace sandbox
