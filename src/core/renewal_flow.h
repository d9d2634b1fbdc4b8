// RenewalFlow: the state machine of one renewal, and the only place that decides what is sent.
//
//   signed_out -> signing_in -> choosing -> reviewing -> submitting -> done | failed | outcome_unknown
//
// After sign-in the three lookups (subordinate users, plans, billing contacts) go out together and
// load while the person is already on the choosing screen; each has its own status and can be
// retried alone. confirm() sends the reviewed body at most once: it only acts in `reviewing` and
// leaves that stage before the request is handed to the transport, so a second click, Enter or a
// re-render cannot send again, and nothing ever retries the POST. A failure after the request may
// have left is `outcome_unknown` (order_outcome.h has the rules): the flow then reconciles by
// itself, reading the order list to find the order or rule it out, and never resends.
// Before the POST leaves, the attempt is written to the in-flight journal; it is cleared only once
// the outcome is known. A journal found at start-up makes the next sign-in reconcile first.
// The journal has one owner (JournalStore::claim): confirm() claims it before writing, and sends
// nothing when another live copy holds it or the journal cannot be written (Stage::failed, nothing
// sent). A journal another live copy holds is never adopted, settled or cleared: the flow shows the
// holder (busy_holder()) and tick() tries again; it adopts the attempt once the holder is gone.
// signing_in lasts, after the sign-in's answer, while the holder of this account's journal lives.
#pragma once

#include "core/api_client.h"
#include "core/attempt_history.h"
#include "core/models.h"
#include "core/order_journal.h"
#include "core/order_outcome.h"
#include "core/order_reconciler.h"
#include "core/order_reference.h"

#include <optional>
#include <set>
#include <string>
#include <vector>

namespace rd {

enum class Stage { signed_out, signing_in, choosing, reviewing, submitting, done, failed, outcome_unknown };
enum class LookupStatus { idle, loading, loaded, failed };
enum class LookupKind { users, plans, contacts };
// The first choice still missing before the review: who the renewal is for, the plan, the contact.
enum class MissingChoice { target, plan, contact };

template <class T> struct Lookup {
    LookupStatus status = LookupStatus::idle;
    T value{};
    std::optional<ApiError> error;
    std::vector<std::string> skipped; // raw text of list entries that could not be read
};

// The typed text of a hand-entered id lives in the screen's field alone; the flow keeps what it means.
struct Selection {
    std::optional<std::string> target; // "" = the partner itself, else the subordinate user's partnerId
    std::optional<Id64> plan_id;
    std::optional<ApiError> typed_plan_error;
    std::optional<Id64> billing_id;
    std::optional<ApiError> typed_billing_error;
};

class RenewalFlow {
  public:
    // `journal` (owned by the caller) keeps the in-flight record; null keeps it in memory only.
    explicit RenewalFlow(ApiClient& client, JournalStore* journal = nullptr);

    // Actions. Each is ignored when it makes no sense in the current stage.
    void sign_in(const std::string& base_url, std::string client_id, std::string client_secret);
    void sign_out();
    void retry_lookup(LookupKind kind);
    void choose_myself();
    void choose_subordinate(const std::string& partner_id);
    void choose_plan(Id64 plan_id);
    void type_plan_id(const std::string& text);
    void choose_billing_contact(Id64 billing_id);
    void type_billing_id(const std::string& text);
    void review();
    // On the review screen: the person's PO number; "" keeps the generated reference (order_reference.h).
    void set_po_number(const std::string& text);
    const std::string& generated_reference() const { return generated_reference_; }
    void set_random(RandomWord random) { random_ = std::move(random); } // tests: a fixed reference
    void back_to_choosing();
    // True when this confirmation is on its way: the order was handed to the client, or first the
    // order list is read for an earlier attempt for the same customer that was ruled out within the
    // hour (a late commit); if that order is there, nothing is sent (late_order_found()).
    bool confirm();
    void reconcile(); // check the order list (again) after an unknown outcome
    // Timers: call once per frame. Starts the order list's second reading when it is due.
    void tick();
    // "No order" is believed only from a reading taken this long after the outcome became unknown:
    // a Partner Portal that timed out or dropped the connection may still be committing the order.
    void set_settle_ms(std::int64_t settle_ms) { settle_ms_ = settle_ms; }
    static constexpr std::int64_t default_settle_ms = 30'000;
    // Epoch ms of the next automatic reading of the order list while "no order yet" is not final.
    std::optional<std::int64_t> recheck_at_ms() const { return recheck_at_ms_; }
    // The settle rule's own times (epoch ms): when the outcome became unknown, from when a reading of
    // the order list may say "none", and when the reading behind the current answer started.
    std::int64_t unknown_since_ms() const { return unknown_since_ms_; }
    std::int64_t settles_at_ms() const { return settles_at(); }
    std::int64_t reading_started_at_ms() const { return reading_started_at_ms_; }
    // The person checked an earlier session's unresolved order elsewhere: drop its journal entry.
    void forget_pending_journal();
    void renew_another();
    // Orders already accounted for elsewhere (earlier runs on this computer, another process): a
    // reconciliation never takes one of them for this flow's attempt. Merged with what this session
    // learns (receipts, found orders); kept across sign-out.
    void add_known_orders(const std::vector<std::string>& order_nos);
    // What this computer or browser accounted for, shared with every copy (attempt_history.h); owned
    // by the caller. Null: this flow's memory only.
    void set_history(AttemptHistory* history) { history_ = history ? history : &memory_history_; }
    // The last confirmation found, instead of sending, the order of an earlier attempt for the same
    // customer that had been ruled out: it committed late. Shown as the found order; nothing was sent.
    bool late_order_found() const { return late_order_found_; }
    // The last confirmation found orders carrying such an earlier attempt's PO number that nothing
    // proves to be its order: shown as that attempt's ambiguous outcome; nothing was sent.
    bool late_order_unproven() const { return late_order_unproven_; }
    // A check that could not read the list reads it again by itself (error_retry_delay_ms), as the
    // apps want; the CLI keeps its own loop. recheck_at_ms() tells when.
    void set_retry_errors(bool on) { retry_errors_ = on; }

    // State.
    Stage stage() const { return stage_; }
    const JournalEntry& attempt() const { return attempt_; } // the order last confirmed or resumed
    const Lookup<std::vector<SubordinateUser>>& users() const { return users_; }
    const Lookup<PlanCatalog>& plans() const { return plans_; }
    const Lookup<std::vector<BillingContact>>& contacts() const { return contacts_; }
    const ReconcileResult& reconciliation() const { return reconciler_.result(); }
    // The check has its answer: found, ruled out by a late enough reading, or ambiguous (orders nobody
    // can prove or explain: the person checks them in the Partner Portal).
    bool outcome_settled() const;
    // The failed screen's reason: not_sent or refused (only meaningful in Stage::failed).
    OrderOutcome failure() const { return failure_; }
    // An order of an earlier session whose outcome is still unknown (shown before sign-in).
    const std::optional<JournalEntry>& pending_journal() const { return journal_entry_; }
    // Another live copy of RenewDesk holds the journal: this flow waits for it (tick() checks again).
    const std::optional<JournalHolder>& busy_holder() const { return busy_holder_; }
    // The attempt another copy holds, as its journal last showed it (while busy_holder()): followed as
    // that copy writes it.
    const std::optional<JournalEntry>& watched_attempt() const { return watched_; }
    // That copy let go of the journal and left it empty: what it recorded of the attempt's outcome in the
    // shared history (its order, or that its check ruled it out; neither: no record here). Cleared by
    // the next confirmation and by sign-out.
    struct FinishedElsewhere {
        JournalEntry attempt;
        std::optional<AccountedOrder> order;
        bool ruled_out = false;
    };
    const std::optional<FinishedElsewhere>& finished_elsewhere() const { return finished_elsewhere_; }
    // What `history` holds of an attempt another copy finished (its order, or that it was ruled out).
    static FinishedElsewhere what_became_of(const JournalEntry& attempt, AttemptHistory& history);
    // The last confirm() sent nothing because the journal could not be written.
    bool journal_unwritable() const { return journal_unwritable_; }
    const Selection& selection() const { return selection_; }
    std::optional<MissingChoice> missing_choice() const; // what is still needed before review
    const RenewalOrder& order() const { return order_; }
    const std::string& order_body() const { return order_body_; } // exactly what is / was sent
    std::string order_as_curl() const;
    const OrderReceipt& receipt() const { return receipt_; }
    const std::optional<ApiError>& error() const { return error_; }
    const SubordinateUser* chosen_user() const;
    const Plan* chosen_plan() const;
    const BillingContact* chosen_contact() const;
    int orders_sent() const { return orders_sent_; }
    // Every order number this flow accounts for: those added, receipts and orders found so far.
    const std::set<std::string>& known_orders() const { return known_order_nos_; }
    bool busy() const { return client_.requests_in_flight() > 0; }

  private:
    void start_lookups();
    void load_users();
    void load_plans();
    void load_contacts();
    void finish_order(Result<ApiReply> reply);
    void resume_journaled_order();
    bool write_journal();
    void clear_journal();
    // Claims the journal and reads it again (its holder may have changed it); false while another
    // live copy holds it. The claim is kept while a record is there, or when `keep`.
    bool claim_journal(bool keep);
    bool journal_is_this_accounts() const;
    void after_sign_in();                     // the sign-in has answered and the journal is ours (or none)
    void refuse_unjournaled(ErrorDetail why); // confirm() sends nothing: Stage::failed, not sent
    void reset_choices();
    void preselect();

    ApiClient& client_;
    MemoryJournalStore memory_journal_;
    JournalStore& journal_;
    std::optional<JournalEntry> journal_entry_; // the unresolved attempt, as stored
    std::optional<JournalHolder> busy_holder_;  // another live copy holds the journal
    bool journal_unwritable_ = false;
    bool waiting_to_adopt_ = false; // signed in; this account's journal waits for busy_holder_ to go
    OrderReconciler reconciler_;
    OrderOutcome failure_ = OrderOutcome::unknown;
    JournalEntry attempt_;                  // the order last confirmed (or resumed from the journal)
    std::set<std::string> known_order_nos_; // orders of this session: never mistaken for a later attempt's
    std::int64_t settle_ms_ = default_settle_ms;
    std::int64_t unknown_since_ms_ = 0;         // epoch ms when the outcome became unknown
    std::int64_t reading_started_at_ms_ = 0;    // epoch ms: the start of the reading behind the answer
    std::int64_t resumed_at_ms_ = 0;            // epoch ms when a journaled attempt was resumed (0: live)
    std::int64_t settles_at() const;            // no "none" is believed from a reading before this
    std::optional<std::int64_t> recheck_at_ms_; // a "none" reading came too early: read again then
    Stage stage_ = Stage::signed_out;
    std::uint64_t epoch_ = 0; // bumped on sign-out so late answers are dropped
    Lookup<std::vector<SubordinateUser>> users_;
    Lookup<PlanCatalog> plans_;
    Lookup<std::vector<BillingContact>> contacts_;
    Selection selection_;
    RenewalOrder order_;
    std::string order_body_;
    OrderReceipt receipt_;
    std::optional<ApiError> error_;
    int orders_sent_ = 0;
    std::string generated_reference_; // this review's, sent when the person gives no PO number
    MemoryAttemptHistory memory_history_;
    AttemptHistory* history_ = &memory_history_;
    bool late_order_found_ = false;
    bool late_order_unproven_ = false;
    std::optional<JournalEntry> watched_;
    std::optional<FinishedElsewhere> finished_elsewhere_;
    bool retry_errors_ = false;
    int error_retries_ = 0; // automatic readings after errors since the last answer
    void send_order();      // confirm()'s second half: journal, then the POST
    void check_for_late_commit(std::vector<RuledOutAttempt> suspects);
    void show_earlier_attempt(const RuledOutAttempt& earlier);           // its outcome; nothing is sent
    std::set<std::string> accounted_orders(const std::string& but = {}); // this flow's and the history's
    std::string found_order_no_; // the order found for the current attempt (not "another attempt's")
    // Records an order of this flow's (a receipt, or found) for every copy: never taken for another
    // attempt's, and what a copy that waited on this attempt tells of it.
    void account_for(const std::string& order_no, const std::string& reference,
                     const std::string& order_status);
    RandomWord random_;
};

// Selection policy: the index of the plan to preselect, the one named "Remote Management Account"
// (exactly, then as part of the name, case-insensitively), else none.
std::optional<std::size_t> preferred_plan_index(const std::vector<Plan>& plans);

const char* stage_name(Stage stage);
const char* lookup_status_name(LookupStatus status); // "idle", "loading", "loaded", "failed"

} // namespace rd
