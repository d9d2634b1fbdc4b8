#include "ui/screens/batch_rows.h"

#include "ui/api_text.h"
#include "ui/display_text.h"
#include "ui/kit/table_widgets.h"
#include "ui/kit/widgets.h"
#include "ui/screens/batch_screens.h"
#include "ui/words/error_words.h"

#include <imgui.h>

namespace rd::ui {
namespace {

Tone row_tone(BatchRowStatus status) {
    switch (status) {
    case BatchRowStatus::placed: return Tone::good;
    case BatchRowStatus::pending: return Tone::pending;
    case BatchRowStatus::failed:
    case BatchRowStatus::unknown:
    case BatchRowStatus::ambiguous: return Tone::bad;
    case BatchRowStatus::waiting:
    case BatchRowStatus::sending:
    case BatchRowStatus::skipped: return Tone::neutral;
    }
    return Tone::neutral;
}

Text row_words(BatchRowStatus status) {
    switch (status) {
    case BatchRowStatus::waiting: return Text::batch_waiting;
    case BatchRowStatus::sending: return Text::batch_sending;
    case BatchRowStatus::placed: return Text::batch_placed;
    case BatchRowStatus::pending: return Text::batch_pending;
    case BatchRowStatus::failed: return Text::batch_failed;
    case BatchRowStatus::unknown: return Text::batch_unknown;
    case BatchRowStatus::ambiguous: return Text::batch_ambiguous;
    case BatchRowStatus::skipped: return Text::batch_skipped;
    }
    return Text::batch_waiting;
}

} // namespace

void draw_batch_rows(const BatchRun& run, float lines) {
    if (!begin_table({"batch rows", tr(Text::batch_rows_caption)},
                     {{.fixed_width = ImGui::CalcTextSize("0000").x}, // the row's number
                      {tr(Text::renew_for), 1.6f},
                      {tr(Text::status), 0.9f},
                      {tr(Text::order_no), 1.0f},
                      {tr(Text::request_id), 1.6f}},
                     {.height = ImGui::GetTextLineHeightWithSpacing() * lines}))
        return;
    const auto& rows = run.rows();
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(rows.size()));
    if (const auto unknown = run.unknown_row()) clipper.IncludeItemByIndex(static_cast<int>(*unknown));
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const BatchRow& row = rows[i];
            const std::string who = api_text(batch_target_text(row.target));
            std::string status = tr(row_words(row.status));
            next_row();
            cell_text(std::to_string(i + 1));
            cell_text(who);
            toned_cell_text(row_tone(row.status), status);
            if (row.error) {
                const std::string why = error_words(*row.error);
                if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", why.c_str());
                status += ": " + why;
            }
            name_item("batch status " + std::to_string(i));
            if (row.found_late) {
                cell_note(tr(Text::batch_found_late));
                status += ". " + std::string(tr(Text::batch_found_late));
            }
            cell_text(api_text(row.order_no));
            cell_text(api_text(row.request_id));
            text_row("batch row " + std::to_string(i + 1),
                     {who, status, api_text(row.order_no), api_text(row.request_id)});
        }
    }
    end_table();
}

} // namespace rd::ui
