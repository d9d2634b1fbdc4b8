// OrderReconciler: after an order's outcome is unknown, finds out from the order list whether the
// Partner Portal created it. The API's sort order is undocumented, so the list is read from its
// newest end whichever way it is sorted: page 1 tells the direction within a page; when it cannot,
// the last page is read too and the two ends compared. Pages are read from the newest end inward
// until one holds an order older than the attempt. createTime may be seconds or milliseconds.
//
// An order counts as "since the attempt" when it was created at most `clock_skew_ms` before the
// attempt's time on this computer (the server's clock may run behind ours) and is not one this
// session already accounted for (an earlier renewal's receipt). With a PO number the
// order whose customReferenceNo equals it is the match; without one, every order since the attempt
// is shown and the earliest is taken as the likely match.
#pragma once

#include "api_client.h"
#include "models.h"

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace rd {

struct ReconcileAttempt {
    std::int64_t sent_at_ms = 0;           // Unix epoch milliseconds on this computer
    std::string po_number;                 // "" when none was sent
    std::set<std::string> known_order_nos; // orders this session already accounted for (earlier receipts)
};

enum class ReconcileStatus { idle, checking, found, none, error };

struct ReconcileResult {
    ReconcileStatus status = ReconcileStatus::idle;
    std::vector<OrderSummary> since_attempt; // orders created since the attempt, oldest first
    std::optional<OrderSummary> match;       // the order judged to be the attempt's
    bool matched_by_po_number = false;
    std::optional<ApiError> error;
    int pages_read = 0;
    std::int64_t checked_at_ms = 0; // when the answer was complete
};

class OrderReconciler {
  public:
    static constexpr int page_size = 25;  // the API's documented default
    static constexpr int max_pages = 200; // 5,000 orders: past that, say "could not check"
    static constexpr std::int64_t clock_skew_ms = 30'000;

    explicit OrderReconciler(ApiClient& client) : client_(client) {}

    // Starts a check (a running one is abandoned); `on_done` runs once the result is final.
    void start(ReconcileAttempt attempt, std::function<void()> on_done = {});
    void reset(); // forget the result; answers still on the way are dropped
    const ReconcileResult& result() const { return result_; }

  private:
    enum class Direction { unknown, newest_first, oldest_first };

    void fetch(std::int64_t page_no);
    void take_page(std::int64_t page_no, const OrderPage& page);
    void next();
    void finish(ReconcileStatus status);
    bool is_since_attempt(const OrderSummary& order) const;

    ApiClient& client_;
    ReconcileAttempt attempt_;
    std::function<void()> on_done_;
    ReconcileResult result_;
    std::uint64_t run_ = 0;
    Direction direction_ = Direction::unknown;
    std::int64_t total_pages_ = 1;
    std::map<std::int64_t, bool>
        page_has_older_; // pages read: does it hold an order from before the attempt?
    std::set<std::string> orders_seen_;
    std::int64_t page1_newest_ = 0;
};

// "idle", "checking", "found", "none", "error": for test hooks and logs.
const char* reconcile_status_name(ReconcileStatus status);

// createTime in milliseconds whether the API sent seconds or milliseconds.
std::int64_t create_time_ms(std::int64_t create_time);

} // namespace rd
