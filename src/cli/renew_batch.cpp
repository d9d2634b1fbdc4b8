// renew --from / --resume: a batch through BatchRun, one order at a time, journaled in
// <config dir>/batch-journal.json (the desktop app's file); stops at the first unknown outcome.
#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/input_csv.h"
#include "cli/json_output.h"
#include "cli/renew_common.h"
#include "cli/terminal.h"
#include "core/batch_journal.h"
#include "core/batch_run.h"
#include "core/renewal_flow.h"
#include "platform/desktop/atomic_file.h"
#include "platform/desktop/journal_file.h"

#include <cstdio>
#include <ctime>
#include <fstream>
#include <sstream>

namespace rd::cli {
namespace {

using desktop::JournalFile;

std::string row_label(const BatchRun& batch, std::size_t i) {
    const BatchTarget& target = batch.rows()[i].target;
    std::string label = "row " + std::to_string(i + 1) + "/" + std::to_string(batch.rows().size()) + " " +
                        (target.partner_id.empty() ? std::string("myself") : target.partner_id);
    if (!target.company.empty()) label += " " + target.company;
    return label;
}

std::string row_line(const BatchRun& batch, std::size_t i) {
    const BatchRow& row = batch.rows()[i];
    std::string line = row_label(batch, i) + ": ";
    switch (row.status) {
    case BatchRowStatus::placed: line += "placed " + row.order_no + " (" + row.order_status + ")"; break;
    case BatchRowStatus::pending: line += "pending " + row.order_no + " (" + row.order_status + ")"; break;
    case BatchRowStatus::failed: {
        if (!row.order_no.empty()) { // an order exists but renewed nothing (failed, cancelled, refunded)
            line += "not renewed: order " + row.order_no + " exists (" + row.order_status +
                    "): check it in the Partner Portal before ordering again";
            break;
        }
        if (!row.error) {
            line += "failed: no order was created";
            break;
        }
        std::string words = error_line("", *row.error);
        words = words.substr(std::string("renewdesk-cli: :").size());
        line += "failed:" + words;
        break;
    }
    case BatchRowStatus::unknown: line += "outcome unknown"; break;
    case BatchRowStatus::ambiguous:
        if (row.error) { // not sent: an earlier attempt's PO number is on orders nothing proves
            line += "not sent:" + error_line("", *row.error).substr(std::string("renewdesk-cli: :").size());
            break;
        }
        line +=
            "cannot prove which order is this row's: check the orders created since in the Partner Portal";
        break;
    case BatchRowStatus::skipped: line += "skipped: not sent"; break;
    case BatchRowStatus::waiting: line += "waiting"; break;
    case BatchRowStatus::sending: line += "sending"; break;
    }
    if (row.found_late) line += " - an earlier attempt's order, placed late: nothing new was sent";
    return line + "\n";
}

bool final_status(BatchRowStatus status) {
    return status != BatchRowStatus::waiting && status != BatchRowStatus::sending;
}

// "dir/list.csv" -> "dir/list.result.csv"
std::string default_result_path(const std::string& input) {
    std::filesystem::path path(input);
    return (path.parent_path() / (path.stem().string() + ".result.csv")).string();
}

Reconciling reconciling(BatchRun& batch) {
    return {.result = [&batch]() -> const ReconcileResult& { return batch.reconciliation(); },
            .settled = [&batch] { return batch.outcome_settled(); },
            .tick = [&batch] { batch.tick(); },
            .read_again = [&batch] { batch.reconcile(); }};
}

// Sends the rows, printing each as it finishes; at an unknown row waits for its reconciliation and
// goes on only with --yes or the person's yes. Returns once nothing more will be sent. Every order
// number printed was recorded in the history by the batch itself when the row learned it.
void drive(Session& session, BatchRun& batch) {
    const CliOptions& options = session.options();
    std::vector<BatchRowStatus> printed(batch.rows().size(), BatchRowStatus::waiting);
    Progress progress;
    auto print_finished = [&] {
        for (std::size_t i = 0; i < batch.rows().size(); ++i) {
            const BatchRowStatus status = batch.rows()[i].status;
            if (status != printed[i] && final_status(status)) {
                printed[i] = status;
                progress.clear();
                say(options, row_line(batch, i));
            }
        }
    };
    auto show_progress = [&] {
        const BatchCounts counts = batch.counts();
        progress.show("row " + std::to_string(std::min(counts.sent + counts.failed + 1, counts.size)) + "/" +
                      std::to_string(counts.size) + " (" + std::to_string(counts.placed + counts.pending) +
                      " placed, " + std::to_string(counts.failed) + " failed)");
    };
    for (;;) {
        session.run_until(
            [&] { return batch.stopped_at_unknown() || !batch.counts().running || interrupted(); },
            std::int64_t{24} * 3600 * 1000,
            [&] {
                batch.tick();
                print_finished();
                show_progress();
            });
        print_finished();
        progress.clear();
        if (interrupted()) {
            report("interrupted: no more rows are sent; waiting for the order on its way");
            batch.stop();
            session.run_until(
                [&] {
                    for (const BatchRow& row : batch.rows())
                        if (row.status == BatchRowStatus::sending) return false;
                    return true;
                },
                2 * request_ceiling_ms);
            print_finished();
            return;
        }
        if (!batch.stopped_at_unknown()) return;

        const std::size_t row = *batch.unknown_row();
        const BatchRow& unknown = batch.rows()[row];
        if (unknown.error) report(row_label(batch, row) + ": the outcome is unknown", *unknown.error);
        report("checking the order list for it (at least " + std::to_string(options.settle_seconds) +
               " s); nothing is sent meanwhile");
        if (!wait_for_reconciliation(session, reconciling(batch))) {
            // No stop(): the journal keeps the rows still waiting, so --resume sends them once this
            // row is settled.
            report(row_label(batch, row) +
                   ": still unknown; the batch stops here (the journal keeps it and the rows not sent: "
                   "'renewdesk-cli renew --resume')");
            return;
        }
        const ReconcileResult& result = batch.reconciliation();
        if (result.status == ReconcileStatus::found && result.match)
            say(options, row_label(batch, row) + ": found in the order list: " + result.match->order_no +
                             " (" + result.match->order_status + ")\n");
        else say(options, row_label(batch, row) + ": ruled out: no order was created\n");
        printed[row] = BatchRowStatus::unknown; // its settled status prints once resume() or stop() sets it
        bool go_on = options.yes;
        if (!go_on) {
            const bool rows_left =
                std::any_of(batch.rows().begin(), batch.rows().end(),
                            [](const BatchRow& r) { return r.status == BatchRowStatus::waiting; });
            if (rows_left) {
                const auto answer = confirm_on_terminal("Continue with the next row? [y/N] ");
                if (!answer) report("not on a terminal and no --yes: the batch stops here");
                go_on = answer.value_or(false);
            } else {
                go_on = true; // nothing left to send: resume() only settles the row and finishes
            }
        }
        if (interrupted()) go_on = false; // Ctrl+C meanwhile: nothing more is sent
        if (go_on) {
            batch.resume();
        } else {
            batch.stop();
            print_finished();
            return;
        }
    }
}

// When the journal holds a batch other than `input`'s rows (another list of customers), says which
// ("12 rows: 5764607523034234881, myself, ... last sent 2026-03-01 10:00:00 UTC"); else nullopt.
std::optional<std::string> journaled_batch_unlike(JournalStore& journal, const InputCsv& input) {
    const auto text = journal.load();
    const auto record = text ? batch_journal_from_json(*text) : std::nullopt;
    if (!record) return std::nullopt;
    bool same = record->rows.size() == input.rows.size();
    for (std::size_t i = 0; same && i < input.rows.size(); ++i)
        same = record->rows[i].target.partner_id == input.rows[i].partner_id;
    if (same) return std::nullopt;
    std::string words = std::to_string(record->rows.size()) + " rows:";
    for (std::size_t i = 0; i < record->rows.size() && i < 3; ++i) {
        const std::string& id = record->rows[i].target.partner_id;
        words += (i ? ", " : " ") + (id.empty() ? std::string("myself") : id);
    }
    if (record->rows.size() > 3) words += ", ...";
    const std::time_t seconds = static_cast<std::time_t>(record->sent_at_ms / 1000);
    std::tm utc{};
    char when[32] = "";
    if (gmtime_r(&seconds, &utc)) std::strftime(when, sizeof when, "%Y-%m-%d %H:%M:%S UTC", &utc);
    return words + "; last sent " + when;
}

int read_input(const std::string& file, InputCsv& input) {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        report("cannot read " + file);
        return exit_usage;
    }
    std::ostringstream text;
    text << in.rdbuf();
    input = parse_input_csv(text.str());
    if (!input.problems.empty()) {
        std::string lines = describe_problems(input.problems);
        std::fprintf(stderr, "renewdesk-cli: %s: nothing was sent:\n%s", file.c_str(), lines.c_str());
        return exit_usage;
    }
    return exit_ok;
}

// The targets of a new batch, checked against the lists; reviewed and confirmed. exit_ok once started.
int start_new_batch(Session& session, BatchRun& batch, const InputCsv& input) {
    const CliOptions& options = session.options();
    Progress progress;
    progress.show("reading the subordinate users, plans and billing contacts...");
    auto users = session.fetch_users();
    auto plans = users ? session.fetch_plans() : Result<PlanCatalog>(users.error());
    auto contacts = plans ? session.fetch_contacts() : Result<std::vector<BillingContact>>(plans.error());
    progress.clear();
    if (!users) return report("could not read the subordinate users", users.error()), exit_failed;
    if (!plans) return report("could not read the plans", plans.error()), exit_failed;
    if (!contacts) return report("could not read the billing contacts", contacts.error()), exit_failed;

    if (auto problems = unknown_partners(input.rows, users.value()); !problems.empty()) {
        std::fprintf(stderr, "renewdesk-cli: %s: nothing was sent:\n%s", options.from_csv->c_str(),
                     describe_problems(problems).c_str());
        return exit_usage;
    }
    const auto& plan_list = plans.value().plans;
    std::optional<Id64> plan_id = options.plan_id;
    if (!plan_id)
        if (auto preferred = preferred_plan_index(plan_list)) plan_id = plan_list[*preferred].plan_id;
    const bool every_row_has_plan = std::all_of(input.rows.begin(), input.rows.end(),
                                                [](const InputRow& row) { return row.plan_id.has_value(); });
    if (!plan_id && !every_row_has_plan) {
        report(
            "no plan named \"Remote Management Account\" among the plans of product 15: give --plan ID (see "
            "'renewdesk-cli plans'); nothing was sent");
        return exit_failed;
    }

    std::vector<BatchTarget> targets;
    for (const InputRow& row : input.rows) {
        BatchTarget target{.partner_id = row.partner_id, .plan_id = row.plan_id, .po_number = row.po_number};
        for (const SubordinateUser& user : users.value())
            if (user.partner_id == row.partner_id) target.company = user.company;
        targets.push_back(std::move(target));
    }

    std::string review =
        "Batch renewal of Remote Management (product 15): " + std::to_string(targets.size()) +
        (targets.size() == 1 ? " order" : " orders") + ", sent one at a time\n";
    review +=
        "  plan:     " + (plan_id ? describe_plan(plan_list, *plan_id) : std::string("(each row's own)")) +
        "\n";
    review += "  billing:  " + describe_contact(contacts.value(), *options.billing_id) + "\n";
    review += "  PO:       " + (options.po_number.empty() ? std::string("(none)") : options.po_number) + "\n";
    review += "  sent to:  " + session.base_url() + "\n";
    constexpr std::size_t shown = 5;
    for (std::size_t i = 0; i < targets.size() && i < shown; ++i) {
        const BatchTarget& t = targets[i];
        review += "  " + std::to_string(i + 1) + ". " +
                  (t.partner_id.empty() ? std::string("myself") : t.partner_id);
        if (!t.company.empty()) review += " " + t.company;
        if (t.plan_id) review += ", " + describe_plan(plan_list, *t.plan_id);
        if (t.po_number) review += ", PO " + *t.po_number;
        review += "\n";
    }
    if (targets.size() > shown) review += "  ... and " + std::to_string(targets.size() - shown) + " more\n";
    say(options, review);
    if (const int code = ask_to_send(options, "Send these " + std::to_string(targets.size()) + " orders?"))
        return code;
    batch.start(std::move(targets), plan_id.value_or(Id64{}), *options.billing_id, options.po_number);
    if (batch.busy_holder()) {
        report("another RenewDesk started a batch meanwhile (" + describe_holder(*batch.busy_holder()) +
               "): nothing was sent");
        return exit_busy;
    }
    if (!batch.counts().running && batch.rows().empty()) {
        report("the batch could not start (an interrupted batch is journaled); nothing was sent");
        return exit_usage;
    }
    return exit_ok;
}

} // namespace

int run_renew_batch(Session& session) {
    const CliOptions& options = session.options();
    std::optional<JournalFile> journal;
    std::string journal_path = "(memory)";
    if (!session.config_dir().empty()) {
        journal_path = (session.config_dir() / desktop::batch_journal_file_name).string();
        journal.emplace(journal_path, JournalFile::batch_max_bytes);
    } else {
        report("neither XDG_CONFIG_HOME nor HOME is set: the batch journal is kept in memory only");
    }
    // One owner per journal: while another RenewDesk runs (or watches) a batch from this config
    // folder, this run waits (or exits busy) before it reads the journal at all.
    if (journal) {
        desktop::set_journal_program("renewdesk-cli");
        if (const int code = wait_for_owner(session, "a batch", [&] { return other_owner(*journal); }))
            return code;
    }
    BatchRun batch(session.client(), journal ? &*journal : nullptr, session.clock());
    // recent-orders.json: orders any copy accounted for are never taken for a row's, and the batch
    // records each row's order placed or found in it (see BatchRun::set_history).
    batch.set_history(session.history());
    batch.set_settle_ms(std::int64_t{options.settle_seconds} * 1000);

    const bool journaled = batch.journal_found();
    if (journaled && !options.resume) {
        report("an interrupted batch is journaled in " + journal_path +
               ": run 'renewdesk-cli renew --resume' to finish it first; nothing was sent");
        return exit_usage;
    }
    if (!journaled && options.resume && !options.from_csv) {
        report("there is no interrupted batch to resume");
        return exit_usage;
    }
    InputCsv input;
    if (!journaled) {
        if (const int code = read_input(*options.from_csv, input)) return code;
        if (auto twice = duplicate_partners(input.rows); !twice.empty() && !options.allow_duplicates) {
            std::fprintf(stderr, "renewdesk-cli: %s: nothing was sent:\n%s", options.from_csv->c_str(),
                         describe_problems(twice).c_str());
            return exit_usage;
        }
    } else if (options.from_csv) {
        // --resume --from FILE resumes the journaled batch only when FILE is that batch.
        if (const int code = read_input(*options.from_csv, input)) return code;
        if (const auto other = journal ? journaled_batch_unlike(*journal, input) : std::nullopt) {
            report(
                *options.from_csv + " is not the journaled batch (" + *other + ", in " + journal_path +
                "): finish that one first with 'renewdesk-cli renew --resume' (without --from); nothing was "
                "sent");
            return exit_usage;
        }
    }
    const std::string result_path = options.result_csv ? *options.result_csv
                                    : options.from_csv ? default_result_path(*options.from_csv)
                                                       : std::string("renewdesk-batch.result.csv");

    if (const int code = session.sign_in()) return code;
    watch_interrupts();
    if (journaled) {
        if (!batch.resume_from_journal()) {
            if (batch.busy_holder()) {
                report("another RenewDesk took the batch meanwhile (" +
                       describe_holder(*batch.busy_holder()) + "): nothing was sent");
                return exit_busy;
            }
            report("the journaled batch was sent with another Client ID or base URL: sign in there to resume "
                   "it");
            return exit_usage;
        }
        const BatchCounts counts = batch.counts();
        say(options, "Resuming the batch of " + std::to_string(counts.size) + " rows (" +
                         std::to_string(counts.sent + counts.failed) + " sent)\n");
        if (!batch.stopped_at_unknown()) {
            if (const int code = ask_to_send(options, "Send the rows still waiting?")) return code;
            batch.resume();
        }
    } else if (const int code = start_new_batch(session, batch, input)) {
        return code;
    }

    drive(session, batch);
    if (batch.journal_unwritable())
        report("the batch journal could not be written: the batch stopped before that row; nothing more "
               "was sent");

    std::string error;
    const bool written = desktop::write_file_atomically(result_path, batch.csv(), &error);
    if (written) say(options, "Result CSV: " + result_path + "\n");
    else report("could not write the result CSV: " + error);
    if (options.json) print(batch_json(batch.rows(), written ? result_path : std::string()) + "\n");
    return exit_for_batch(batch.rows());
}

} // namespace rd::cli
