#include "ui/screens/order_details_screen.h"

#include "core/strict_json.h"
#include "core/text.h"
#include "ui/api_text.h"
#include "ui/display_text.h"
#include "ui/kit/widgets.h"
#include "ui/layout.h"

#include <imgui.h>

#include <algorithm>

namespace rd::ui {
namespace {

Text section_title(DetailSection section) {
    switch (section) {
    case DetailSection::basic: return Text::section_basic;
    case DetailSection::billing: return Text::section_billing;
    case DetailSection::order: return Text::section_order;
    case DetailSection::summary: return Text::section_summary;
    }
    return Text::section_basic;
}

void draw_section(const DetailSectionRows& section) {
    section_heading(tr(section_title(section.section)));
    if (!section.present) {
        dimmed_text(tr(Text::section_missing));
        return;
    }
    float column = row_label_column();
    for (const DetailRow& row : section.rows)
        column =
            std::max(column, ImGui::CalcTextSize(row.label.c_str()).x + 2 * ImGui::GetStyle().ItemSpacing.x);
    column = std::min(column, 320.0f);
    for (const DetailRow& row : section.rows)
        label_value_at(api_text(row.label), row.value.empty() ? "-" : api_text(row.value), column);
}

void draw_unknown(const std::string& raw) {
    if (raw.empty()) return;
    section_heading(tr(Text::other_members));
    // parse_strict, not Json::parse: the members came from outside, and Json::parse finds each name
    // among those read so far (quadratic in a wide object, every frame).
    ErrorDetail refusal;
    const std::optional<Json> doc = parse_strict(raw, refusal);
    const std::string pretty = doc ? json_text(*doc, 2) : raw;
    wrapped_text(api_text(pretty), "Other members");
}

} // namespace

void draw_order_details_screen(const OrdersBook& book, Actions& actions) {
    const OrderDetailsView& view = book.details();
    const std::string shown_no = view.details.order_no.empty() ? view.id : view.details.order_no;
    heading(format(Text::order_details_heading_fmt, api_text(shown_no).c_str()).c_str());
    if (button(Text::back, true, 100)) actions.push_back({.kind = ActionKind::leave_orders});
    same_line_if_fits(button_width(Text::refresh, 100)); // a phone: on the next line, not cut off
    if (button(Text::refresh, view.status != BookStatus::loading, 100))
        actions.push_back({.kind = ActionKind::open_order_details, .text = view.id});
    if (view.status == BookStatus::loaded && !OrdersBook::is_final(view.details.order_status)) {
        ImGui::SameLine();
        const StatusHeading status = receipt_heading(view.details.order_status);
        toned_text(status.tone, api_text(order_status_words(view.details.order_status)));
    }
    ImGui::Spacing();
    switch (view.status) {
    case BookStatus::idle:
    case BookStatus::loading: spinner_text(tr(Text::loading)); return;
    case BookStatus::error:
        alert_text(tr(Text::could_not_read_details));
        if (view.error) error_box(*view.error);
        return;
    case BookStatus::loaded: break;
    }
    if (!ImGui::BeginChild("order_details", ImVec2(0, 0))) {
        ImGui::EndChild();
        return;
    }
    for (const DetailSectionRows& section : view.details.sections)
        draw_section(section);
    draw_unknown(view.details.unknown_raw);
    ImGui::EndChild();
}

} // namespace rd::ui
