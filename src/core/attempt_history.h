// What one computer (or one browser) has accounted for, shared by every copy of RenewDesk on it (the
// desktop app, renewdesk-cli runs, tabs): orders placed, found or shown on a receipt, which no later
// check may take for another attempt's; and attempts a check ruled out ("none"), whose order may still
// appear after the settle time (a late commit), so the next order for the same customer within
// late_commit_watch_ms reads the list for that reference first and sends nothing if it is there.
//
//   {"version":1,
//    "orders":[{"orderNo":"MK…","baseUrl":"https://…","clientId":"…","atMs":1700000000000,
//               "reference":"RD-…","orderStatus":"succeed"}],   (the last two when known)
//    "ruledOut":[{"reference":"RD-…","target":"","baseUrl":"…","clientId":"…","sentAtMs":…,"atMs":…,
//                 "billingId":"…"}],
//    "lastBatch":"<the last finished batch's record, as text>"}
//
// No secret and no token is in it. Orders are kept for orders_keep_ms, and longer while a journal kept
// beside the history (an order in flight or of unknown outcome, a batch's unresolved row) was sent
// before that: its check's window, however late it runs (a journal resumed days later), reaches back to
// its send time less window_reach_back_ms, and every order accounted for since must still be excluded.
// The journal is the record of the open attempt: nothing more is written for it.
#pragma once

#include "core/ids.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace rd {

struct AccountedOrder {
    std::string order_no;
    std::string base_url;
    std::string client_id;
    std::int64_t at_ms = 0;   // when it became known here (this computer's clock)
    std::string reference;    // the poNumber of the attempt it is the order of ("": not known)
    std::string order_status; // the API's word when it became known ("": not known)
};

struct RuledOutAttempt {
    std::string reference; // the poNumber it was sent with
    std::string target;    // "" = the partner itself, else the subordinate user's partnerId
    std::string base_url;
    std::string client_id;
    std::int64_t sent_at_ms = 0;
    std::int64_t at_ms = 0; // when it was ruled out
    Id64 billing_id;        // the billing contact it was sent with (0: not known, a file from before)
};

struct AttemptHistoryDoc {
    std::vector<AccountedOrder> orders;
    std::vector<RuledOutAttempt> ruled_out;
    // The record (batch_journal.h) of the last batch a copy finished, as it stood when it finished: what
    // a copy that waited on it tells of its outcome ("": none).
    std::string last_batch;
};

inline constexpr std::int64_t orders_keep_ms = 24 * 3600'000;
inline constexpr std::int64_t late_commit_watch_ms = 3600'000;
inline constexpr std::int64_t window_reach_back_ms = 30 * 60'000; // beyond any check's margin (15 min)
inline constexpr std::size_t history_max_entries = 2000;          // of each kind, the newest kept

// False when `text` is not such a document (entries that cannot be read are skipped, the rest kept).
bool parse_attempt_history(const std::string& text, AttemptHistoryDoc& out);
std::string attempt_history_to_json(const AttemptHistoryDoc& doc);
// Drops what is too old (or far in the future: a clock set back) and keeps the newest entries. Orders
// accounted for at or after `keep_orders_since_ms` stay (default: now_ms - orders_keep_ms).
void prune_attempt_history(AttemptHistoryDoc& doc, std::int64_t now_ms,
                           std::optional<std::int64_t> keep_orders_since_ms = std::nullopt);
// The send time of the oldest attempt among journal texts (order journals and batch records; a batch
// only while it has an unresolved row); none when no text is such a journal.
std::optional<std::int64_t> oldest_journaled_send(const std::vector<std::string>& journal_texts);
// Adds one account's orders at `now_ms` (empty ones ignored; one already there moves to the end with
// the new time), then prunes.
void add_accounted_orders(AttemptHistoryDoc& doc, const std::vector<std::string>& order_nos,
                          const std::string& base_url, const std::string& client_id, std::int64_t now_ms,
                          std::optional<std::int64_t> keep_orders_since_ms = std::nullopt);

// Where the platform keeps it: a file under an flock on the desktop, localStorage in the browser,
// memory in tests. update() reads, changes and writes it as one step against other copies.
class AttemptHistory {
  public:
    virtual ~AttemptHistory() = default;
    virtual AttemptHistoryDoc load() = 0;
    virtual void update(const std::function<void(AttemptHistoryDoc&)>& change) = 0;
    // The journals kept beside the history (the desktop's files in the same folder, the page's
    // localStorage keys), as text: while one is unresolved, the orders its window reaches are kept.
    virtual std::vector<std::string> journal_texts() { return {}; }

    // One account's view.
    std::vector<std::string> orders_of(const std::string& base_url, const std::string& client_id);
    void add_orders(const std::vector<std::string>& order_nos, const std::string& base_url,
                    const std::string& client_id, std::int64_t now_ms);
    // Ruled-out attempts of this account for `target`, ruled out within late_commit_watch_ms.
    std::vector<RuledOutAttempt> ruled_out_for(const std::string& target, const std::string& base_url,
                                               const std::string& client_id, std::int64_t now_ms);
    void add_ruled_out(RuledOutAttempt attempt);
    void forget_ruled_out(const std::string& reference); // its order was found after all
    // One attempt's order (placed, found, or on a receipt), with its reference and status, as any copy
    // recorded it; then what another copy waiting on that attempt can tell of its outcome.
    void add_attempt_order(AccountedOrder order);
    void set_last_batch(std::string record_text);
    std::optional<AccountedOrder> order_of_attempt(const std::string& reference, const std::string& base_url,
                                                   const std::string& client_id);
    bool attempt_ruled_out(const std::string& reference, const std::string& base_url,
                           const std::string& client_id);
    // Orders accounted for at or after this stay: a day back, or the oldest journal's window start.
    std::int64_t orders_kept_since(std::int64_t now_ms);
};

class MemoryAttemptHistory final : public AttemptHistory {
  public:
    AttemptHistoryDoc load() override { return doc_; }
    void update(const std::function<void(AttemptHistoryDoc&)>& change) override { change(doc_); }
    std::vector<std::string> journal_texts() override { return journals; }
    std::vector<std::string> journals; // tests: the journals "beside" it

  private:
    AttemptHistoryDoc doc_;
};

} // namespace rd
