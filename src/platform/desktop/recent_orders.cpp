#include "recent_orders.h"

namespace rd::desktop {

bool parse_recent_orders(const std::string& text, std::vector<RecentOrder>& out) {
    AttemptHistoryDoc doc;
    if (!parse_attempt_history(text, doc)) return false;
    out.insert(out.end(), doc.orders.begin(), doc.orders.end());
    return true;
}

std::vector<std::string> RecentOrders::load(std::int64_t now_ms) const {
    AttemptHistoryDoc doc = file_.load();
    prune_attempt_history(doc, now_ms);
    std::vector<std::string> order_nos;
    for (const AccountedOrder& entry : doc.orders)
        if (entry.base_url == base_url_ && entry.client_id == client_id_) order_nos.push_back(entry.order_no);
    return order_nos;
}

bool RecentOrders::record(const std::vector<std::string>& order_nos, std::int64_t now_ms,
                          std::string* error) {
    return file_.try_update(
        [&](AttemptHistoryDoc& doc) { add_accounted_orders(doc, order_nos, base_url_, client_id_, now_ms); },
        error);
}

} // namespace rd::desktop
