// RenewalFlow's order: sending it exactly once, journaling it, its outcome, and reconciling an
// unknown outcome from the order list (also for an order journaled by an earlier session).
#include "renewal_flow.h"

#include "api_paths.h"
#include "decoders.h"
#include "order_body.h"

namespace rd {

void RenewalFlow::resume_journaled_order() {
    const JournalEntry& entry = *journal_entry_;
    selection_ = Selection{.target = entry.target, .plan_id = entry.plan_id, .billing_id = entry.billing_id};
    order_ = RenewalOrder{
        .partner_id = entry.target.empty() ? std::nullopt : std::optional<std::string>(entry.target),
        .billing_id = entry.billing_id,
        .plan_id = entry.plan_id,
        .po_number = entry.po_number,
    };
    order_body_ = renewal_order_body(order_);
    attempt_ = entry;
    unknown_since_ms_ = entry.sent_at_ms; // the reply never came: count from when it was sent
    stage_ = Stage::outcome_unknown;      // reconciliation first; the lookups start once it has answered
    reconcile();
}

bool RenewalFlow::confirm() {
    // An unresolved order of an earlier session (another account or host) keeps the journal: no new
    // order may replace it until it is reconciled or the person says it is settled.
    if (stage_ != Stage::reviewing || journal_entry_) return false;
    stage_ = Stage::submitting; // before the request exists: nothing can confirm this review again
    ++orders_sent_;
    const SubordinateUser* user = chosen_user();
    attempt_ = JournalEntry{
        .sent_at_ms = client_.clock().epoch_ms(),
        .base_url = client_.base_url(),
        .client_id = client_.client_id(),
        .target = order_.partner_id.value_or(""),
        .target_name = user ? user->company : std::string(),
        .plan_id = order_.plan_id,
        .billing_id = order_.billing_id,
        .po_number = order_.po_number,
    };
    write_journal(); // before the POST leaves: a crash from here on leaves a record to reconcile
    std::uint64_t epoch = epoch_;
    client_.post_json(paths::create_order, order_body_, [this, epoch](Result<ApiReply> reply) {
        if (epoch != epoch_) return;
        finish_order(std::move(reply));
    });
    return true;
}

void RenewalFlow::finish_order(Result<ApiReply> reply) {
    const OrderOutcome outcome = order_outcome(reply);
    if (outcome == OrderOutcome::placed) {
        receipt_ = decode_order_receipt(reply.value().result);
        receipt_.request_id = reply.value().request_id;
        known_order_nos_.insert(receipt_.order_no);
        error_.reset();
        stage_ = Stage::done;
        clear_journal();
        return;
    }
    error_ = reply.error();
    if (outcome == OrderOutcome::unknown) {
        stage_ = Stage::outcome_unknown;
        unknown_since_ms_ = client_.clock().epoch_ms();
        reconcile();
        return;
    }
    failure_ = outcome; // not_sent or refused: no order was created
    stage_ = Stage::failed;
    clear_journal();
}

void RenewalFlow::add_known_orders(const std::vector<std::string>& order_nos) {
    for (const std::string& order_no : order_nos)
        if (!order_no.empty()) known_order_nos_.insert(order_no);
}

void RenewalFlow::reconcile() {
    if (stage_ != Stage::outcome_unknown || reconciler_.result().status == ReconcileStatus::checking) return;
    recheck_at_ms_.reset();
    const std::int64_t started_at = client_.clock().epoch_ms();
    reconciler_.start({.sent_at_ms = attempt_.sent_at_ms,
                       .po_number = attempt_.po_number,
                       .known_order_nos = known_order_nos_},
                      [this, started_at] {
                          const ReconcileStatus status = reconciler_.result().status;
                          const std::int64_t settled_at = unknown_since_ms_ + settle_ms_;
                          if (status == ReconcileStatus::none && started_at < settled_at) {
                              recheck_at_ms_ =
                                  settled_at; // too early to rule the order out: read the list again then
                              return;
                          }
                          if (status == ReconcileStatus::found || status == ReconcileStatus::none)
                              clear_journal();                                      // the outcome is known
                          if (users_.status == LookupStatus::idle) start_lookups(); // after a resumed journal
                      });
}

void RenewalFlow::tick() {
    if (recheck_at_ms_ && client_.clock().epoch_ms() >= *recheck_at_ms_) reconcile();
}

bool RenewalFlow::outcome_settled() const {
    const ReconcileStatus status = reconciler_.result().status;
    return stage_ == Stage::outcome_unknown && !recheck_at_ms_ &&
           (status == ReconcileStatus::found || status == ReconcileStatus::none);
}

void RenewalFlow::forget_pending_journal() {
    if (stage_ == Stage::choosing || stage_ == Stage::reviewing || stage_ == Stage::signed_out)
        clear_journal();
}

void RenewalFlow::write_journal() {
    journal_entry_ = attempt_;
    journal_.save(journal_to_json(attempt_));
}

void RenewalFlow::clear_journal() {
    if (!journal_entry_) return;
    journal_entry_.reset();
    journal_.clear();
}

std::string RenewalFlow::order_as_curl() const {
    return client_.redacted_curl("POST", paths::create_order, order_body_);
}

} // namespace rd
