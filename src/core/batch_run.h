// BatchRun: many renewals in one sitting, one billing contact for all of them, and one plan and PO
// number for all of them unless a row names its own (a command-line CSV batch may).
//
// Orders go out one at a time, never two in flight, each at most once, through the same rules as a
// single renewal (order_outcome.h): a failure after a request may have left is `unknown`, never
// `failed`. The batch stops at the first unknown row, reconciles that order from the order list
// (order_reconciler.h) and goes on only when the person says so (resume()). Nothing is ever re-sent
// by itself: failed rows can be sent again only as a new batch (failed_targets()).
// The batch is journaled before every POST (which rows are done, which one is in flight), so a
// reload or a crash resumes at the right row, the in-flight one reconciled first. A row whose record
// cannot be written is not sent (failed, journal_unwritable()) and the batch stops there. The
// journal has one owner (JournalStore::claim): start() and resume_from_journal() do nothing while
// another live copy holds it (busy_holder(); tick() looks again), and a finished batch releases it.
//
//   BatchRun batch(client, &journal_store, clock);
//   batch.start(targets, plan_id, billing_id, po_number);   // sends row 0
//   ... transport.poll() delivers replies; batch.tick() once per frame for timed re-readings ...
//   batch.stopped_at_unknown() -> the UI shows the reconciliation; batch.resume() goes on
//   batch.csv()                -> one line per target
#pragma once

#include "core/api_client.h"
#include "core/api_error.h"
#include "core/attempt_history.h"
#include "core/ids.h"
#include "core/models.h"
#include "core/order_journal.h"
#include "core/order_reconciler.h"
#include "core/order_reference.h"

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace rd {

struct BatchTarget {
    std::string partner_id;               // "" = the partner itself ("Renew for myself")
    std::string company;                  // as shown when it was chosen (for the rows and the CSV)
    std::optional<Id64> plan_id;          // this row's plan instead of the batch's
    std::optional<std::string> po_number; // this row's PO number instead of the batch's ("" = none)
    // Set by failed_targets() for a row whose order exists but renewed nothing (failed, cancelled,
    // refunded): ordering again for this customer asks the person first.
    std::string earlier_order_no;
    std::string earlier_order_status;
};

enum class BatchRowStatus {
    waiting,   // not sent yet
    sending,   // the POST is in flight
    placed,    // success and orderStatus "succeed": placed and paid
    pending,   // success with another order status (waiting for payment or review)
    failed,    // refused by the API, or never sent: nothing was created
    unknown,   // may or may not exist: being (or to be) reconciled
    ambiguous, // orders were created that nobody can prove to be this row's or explain: check them
    skipped,   // the batch was stopped before this row was sent
};

struct BatchRow {
    BatchTarget target;
    BatchRowStatus status = BatchRowStatus::waiting;
    std::string order_no;     // when placed / pending, or found by reconciliation
    std::string order_status; // the API's word
    std::string request_id;   // of the order POST's reply, when one came
    std::optional<ApiError> error;
    // Not sent: the order of an earlier attempt for this customer (ruled out then) appeared late, and
    // is this row's order (order_no, order_status).
    bool found_late = false;
};

struct BatchCounts {
    int size = 0, sent = 0, placed = 0, failed = 0, unknown = 0;
    int pending = 0;      // placed but not paid yet (not in `placed`)
    int ambiguous = 0;    // orders exist that nobody can prove to be the row's (not in `unknown`)
    bool running = false; // an order or a reconciliation is in flight, or rows wait to be sent
};

struct BatchRecord; // batch_journal.h

// The rows' counts (running not set); `waiting_rows`, when given, says whether a row waits to be sent.
BatchCounts count_rows(const std::vector<BatchRow>& rows, bool* waiting_rows = nullptr);

class BatchRun {
  public:
    // `journal` (owned by the caller) keeps the batch record; null keeps it in memory only.
    BatchRun(ApiClient& client, JournalStore* journal, const Clock& clock);

    // Starts a batch (ignored while one is running). Rows are sent in the order given; a row's own
    // plan_id / po_number, when set, replace `plan_id` / `po_number` for that row only.
    void start(std::vector<BatchTarget> targets, Id64 plan_id, Id64 billing_id, std::string po_number);
    // After a stop at an unknown row: goes on with the next row (only once that row's reconciliation
    // has settled it: found, or ruled out by a late enough reading).
    void resume();
    void stop();      // sends nothing more; waiting rows become skipped
    void reconcile(); // reads the order list again for the unknown row
    void tick();      // timers: call once per frame
    // A journal found at start-up (the record of an interrupted batch): after sign-in, the in-flight
    // row is reconciled first and the batch waits at it for resume().
    bool resume_from_journal();

    const std::vector<BatchRow>& rows() const { return rows_; }
    BatchCounts counts() const;
    bool stopped_at_unknown() const;
    std::optional<std::size_t> unknown_row() const;
    const ReconcileResult& reconciliation() const;
    std::vector<BatchTarget> failed_targets() const; // for a new batch of just those
    // "partnerId,company,orderNo,status,requestId\r\n" then one line per target (RFC 4180 quoting).
    std::string csv() const;
    std::string order_body(std::size_t row) const; // exactly what is / was sent for that row

    // "No order" is believed only from a reading this long after the outcome became unknown.
    void set_settle_ms(std::int64_t settle_ms) { settle_ms_ = settle_ms; }
    static constexpr std::int64_t default_settle_ms = 30'000;
    std::optional<std::int64_t> recheck_at_ms() const { return recheck_at_ms_; }
    // Stopped at an unknown row whose order was found or ruled out: resume() will go on.
    bool outcome_settled() const;
    // The store holds an interrupted batch (resume_from_journal() after sign-in picks it up).
    bool journal_found() const;
    // Another live copy holds the batch journal: start() and resume_from_journal() did nothing.
    const std::optional<JournalHolder>& busy_holder() const { return busy_holder_; }
    // The rows of the batch another copy holds, as its record last showed them (followed by tick()
    // while busy), and once that copy let go with nothing left unresolved, its last record's rows: its
    // outcome, row by row. Cleared when this copy starts a batch.
    const std::optional<std::vector<BatchRow>>& watched_rows() const { return watched_; }
    const std::optional<std::vector<BatchRow>>& finished_elsewhere() const { return finished_elsewhere_; }
    // A row was not sent because the journal could not be written (the batch stopped there).
    bool journal_unwritable() const { return journal_unwritable_; }
    int orders_sent() const { return orders_sent_; } // order POSTs handed to the client by this object
    // Orders already accounted for elsewhere (earlier runs on this computer, another process): a
    // reconciliation never takes one of them for an unknown row's order. Kept across batches; the
    // rows' own order numbers are excluded as well (BatchRow::order_no tells what a run learned).
    void add_known_orders(const std::vector<std::string>& order_nos);
    // What every copy on this computer / in this browser accounted for (attempt_history.h), as
    // RenewalFlow::set_history: its orders are never taken for a row's; each row's order placed or
    // found is added at once; a row ruled out ("none") is recorded, and before a row is sent for a
    // customer whose earlier attempt was ruled out within the hour, the list is read for that attempt's
    // reference: if its order appeared late, the row takes it (found_late) and nothing is sent for it.
    // Null: memory only.
    void set_history(AttemptHistory* history) { history_ = history ? history : &memory_history_; }

  private:
    ApiClient& client_;
    const Clock& clock_;
    MemoryJournalStore memory_journal_;
    JournalStore& journal_;
    OrderReconciler reconciler_;
    std::vector<BatchRow> rows_;
    Id64 plan_id_;
    Id64 billing_id_;
    std::string po_number_;
    // The implementation adds what it needs below (the row in flight, epochs, timers).
    void send_next();
    void finish_row(std::size_t row, const Result<ApiReply>& reply);
    void settle_unknown_row(); // the reconciliation's answer becomes the row's outcome
    void finish_batch();
    BatchRecord record() const;
    bool write_journal();
    void begin_run(); // what a new batch and one resumed from the journal both start from
    std::string base_url_;
    std::string client_id_;
    std::optional<std::size_t> in_flight_;
    std::optional<std::size_t> unknown_; // the batch waits at this row
    bool active_ = false;                // started (or resumed from the journal) and not finished
    bool stopped_ = false;
    std::uint64_t epoch_ = 0;     // bumped on every start, so a late answer of an earlier batch is dropped
    std::int64_t sent_at_ms_ = 0; // the last order POST's time (epoch ms)
    std::int64_t settle_ms_ = default_settle_ms;
    std::int64_t unknown_since_ms_ = 0;
    std::optional<std::int64_t> recheck_at_ms_;
    int orders_sent_ = 0;
    MemoryAttemptHistory memory_history_;
    AttemptHistory* history_ = &memory_history_;
    std::optional<std::size_t> prechecking_; // this row's customer's earlier attempt is being looked for
    void precheck_row(std::size_t row, std::vector<RuledOutAttempt> suspects);
    std::set<std::string> accounted_orders(std::size_t except_row) const;
    void account_for(const std::string& order_no);
    std::set<std::string> known_order_nos_; // add_known_orders()
    std::optional<JournalHolder> busy_holder_;
    std::optional<std::vector<BatchRow>> watched_;
    std::int64_t watched_since_ms_ = 0; // the first record seen: its last send time
    std::string watched_account_;       // its base URL and Client ID
    std::optional<std::vector<BatchRow>> finished_elsewhere_;
    bool journal_unwritable_ = false;
    std::int64_t resumed_at_ms_ = 0; // when the journaled batch was resumed (0: live)
    RandomWord random_;              // for the rows' references (tests: set_random)

  public:
    void set_random(RandomWord random) { random_ = std::move(random); }
    // A check that could not read the list reads it again by itself (error_retry_delay_ms).
    void set_retry_errors(bool on) { retry_errors_ = on; }

  private:
    bool retry_errors_ = false;
    int error_retries_ = 0;
};

} // namespace rd
