// Checks a Create-an-Order body for the Remote Management renewal the way the API document describes it:
// fixed values of the tutorial, ids that must exist, ids compared as exact digit strings (never via double).
#pragma once

#include "tools/sandbox/fixture_data.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <variant>

namespace sandbox {

struct ValidatedOrder {
    std::string billing_id;                // digits of a known billingContactId
    std::string plan_id;                   // digits of a known planId of product 15
    std::optional<std::string> partner_id; // a known subordinate user, or nullopt: the partner itself
    std::string po_number;                 // the optional purchase-order number, "" when absent
};

struct ValidationError {
    std::string field; // e.g. "serviceList[0].serviceId"
    std::string tag;   // required | type | eq | exists | len | eqfield
    std::string message;
};

std::variant<ValidatedOrder, ValidationError> validate_renewal_order(const nlohmann::json& body,
                                                                     const Fixtures& fixtures);

} // namespace sandbox
