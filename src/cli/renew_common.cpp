#include "cli/renew_common.h"

#include "ui/words/order_status_words.h"

#include "cli/exit_codes.h"
#include "cli/terminal.h"

#include <cstdio>
#include <ctime>

namespace rd::cli {

std::string describe_plan(const std::vector<Plan>& plans, Id64 plan_id) {
    for (const Plan& plan : plans)
        if (plan.plan_id == plan_id)
            return (plan.name.empty() ? std::string("(no name)") : plan.name) + " (planId " +
                   plan_id.to_string() + ")";
    return "planId " + plan_id.to_string() + " (not among the plans of product 15)";
}

std::string describe_contact(const std::vector<BillingContact>& contacts, Id64 billing_id) {
    for (const BillingContact& contact : contacts)
        if (contact.billing_contact_id == billing_id) {
            std::string text = display_name(contact);
            if (!contact.email_address.empty())
                text += (text.empty() ? "<" : " <") + contact.email_address + ">";
            return text + " (billingContactId " + billing_id.to_string() + ")";
        }
    return "billingContactId " + billing_id.to_string() + " (not among the billing contacts)";
}

std::string describe_order(const OrderSummary& order) {
    std::string text = "order " + order.order_no + " (orderId " + order.id +
                       "), status: " + ui::order_status_words(order.order_status, ui::Language::en);
    if (!order.custom_reference_no.empty()) text += ", PO " + order.custom_reference_no;
    return text;
}

void report_unproven(const ReconcileResult& result) {
    report("an order was created after yours was sent, but RenewDesk cannot prove it is yours: check these "
           "orders in the Partner Portal before ordering again");
    for (const OrderSummary& order : result.unproven)
        report("  " + describe_order(order) +
               (result.reference_match.count(order.order_no) ? " (it carries your PO number)" : "") +
               (result.details_match.count(order.order_no)
                    ? " (its details match yours: customer, billing contact, product)"
                    : ""));
}

int ask_to_send(const CliOptions& options, const std::string& question) {
    auto interrupted_before_sending = [] {
        if (!interrupted()) return false;
        report("interrupted: nothing was sent");
        return true;
    };
    if (interrupted_before_sending()) return exit_failed;
    if (options.yes) return exit_ok;
    const auto answer = confirm_on_terminal(question + " [y/N] ");
    if (interrupted_before_sending()) return exit_failed;
    if (!answer) {
        report("not on a terminal: add --yes to send");
        return exit_usage;
    }
    if (!*answer) {
        report("nothing was sent");
        return exit_failed;
    }
    return exit_ok;
}

std::string describe_holder(const JournalHolder& holder) {
    std::string text = "another RenewDesk (";
    if (!holder.program.empty()) text += holder.program + ", ";
    text += holder.pid > 0 ? "pid " + std::to_string(holder.pid) : std::string("pid not known yet");
    const std::time_t seconds = static_cast<std::time_t>(holder.started_at_ms / 1000);
    std::tm local{};
    char started[16] = "";
    if (holder.started_at_ms > 0 && localtime_r(&seconds, &local))
        std::strftime(started, sizeof started, "%H:%M", &local);
    if (*started) text += std::string(", started ") + started;
    return text + ")";
}

std::optional<JournalHolder> other_owner(JournalStore& store) {
    auto holder = store.claim();
    if (!holder) store.release(); // the command's flow or batch claims it when it needs it
    return holder;
}

int wait_for_owner(Session& session, const std::string& what,
                   const std::function<std::optional<JournalHolder>()>& holder,
                   const std::function<void()>& tick) {
    auto held = holder();
    if (!held) return exit_ok;
    const std::string words = what + " is being sent by " + describe_holder(*held);
    if (session.options().no_wait) {
        report(words + ": busy (--no-wait); nothing was sent");
        return exit_busy;
    }
    report(words + ": waiting for it to finish (Ctrl+C stops; nothing is sent meanwhile)");
    watch_interrupts();
    Progress progress;
    const std::int64_t started = session.clock().now_ms();
    std::int64_t asked_at = started;
    constexpr std::int64_t ask_every_ms = 100; // an flock try: cheap, and nothing to wake us sooner
    session.run_until(
        [&] {
            if (interrupted()) return true;
            const std::int64_t now = session.clock().now_ms();
            if (now - asked_at < ask_every_ms) return false;
            asked_at = now;
            held = holder();
            return !held;
        },
        std::int64_t{7} * 24 * 3600 * 1000,
        [&] {
            if (tick) tick();
            progress.show("waiting for " + describe_holder(held.value_or(JournalHolder{})) + " (" +
                          std::to_string((session.clock().now_ms() - started) / 1000) + " s)...");
        });
    progress.clear();
    if (held) {
        report("interrupted while waiting: nothing was sent");
        return exit_failed;
    }
    report("the other RenewDesk has finished: going on");
    return exit_ok;
}

bool wait_for_reconciliation(Session& session, const Reconciling& reconciling) {
    constexpr int max_tries = 3;
    constexpr std::int64_t retry_after_ms = 5'000;
    int tries = 1;
    std::int64_t retry_at = 0;
    Progress progress;
    const std::int64_t started = session.clock().now_ms();
    const std::int64_t ceiling =
        std::int64_t{session.options().settle_seconds} * 1000 + 5 * request_ceiling_ms;
    auto gave_up = [&] {
        return reconciling.result().status == ReconcileStatus::error && tries >= max_tries;
    };
    session.run_until([&] { return reconciling.settled() || gave_up() || interrupted(); }, ceiling,
                      [&] {
                          reconciling.tick();
                          const ReconcileStatus status = reconciling.result().status;
                          if (status == ReconcileStatus::error) {
                              const std::int64_t now = session.clock().now_ms();
                              if (retry_at == 0) retry_at = now + retry_after_ms;
                              else if (now >= retry_at && tries < max_tries) {
                                  ++tries;
                                  retry_at = 0;
                                  reconciling.read_again();
                              }
                          }
                          const std::int64_t waited_s = (session.clock().now_ms() - started) / 1000;
                          progress.show("checking the order list for the order (" + std::to_string(waited_s) +
                                        " s)...");
                      });
    progress.clear();
    if (!reconciling.settled() && reconciling.result().error)
        report("could not read the order list", *reconciling.result().error);
    return reconciling.settled();
}

} // namespace rd::cli
