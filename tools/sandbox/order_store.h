// Every order the order queries know: the orders posted to save (the raw body exactly as received, the
// test oracle, and the result answered), the earlier orders seeded by a test and the orders another
// operator of the same account placed (a colleague in the Partner Portal, a script). Kept in creation
// order; the order list reads it newest or oldest first. Times are the API's clock (server_clock.h), passed
// in by the caller. Thread-safe.
#pragma once

#include "tools/sandbox/fixture_data.h"
#include "tools/sandbox/order_presentation.h"
#include "tools/sandbox/order_validation.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace sandbox {

enum class OrderOrigin {
    posted, // posted to save (by RenewDesk): the order log
    seeded, // an earlier order added by /__sandbox/seed_orders
    other,  // another operator's order (/__sandbox/other_orders, a save fault's other_order)
};

struct StoredOrder {
    std::string body;      // posted: request body text, byte for byte; otherwise empty
    nlohmann::json result; // the save result {instanceId, orderId, ...}, all strings (what a save answers)
    std::int64_t created_at_ms = 0;  // API clock, Unix epoch ms: its createTime
    std::int64_t received_at_ms = 0; // posted: the real clock when the request arrived
    int connection_request = 0;      // posted: which request of its connection it came in (1: the first)
    nlohmann::json order_info;       // Order_Info as stored (createTime in ms, customReferenceNo = poNumber)
    nlohmann::json details;          // order/v1/get/{id} result (orderInformation == order_info)
    OrderOrigin origin = OrderOrigin::posted;
    std::uint64_t sequence = 0; // storing order, unique: breaks ties between equal creation times
};

// The renewal of the tutorial for the partner itself: the fixtures' first plan of product 15 and first
// billing contact, no poNumber. What seeded orders bought, and other operators' orders by default.
ValidatedOrder typical_renewal(const Fixtures& fixtures);

class OrderStore {
  public:
    // Stores an accepted order, generating fresh ids (19 digits, above 2^53, never reused).
    StoredOrder commit(std::string body, const ValidatedOrder& order, const Fixtures& fixtures,
                       const std::string& order_status, std::int64_t created_at_ms,
                       std::int64_t received_at_ms, int connection_request = 0);

    // Stores another operator's order (never in the order log), with fresh ids like a posted one.
    StoredOrder add_other(const ValidatedOrder& order, const Fixtures& fixtures,
                          const std::string& order_status, std::int64_t created_at_ms);

    // Adds `count` earlier orders of the partner to the order list: status succeed, no customReferenceNo,
    // the fixtures' first product-15 plan and billing contact, the newest created at `newest_ms` and each
    // next one a second older. Their ids are fresh and lie below every id handed out before, the oldest
    // lowest, so ids grow with creation time as long as each batch is older than the orders stored before.
    void seed(int count, std::int64_t newest_ms, const Fixtures& fixtures);

    std::vector<StoredOrder> posted() const; // the orders posted to save, in arrival order
    std::vector<StoredOrder> others() const; // other operators' orders, in storing order
    std::size_t posted_count() const;
    std::size_t size() const; // every order

    struct Page {
        std::uint64_t total = 0;         // every order
        std::vector<StoredOrder> orders; // at most `count` of them from position `first` on
    };
    Page page(OrderSort sort, std::uint64_t first, std::uint64_t count) const;
    std::optional<StoredOrder> find(const std::string& id_or_order_no) const;

    void clear(); // every order

  private:
    std::uint64_t next_id_locked(bool earlier); // earlier: below every id so far, else above
    StoredOrder make_locked(const ValidatedOrder& order, const Fixtures& fixtures,
                            const std::string& order_status, std::int64_t created_at_ms, bool earlier);
    std::vector<StoredOrder> of_origin(OrderOrigin origin) const;
    void insert_locked(const StoredOrder& order);

    mutable std::mutex mutex_;
    std::vector<StoredOrder> orders_; // ascending by (created_at_ms, sequence)
    std::uint64_t last_id_ = 0;       // highest id so far (posted orders count up from here)
    std::uint64_t first_id_ = 0;      // lowest id so far (seeded orders count down from here)
    std::uint64_t last_sequence_ = 0;
};

} // namespace sandbox
