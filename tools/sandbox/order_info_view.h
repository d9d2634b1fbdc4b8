// The Order_Info the order queries show for a stored order (order/v1/page items and order/v1/get's
// orderInformation): createTime in the configured shape, and customReferenceNo echoing the order's
// poNumber, or "" for an API that does not echo references (config echoReference false).
#pragma once

#include "tools/sandbox/order_presentation.h"
#include "tools/sandbox/order_store.h"

#include <nlohmann/json.hpp>

namespace sandbox {

struct OrderInfoView {
    TimeUnit time_unit = TimeUnit::ms;
    bool echo_reference = true;
};

nlohmann::json presented_order_info(const StoredOrder& order, OrderInfoView view);

} // namespace sandbox
