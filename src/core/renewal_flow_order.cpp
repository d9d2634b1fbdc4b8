// RenewalFlow's order: sending it exactly once, journaling it, its outcome, and reconciling an
// unknown outcome from the order list (also for an order journaled by an earlier session).
#include "core/renewal_flow.h"

#include "core/api_paths.h"
#include "core/decoders.h"
#include "core/order_body.h"

#include <algorithm>

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
    found_order_no_.clear();
    unknown_since_ms_ = entry.sent_at_ms; // the reply never came: count from when it was sent
    reading_started_at_ms_ = 0;
    resumed_at_ms_ = client_.clock().epoch_ms();
    stage_ = Stage::outcome_unknown; // reconciliation first; the lookups start once it has answered
    reconcile();
}

bool RenewalFlow::confirm() {
    // An unresolved order of an earlier session (another account or host) keeps the journal: no new
    // order may replace it until it is reconciled or the person says it is settled.
    if (stage_ != Stage::reviewing || journal_entry_) return false;
    journal_unwritable_ = false;
    // The journal must be ours before anything is written or sent. Another live copy holding it, or
    // an attempt it left there, means no order from this confirmation (the latter is adopted).
    if (!claim_journal(/*keep=*/true)) {
        refuse_unjournaled({.kind = DetailKind::journal_busy, .number = busy_holder_->pid});
        return false;
    }
    if (journal_entry_) {
        if (journal_is_this_accounts()) return resume_journaled_order(), false; // reconciled first
        journal_.release();
        refuse_unjournaled({.kind = DetailKind::earlier_order_unresolved});
        return false;
    }
    stage_ = Stage::submitting; // before the request exists: nothing can confirm this review again
    late_order_found_ = false;
    late_order_unproven_ = false;
    finished_elsewhere_.reset();
    auto suspects = history_->ruled_out_for(order_.partner_id.value_or(""), client_.base_url(),
                                            client_.client_id(), client_.clock().epoch_ms());
    if (!suspects.empty()) return check_for_late_commit(std::move(suspects)), true;
    send_order();
    return stage_ == Stage::submitting; // false: refused before anything left (no journal)
}

void RenewalFlow::check_for_late_commit(std::vector<RuledOutAttempt> suspects) {
    const RuledOutAttempt earlier = suspects.back(); // the newest first
    suspects.pop_back();
    const std::uint64_t epoch = epoch_;
    reconciler_.start(late_commit_check(earlier, client_.api_clock().offset(), accounted_orders()),
                      [this, epoch, earlier, suspects = std::move(suspects)]() mutable {
                          if (epoch != epoch_ || stage_ != Stage::submitting) return;
                          const ReconcileResult& result = reconciler_.result();
                          if (result.status == ReconcileStatus::error) {
                              journal_.release();
                              return refuse_unjournaled({.kind = DetailKind::late_check_unreadable});
                          }
                          if (result.status == ReconcileStatus::found) {
                              // The earlier attempt's order appeared after all: that is the answer, and
                              // nothing is sent.
                              late_order_found_ = true;
                              history_->forget_ruled_out(earlier.reference);
                              found_order_no_ = result.match->order_no;
                              account_for(found_order_no_, earlier.reference, result.match->order_status);
                              return show_earlier_attempt(earlier);
                          }
                          if (result.status == ReconcileStatus::ambiguous) {
                              // Orders carry the earlier attempt's PO number and nothing proves one is
                              // its order (or a colleague's): shown as that attempt's ambiguous outcome
                              // for the person to check; nothing is sent.
                              late_order_unproven_ = true;
                              return show_earlier_attempt(earlier);
                          }
                          if (!suspects.empty()) return check_for_late_commit(std::move(suspects));
                          send_order();
                      });
}

void RenewalFlow::show_earlier_attempt(const RuledOutAttempt& earlier) {
    journal_.release();
    attempt_ = JournalEntry{.sent_at_ms = earlier.sent_at_ms,
                            .base_url = earlier.base_url,
                            .client_id = earlier.client_id,
                            .target = earlier.target,
                            .plan_id = order_.plan_id,
                            .billing_id = earlier.billing_id.value ? earlier.billing_id : order_.billing_id,
                            .po_number = earlier.reference};
    unknown_since_ms_ = earlier.sent_at_ms;
    reading_started_at_ms_ = 0;
    resumed_at_ms_ = 0;
    recheck_at_ms_.reset();
    stage_ = Stage::outcome_unknown;
}

std::set<std::string> RenewalFlow::accounted_orders(const std::string& but) {
    std::set<std::string> known = known_order_nos_;
    for (std::string& order_no : history_->orders_of(client_.base_url(), client_.client_id()))
        known.insert(std::move(order_no));
    known.erase(but);
    return known;
}

void RenewalFlow::account_for(const std::string& order_no, const std::string& reference,
                              const std::string& order_status) {
    if (order_no.empty()) return;
    known_order_nos_.insert(order_no);
    history_->add_attempt_order({.order_no = order_no,
                                 .base_url = client_.base_url(),
                                 .client_id = client_.client_id(),
                                 .at_ms = client_.clock().epoch_ms(),
                                 .reference = reference,
                                 .order_status = order_status});
}

void RenewalFlow::send_order() {
    ++orders_sent_;
    found_order_no_.clear();
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
    // Before the POST leaves: a crash from here on leaves a record to reconcile. No journal, no order.
    if (!write_journal()) {
        --orders_sent_;
        journal_unwritable_ = true;
        journal_.release();
        refuse_unjournaled({.kind = DetailKind::journal_unwritable});
        return;
    }
    std::uint64_t epoch = epoch_;
    client_.post_json(paths::create_order, order_body_, [this, epoch](Result<ApiReply> reply) {
        if (epoch != epoch_) return;
        finish_order(std::move(reply));
    });
}

void RenewalFlow::finish_order(Result<ApiReply> reply) {
    const OrderOutcome outcome = order_outcome(reply);
    if (outcome == OrderOutcome::placed) {
        receipt_ = decode_order_receipt(reply.value().result);
        receipt_.request_id = reply.value().request_id;
        account_for(receipt_.order_no, attempt_.po_number, receipt_.order_status);
        error_.reset();
        stage_ = Stage::done;
        clear_journal();
        return;
    }
    error_ = reply.error();
    if (outcome == OrderOutcome::unknown) {
        stage_ = Stage::outcome_unknown;
        unknown_since_ms_ = client_.clock().epoch_ms();
        reading_started_at_ms_ = 0;
        resumed_at_ms_ = 0;
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

namespace {

ReconcileAttempt reconcile_attempt(const JournalEntry& entry, const std::optional<ClockOffset>& offset,
                                   const std::set<std::string>& known) {
    return {.sent_at_ms = entry.sent_at_ms,
            .window_start_ms = check_window_start(entry.sent_at_ms, offset),
            .reference = entry.po_number,
            .reference_unique = is_generated_reference(entry.po_number),
            .target = entry.target,
            .billing_id = entry.billing_id,
            .plan_id = entry.plan_id,
            .known_order_nos = known};
}

} // namespace

void RenewalFlow::reconcile() {
    if (stage_ != Stage::outcome_unknown || reconciler_.result().status == ReconcileStatus::checking) return;
    recheck_at_ms_.reset();
    const std::int64_t started_at = client_.clock().epoch_ms();
    reconciler_.start(
        reconcile_attempt(attempt_, client_.api_clock().offset(), accounted_orders(/*but=*/found_order_no_)),
        [this, started_at] {
            reading_started_at_ms_ = started_at;
            const ReconcileStatus status = reconciler_.result().status;
            if (status == ReconcileStatus::error && retry_errors_ && error_retries_ < max_error_retries)
                recheck_at_ms_ = client_.clock().epoch_ms() + error_retry_delay_ms(error_retries_++);
            if (status != ReconcileStatus::error) error_retries_ = 0;
            const std::int64_t settled_at = settles_at();
            if ((status == ReconcileStatus::none || status == ReconcileStatus::ambiguous) &&
                started_at < settled_at) {
                recheck_at_ms_ = settled_at; // the API may still commit: read again then
                if (status == ReconcileStatus::none) return;
            }
            if (status == ReconcileStatus::found && reconciler_.result().match) {
                found_order_no_ =
                    reconciler_.result().match->order_no; // this attempt's: Check again finds it
                account_for(found_order_no_, attempt_.po_number,
                            reconciler_.result().match->order_status); // never another attempt's
            }
            if (status == ReconcileStatus::none && !recheck_at_ms_ &&
                !attempt_.po_number.empty()) // may commit late
                history_->add_ruled_out({.reference = attempt_.po_number,
                                         .target = attempt_.target,
                                         .base_url = attempt_.base_url,
                                         .client_id = attempt_.client_id,
                                         .sent_at_ms = attempt_.sent_at_ms,
                                         .at_ms = client_.clock().epoch_ms(),
                                         .billing_id = attempt_.billing_id});
            if (status == ReconcileStatus::found || (status == ReconcileStatus::none && !recheck_at_ms_))
                clear_journal();                                      // the outcome is known
            if (users_.status == LookupStatus::idle) start_lookups(); // after a resumed journal
        });
}

std::int64_t RenewalFlow::settles_at() const {
    // A journal resumed later (a restart, a reload, another copy adopting it): the order's own
    // timeout after it was sent, and a whole settle time of this check.
    if (resumed_at_ms_)
        return std::max(unknown_since_ms_ + client_.order_timeout_ms(), resumed_at_ms_ + settle_ms_);
    return unknown_since_ms_ + settle_ms_;
}

RenewalFlow::FinishedElsewhere RenewalFlow::what_became_of(const JournalEntry& attempt,
                                                           AttemptHistory& history) {
    FinishedElsewhere finished{.attempt = attempt};
    // A typed PO number may be an earlier attempt's too: only an order recorded after this one was sent.
    finished.order = history.order_of_attempt(attempt.po_number, attempt.base_url, attempt.client_id);
    if (finished.order && finished.order->at_ms < attempt.sent_at_ms) finished.order.reset();
    finished.ruled_out =
        !finished.order && history.attempt_ruled_out(attempt.po_number, attempt.base_url, attempt.client_id);
    return finished;
}

void RenewalFlow::tick() {
    if (busy_holder_) { // follow the other copy's attempt as it writes its journal
        if (const auto text = journal_.load())
            if (auto entry = journal_from_json(*text)) watched_ = std::move(entry);
    }
    if (busy_holder_ && claim_journal(false)) { // the other copy is gone: what it left is ours now
        if (waiting_to_adopt_) {
            waiting_to_adopt_ = false;
            after_sign_in();
        } else if (journal_is_this_accounts() &&
                   (stage_ == Stage::choosing || stage_ == Stage::reviewing || stage_ == Stage::failed)) {
            resume_journaled_order();
        }
    }
    if (recheck_at_ms_ && client_.clock().epoch_ms() >= *recheck_at_ms_) reconcile();
}

bool RenewalFlow::outcome_settled() const {
    const ReconcileStatus status = reconciler_.result().status;
    return stage_ == Stage::outcome_unknown && !recheck_at_ms_ &&
           (status == ReconcileStatus::found || status == ReconcileStatus::none ||
            status == ReconcileStatus::ambiguous);
}

void RenewalFlow::forget_pending_journal() {
    if (stage_ != Stage::choosing && stage_ != Stage::reviewing && stage_ != Stage::signed_out) return;
    if ((busy_holder_ = journal_.claim())) return; // its owner lives: it is not ours to forget
    clear_journal();
    journal_.release();
}

bool RenewalFlow::write_journal() {
    if (!journal_.save(journal_to_json(attempt_))) return false;
    journal_entry_ = attempt_;
    return true;
}

void RenewalFlow::clear_journal() {
    if (!journal_entry_) return;
    journal_entry_.reset();
    journal_.clear();
    journal_.release(); // nothing of ours is left in it
}

bool RenewalFlow::claim_journal(bool keep) {
    const bool held_elsewhere = busy_holder_.has_value();
    const std::optional<JournalEntry> seen = watched_ ? watched_ : journal_entry_;
    if ((busy_holder_ = journal_.claim())) return false;
    journal_entry_.reset();
    if (auto text = journal_.load()) {
        journal_entry_ = journal_from_json(*text);
        if (!journal_entry_) journal_.clear(); // unreadable: nothing in it could be reconciled
    }
    // The other copy let go (whichever call finds out: a tick, the sign-in's reply, a confirmation):
    // the attempt it held finished if it left no journal, and what became of it is said.
    if (held_elsewhere) {
        watched_.reset();
        if (seen && !journal_entry_) finished_elsewhere_ = what_became_of(*seen, *history_);
    }
    // Kept only for what this flow writes or adopts: another account's record (or any record while
    // signed out) stays free for the copy that can reconcile it.
    if (!keep && (stage_ == Stage::signed_out || !journal_is_this_accounts())) journal_.release();
    return true;
}

bool RenewalFlow::journal_is_this_accounts() const {
    return journal_entry_ && journal_entry_->base_url == client_.base_url() &&
           journal_entry_->client_id == client_.client_id();
}

void RenewalFlow::refuse_unjournaled(ErrorDetail why) {
    error_ = ApiError{.kind = ErrorKind::input, .detail = std::move(why)};
    failure_ = OrderOutcome::not_sent;
    stage_ = Stage::failed;
}

std::string RenewalFlow::order_as_curl() const {
    return client_.redacted_curl("POST", paths::create_order, order_body_);
}

} // namespace rd
