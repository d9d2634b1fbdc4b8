// The batch done screen: the counts, every row, Retry failed, the CSV (batch_screens.h).
#include "ui/screens/batch_screens.h"

#include "ui/api_text.h"
#include "ui/display_text.h"
#include "ui/kit/widgets.h"
#include "ui/layout.h"
#include "ui/screens/batch_rows.h"

#include <imgui.h>

namespace rd::ui {

void draw_batch_done_screen(const BatchRun& run, Actions& actions) {
    heading(tr(Text::batch_done_heading));
    int placed = 0, pending = 0, failed = 0, unknown = 0, skipped = 0;
    for (const BatchRow& row : run.rows()) {
        placed += row.status == BatchRowStatus::placed;
        pending += row.status == BatchRowStatus::pending;
        failed += row.status == BatchRowStatus::failed;
        unknown += row.status == BatchRowStatus::unknown;
        skipped += row.status == BatchRowStatus::skipped || row.status == BatchRowStatus::waiting;
    }
    const std::string done_counts =
        format(Text::batch_done_counts_fmt, placed, pending, failed, unknown, skipped);
    plain_text(done_counts, "Batch counts");
    announce(std::string(tr(Text::batch_done_heading)) + ": " + done_counts);
    ImGui::Spacing();
    draw_batch_rows(run, 14);
    ImGui::Spacing();
    if (failed > 0) hint(tr(Text::batch_retry_hint));
    if (button(Text::retry_failed, failed > 0, 140)) actions.push_back({.kind = ActionKind::retry_failed});
    same_line_if_fits(button_width(Text::export_csv, 120)); // a phone: on the next line, not cut off
    if (button(Text::export_csv, true, 120)) actions.push_back({.kind = ActionKind::export_csv});
    same_line_if_fits(button_width(Text::copy_csv, 120)); // a phone: on the next line, not cut off
    if (button(Text::copy_csv, true, 120))
        actions.push_back({.kind = ActionKind::copy_text, .text = run.csv()});
    same_line_if_fits(button_width(Text::back_to_choices, 170)); // a phone: on the next line, not cut off
    if (button(Text::back_to_choices, true, 170)) actions.push_back({.kind = ActionKind::leave_batch});
}

} // namespace rd::ui
