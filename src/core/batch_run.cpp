// BatchRun: orders one at a time, each exactly once, stopping at the first unknown outcome.
#include "core/batch_run.h"

#include "core/api_paths.h"
#include "core/batch_journal.h"
#include "core/decoders.h"
#include "core/order_body.h"
#include "core/order_outcome.h"
#include "core/order_reference.h"

#include <algorithm>

namespace rd {
namespace {

// models.h's table: an order that renewed nothing is a failed row (its order number kept).
BatchRowStatus status_of_order(const std::string& order_status) {
    switch (order_state(order_status)) {
    case OrderState::in_effect: return BatchRowStatus::placed;
    case OrderState::not_renewed: return BatchRowStatus::failed;
    case OrderState::awaiting_payment:
    case OrderState::other: return BatchRowStatus::pending;
    }
    return BatchRowStatus::pending;
}

// A record of an earlier batch that still has an order whose outcome is not known.
bool unresolved(const BatchRecord& record) {
    if (record.in_flight) return true;
    for (const BatchRow& row : record.rows)
        if (row.status == BatchRowStatus::unknown || row.status == BatchRowStatus::sending ||
            row.status == BatchRowStatus::waiting)
            return true;
    return false;
}

} // namespace

BatchRun::BatchRun(ApiClient& client, JournalStore* journal, const Clock& clock)
    : client_(client), clock_(clock), journal_(journal ? *journal : memory_journal_), reconciler_(client) {}

bool BatchRun::journal_found() const {
    const auto text = journal_.load();
    if (!text) return false;
    const auto record = batch_journal_from_json(*text);
    return record && unresolved(*record);
}

void BatchRun::start(std::vector<BatchTarget> targets, Id64 plan_id, Id64 billing_id, std::string po_number) {
    if (targets.empty() || counts().running || unknown_) return;
    if ((busy_holder_ = journal_.claim())) return; // another live copy's batch: nothing starts
    if (journal_found()) return journal_.release();
    journal_unwritable_ = false;
    finished_elsewhere_.reset();
    begin_run();
    rows_.clear();
    for (BatchTarget& target : targets) {
        // Every order carries a reference: the row's PO number, the batch's, or one of its own.
        if (!target.po_number && po_number.empty()) target.po_number = new_order_reference(random_);
        rows_.push_back(BatchRow{.target = std::move(target)});
    }
    plan_id_ = plan_id;
    billing_id_ = billing_id;
    po_number_ = std::move(po_number);
    base_url_ = client_.base_url();
    client_id_ = client_.client_id();
    send_next();
}

void BatchRun::begin_run() {
    ++epoch_; // a late answer of an earlier run is dropped
    in_flight_.reset();
    unknown_.reset();
    recheck_at_ms_.reset();
    reconciler_.reset();
    prechecking_.reset();
    stopped_ = false;
    active_ = true;
}

void BatchRun::send_next() {
    if (!active_ || in_flight_ || unknown_) return;
    std::size_t row = 0;
    while (row < rows_.size() && rows_[row].status != BatchRowStatus::waiting)
        ++row;
    if (stopped_ || row == rows_.size()) return finish_batch();
    if (!prechecking_) { // once per row: an earlier attempt for this customer may have committed late
        auto suspects =
            history_->ruled_out_for(rows_[row].target.partner_id, base_url_, client_id_, clock_.epoch_ms());
        if (!suspects.empty()) return precheck_row(row, std::move(suspects));
    }
    prechecking_.reset();
    rows_[row].status = BatchRowStatus::sending; // before the request exists: this row is never sent again
    in_flight_ = row;
    sent_at_ms_ = clock_.epoch_ms();
    ++orders_sent_;
    // Before the POST leaves: a crash from here on leaves a record to reconcile. No record, no order.
    if (!write_journal()) {
        --orders_sent_;
        in_flight_.reset();
        journal_unwritable_ = true;
        rows_[row].status = BatchRowStatus::failed;
        rows_[row].error =
            ApiError{.kind = ErrorKind::input, .detail = {.kind = DetailKind::batch_journal_unwritable}};
        return stop(); // every later row would meet the same disk
    }
    const std::uint64_t epoch = epoch_;
    client_.post_json(paths::create_order, order_body(row), [this, epoch, row](Result<ApiReply> reply) {
        if (epoch != epoch_) return;
        finish_row(row, reply);
    });
}

// Reads the list for the newest ruled-out attempt's reference, then the next one; found: that order
// is the row's and nothing is sent for it; none found: the row is sent (send_next, prechecking_ set).
void BatchRun::precheck_row(std::size_t index, std::vector<RuledOutAttempt> suspects) {
    prechecking_ = index;
    const RuledOutAttempt earlier = suspects.back();
    suspects.pop_back();
    const std::uint64_t epoch = epoch_;
    reconciler_.start(
        late_commit_check(earlier, client_.api_clock().offset(), accounted_orders(index)),
        [this, epoch, index, earlier, suspects = std::move(suspects)]() mutable {
            if (epoch != epoch_) return;
            BatchRow& row = rows_[index];
            const ReconcileResult& result = reconciler_.result();
            if (stopped_ || !active_ || row.status != BatchRowStatus::waiting) { // stopped meanwhile
                prechecking_.reset();
                if (active_) finish_batch();
                return;
            }
            if (result.status == ReconcileStatus::found && result.match) {
                prechecking_.reset();
                history_->forget_ruled_out(earlier.reference);
                row.order_no = result.match->order_no;
                row.order_status = result.match->order_status;
                row.status = status_of_order(row.order_status);
                row.found_late = true;
                account_for(row.order_no);
                return send_next();
            }
            if (result.status == ReconcileStatus::ambiguous) {
                // Orders carry the earlier attempt's PO number and nothing proves one is its order
                // (or a colleague's): the person checks them; this row is not sent.
                prechecking_.reset();
                row.status = BatchRowStatus::ambiguous;
                std::string orders;
                for (const OrderSummary& order : result.unproven)
                    orders += (orders.empty() ? "" : ", ") + order.order_no;
                row.error =
                    ApiError{.kind = ErrorKind::input,
                             .detail = {.kind = DetailKind::batch_late_orders_unproven, .value = orders}};
                return send_next();
            }
            if (result.status == ReconcileStatus::error) {
                prechecking_.reset();
                row.status = BatchRowStatus::failed; // not sent: nothing was created for this row
                row.error = ApiError{.kind = ErrorKind::input,
                                     .detail = {.kind = DetailKind::batch_late_check_unreadable}};
                if (result.error) row.request_id = result.error->request_id;
                return send_next();
            }
            if (!suspects.empty()) return precheck_row(index, std::move(suspects));
            send_next(); // prechecking_ is still set: this row goes out now
        });
}

std::set<std::string> BatchRun::accounted_orders(std::size_t except_row) const {
    std::set<std::string> known = known_order_nos_;
    for (std::string& order_no : history_->orders_of(base_url_, client_id_))
        known.insert(std::move(order_no));
    for (std::size_t i = 0; i < rows_.size(); ++i) // other rows' orders are never taken for this one
        if (i != except_row && !rows_[i].order_no.empty()) known.insert(rows_[i].order_no);
    if (except_row < rows_.size()) known.erase(rows_[except_row].order_no);
    return known;
}

void BatchRun::account_for(const std::string& order_no) {
    if (order_no.empty()) return;
    known_order_nos_.insert(order_no);
    history_->add_orders({order_no}, base_url_, client_id_, clock_.epoch_ms());
}

void BatchRun::finish_row(std::size_t index, const Result<ApiReply>& reply) {
    in_flight_.reset();
    BatchRow& row = rows_[index];
    const OrderOutcome outcome = order_outcome(reply);
    if (outcome == OrderOutcome::placed) {
        const OrderReceipt receipt = decode_order_receipt(reply.value().result);
        row.order_no = receipt.order_no;
        row.order_status = receipt.order_status;
        row.request_id = reply.value().request_id;
        row.error.reset();
        row.status = status_of_order(receipt.order_status);
        account_for(row.order_no);
        return send_next();
    }
    row.error = reply.error();
    row.request_id = reply.error().request_id;
    if (outcome != OrderOutcome::unknown) { // refused or never sent: nothing was created
        row.status = BatchRowStatus::failed;
        return send_next();
    }
    row.status = BatchRowStatus::unknown;
    unknown_ = index;
    unknown_since_ms_ = clock_.epoch_ms();
    resumed_at_ms_ = 0;
    write_journal();
    reconcile();
}

void BatchRun::add_known_orders(const std::vector<std::string>& order_nos) {
    for (const std::string& order_no : order_nos)
        if (!order_no.empty()) known_order_nos_.insert(order_no);
}

void BatchRun::reconcile() {
    if (!unknown_ || reconciler_.result().status == ReconcileStatus::checking) return;
    recheck_at_ms_.reset();
    // The reference this row's order was sent with: the row's own one when it has one.
    const BatchRow& row = rows_[*unknown_];
    const std::string reference = row.target.po_number.value_or(po_number_);
    ReconcileAttempt attempt{.sent_at_ms = sent_at_ms_,
                             .window_start_ms = check_window_start(sent_at_ms_, client_.api_clock().offset()),
                             .reference = reference,
                             .reference_unique = is_generated_reference(reference),
                             .target = row.target.partner_id,
                             .billing_id = billing_id_,
                             .plan_id = row.target.plan_id.value_or(plan_id_),
                             .known_order_nos = accounted_orders(*unknown_)};
    const std::int64_t started_at = clock_.epoch_ms();
    const std::uint64_t epoch = epoch_;
    reconciler_.start(std::move(attempt), [this, started_at, epoch] {
        if (epoch != epoch_) return;
        const std::int64_t settled_at =
            resumed_at_ms_
                ? std::max(unknown_since_ms_ + client_.order_timeout_ms(), resumed_at_ms_ + settle_ms_)
                : unknown_since_ms_ + settle_ms_;
        const ReconcileStatus status = reconciler_.result().status;
        if (status == ReconcileStatus::error && retry_errors_ && error_retries_ < max_error_retries)
            recheck_at_ms_ = clock_.epoch_ms() + error_retry_delay_ms(error_retries_++);
        if (status != ReconcileStatus::error) error_retries_ = 0;
        if (status == ReconcileStatus::found && reconciler_.result().match)
            account_for(reconciler_.result().match->order_no); // never another attempt's
        if ((status == ReconcileStatus::none || status == ReconcileStatus::ambiguous) &&
            started_at < settled_at) {
            recheck_at_ms_ = settled_at; // the API may still commit: read the list again then
            return;
        }
        if (stopped_ && outcome_settled()) { // the person stopped the batch: nothing waits for resume()
            settle_unknown_row();
            finish_batch();
        }
    });
}

void BatchRun::tick() {
    if (busy_holder_) { // follow the other copy's batch as it writes its record
        if (const auto text = journal_.load())
            if (auto record = batch_journal_from_json(*text)) {
                if (!watched_) watched_since_ms_ = record->sent_at_ms;
                watched_account_ = record->base_url + "\n" + record->client_id;
                watched_ = std::move(record->rows);
            }
    }
    if (busy_holder_ && !(busy_holder_ = journal_.claim())) { // free now: say so
        journal_.release();
        if (watched_ &&
            !journal_found()) { // it finished: its final record, if it left one, else what was seen
            finished_elsewhere_ = std::move(watched_);
            const auto last = batch_journal_from_json(history_->load().last_batch);
            if (last && last->base_url + "\n" + last->client_id == watched_account_ &&
                last->sent_at_ms >= watched_since_ms_)
                finished_elsewhere_ = last->rows;
        }
        watched_.reset();
    }
    if (recheck_at_ms_ && clock_.epoch_ms() >= *recheck_at_ms_) reconcile();
}

bool BatchRun::outcome_settled() const {
    const ReconcileStatus status = reconciler_.result().status;
    return unknown_ && !recheck_at_ms_ &&
           (status == ReconcileStatus::found || status == ReconcileStatus::none ||
            status == ReconcileStatus::ambiguous);
}

void BatchRun::settle_unknown_row() {
    BatchRow& row = rows_[*unknown_];
    const ReconcileResult& result = reconciler_.result();
    if (result.status == ReconcileStatus::found && result.match) {
        row.order_no = result.match->order_no;
        row.order_status = result.match->order_status;
        row.status = status_of_order(row.order_status);
    } else if (result.status == ReconcileStatus::ambiguous) {
        row.status = BatchRowStatus::ambiguous; // orders nobody can prove or explain: never "failed"
    } else {
        row.status = BatchRowStatus::failed; // ruled out by a late enough reading: nothing was created
        const std::string reference = row.target.po_number.value_or(po_number_);
        if (!reference.empty()) // it may still commit late: the next order for this customer looks first
            history_->add_ruled_out({.reference = reference,
                                     .target = row.target.partner_id,
                                     .base_url = base_url_,
                                     .client_id = client_id_,
                                     .sent_at_ms = sent_at_ms_,
                                     .at_ms = clock_.epoch_ms(),
                                     .billing_id = billing_id_});
    }
    unknown_.reset();
}

void BatchRun::resume() {
    if (!active_ || in_flight_) return;
    if (unknown_) {
        if (!outcome_settled()) return;
        settle_unknown_row();
    }
    send_next();
}

void BatchRun::stop() {
    if (!active_) return;
    stopped_ = true;
    for (BatchRow& row : rows_)
        if (row.status == BatchRowStatus::waiting) row.status = BatchRowStatus::skipped;
    if (unknown_ && outcome_settled()) settle_unknown_row();
    if (in_flight_) return; // its reply still gives the row its outcome; nothing more is sent
    if (unknown_) {         // the record keeps the unresolved row, without the skipped ones
        write_journal();
        return;
    }
    finish_batch();
}

void BatchRun::finish_batch() {
    active_ = false;
    recheck_at_ms_.reset();
    for (const BatchRow& row : rows_)
        if (row.status == BatchRowStatus::unknown) {
            write_journal(); // kept, and held while this process lives
            return;
        }
    history_->set_last_batch(batch_journal_to_json(record())); // for a copy that waited on it
    journal_.clear();
    journal_.release();
}

BatchRecord BatchRun::record() const {
    return BatchRecord{.sent_at_ms = sent_at_ms_,
                       .base_url = base_url_,
                       .client_id = client_id_,
                       .plan_id = plan_id_,
                       .billing_id = billing_id_,
                       .po_number = po_number_,
                       .rows = rows_,
                       .in_flight = in_flight_};
}

bool BatchRun::write_journal() {
    return journal_.save(batch_journal_to_json(record()));
}

bool BatchRun::resume_from_journal() {
    if (active_ || in_flight_) return false;
    if ((busy_holder_ = journal_.claim())) return false; // its owner lives: never resumed twice
    const auto text = journal_.load();
    auto record = text ? batch_journal_from_json(*text) : std::nullopt;
    // Another account's (or host's) orders cannot be reconciled from this one's order list.
    if (!record || !unresolved(*record) || record->client_id != client_.client_id() ||
        record->base_url != client_.base_url()) {
        journal_.release();
        return false;
    }
    begin_run();
    rows_ = std::move(record->rows);
    plan_id_ = record->plan_id;
    billing_id_ = record->billing_id;
    po_number_ = std::move(record->po_number);
    base_url_ = std::move(record->base_url);
    client_id_ = std::move(record->client_id);
    sent_at_ms_ = record->sent_at_ms;
    for (std::size_t i = 0; i < rows_.size(); ++i)
        if (rows_[i].status == BatchRowStatus::sending || rows_[i].status == BatchRowStatus::unknown ||
            record->in_flight == i) {
            rows_[i].status = BatchRowStatus::unknown; // the reply never came: reconciled first
            unknown_ = i;
        }
    if (unknown_) {
        unknown_since_ms_ = sent_at_ms_; // count the settle time from when it was sent
        resumed_at_ms_ = clock_.epoch_ms();
        reconcile();
    }
    return true; // waits at the unknown row (or before the next waiting one) for resume()
}

} // namespace rd
