#include "order_reconciler.h"

#include "order_pages.h"

#include <algorithm>

namespace rd {

const char* reconcile_status_name(ReconcileStatus status) {
    switch (status) {
    case ReconcileStatus::idle: return "idle";
    case ReconcileStatus::checking: return "checking";
    case ReconcileStatus::found: return "found";
    case ReconcileStatus::none: return "none";
    case ReconcileStatus::error: return "error";
    }
    return "idle";
}

std::int64_t create_time_ms(std::int64_t create_time) {
    // 1e11 ms is March 1973, 1e11 s is the year 5138: an order time below it is in seconds.
    // A negative time (before 1970: no real order) stays as it is; multiplied it could overflow.
    return create_time >= 0 && create_time < 100'000'000'000 ? create_time * 1000 : create_time;
}

void OrderReconciler::start(ReconcileAttempt attempt, std::function<void()> on_done) {
    reset();
    attempt_ = std::move(attempt);
    on_done_ = std::move(on_done);
    result_.status = ReconcileStatus::checking;
    fetch(1);
}

void OrderReconciler::reset() {
    ++run_;
    result_ = {};
    direction_ = Direction::unknown;
    total_pages_ = 1;
    page_has_older_.clear();
    orders_seen_.clear();
    page1_newest_ = 0;
}

void OrderReconciler::fetch(std::int64_t page_no) {
    const std::uint64_t run = run_;
    fetch_order_page(client_, page_no, page_size, [this, run, page_no](Result<OrderPage> page) {
        if (run != run_) return;
        if (!page) {
            result_.error = page.error();
            finish(ReconcileStatus::error);
            return;
        }
        take_page(page_no, page.value());
        next();
    });
}

bool OrderReconciler::is_since_attempt(const OrderSummary& order) const {
    return create_time_ms(order.create_time) >= attempt_.sent_at_ms - clock_skew_ms &&
           !attempt_.known_order_nos.count(order.order_no);
}

void OrderReconciler::take_page(std::int64_t page_no, const OrderPage& page) {
    ++result_.pages_read;
    total_pages_ = std::max<std::int64_t>(1, page.total_page);
    std::int64_t newest = 0;
    bool has_older = false;
    for (const OrderSummary& order : page.orders) {
        newest = std::max(newest, create_time_ms(order.create_time));
        if (!is_since_attempt(order)) {
            has_older = true;
            continue;
        }
        if (orders_seen_.insert(order.id + "\n" + order.order_no).second)
            result_.since_attempt.push_back(order);
    }
    page_has_older_[page_no] = has_older;
    if (page_no == 1) {
        page1_newest_ = newest;
        if (page.orders.size() >= 2) {
            const std::int64_t first = create_time_ms(page.orders.front().create_time);
            const std::int64_t last = create_time_ms(page.orders.back().create_time);
            if (first > last) direction_ = Direction::newest_first;
            if (first < last) direction_ = Direction::oldest_first;
        }
    } else if (direction_ == Direction::unknown && page_no == total_pages_) {
        // Page 1 could not tell (one order, or equal times): compare the two ends of the list.
        direction_ = newest > page1_newest_ ? Direction::oldest_first : Direction::newest_first;
    }
}

void OrderReconciler::next() {
    if (direction_ == Direction::unknown) {
        if (total_pages_ <= 1) return finish(ReconcileStatus::found);
        if (!page_has_older_.count(total_pages_))
            return fetch(total_pages_); // learn the direction from the other end
    }
    // Walk from the newest end inward; stop at the first page that reaches back past the attempt.
    const bool newest_first = direction_ != Direction::oldest_first;
    const std::int64_t step = newest_first ? 1 : -1;
    for (std::int64_t page_no = newest_first ? 1 : total_pages_; page_no >= 1 && page_no <= total_pages_;
         page_no += step) {
        const auto seen = page_has_older_.find(page_no);
        if (seen == page_has_older_.end()) {
            if (result_.pages_read >= max_pages) {
                result_.error =
                    ApiError{.kind = ErrorKind::input,
                             .detail_message = "The order list holds more than " +
                                               std::to_string(max_pages * page_size) +
                                               " orders to look through; check it in the Partner Portal."};
                return finish(ReconcileStatus::error);
            }
            return fetch(page_no);
        }
        if (seen->second) break;
    }
    finish(ReconcileStatus::found);
}

void OrderReconciler::finish(ReconcileStatus status) {
    auto& since = result_.since_attempt;
    std::stable_sort(since.begin(), since.end(), [](const OrderSummary& a, const OrderSummary& b) {
        return create_time_ms(a.create_time) < create_time_ms(b.create_time);
    });
    if (status == ReconcileStatus::found) {
        if (!attempt_.po_number.empty()) {
            for (const OrderSummary& order : since)
                if (order.custom_reference_no == attempt_.po_number) {
                    result_.match = order;
                    result_.matched_by_po_number = true;
                    break;
                }
        }
        if (!result_.match && !since.empty()) result_.match = since.front();
        if (!result_.match) status = ReconcileStatus::none;
    }
    result_.status = status;
    result_.checked_at_ms = client_.clock().epoch_ms();
    ++run_; // nothing more arrives for this run
    if (on_done_) {
        auto done = std::move(on_done_);
        on_done_ = nullptr;
        done();
    }
}

} // namespace rd
