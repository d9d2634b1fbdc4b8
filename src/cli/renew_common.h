// What the single renewal and the batch share: the review's words for a plan and a contact, the
// question before anything is sent, and waiting for the reconciliation of an unknown outcome.
#pragma once

#include "cli/session.h"
#include "core/models.h"
#include "core/order_journal.h"
#include "core/order_reconciler.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace rd::cli {

std::string describe_plan(const std::vector<Plan>& plans, Id64 plan_id);
std::string describe_contact(const std::vector<BillingContact>& contacts, Id64 billing_id);
std::string describe_order(const OrderSummary& order);
// An ambiguous check: what to do, then each order nobody can prove or explain, on stderr.
void report_unproven(const ReconcileResult& result);

// --yes, else "question [y/N] " on the terminal: exit_ok to go on, else the exit code (no terminal:
// exit_usage with "add --yes"; the answer was no, or Ctrl+C came first: exit_failed, nothing sent).
int ask_to_send(const CliOptions& options, const std::string& question);

// "another RenewDesk (renewdesk-cli, pid 4242, started 14:05)": the live copy holding a journal.
std::string describe_holder(const JournalHolder& holder);

// Another live RenewDesk holding `store` (claimed and released at once when free), else nullopt.
std::optional<JournalHolder> other_owner(JournalStore& store);

// While `holder()` names another live RenewDesk holding the journal: says so on stderr ("<what> is
// being sent by another RenewDesk (...)"), keeps a progress line on a terminal, runs `tick`, and
// returns exit_ok once it is free. With --no-wait: exit_busy at once. Ctrl+C or SIGTERM while
// waiting: exit_failed, nothing sent.
int wait_for_owner(Session& session, const std::string& what,
                   const std::function<std::optional<JournalHolder>()>& holder,
                   const std::function<void()>& tick = {});

// Something whose unknown outcome the order list is reconciling (the flow or the batch).
struct Reconciling {
    std::function<const ReconcileResult&()> result;
    std::function<bool()> settled; // found, or ruled out by a late enough reading
    std::function<void()> tick;    // the owner's timers (the second reading)
    std::function<void()> read_again;
};

// Waits (with a ceiling of settle time + a few minutes) until the order is found, ruled out, or the
// order list could not be read after a few tries; Ctrl+C stops waiting. True once settled.
bool wait_for_reconciliation(Session& session, const Reconciling& reconciling);

} // namespace rd::cli
