#include "order_store.h"

#include "random_text.h"

#include <chrono>

namespace sandbox {

namespace {

using nlohmann::json;

std::int64_t now_ms() {
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

} // namespace

std::uint64_t OrderStore::next_id_locked() {
    // Odd-looking, increasing ids from 3.4e18 up: 19 digits, far above 2^53, so a client that routes
    // them through a double shows it. Random gaps keep them from looking sequential.
    if (last_id_ == 0) last_id_ = 3400814131142238208ULL + (random_u64() % (1ULL << 40));
    last_id_ += 1 + random_u64() % 4093;
    return last_id_;
}

StoredOrder OrderStore::commit(std::string body, const ValidatedOrder& order, const Fixtures& fixtures,
                               const std::string& order_status) {
    const json* plan = find_renewal_plan(fixtures, order.plan_id);
    const json* contact = find_billing_contact(fixtures, order.billing_id);
    const std::string price = plan ? plan->value("price", "0.00") : "0.00";
    const std::string currency = plan ? plan->value("currencyCode", "USD") : "USD";

    std::lock_guard lock(mutex_);
    StoredOrder stored;
    stored.body = std::move(body);
    stored.received_at_ms = now_ms();
    const std::string order_id = std::to_string(next_id_locked());
    const std::string order_no = "MK" + std::to_string(next_id_locked());
    stored.result = {
        {"instanceId", std::to_string(next_id_locked())},
        {"orderId", order_id},
        {"orderNo", order_no},
        {"orderStatus", order_status},
        {"productNo", std::to_string(next_id_locked())},
        {"transactionNo", "IH" + std::to_string(next_id_locked())},
    };
    stored.order_info = {
        {"id", order_id},
        {"orderNo", order_no},
        {"orderStatus", order_status},
        {"currencyCode", "USD"},
        {"createTime", stored.received_at_ms},
        {"customReferenceNo", ""},
        {"invoiceNo", ""},
    };
    // Beyond productId/productName/productNo the members of these objects are not documented: invented.
    stored.details = {
        {"basicInformation",
         {{"productId", "15"},
          {"productName", "Remote Management"},
          {"productNo", stored.result["productNo"]},
          {"planId", order.plan_id},
          {"planName", plan ? plan->value("planName", "") : ""},
          {"partnerId", order.partner_id.value_or("")}}},
        {"billingInformation", contact ? *contact : json::object()},
        {"orderInformation", stored.order_info},
        {"orderSummary",
         {{"currencyCode", currency},
          {"subtotal", price},
          {"discount", "0.00"},
          {"tax", "0.00"},
          {"total", price},
          {"transactionNo", stored.result["transactionNo"]}}},
    };
    orders_.push_back(stored);
    return stored;
}

std::vector<StoredOrder> OrderStore::all() const {
    std::lock_guard lock(mutex_);
    return orders_;
}

std::optional<StoredOrder> OrderStore::find(const std::string& id_or_order_no) const {
    std::lock_guard lock(mutex_);
    for (const auto& order : orders_)
        if (order.order_info["id"] == id_or_order_no || order.order_info["orderNo"] == id_or_order_no)
            return order;
    return std::nullopt;
}

std::size_t OrderStore::size() const {
    std::lock_guard lock(mutex_);
    return orders_.size();
}

void OrderStore::clear() {
    std::lock_guard lock(mutex_);
    orders_.clear();
}

} // namespace sandbox
