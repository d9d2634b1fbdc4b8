// Every order the sandbox accepted, in arrival order: the raw body exactly as received (the test oracle),
// the result answered, and the records the order queries serve. Thread-safe.
#pragma once

#include "fixtures.h"
#include "order_validation.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace sandbox {

struct StoredOrder {
    std::string body;            // request body text, byte for byte
    nlohmann::json result;       // the save result answered: {instanceId, orderId, orderNo, ...}, all strings
    std::int64_t received_at_ms; // Unix epoch milliseconds
    nlohmann::json order_info;   // Order_Info as listed by order/v1/page
    nlohmann::json details;      // order/v1/get/{id} result
};

class OrderStore {
  public:
    // Stores an accepted order, generating fresh ids (19 digits, above 2^53, never reused).
    StoredOrder commit(std::string body, const ValidatedOrder& order, const Fixtures& fixtures,
                       const std::string& order_status);
    std::vector<StoredOrder> all() const; // arrival order
    std::optional<StoredOrder> find(const std::string& id_or_order_no) const;
    std::size_t size() const;
    void clear();

  private:
    std::uint64_t next_id_locked();

    mutable std::mutex mutex_;
    std::vector<StoredOrder> orders_;
    std::uint64_t last_id_ = 0;
};

} // namespace sandbox
