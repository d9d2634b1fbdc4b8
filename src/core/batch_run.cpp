// BatchRun: orders one at a time, each exactly once, stopping at the first unknown outcome.
#include "batch_run.h"

#include "api_paths.h"
#include "batch_journal.h"
#include "decoders.h"
#include "order_body.h"
#include "order_outcome.h"

namespace rd {
namespace {

BatchRowStatus status_of_order(const std::string& order_status) {
    return order_status == "succeed" ? BatchRowStatus::placed : BatchRowStatus::pending;
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
    if (targets.empty() || counts().running || unknown_ || journal_found()) return;
    begin_run();
    rows_.clear();
    for (BatchTarget& target : targets)
        rows_.push_back(BatchRow{.target = std::move(target)});
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
    stopped_ = false;
    active_ = true;
}

void BatchRun::send_next() {
    if (!active_ || in_flight_ || unknown_) return;
    std::size_t row = 0;
    while (row < rows_.size() && rows_[row].status != BatchRowStatus::waiting)
        ++row;
    if (stopped_ || row == rows_.size()) return finish_batch();
    rows_[row].status = BatchRowStatus::sending; // before the request exists: this row is never sent again
    in_flight_ = row;
    sent_at_ms_ = clock_.epoch_ms();
    ++orders_sent_;
    write_journal(); // before the POST leaves: a crash from here on leaves a record to reconcile
    const std::uint64_t epoch = epoch_;
    client_.post_json(paths::create_order, order_body(row), [this, epoch, row](Result<ApiReply> reply) {
        if (epoch != epoch_) return;
        finish_row(row, reply);
    });
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
    // The PO number this row's order was sent with: the row's own one when it has one.
    ReconcileAttempt attempt{.sent_at_ms = sent_at_ms_,
                             .po_number = rows_[*unknown_].target.po_number.value_or(po_number_),
                             .known_order_nos = known_order_nos_};
    for (std::size_t i = 0; i < rows_.size(); ++i) // earlier rows' orders are never taken for this one
        if (i != *unknown_ && !rows_[i].order_no.empty()) attempt.known_order_nos.insert(rows_[i].order_no);
    const std::int64_t started_at = clock_.epoch_ms();
    const std::uint64_t epoch = epoch_;
    reconciler_.start(std::move(attempt), [this, started_at, epoch] {
        if (epoch != epoch_) return;
        const std::int64_t settled_at = unknown_since_ms_ + settle_ms_;
        if (reconciler_.result().status == ReconcileStatus::none && started_at < settled_at) {
            recheck_at_ms_ = settled_at; // too early to rule the order out: read the list again then
            return;
        }
        if (stopped_ && outcome_settled()) { // the person stopped the batch: nothing waits for resume()
            settle_unknown_row();
            finish_batch();
        }
    });
}

void BatchRun::tick() {
    if (recheck_at_ms_ && clock_.epoch_ms() >= *recheck_at_ms_) reconcile();
}

bool BatchRun::outcome_settled() const {
    const ReconcileStatus status = reconciler_.result().status;
    return unknown_ && !recheck_at_ms_ &&
           (status == ReconcileStatus::found || status == ReconcileStatus::none);
}

void BatchRun::settle_unknown_row() {
    BatchRow& row = rows_[*unknown_];
    const ReconcileResult& result = reconciler_.result();
    if (result.status == ReconcileStatus::found && result.match) {
        row.order_no = result.match->order_no;
        row.order_status = result.match->order_status;
        row.status = status_of_order(row.order_status);
    } else {
        row.status = BatchRowStatus::failed; // ruled out by a late enough reading: nothing was created
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
    if (in_flight_) return;               // its reply still gives the row its outcome; nothing more is sent
    if (unknown_) return write_journal(); // the record keeps the unresolved row, without the skipped ones
    finish_batch();
}

void BatchRun::finish_batch() {
    active_ = false;
    recheck_at_ms_.reset();
    for (const BatchRow& row : rows_)
        if (row.status == BatchRowStatus::unknown) return write_journal();
    journal_.clear();
}

void BatchRun::write_journal() {
    journal_.save(batch_journal_to_json(BatchRecord{.sent_at_ms = sent_at_ms_,
                                                    .base_url = base_url_,
                                                    .client_id = client_id_,
                                                    .plan_id = plan_id_,
                                                    .billing_id = billing_id_,
                                                    .po_number = po_number_,
                                                    .rows = rows_,
                                                    .in_flight = in_flight_}));
}

bool BatchRun::resume_from_journal() {
    if (active_ || in_flight_) return false;
    const auto text = journal_.load();
    if (!text) return false;
    auto record = batch_journal_from_json(*text);
    if (!record || !unresolved(*record)) return false;
    // Another account's (or host's) orders cannot be reconciled from this one's order list.
    if (record->client_id != client_.client_id() || record->base_url != client_.base_url()) return false;
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
        reconcile();
    }
    return true; // waits at the unknown row (or before the next waiting one) for resume()
}

} // namespace rd
