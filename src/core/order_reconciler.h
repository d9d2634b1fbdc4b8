// OrderReconciler: after an order's outcome is unknown, finds out from the order list whether the
// Partner Portal created it, and never takes another operator's order for it. The API's sort order is
// undocumented, so the list is read from its newest end whichever way it is sorted: page 1 tells the
// direction within a page; when it cannot, the last page is read too and the two ends compared. Pages
// are read from the newest end inward until one holds an order older than the window.
//
// The window starts at the attempt's send time on the API's clock (createTime is the API's), less a
// margin (ReconcileAttempt::window_start_ms, made by check_window()). The rules, in this order:
//   1. An order whose reference (customReferenceNo) equals the attempt's is the attempt's: found,
//      wherever it sits in the pages read.
//   2. An order whose reference is non-empty and different is not the attempt's.
//   3. Orders already accounted for (receipts, orders found, any copy of RenewDesk) are not.
//   4. Orders left in the window (candidates) are read one by one (order/v1/get/{id}): details that
//      positively show another customer, billing contact or product explain the order away.
//   5. Any other candidate left: ambiguous (it cannot be proven or explained), never found or none.
//      Details that show the attempt's customer, contact and product are NOT proof: a colleague who
//      renews the same customer in the Partner Portal makes an order with the very same details (the
//      hostile soak took such orders for ours in 29 of 1,000 runs while rule 4 accepted them). Such
//      candidates are marked (details_match) so the person sees which order is most likely theirs.
//   6. none only when the whole window was read and no candidate is left. (That the settle time has
//      passed is the caller's rule: RenewalFlow and BatchRun read again until it has.)
// An order whose createTime cannot be read makes the check an error, never "before the attempt".
#pragma once

#include "core/api_client.h"
#include "core/attempt_history.h"
#include "core/ids.h"
#include "core/models.h"

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace rd {

struct ReconcileAttempt {
    std::int64_t sent_at_ms = 0;      // Unix epoch milliseconds on this computer
    std::int64_t window_start_ms = 0; // on the API's clock: orders created before it are not candidates
    std::string reference;            // the poNumber sent ("" when none was: an older journal)
    // A generated reference is unique to this attempt: it counts wherever it is found. A PO number the
    // person typed may repeat an older order's or a colleague's: it counts only inside the window, and
    // only when the order's details show this attempt (else the order is ambiguous, or explained away).
    bool reference_unique = false;
    // What was ordered, for proof by details: nullopt target = not known (never proven by details).
    std::optional<std::string> target; // "" = the partner itself, else the subordinate user's partnerId
    Id64 billing_id;
    Id64 plan_id;
    std::set<std::string> known_order_nos; // orders accounted for elsewhere (earlier receipts, other copies)
    // Only rule 1: is the order with this reference there? (found, else none; orders without the
    // reference are not looked at; a typed PO number's orders still need their details to be found,
    // else ambiguous.) For an attempt already ruled out, read again before another order for its
    // customer is sent.
    bool reference_only = false;
};

// The window's start on the API's clock for an attempt sent at `sent_at_ms` on this computer's clock:
// with the API's clock known, its lowest offset less `margin_ms`; without, `unknown_clock_margin_ms`
// before the send time on this computer's clock (wide: the rules keep it safe).
std::int64_t check_window_start(std::int64_t sent_at_ms, const std::optional<ClockOffset>& offset);
// The check before a new order for a customer whose earlier attempt was ruled out (a late commit):
// that attempt's reference alone, in its own window; `known` are the orders accounted for.
ReconcileAttempt late_commit_check(const RuledOutAttempt& earlier, const std::optional<ClockOffset>& offset,
                                   std::set<std::string> known);
inline constexpr std::int64_t window_margin_ms = 5'000;
inline constexpr std::int64_t unknown_clock_margin_ms = 15 * 60'000;

// found: an order proven to be the attempt's; none: the window was read and no unexplained order is
// left; ambiguous: orders were created in the window that RenewDesk can neither prove to be its own
// nor explain (check them in the Partner Portal); error: the list could not be read or understood.
enum class ReconcileStatus { idle, checking, found, none, ambiguous, error };
enum class MatchedBy { nothing, reference };

struct ReconcileResult {
    ReconcileStatus status = ReconcileStatus::idle;
    std::vector<OrderSummary> since_attempt; // orders in the window not accounted for, oldest first
    std::optional<OrderSummary> match;       // the order proven to be the attempt's
    MatchedBy matched_by = MatchedBy::nothing;
    bool matched_by_po_number = false;     // matched_by == reference
    std::vector<OrderSummary> unproven;    // ambiguous: the orders to check in the Partner Portal
    std::set<std::string> details_match;   // those of them whose details show the attempt's customer,
                                           // billing contact and product (orderNo)
    std::set<std::string> reference_match; // orders read that carry the attempt's reference (orderNo)
    bool references_echoed = false;        // some order read carried a customReferenceNo
    std::int64_t window_start_ms = 0;      // as asked (the API's clock)
    std::optional<ApiError> error;
    int pages_read = 0;
    int details_read = 0;
    std::int64_t checked_at_ms = 0; // when the answer was complete (this computer's clock)
};

// What an order's details (order/v1/get/{id} result) show about one attempt.
enum class DetailsVerdict { attempts, not_attempts, silent };
DetailsVerdict judge_details(const Json& details, const ReconcileAttempt& attempt);

class OrderReconciler {
  public:
    static constexpr int page_size = 25;         // the API's documented default
    static constexpr int max_pages = 200;        // 5,000 orders: past that, say "could not check"
    static constexpr int max_details_reads = 10; // more candidates than this: ambiguous without reading

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
    void judge(); // the list is read: rules 1-3, then details or the answer
    void read_details(std::size_t index);
    void answer(); // rules 4-6 once every candidate's details are in
    void fail(ApiError error);
    void finish(ReconcileStatus status);
    bool in_window(const OrderSummary& order) const;

    ApiClient& client_;
    ReconcileAttempt attempt_;
    std::function<void()> on_done_;
    ReconcileResult result_;
    std::uint64_t run_ = 0;
    Direction direction_ = Direction::unknown;
    std::int64_t total_pages_ = 1;
    std::map<std::int64_t, bool> page_has_older_; // pages read: does it hold an order from before the window?
    std::set<std::string> orders_seen_;
    std::vector<OrderSummary> read_;       // every order read, once
    std::vector<OrderSummary> candidates_; // the typed PO number's orders first, then rule 4's
    std::size_t po_candidates_ = 0;        // how many of candidates_ carry the typed PO number
    std::vector<DetailsVerdict> verdicts_; // one per candidate, as their details come in
    std::int64_t page1_newest_ = 0;
};

// After a check that could not read the list (an error), the app reads it again by itself this much
// later: 2, 4, 8, 16, 30, 60 s, then every 60 s; after max_error_retries the person's "Check again" is left.
std::int64_t error_retry_delay_ms(int tries_so_far);
inline constexpr int max_error_retries = 8;

// "idle", "checking", "found", "none", "ambiguous", "error": for test hooks and logs.
const char* reconcile_status_name(ReconcileStatus status);
// "", "reference".
const char* matched_by_name(MatchedBy matched_by);

} // namespace rd
