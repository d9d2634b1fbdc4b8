// OrdersBook: the Orders screen's model. Reads the order list (partner-openapi.md §10) page by page and
// keeps it newest first whatever order the API returns (createTime in seconds or milliseconds), filters
// it by status and text, and reads Get Order Details (§11) for one order. Orders whose status is not
// final can be re-read one by one or all at once, never more than `max_in_flight` requests at a time;
// a status that changed since the last reading is flagged. Never throws.
#pragma once

#include "core/api_client.h"
#include "core/models.h"
#include "core/order_details.h"

#include <deque>
#include <optional>
#include <string>
#include <vector>

namespace rd {

enum class BookStatus { idle, loading, loaded, error };

struct BookOrder {
    OrderSummary summary;
    std::int64_t created_ms = 0;
    bool refreshing = false;     // queued or in flight
    bool refresh_failed = false; // the last re-reading did not answer
    bool status_changed = false; // differs from the status first seen
    std::string previous_status; // the status before the change
};

struct OrdersFilter {
    std::string status; // "" for every status
    std::string text;   // matched, case-folded, against order number, id, reference, currency, status
};

struct OrderDetailsView {
    BookStatus status = BookStatus::idle;
    std::string id; // as asked for: the list's id or an order number, verbatim
    OrderDetails details;
    std::optional<ApiError> error;
};

class OrdersBook {
  public:
    static constexpr int page_size = 25;
    static constexpr int max_pages = 40; // 1,000 orders
    static constexpr std::size_t max_in_flight = 4;

    explicit OrdersBook(ApiClient& client) : client_(client) {}

    void refresh(); // (re)reads the list; the current one stays shown until the new one is complete
    void reset();   // forgets everything; answers still on the way are dropped
    BookStatus status() const { return status_; }
    const std::optional<ApiError>& error() const { return error_; }
    const std::vector<BookOrder>& orders() const { return orders_; } // newest first
    bool truncated() const { return truncated_; }                    // more than max_pages pages
    int pages_read() const { return pages_read_; }
    std::vector<std::size_t> shown(const OrdersFilter& filter) const; // indices into orders()
    std::vector<std::string> statuses() const;                        // every status listed, sorted

    static bool is_final(const std::string& order_status);
    std::size_t pending_count() const;
    void refresh_order(const std::string& id);
    void refresh_all_pending();
    std::size_t requests_in_flight() const { return in_flight_; }
    bool refreshing() const { return in_flight_ > 0 || !queue_.empty(); }

    void open_details(const std::string& id);
    const OrderDetailsView& details() const { return details_; }
    bool busy() const {
        return status_ == BookStatus::loading || refreshing() || details_.status == BookStatus::loading;
    }

  private:
    void fetch_page(std::int64_t page_no);
    void finish_list();
    void pump();
    void take_details(const std::string& id, const OrderDetails& details);
    BookOrder* find(const std::string& id);

    ApiClient& client_;
    std::uint64_t run_ = 0;         // bumped by refresh and reset: late pages are dropped
    std::uint64_t details_run_ = 0; // bumped by open_details and reset
    std::uint64_t session_ = 0;     // bumped by reset: late status refreshes are dropped
    BookStatus status_ = BookStatus::idle;
    std::optional<ApiError> error_;
    std::vector<BookOrder> orders_;
    std::vector<OrderSummary> reading_; // pages of the refresh under way
    std::int64_t total_pages_ = 1;
    int pages_read_ = 0;
    bool truncated_ = false;
    std::deque<std::string> queue_; // ids waiting for a status refresh
    std::size_t in_flight_ = 0;
    OrderDetailsView details_;
};

const char* book_status_name(BookStatus status); // "idle", "loading", "loaded", "error"

} // namespace rd
