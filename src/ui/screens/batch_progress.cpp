// The batch running and batch done screens (batch_screens.h).
#include "ui/screens/batch_screens.h"

#include "ui/screens/outcome_unknown_screen.h"

#include "ui/api_text.h"
#include "ui/display_text.h"
#include "ui/kit/widgets.h"
#include "ui/layout.h"
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

// Every row with its outcome so far: #, target, outcome (in its colour), order number, details.
void draw_rows(const BatchRun& run, float lines) {
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_Resizable;
    if (!ImGui::BeginTable("batch rows", 5, flags, ImVec2(0, ImGui::GetTextLineHeightWithSpacing() * lines)))
        return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("##n", ImGuiTableColumnFlags_WidthFixed, ImGui::CalcTextSize("0000").x);
    ImGui::TableSetupColumn(label(Text::renew_for).c_str(), ImGuiTableColumnFlags_WidthStretch, 1.6f);
    ImGui::TableSetupColumn(label(Text::status).c_str(), ImGuiTableColumnFlags_WidthStretch, 0.9f);
    ImGui::TableSetupColumn(label(Text::order_no).c_str(), ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn(label(Text::request_id).c_str(), ImGuiTableColumnFlags_WidthStretch, 1.6f);
    ImGui::TableHeadersRow();
    const auto& rows = run.rows();
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(rows.size()));
    if (const auto unknown = run.unknown_row()) clipper.IncludeItemByIndex(static_cast<int>(*unknown));
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const BatchRow& row = rows[i];
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::Text("%d", i + 1);
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(api_text(batch_target_text(row.target)).c_str());
            ImGui::TableNextColumn();
            ImGui::PushStyleColor(ImGuiCol_Text, tone_colour(row_tone(row.status)));
            ImGui::TextUnformatted(tr(row_words(row.status)));
            ImGui::PopStyleColor();
            if (row.error && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", error_words(*row.error).c_str());
            name_item("batch status " + std::to_string(i));
            if (row.found_late) ImGui::TextDisabled("%s", tr(Text::batch_found_late));
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(api_text(row.order_no).c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(api_text(row.request_id).c_str());
        }
    }
    ImGui::EndTable();
}

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

void draw_batch_running_screen(const BatchRun& run, const BatchFields& fields, Actions& actions) {
    (void)fields;
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
    draw_rows(run, 14);
    ImGui::Spacing();
    if (button(Text::stop_batch, counts.running, 140)) actions.push_back({.kind = ActionKind::stop_batch});
}

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
    draw_rows(run, 14);
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
