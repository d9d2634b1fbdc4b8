#include "core/order_reconciler.h"

#include "core/api_paths.h"
#include "core/order_reference.h"
#include "core/partner_api.h"

#include <algorithm>

namespace rd {

const char* reconcile_status_name(ReconcileStatus status) {
    switch (status) {
    case ReconcileStatus::idle: return "idle";
    case ReconcileStatus::checking: return "checking";
    case ReconcileStatus::found: return "found";
    case ReconcileStatus::none: return "none";
    case ReconcileStatus::ambiguous: return "ambiguous";
    case ReconcileStatus::error: return "error";
    }
    return "idle";
}

const char* matched_by_name(MatchedBy matched_by) {
    switch (matched_by) {
    case MatchedBy::nothing: return "";
    case MatchedBy::reference: return "reference";
    }
    return "";
}

std::int64_t error_retry_delay_ms(int tries_so_far) {
    constexpr std::int64_t delays[] = {2'000, 4'000, 8'000, 16'000, 30'000};
    return tries_so_far < 5 ? delays[std::max(0, tries_so_far)] : 60'000;
}

ReconcileAttempt late_commit_check(const RuledOutAttempt& earlier, const std::optional<ClockOffset>& offset,
                                   std::set<std::string> known) {
    return {.sent_at_ms = earlier.sent_at_ms,
            .window_start_ms = check_window_start(earlier.sent_at_ms, offset),
            .reference = earlier.reference,
            .reference_unique = is_generated_reference(earlier.reference),
            .target = earlier.target,
            .billing_id = earlier.billing_id,
            .known_order_nos = std::move(known),
            .reference_only = true};
}

std::int64_t check_window_start(std::int64_t sent_at_ms, const std::optional<ClockOffset>& offset) {
    if (!offset) return sent_at_ms - unknown_clock_margin_ms;
    return sent_at_ms + offset->low_ms - window_margin_ms;
}

namespace {

const Json* member(const Json& object, const char* name) {
    if (!object.is_object()) return nullptr;
    auto it = object.find(name);
    return it == object.end() || it->is_null() ? nullptr : &*it;
}

// The first of `names` that `object` has, as an exact id (string or integer), or nullopt.
std::optional<std::string> id_member(const Json& object, std::initializer_list<const char*> names) {
    for (const char* name : names)
        if (const Json* value = member(object, name)) return opaque_id_from_json(*value);
    return std::nullopt;
}

} // namespace

DetailsVerdict judge_details(const Json& details, const ReconcileAttempt& attempt) {
    const Json empty = Json::object();
    const Json* basic = member(details, "basicInformation");
    const Json* billing = member(details, "billingInformation");
    const std::optional<std::string> product = id_member(basic ? *basic : empty, {"productId"});
    const std::optional<std::string> partner = id_member(basic ? *basic : empty, {"partnerId"});
    const std::optional<std::string> contact =
        id_member(billing ? *billing : empty, {"billingContactId", "billingId", "id"});
    const bool billing_known = attempt.billing_id.value != 0; // 0: a record from before it was kept
    const std::string billing_id = attempt.billing_id.to_string();
    // Anything the details positively say that differs from the attempt explains the order away.
    if ((product && *product != "15") || (billing_known && contact && *contact != billing_id) ||
        (partner && attempt.target && *partner != *attempt.target))
        return DetailsVerdict::not_attempts;
    if (product && contact && partner && attempt.target && billing_known) return DetailsVerdict::attempts;
    return DetailsVerdict::silent; // nothing to the contrary is not proof
}

void OrderReconciler::start(ReconcileAttempt attempt, std::function<void()> on_done) {
    reset();
    attempt_ = std::move(attempt);
    on_done_ = std::move(on_done);
    result_.status = ReconcileStatus::checking;
    result_.window_start_ms = attempt_.window_start_ms;
    fetch(1);
}

void OrderReconciler::reset() {
    ++run_;
    result_ = {};
    direction_ = Direction::unknown;
    total_pages_ = 1;
    page_has_older_.clear();
    orders_seen_.clear();
    read_.clear();
    candidates_.clear();
    verdicts_.clear();
    po_candidates_ = 0;
    page1_newest_ = 0;
}

void OrderReconciler::fetch(std::int64_t page_no) {
    const std::uint64_t run = run_;
    fetch_order_page(client_, page_no, page_size, [this, run, page_no](Result<OrderPage> page) {
        if (run != run_) return;
        if (!page) return fail(page.error());
        for (const OrderSummary& order : page.value().orders)
            if (order.create_time_unreadable)
                return fail(ApiError{.kind = ErrorKind::parse,
                                     .detail = {.kind = DetailKind::order_time_unreadable,
                                                .subject = order.order_no,
                                                .value = *order.create_time_unreadable}});
        take_page(page_no, page.value());
        next();
    });
}

bool OrderReconciler::in_window(const OrderSummary& order) const {
    return create_time_ms(order.create_time) >= attempt_.window_start_ms;
}

void OrderReconciler::take_page(std::int64_t page_no, const OrderPage& page) {
    ++result_.pages_read;
    total_pages_ = std::max<std::int64_t>(1, page.total_page);
    std::int64_t newest = 0;
    bool has_older = false;
    for (const OrderSummary& order : page.orders) {
        newest = std::max(newest, create_time_ms(order.create_time));
        if (!in_window(order)) has_older = true;
        if (orders_seen_.insert(order.id + "\n" + order.order_no).second) read_.push_back(order);
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
        if (total_pages_ <= 1) return judge();
        if (!page_has_older_.count(total_pages_)) return fetch(total_pages_); // learn the direction there
    }
    // Walk from the newest end inward; stop at the first page that reaches back past the window.
    const bool newest_first = direction_ != Direction::oldest_first;
    const std::int64_t step = newest_first ? 1 : -1;
    for (std::int64_t page_no = newest_first ? 1 : total_pages_; page_no >= 1 && page_no <= total_pages_;
         page_no += step) {
        const auto seen = page_has_older_.find(page_no);
        if (seen == page_has_older_.end()) {
            if (result_.pages_read >= max_pages)
                return fail(ApiError{.kind = ErrorKind::input,
                                     .detail = {.kind = DetailKind::order_list_too_long,
                                                .number = static_cast<std::int64_t>(max_pages) * page_size}});
            return fetch(page_no);
        }
        if (seen->second) break;
    }
    judge();
}

void OrderReconciler::judge() {
    auto by_time = [](const OrderSummary& a, const OrderSummary& b) {
        return create_time_ms(a.create_time) < create_time_ms(b.create_time);
    };
    std::stable_sort(read_.begin(), read_.end(), by_time);
    // A PO number the person typed may be a colleague's too (the same purchase order, a reused
    // number): an order carrying it is ours only when its details also show the attempt (answer()).
    std::vector<OrderSummary> po_matches;
    for (const OrderSummary& order : read_) {
        if (!order.custom_reference_no.empty()) result_.references_echoed = true;
        if (attempt_.reference.empty() || order.custom_reference_no != attempt_.reference ||
            attempt_.known_order_nos.count(order.order_no))
            continue;
        result_.reference_match.insert(order.order_no);
        if (attempt_.reference_unique && !result_.match) {
            result_.match = order; // rule 1
            result_.matched_by = MatchedBy::reference;
            result_.matched_by_po_number = true;
        } else if (!attempt_.reference_unique && in_window(order)) {
            po_matches.push_back(order);
        }
    }
    candidates_ = po_matches;
    po_candidates_ = po_matches.size();
    for (const OrderSummary& order : read_) {
        if (!in_window(order) || attempt_.known_order_nos.count(order.order_no)) continue; // rule 3
        result_.since_attempt.push_back(order);
        if (!attempt_.reference_only && order.custom_reference_no.empty())
            candidates_.push_back(order); // rule 2: not the rest
    }
    if (result_.match) return finish(ReconcileStatus::found);
    if (candidates_.empty()) return finish(ReconcileStatus::none); // rule 6
    if (candidates_.size() > static_cast<std::size_t>(max_details_reads)) {
        result_.unproven = candidates_;
        return finish(ReconcileStatus::ambiguous);
    }
    read_details(0);
}

void OrderReconciler::read_details(std::size_t index) {
    if (index == candidates_.size()) return answer();
    const std::uint64_t run = run_;
    const OrderSummary& order = candidates_[index];
    client_.get(paths::order_details(order.id.empty() ? order.order_no : order.id),
                [this, run, index](Result<ApiReply> reply) {
                    if (run != run_) return;
                    if (!reply) return fail(reply.error());
                    ++result_.details_read;
                    verdicts_.push_back(judge_details(reply.value().result, attempt_));
                    read_details(index + 1);
                });
}

void OrderReconciler::answer() {
    // Orders carrying the typed PO number: exactly one whose details show the attempt, and none that
    // stays silent, is ours (rule 1 with proof); one that shows something else is a colleague's.
    std::vector<std::size_t> po_attempts;
    bool po_silent = false;
    for (std::size_t i = 0; i < po_candidates_; ++i) {
        if (verdicts_[i] == DetailsVerdict::attempts) po_attempts.push_back(i);
        if (verdicts_[i] == DetailsVerdict::silent) po_silent = true;
    }
    if (po_attempts.size() == 1 && !po_silent) {
        result_.match = candidates_[po_attempts.front()];
        result_.matched_by = MatchedBy::reference;
        result_.matched_by_po_number = true;
        result_.details_match.insert(result_.match->order_no);
        return finish(ReconcileStatus::found);
    }
    std::vector<OrderSummary> unexplained;
    for (std::size_t i = 0; i < candidates_.size(); ++i) {
        if (verdicts_[i] == DetailsVerdict::not_attempts) continue;
        if (verdicts_[i] == DetailsVerdict::attempts) result_.details_match.insert(candidates_[i].order_no);
        unexplained.push_back(candidates_[i]);
    }
    if (unexplained.empty()) return finish(ReconcileStatus::none);
    std::stable_sort(unexplained.begin(), unexplained.end(),
                     [](const OrderSummary& a, const OrderSummary& b) {
                         return create_time_ms(a.create_time) < create_time_ms(b.create_time);
                     });
    result_.unproven = std::move(unexplained);
    finish(ReconcileStatus::ambiguous);
}

void OrderReconciler::fail(ApiError error) {
    result_.error = std::move(error);
    finish(ReconcileStatus::error);
}

void OrderReconciler::finish(ReconcileStatus status) {
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
