#include "core/orders_book.h"

#include "core/case_fold.h"
#include "core/order_reconciler.h"
#include "core/partner_api.h"

#include <algorithm>
#include <set>

namespace rd {

const char* book_status_name(BookStatus status) {
    switch (status) {
    case BookStatus::idle: return "idle";
    case BookStatus::loading: return "loading";
    case BookStatus::loaded: return "loaded";
    case BookStatus::error: return "error";
    }
    return "idle";
}

bool OrdersBook::is_final(const std::string& order_status) {
    // The statuses the docs list, less `pending` and the unread `con...` one; anything unknown may still
    // move.
    for (const char* final_status : {"succeed", "failed", "invalid", "cancelled", "refunded"})
        if (order_status == final_status) return true;
    return false;
}

void OrdersBook::reset() {
    ++run_;
    ++session_;
    ++details_run_;
    status_ = BookStatus::idle;
    error_.reset();
    orders_.clear();
    reading_.clear();
    truncated_ = false;
    pages_read_ = 0;
    queue_.clear(); // requests in flight still count against the cap until they answer
    details_ = {};
}

void OrdersBook::refresh() {
    ++run_;
    status_ = BookStatus::loading;
    error_.reset();
    reading_.clear();
    total_pages_ = 1;
    pages_read_ = 0;
    truncated_ = false;
    fetch_page(1);
}

void OrdersBook::fetch_page(std::int64_t page_no) {
    const std::uint64_t run = run_;
    fetch_order_page(client_, page_no, page_size, [this, run, page_no](Result<OrderPage> page) {
        if (run != run_) return;
        if (!page) {
            error_ = page.error();
            status_ = BookStatus::error;
            return;
        }
        ++pages_read_;
        for (OrderSummary& order : page.value().orders)
            reading_.push_back(std::move(order));
        if (page_no == 1) total_pages_ = std::max<std::int64_t>(1, page.value().total_page);
        if (page_no < total_pages_ && page_no < max_pages && !page.value().orders.empty())
            return fetch_page(page_no + 1);
        truncated_ = page_no < total_pages_;
        finish_list();
    });
}

void OrdersBook::finish_list() {
    std::vector<BookOrder> orders;
    std::set<std::string> seen;
    for (OrderSummary& summary : reading_) {
        if (!seen.insert(summary.id + "\n" + summary.order_no).second) continue; // a page shifted under us
        BookOrder order{.summary = std::move(summary)};
        order.created_ms = create_time_ms(order.summary.create_time);
        if (const BookOrder* before = find(order.summary.id)) {
            order.refreshing = before->refreshing;
            order.status_changed = before->status_changed;
            order.previous_status = before->previous_status;
            if (before->summary.order_status != order.summary.order_status) {
                order.status_changed = true;
                order.previous_status = before->summary.order_status;
            }
        }
        orders.push_back(std::move(order));
    }
    reading_.clear();
    std::stable_sort(orders.begin(), orders.end(), [](const BookOrder& a, const BookOrder& b) {
        if (a.created_ms != b.created_ms) return a.created_ms > b.created_ms;
        const std::string &x = a.summary.id, &y = b.summary.id; // same time: the larger id is the later
        return x.size() != y.size() ? x.size() > y.size() : x > y;
    });
    orders_ = std::move(orders);
    status_ = BookStatus::loaded;
}

BookOrder* OrdersBook::find(const std::string& id) {
    for (BookOrder& order : orders_)
        if (order.summary.id == id || (order.summary.id.empty() && order.summary.order_no == id))
            return &order;
    return nullptr;
}

std::vector<std::size_t> OrdersBook::shown(const OrdersFilter& filter) const {
    std::vector<std::size_t> shown;
    const std::string needle = fold_case(filter.text);
    for (std::size_t i = 0; i < orders_.size(); ++i) {
        const OrderSummary& o = orders_[i].summary;
        if (!filter.status.empty() && o.order_status != filter.status) continue;
        if (!needle.empty()) {
            const std::string hay = fold_case(o.order_no + "\n" + o.id + "\n" + o.custom_reference_no + "\n" +
                                              o.currency_code + "\n" + o.order_status);
            if (hay.find(needle) == std::string::npos) continue;
        }
        shown.push_back(i);
    }
    return shown;
}

std::vector<std::string> OrdersBook::statuses() const {
    std::set<std::string> all;
    for (const BookOrder& order : orders_)
        all.insert(order.summary.order_status);
    return {all.begin(), all.end()};
}

std::size_t OrdersBook::pending_count() const {
    return static_cast<std::size_t>(std::count_if(orders_.begin(), orders_.end(), [](const BookOrder& o) {
        return !is_final(o.summary.order_status);
    }));
}

void OrdersBook::refresh_order(const std::string& id) {
    BookOrder* order = find(id);
    if (!order || order->refreshing) return;
    order->refreshing = true;
    order->refresh_failed = false;
    queue_.push_back(id);
    pump();
}

void OrdersBook::refresh_all_pending() {
    std::vector<std::string> ids;
    for (const BookOrder& order : orders_)
        if (!is_final(order.summary.order_status)) ids.push_back(order.summary.id);
    for (const std::string& id : ids)
        refresh_order(id);
}

// Sends queued status refreshes while fewer than max_in_flight are on their way.
void OrdersBook::pump() {
    while (in_flight_ < max_in_flight && !queue_.empty()) {
        const std::string id = queue_.front();
        queue_.pop_front();
        ++in_flight_;
        const std::uint64_t session = session_;
        fetch_order_details(client_, id, [this, session, id](Result<OrderDetails> details) {
            --in_flight_;
            if (session == session_) { // a list refresh meanwhile: the order is found again by its id
                if (details) {
                    take_details(id, details.value());
                } else if (BookOrder* order = find(id)) {
                    order->refreshing = false;
                    order->refresh_failed = true;
                }
            }
            pump();
        });
    }
}

void OrdersBook::take_details(const std::string& id, const OrderDetails& details) {
    BookOrder* order = find(id);
    if (!order) return;
    order->refreshing = false;
    const std::string& now = details.order_status;
    if (!now.empty() && now != order->summary.order_status) {
        if (!order->status_changed) order->previous_status = order->summary.order_status;
        order->status_changed = true;
        order->summary.order_status = now;
    }
    if (details_.id == id && details_.status == BookStatus::loaded) details_.details = details;
}

void OrdersBook::open_details(const std::string& id) {
    const std::uint64_t run = ++details_run_;
    details_ = {.status = BookStatus::loading, .id = id};
    fetch_order_details(client_, id, [this, run, id](Result<OrderDetails> details) {
        if (run != details_run_) return;
        if (!details) {
            details_.error = details.error();
            details_.status = BookStatus::error;
            return;
        }
        details_.details = std::move(details.value());
        details_.status = BookStatus::loaded;
        if (BookOrder* order = find(id); order && !order->refreshing) take_details(id, details_.details);
    });
}

} // namespace rd
