// renew --for: one renewal through RenewalFlow, which decides what is sent, sends it at most once,
// journals it (<config dir>/inflight-order.json, the desktop app's file) and reconciles an unknown
// outcome from the order list.
#include "cli/commands.h"

#include "ui/words/order_status_words.h"

#include "cli/exit_codes.h"
#include "cli/json_output.h"
#include "cli/renew_common.h"
#include "cli/terminal.h"
#include "core/renewal_flow.h"
#include "core/text.h"
#include "platform/desktop/journal_file.h"
#include "ui/words/error_words.h"

#include <cstdio>
#include <ctime>

namespace rd::cli {
namespace {

using desktop::JournalFile;

std::string when(std::int64_t epoch_ms) {
    const std::time_t seconds = static_cast<std::time_t>(epoch_ms / 1000);
    std::tm utc{};
    char text[32] = "";
    if (gmtime_r(&seconds, &utc)) std::strftime(text, sizeof text, "%Y-%m-%d %H:%M:%S UTC", &utc);
    return text;
}

std::string describe_attempt(const JournalEntry& entry) {
    std::string text = "sent " + when(entry.sent_at_ms) + " for ";
    text += entry.target.empty() ? std::string("the partner itself")
                                 : "partnerId " + entry.target +
                                       (entry.target_name.empty() ? "" : " (" + entry.target_name + ")");
    text += ", planId " + entry.plan_id.to_string();
    if (!entry.po_number.empty()) text += ", PO " + entry.po_number;
    return text;
}

Reconciling reconciling(RenewalFlow& flow) {
    return {.result = [&flow]() -> const ReconcileResult& { return flow.reconciliation(); },
            .settled = [&flow] { return flow.outcome_settled(); },
            .tick = [&flow] { flow.tick(); },
            .read_again = [&flow] { flow.reconcile(); }};
}

// An order of an earlier run whose outcome was unknown: reconciled before anything new is sent.
// Settled (found, or ruled out): what became of it is said, and this run goes on with its own
// renewal (exit_ok). Still unknown: exit_unknown, nothing sent for this run's target. An order found
// is accounted for by the flow itself (in its history), so it is never taken for this run's order.
int settle_journaled_order(Session& session, RenewalFlow& flow) {
    report("an earlier order had no known outcome (" + describe_attempt(flow.attempt()) +
           "): checking the order list before anything new is sent");
    const bool settled = wait_for_reconciliation(session, reconciling(flow));
    const ReconcileResult& result = flow.reconciliation();
    const int code = exit_for_reconciliation(result.status, settled);
    if (code == exit_ok && result.match)
        report("the earlier order was placed: " + describe_order(*result.match));
    else if (code == exit_failed) report("the earlier order was not created: nothing was placed for it");
    if ((code == exit_ok || code == exit_failed) && flow.outcome_settled()) {
        flow.renew_another();
        if (flow.stage() == Stage::choosing) {
            report("going on with this renewal");
            return exit_ok;
        }
    }
    if (code == exit_ambiguous) {
        report_unproven(result);
        report("nothing was sent for this renewal");
        return exit_ambiguous;
    }
    report("the earlier order's outcome is still unknown: check 'renewdesk-cli orders' (the journal keeps "
           "it); nothing was sent for this renewal");
    return exit_unknown;
}

// What the copy this run waited for recorded of its attempt once it let go.
void report_finished_elsewhere(const RenewalFlow::FinishedElsewhere& finished) {
    const std::string attempt = "the other RenewDesk's order (" + describe_attempt(finished.attempt) + ")";
    if (finished.order)
        report(attempt + " was placed: order " + finished.order->order_no + ", " +
               ui::order_status_words(finished.order->order_status, ui::Language::en));
    else if (finished.ruled_out) report(attempt + " was not placed: its check of the order list found none");
    else report(attempt + " has finished, with no record of its outcome here: see 'renewdesk-cli orders'");
}

// The flow has recorded in its history every order number said below (the receipt's, one found late
// or by the check) before this prints it: the next run never takes it for its own.
int finish(Session& session, RenewalFlow& flow) {
    const CliOptions& options = session.options();
    RenewOutput output{.body = flow.order_body()};
    int code = exit_ok;
    if (flow.stage() == Stage::done) {
        const OrderReceipt& receipt = flow.receipt();
        output.outcome = outcome_for_order_status(receipt.order_status);
        code = exit_for_order_status(receipt.order_status); // an order that renewed nothing: 2
        output.order_no = receipt.order_no;
        output.order_id = receipt.order_id;
        output.order_status = receipt.order_status;
        output.request_id = receipt.request_id;
        say(options, "Placed: order " + receipt.order_no + " (orderId " + receipt.order_id +
                         ")\nStatus: " + ui::order_status_words(receipt.order_status, ui::Language::en) +
                         "\nrequestId: " + receipt.request_id + "\n");
    } else if (flow.late_order_found() && flow.reconciliation().match) {
        // An earlier attempt for this customer had been ruled out; its order was committed late.
        const OrderSummary& order = *flow.reconciliation().match;
        output.outcome = outcome_for_order_status(order.order_status);
        code = exit_for_order_status(order.order_status);
        output.order_no = order.order_no;
        output.order_id = order.id;
        output.order_status = order.order_status;
        report("an earlier attempt for this customer (" + describe_attempt(flow.attempt()) +
               ") had been ruled out, but its order appeared in the list later: nothing new was sent");
        say(options, "Found in the order list: " + describe_order(order) + "\n");
    } else if (flow.late_order_unproven()) {
        // Orders carry an earlier attempt's PO number, and nothing proves whether one is its order.
        output.outcome = "ambiguous";
        code = exit_ambiguous;
        report("an earlier attempt for this customer (" + describe_attempt(flow.attempt()) +
               ") had been ruled out, but orders with its PO number appeared since");
        report_unproven(flow.reconciliation());
        report("nothing new was sent");
    } else if (flow.stage() == Stage::failed) {
        const ApiError error = flow.error().value_or(ApiError{});
        output.outcome = "failed";
        output.request_id = error.request_id;
        report("the order was not placed", error);
        code = exit_failed;
    } else {
        const ApiError error = flow.error().value_or(ApiError{});
        output.request_id = error.request_id;
        report("the order's outcome is unknown", error);
        report("nothing will be sent again; checking the order list (at least " +
               std::to_string(options.settle_seconds) + " s)");
        const bool settled = wait_for_reconciliation(session, reconciling(flow));
        const ReconcileResult& result = flow.reconciliation();
        code = exit_for_reconciliation(result.status, settled);
        if (code == exit_ok && result.match) {
            const OrderSummary& order = *result.match;
            output.outcome = outcome_for_order_status(order.order_status);
            code = exit_for_order_status(order.order_status);
            output.order_no = order.order_no;
            output.order_id = order.id;
            output.order_status = order.order_status;
            say(options, "Found in the order list: " + describe_order(order) + "\n");
        } else if (code == exit_failed) {
            output.outcome = "failed";
            report("no order was created: nothing was placed");
        } else if (code == exit_ambiguous) {
            output.outcome = "ambiguous";
            report_unproven(result);
        } else {
            output.outcome = "unknown";
            report(
                "the outcome is still unknown: check 'renewdesk-cli orders' before renewing again; the next "
                "renew checks it first");
        }
    }
    if (options.json) print(renew_json(output) + "\n");
    return code;
}

} // namespace

int run_renew_one(Session& session) {
    const CliOptions& options = session.options();
    std::optional<JournalFile> journal;
    if (!session.config_dir().empty()) journal.emplace(session.config_dir() / desktop::journal_file_name);
    else report("neither XDG_CONFIG_HOME nor HOME is set: the in-flight journal is kept in memory only");
    // One owner per journal: while another RenewDesk sends (or watches) an order from this config
    // folder, this run waits (or exits busy) before it reads the journal at all.
    if (journal) {
        desktop::set_journal_program("renewdesk-cli");
        std::optional<JournalEntry> watched; // the other copy's attempt, followed as its journal shows it
        auto follow = [&] {
            if (const auto text = journal->load())
                if (auto entry = journal_from_json(*text)) watched = std::move(entry);
        };
        if (other_owner(*journal)) follow();
        if (const int code = wait_for_owner(
                session, "an order", [&] { return other_owner(*journal); }, follow))
            return code;
        if (watched && !journal->load() && session.history()) // it finished: say what it recorded
            report_finished_elsewhere(RenewalFlow::what_became_of(*watched, *session.history()));
    }
    RenewalFlow flow(session.client(), journal ? &*journal : nullptr);
    // recent-orders.json: orders any copy accounted for (never taken for this run's), and attempts
    // ruled out within the hour (a late commit is looked for before another order for the same
    // customer is sent). The flow reads it at each check and records every order it learns.
    flow.set_history(session.history());
    flow.set_settle_ms(std::int64_t{options.settle_seconds} * 1000);
    auto tick = [&flow] { flow.tick(); };

    if (const int code = session.obtain_credentials()) return code;
    Credentials& credentials = session.credentials();
    flow.sign_in(session.base_url(), credentials.client_id, std::move(credentials.client_secret));
    wipe_string(credentials.client_secret);
    session.run_until([&] { return flow.stage() != Stage::signing_in || flow.busy_holder(); },
                      request_ceiling_ms, tick);
    if (flow.stage() == Stage::signing_in && flow.busy_holder()) { // another copy took it meanwhile
        if (const int code = wait_for_owner(
                session, "an order", [&] { return flow.busy_holder(); }, tick))
            return code;
        session.run_until([&] { return flow.stage() != Stage::signing_in; }, request_ceiling_ms, tick);
        if (const auto& finished = flow.finished_elsewhere()) report_finished_elsewhere(*finished);
    }
    if (flow.stage() == Stage::signing_in || flow.stage() == Stage::signed_out) {
        report("could not sign in at " + session.base_url(),
               flow.error().value_or(ApiError{.detail = {.kind = DetailKind::no_reply_in_time}}));
        return exit_sign_in;
    }
    watch_interrupts();
    if (flow.stage() == Stage::outcome_unknown)
        if (const int code = settle_journaled_order(session, flow)) return code;
    if (flow.pending_journal()) {
        report("an earlier order for another account or host has no known outcome (" +
               describe_attempt(*flow.pending_journal()) + ", " + flow.pending_journal()->base_url +
               "): sign in there to resolve it first; nothing was sent");
        return exit_unknown;
    }

    const auto loaded = [&] {
        return flow.users().status != LookupStatus::loading && flow.plans().status != LookupStatus::loading &&
               flow.contacts().status != LookupStatus::loading;
    };
    session.run_until(loaded, request_ceiling_ms, tick);
    for (auto [what, error] :
         {std::pair{"the subordinate users", flow.users().error}, std::pair{"the plans", flow.plans().error},
          std::pair{"the billing contacts", flow.contacts().error}}) {
        if (error) {
            report("could not read " + std::string(what), *error);
            return exit_failed;
        }
    }
    if (!loaded()) {
        report("the lists did not arrive in time; nothing was sent");
        return exit_failed;
    }

    const std::string target = *options.renew_for;
    if (target.empty()) {
        flow.choose_myself();
    } else {
        flow.choose_subordinate(target);
        if (!flow.chosen_user()) {
            report("partnerId " + target + " is not among the subordinate users (see 'renewdesk-cli users')");
            return exit_usage;
        }
    }
    const auto& plans = flow.plans().value.plans;
    if (options.plan_id) {
        flow.choose_plan(*options.plan_id);
    } else if (auto preferred = preferred_plan_index(plans)) {
        flow.choose_plan(plans[*preferred].plan_id);
    } else {
        report(
            "no plan named \"Remote Management Account\" among the plans of product 15: give --plan ID (see "
            "'renewdesk-cli plans'); nothing was sent");
        return exit_failed;
    }
    const auto& contacts = flow.contacts().value;
    flow.choose_billing_contact(*options.billing_id);
    if (!flow.chosen_contact()) {
        report("warning: billingContactId " + options.billing_id->to_string() +
               " is not among the billing contacts (see 'renewdesk-cli contacts')");
        flow.type_billing_id(options.billing_id->to_string());
    }
    flow.review();
    if (flow.stage() != Stage::reviewing) {
        const auto missing = flow.missing_choice();
        report(missing ? ui::missing_choice_words(*missing, ui::Language::en)
                       : "the order could not be reviewed");
        return exit_usage;
    }
    flow.set_po_number(options.po_number);

    const SubordinateUser* user = flow.chosen_user();
    std::string review = "Renewal of Remote Management (product 15)\n";
    review += "  for:      " +
              (user ? user->company + " (partnerId " + user->partner_id + ")"
                    : std::string("yourself (the signed-in partner)")) +
              "\n";
    review += "  plan:     " + describe_plan(plans, *flow.selection().plan_id) + "\n";
    review += "  billing:  " + describe_contact(contacts, *options.billing_id) + "\n";
    review += "  PO:       " + (options.po_number.empty() ? std::string("(none)") : options.po_number) + "\n";
    review += "  sent to:  " + session.base_url() + "\n";
    review += "  body (sent exactly as shown):\n" + flow.order_body() + "\n";
    say(options, review);
    if (const int code = ask_to_send(options, "Send this order?")) return code;

    if (!flow.confirm()) {
        if (flow.stage() == Stage::outcome_unknown) { // another copy's attempt, adopted just now
            settle_journaled_order(session, flow);
            report("nothing was sent for this renewal: run the command again");
            return exit_failed;
        }
        if (flow.busy_holder()) {
            report("another RenewDesk started sending an order meanwhile (" +
                   describe_holder(*flow.busy_holder()) + "): nothing was sent; run the command again");
            return exit_busy;
        }
        if (flow.journal_unwritable()) {
            report("the order was not sent", flow.error().value_or(ApiError{}));
            return exit_failed;
        }
        report("the order could not be sent (an earlier order is unresolved); nothing was sent");
        return exit_unknown;
    }
    // The POST is on its way: wait for its reply whatever happens (Ctrl+C included); the flow's
    // journal keeps the attempt until its outcome is known.
    if (!session.run_until([&] { return flow.stage() != Stage::submitting; }, 2 * request_ceiling_ms, tick)) {
        report(
            "the order's reply never came: its outcome is unknown; the journal keeps it and the next renew "
            "checks it first");
        return exit_unknown;
    }
    return finish(session, flow);
}

} // namespace rd::cli
