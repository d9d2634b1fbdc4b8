// The App's batch renewal: the batch screens in place of the flow's, the batch's actions, its timers
// and its journal after sign-in (App::Impl, app_impl.h).
#include "ui/app_impl.h"

#include "ui/notices.h"
#include "ui/screens/batch_selection.h"

#include <algorithm>

namespace rd::ui {

// Once per frame, before drawing: the batch's timers, the journal of an interrupted batch after
// sign-in, and the running screen giving way to the done screen once nothing is left to do.
void App::Impl::tick_batch() {
    batch_run.tick();
    if (flow.stage() == Stage::signed_out) batch.journal_checked = false;
    if (!batch.journal_checked && flow.stage() == Stage::choosing) {
        batch.journal_checked = true;
        if (batch_run.resume_from_journal()) batch.view = BatchView::running;
        else if (batch_run.busy_holder()) batch.journal_checked = false; // its owner lives: ask again
    }
    choose.batch_elsewhere = BatchElsewhere::of(batch_run); // the choices say so while it waits, and after
    if (batch.view == BatchView::running && !batch_run.counts().running && !batch_run.stopped_at_unknown())
        batch.view = BatchView::done;
}

bool App::Impl::batch_sending() const {
    const auto& rows = batch_run.rows();
    return std::any_of(rows.begin(), rows.end(),
                       [](const BatchRow& row) { return row.status == BatchRowStatus::sending; });
}

bool App::Impl::apply_batch(const Action& action) {
    const bool running = batch_run.counts().running;
    switch (action.kind) {
    case ActionKind::review_batch: {
        const Selection& chosen = flow.selection();
        if (running || !chosen.plan_id || !chosen.billing_id || flow.stage() != Stage::choosing) return true;
        batch.targets = selected_targets(flow, choose);
        batch.plan_id = chosen.plan_id;
        batch.billing_id = chosen.billing_id;
        batch.earlier_orders_checked = false;
        if (!batch.targets.empty()) batch.view = BatchView::review;
        return true;
    }
    case ActionKind::confirm_batch:
        // Only from the review, once: the view leaves `review` before the first order is handed over.
        if (batch.view != BatchView::review || running || !batch.plan_id || !batch.billing_id) return true;
        if (has_earlier_orders(batch.targets) && !batch.earlier_orders_checked) return true; // asked first
        batch.view = BatchView::running;
        batch_run.start(batch.targets, *batch.plan_id, *batch.billing_id, "");
        if (batch_run.busy_holder()) batch.view = BatchView::review; // another copy's batch: none started
        return true;
    case ActionKind::leave_batch:
        if (running) return true;
        if (batch.view == BatchView::done) choose.selected.clear();
        batch.view = BatchView::none;
        choose.focus_search = true;
        return true;
    case ActionKind::continue_batch: batch_run.resume(); return true;
    case ActionKind::stop_batch: batch_run.stop(); return true;
    case ActionKind::check_batch_row: batch_run.reconcile(); return true;
    case ActionKind::retry_failed: {
        // Never by itself: a new batch of just the failed rows, reviewed before it is confirmed.
        std::vector<BatchTarget> failed = batch_run.failed_targets();
        if (running || failed.empty()) return true;
        if (!batch.plan_id) batch.plan_id = flow.selection().plan_id;
        if (!batch.billing_id) batch.billing_id = flow.selection().billing_id;
        batch.targets = std::move(failed);
        batch.earlier_orders_checked = false;
        batch.view = BatchView::review;
        return true;
    }
    case ActionKind::earlier_orders_checked: batch.earlier_orders_checked = !action.text.empty(); return true;
    case ActionKind::export_csv:
        if (environment.save_file)
            notice = saved_file_notice(
                environment.save_file(batch_csv_name(client.clock().epoch_ms()), batch_run.csv()));
        return true;
    default: return false;
    }
}

} // namespace rd::ui
