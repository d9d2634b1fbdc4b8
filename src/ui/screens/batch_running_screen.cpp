// The batch running screen: progress, each row as it comes, an unknown row's reconciliation
// (batch_screens.h).
#include "ui/screens/batch_screens.h"

#include "ui/api_text.h"
#include "ui/display_text.h"
#include "ui/kit/widgets.h"
#include "ui/layout.h"
#include "ui/screens/batch_rows.h"
#include "ui/screens/outcome_unknown_screen.h"

#include <imgui.h>

namespace rd::ui {
namespace {

// The row whose outcome is unknown: what the order list says about it, Check again, Continue batch.
void draw_unknown_row(const BatchRun& run, std::size_t index, Actions& actions) {
    const BatchRow& row = run.rows()[index];
    toned_text(Tone::bad, format(Text::batch_stopped_at_fmt, static_cast<int>(index + 1),
                                 api_text(batch_target_text(row.target)).c_str()));
    if (row.error) error_box(*row.error);
    const ReconcileResult& result = run.reconciliation();
    switch (result.status) {
    case ReconcileStatus::idle:
    case ReconcileStatus::checking: spinner_text(tr(Text::looking_for_order)); break;
    case ReconcileStatus::found:
        toned_text(Tone::good, tr(Text::found_order_placed));
        if (result.match) label_value_row(Text::order_no, result.match->order_no);
        break;
    case ReconcileStatus::none:
        if (const auto recheck_at = run.recheck_at_ms())
            toned_text(Tone::pending,
                       format(Text::no_order_yet_fmt, local_time_text(result.checked_at_ms).c_str(),
                              local_time_text(*recheck_at).c_str()));
        else toned_text(Tone::good, tr(Text::batch_row_not_placed));
        break;
    case ReconcileStatus::ambiguous: draw_unproven_orders(result); break;
    case ReconcileStatus::error: draw_check_failed(result, run.recheck_at_ms()); break;
    }
    name_item("Batch reconciliation");
    const bool settled = run.outcome_settled();
    if (button(Text::check_again, result.status != ReconcileStatus::checking, 140))
        actions.push_back({.kind = ActionKind::check_batch_row});
    same_line_if_fits(button_width(Text::continue_batch, 160)); // a phone: on the next line, not cut off
    if (button(Text::continue_batch, settled, 160)) actions.push_back({.kind = ActionKind::continue_batch});
    if (!settled) {
        ImGui::SameLine();
        ImGui::TextDisabled("%s", tr(Text::once_order_list_answered));
    }
}

} // namespace

void draw_batch_running_screen(const BatchRun& run, Actions& actions) {
    heading(tr(Text::batch_running_heading));
    const BatchCounts counts = run.counts();
    const float done =
        counts.size > 0 ? static_cast<float>(counts.sent) / static_cast<float>(counts.size) : 0;
    const std::string progress = format(Text::batch_progress_fmt, counts.sent, counts.size);
    progress_bar(done, progress, "Batch progress");
    const auto unknown = run.unknown_row();
    if (run.stopped_at_unknown() && unknown) draw_unknown_row(run, *unknown, actions);
    else spinner_text(tr(Text::batch_sending));
    ImGui::Spacing();
    draw_batch_rows(run, 14);
    ImGui::Spacing();
    if (button(Text::stop_batch, counts.running, 140)) actions.push_back({.kind = ActionKind::stop_batch});
}

} // namespace rd::ui
