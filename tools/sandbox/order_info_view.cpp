#include "tools/sandbox/order_info_view.h"

#include "tools/sandbox/server_clock.h"

#include <string>

namespace sandbox {

namespace {

using nlohmann::json;

std::int64_t whole_seconds(std::int64_t epoch_ms) {
    return epoch_ms >= 0 ? epoch_ms / 1000 : -((-epoch_ms + 999) / 1000);
}

} // namespace

json presented_order_info(const StoredOrder& order, OrderInfoView view) {
    json info = order.order_info;
    const std::int64_t ms = order.created_at_ms;
    switch (view.time_unit) {
    case TimeUnit::ms: info["createTime"] = ms; break;
    case TimeUnit::s: info["createTime"] = whole_seconds(ms); break;
    case TimeUnit::s_string: info["createTime"] = std::to_string(whole_seconds(ms)); break;
    case TimeUnit::ms_string: info["createTime"] = std::to_string(ms); break;
    case TimeUnit::date_text: info["createTime"] = utc_date_text(ms); break;
    case TimeUnit::missing: info.erase("createTime"); break;
    case TimeUnit::out_of_range: info["createTime"] = kOutOfRangeCreateTime; break;
    }
    if (!view.echo_reference) info["customReferenceNo"] = "";
    return info;
}

} // namespace sandbox
