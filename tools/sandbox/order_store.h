// Every order the order queries know: the orders posted to save (the raw body exactly as received, the
// test oracle, and the result answered) and the earlier orders seeded by a test. Kept in creation order;
// the order list reads it newest or oldest first. Thread-safe.
#pragma once

#include "fixtures.h"
#include "order_presentation.h"
#include "order_validation.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace sandbox {

struct StoredOrder {
    std::string body;      // posted: request body text, byte for byte; seeded: empty
    nlohmann::json result; // posted: the save result {instanceId, orderId, ...}, all strings; seeded: null
    std::int64_t created_at_ms; // Unix epoch milliseconds: when it was received (posted) or made up (seeded)
    nlohmann::json order_info;  // Order_Info as listed by order/v1/page (createTime in milliseconds)
    nlohmann::json details;     // order/v1/get/{id} result (orderInformation == order_info)
    bool seeded = false;        // an earlier order added by /__sandbox/seed_orders, never posted
    std::uint64_t sequence = 0; // storing order, unique: breaks ties between equal creation times
};

class OrderStore {
  public:
    // Stores an accepted order, generating fresh ids (19 digits, above 2^53, never reused).
    StoredOrder commit(std::string body, const ValidatedOrder& order, const Fixtures& fixtures,
                       const std::string& order_status);

    // Adds `count` earlier orders of the partner to the order list: status succeed, no customReferenceNo,
    // the fixtures' first product-15 plan and billing contact, created `age_s` seconds ago and each one a
    // second older. Their ids are fresh and lie below every id handed out before, the oldest lowest, so
    // ids grow with creation time as long as each batch is older than the orders stored before it.
    void seed(int count, std::int64_t age_s, const Fixtures& fixtures);

    std::vector<StoredOrder> posted() const; // the orders posted to save, in arrival order
    std::size_t posted_count() const;
    std::size_t size() const; // posted and seeded

    struct Page {
        std::uint64_t total = 0;         // every order, posted and seeded
        std::vector<StoredOrder> orders; // at most `count` of them from position `first` on
    };
    Page page(OrderSort sort, std::uint64_t first, std::uint64_t count) const;
    std::optional<StoredOrder> find(const std::string& id_or_order_no) const;

    void clear(); // posted and seeded

  private:
    std::uint64_t next_id_locked(bool earlier); // earlier: below every id so far, else above
    StoredOrder make_locked(const ValidatedOrder& order, const Fixtures& fixtures,
                            const std::string& order_status, std::int64_t created_at_ms, bool earlier);

    mutable std::mutex mutex_;
    std::vector<StoredOrder> orders_; // ascending by (created_at_ms, sequence)
    std::uint64_t last_id_ = 0;       // highest id so far (posted orders count up from here)
    std::uint64_t first_id_ = 0;      // lowest id so far (seeded orders count down from here)
    std::uint64_t last_sequence_ = 0;
};

} // namespace sandbox
