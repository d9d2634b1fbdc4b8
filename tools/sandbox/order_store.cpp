#include "tools/sandbox/order_store.h"

#include "tools/sandbox/json_ids.h"
#include "tools/sandbox/random_text.h"

#include <algorithm>

namespace sandbox {

namespace {

using nlohmann::json;

bool created_before(const StoredOrder& a, const StoredOrder& b) {
    return a.created_at_ms != b.created_at_ms ? a.created_at_ms < b.created_at_ms : a.sequence < b.sequence;
}

} // namespace

ValidatedOrder typical_renewal(const Fixtures& fixtures) {
    ValidatedOrder order;
    const auto product = fixtures.product_details.find("15");
    if (product != fixtures.product_details.end() && !(*product)["planList"].empty())
        order.plan_id = integer_digits((*product)["planList"][0]["planId"]).value_or("");
    if (!fixtures.billing_contacts.empty())
        order.billing_id = fixtures.billing_contacts[0]["billingContactId"].get<std::string>();
    return order;
}

std::uint64_t OrderStore::next_id_locked(bool earlier) {
    // Odd-looking ids around 3.4e18: 19 digits, far above 2^53, so a client that routes them through a
    // double shows it. Random gaps keep them from looking sequential; counting up for new orders and down
    // for earlier ones never hands out an id twice.
    if (last_id_ == 0) first_id_ = last_id_ = 3400814131142238208ULL + (random_u64() % (1ULL << 40));
    if (earlier) return first_id_ -= 1 + random_u64() % 4093;
    return last_id_ += 1 + random_u64() % 4093;
}

StoredOrder OrderStore::make_locked(const ValidatedOrder& order, const Fixtures& fixtures,
                                    const std::string& order_status, std::int64_t created_at_ms,
                                    bool earlier) {
    const auto next_id = [&] { return std::to_string(next_id_locked(earlier)); };
    const json* plan = find_renewal_plan(fixtures, order.plan_id);
    const json* contact = find_billing_contact(fixtures, order.billing_id);
    const std::string price = plan ? plan->value("price", "0.00") : "0.00";
    const std::string currency = plan ? plan->value("currencyCode", "USD") : "USD";

    StoredOrder stored;
    stored.created_at_ms = created_at_ms;
    stored.sequence = ++last_sequence_;
    const std::string order_id = next_id();
    const std::string order_no = "MK" + next_id();
    stored.result = {
        {"instanceId", next_id()}, // every member a string, as in the tutorial's sample response
        {"orderId", order_id},
        {"orderNo", order_no},
        {"orderStatus", order_status},
        {"productNo", next_id()},
        {"transactionNo", "IH" + next_id()},
    };
    stored.order_info = {
        {"id", order_id},
        {"orderNo", order_no},
        {"orderStatus", order_status},
        {"currencyCode", "USD"},
        {"createTime", created_at_ms},
        {"customReferenceNo", order.po_number}, // the body's poNumber
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
    return stored;
}

void OrderStore::insert_locked(const StoredOrder& order) {
    orders_.insert(std::upper_bound(orders_.begin(), orders_.end(), order, created_before), order);
}

StoredOrder OrderStore::commit(std::string body, const ValidatedOrder& order, const Fixtures& fixtures,
                               const std::string& order_status, std::int64_t created_at_ms,
                               std::int64_t received_at_ms, int connection_request) {
    std::lock_guard lock(mutex_);
    StoredOrder stored = make_locked(order, fixtures, order_status, created_at_ms, /*earlier=*/false);
    stored.body = std::move(body);
    stored.received_at_ms = received_at_ms;
    stored.connection_request = connection_request;
    insert_locked(stored);
    return stored;
}

StoredOrder OrderStore::add_other(const ValidatedOrder& order, const Fixtures& fixtures,
                                  const std::string& order_status, std::int64_t created_at_ms) {
    std::lock_guard lock(mutex_);
    StoredOrder stored = make_locked(order, fixtures, order_status, created_at_ms, /*earlier=*/false);
    stored.origin = OrderOrigin::other;
    insert_locked(stored);
    return stored;
}

void OrderStore::seed(int count, std::int64_t newest_ms, const Fixtures& fixtures) {
    const ValidatedOrder earlier = typical_renewal(fixtures);
    std::lock_guard lock(mutex_);
    for (int i = 0; i < count; ++i) { // newest first, so that ids counting down make the oldest lowest
        StoredOrder order =
            make_locked(earlier, fixtures, "succeed", newest_ms - i * 1000LL, /*earlier=*/true);
        order.origin = OrderOrigin::seeded;
        orders_.push_back(std::move(order));
    }
    std::sort(orders_.begin(), orders_.end(), created_before);
}

std::vector<StoredOrder> OrderStore::of_origin(OrderOrigin origin) const {
    std::lock_guard lock(mutex_);
    std::vector<StoredOrder> out;
    for (const auto& order : orders_)
        if (order.origin == origin) out.push_back(order);
    std::sort(out.begin(), out.end(),
              [](const StoredOrder& a, const StoredOrder& b) { return a.sequence < b.sequence; });
    return out;
}

std::vector<StoredOrder> OrderStore::posted() const {
    return of_origin(OrderOrigin::posted);
}

std::vector<StoredOrder> OrderStore::others() const {
    return of_origin(OrderOrigin::other);
}

std::size_t OrderStore::posted_count() const {
    std::lock_guard lock(mutex_);
    return static_cast<std::size_t>(
        std::count_if(orders_.begin(), orders_.end(),
                      [](const StoredOrder& order) { return order.origin == OrderOrigin::posted; }));
}

std::size_t OrderStore::size() const {
    std::lock_guard lock(mutex_);
    return orders_.size();
}

OrderStore::Page OrderStore::page(OrderSort sort, std::uint64_t first, std::uint64_t count) const {
    std::lock_guard lock(mutex_);
    Page page;
    page.total = orders_.size();
    for (std::uint64_t i = first; i < page.total && i - first < count; ++i)
        page.orders.push_back(orders_[sort == OrderSort::oldest ? i : page.total - 1 - i]);
    return page;
}

std::optional<StoredOrder> OrderStore::find(const std::string& id_or_order_no) const {
    std::lock_guard lock(mutex_);
    for (const auto& order : orders_)
        if (order.order_info["id"] == id_or_order_no || order.order_info["orderNo"] == id_or_order_no)
            return order;
    return std::nullopt;
}

void OrderStore::clear() {
    std::lock_guard lock(mutex_);
    orders_.clear();
}

} // namespace sandbox
