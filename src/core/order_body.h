// The JSON body of a renewal order, exactly as the tutorial prints it: member order, fixed values,
// and billingId / serviceId as bare 64-bit integers. The review screen shows this very text and the
// client sends it byte for byte.
#pragma once

#include "core/models.h"

#include <string>

namespace rd {

inline constexpr int remote_management_product_id = 15;

std::string renewal_order_body(const RenewalOrder& order);

} // namespace rd
