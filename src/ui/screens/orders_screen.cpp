#include "ui/screens/orders_screen.h"

#include "ui/api_text.h"
#include "ui/display_text.h"
#include "ui/kit/table_widgets.h"
#include "ui/kit/widgets.h"
#include "ui/layout.h"
#include "ui/screens/order_details_screen.h"
#include "ui/theme.h"

#include <imgui.h>
#include <misc/cpp/imgui_stdlib.h>

#include <algorithm>

namespace rd::ui {
namespace {

void draw_status_filter(OrdersView& view) {
    const std::string current =
        view.filter.status.empty() ? tr(Text::orders_every_status) : order_status_words(view.filter.status);
    ImGui::SetNextItemWidth(fit_width(260, label_beside(tr(Text::orders_status_filter))));
    if (ImGui::BeginCombo(label(Text::orders_status_filter).c_str(), current.c_str())) {
        if (ImGui::Selectable(tr(Text::orders_every_status), view.filter.status.empty()))
            view.filter.status.clear();
        for (const std::string& status : view.book.statuses()) {
            ImGui::PushID(status.c_str());
            if (ImGui::Selectable(order_status_words(status).c_str(), view.filter.status == status))
                view.filter.status = status;
            ImGui::PopID();
        }
        ImGui::EndCombo();
    }
    name_item("Status filter");
    // In the mirror the filter is a radio group (a combo's list exists only while it is open).
    begin_radio_group({"Status filter", tr(Text::orders_status_filter)});
    if (mirror_only_radio({"status:", tr(Text::orders_every_status)}, view.filter.status.empty()))
        view.filter.status.clear();
    for (const std::string& status : view.book.statuses())
        if (mirror_only_radio({"status:" + status, order_status_words(status)}, view.filter.status == status))
            view.filter.status = status;
    end_radio_group();
}

void draw_status_cell(const BookOrder& order) {
    const StatusHeading heading = receipt_heading(order.summary.order_status);
    status_icon(icon_for_order_status(order.summary.order_status), heading.tone, ImGui::GetTextLineHeight());
    ImGui::SameLine();
    ImGui::PushStyleColor(ImGuiCol_Text, tone_colour(heading.tone));
    ImGui::TextUnformatted(api_text(order_status_words(order.summary.order_status)).c_str());
    ImGui::PopStyleColor();
    if (order.status_changed) { // highlighted: the status moved while the list was open
        ImGui::SameLine();
        ImGui::PushStyleColor(ImGuiCol_Text, tone_colour(Tone::pending));
        ImGui::TextUnformatted(format(Text::status_changed_fmt, order.previous_status.c_str()).c_str());
        ImGui::PopStyleColor();
        ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg1, ImGui::GetColorU32(current_palette().changed_row));
    }
    if (order.refreshing) {
        ImGui::SameLine();
        ImGui::TextDisabled("%s", tr(Text::checking_status));
    } else if (order.refresh_failed) {
        ImGui::SameLine();
        ImGui::TextDisabled("%s", tr(Text::check_failed));
    }
}

void draw_row(const BookOrder& order, Actions& actions) {
    const OrderSummary& o = order.summary;
    const std::string key = o.id.empty() ? o.order_no : o.id;
    next_row();
    next_cell();
    ImGui::PushID(key.c_str());
    const std::string shown_no = api_text(o.order_no.empty() ? key : o.order_no);
    const std::string created = order.created_ms ? local_time_text(order.created_ms) : "-";
    const std::string reference = o.custom_reference_no.empty() ? "-" : api_text(o.custom_reference_no);
    // The order number's cell opens the details: not the whole row, whose last cell has a button of its own
    // (an overlapping row needs a hovered frame before the click, which an on-demand page may not draw).
    std::string status_words = api_text(order_status_words(o.order_status));
    if (order.status_changed)
        status_words += " " + format(Text::status_changed_fmt, order.previous_status.c_str());
    if (table_row({"order:" + o.order_no, shown_no}, shown_no,
                  {shown_no, status_words, api_text(o.currency_code), created, reference}, false, {},
                  RowSpan::cell))
        actions.push_back({.kind = ActionKind::open_order_details, .text = key});
    next_cell();
    draw_status_cell(order);
    cell_text(api_text(o.currency_code));
    cell_text(created);
    cell_text(reference);
    next_cell();
    if (!OrdersBook::is_final(o.order_status)) {
        ImGui::BeginDisabled(order.refreshing);
        if (row_button({"refresh:" + o.order_no, tr(Text::refresh_status)}))
            actions.push_back({.kind = ActionKind::refresh_order_status, .text = o.id});
        ImGui::EndDisabled();
    }
    ImGui::PopID();
}

void draw_table(const OrdersView& view, const std::vector<std::size_t>& rows, Actions& actions) {
    const float height =
        std::max(ImGui::GetTextLineHeightWithSpacing() * 6, ImGui::GetContentRegionAvail().y - 8);
    if (!begin_table({"orders", tr(Text::orders_heading)},
                     {{tr(Text::order_no), 1.3f},
                      {tr(Text::status), 2.2f},
                      {tr(Text::column_currency), 0.5f},
                      {tr(Text::created), 1.0f},
                      {tr(Text::column_reference), 1.0f},
                      {"", 0.8f}}, // Refresh status
                     {.height = height}))
        return;
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(rows.size()));
    while (clipper.Step())
        for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row)
            draw_row(view.book.orders()[rows[static_cast<std::size_t>(row)]], actions);
    end_table();
}

} // namespace

void draw_orders_screen(OrdersView& view, Actions& actions) {
    const OrdersBook& book = view.book;
    heading(tr(Text::orders_heading));
    if (button(Text::back, true, 100)) actions.push_back({.kind = ActionKind::leave_orders});
    same_line_if_fits(button_width(Text::refresh, 100)); // a phone: on the next line, not cut off
    if (button(Text::refresh, book.status() != BookStatus::loading, 100))
        actions.push_back({.kind = ActionKind::refresh_orders});
    ImGui::SameLine();
    if (button(Text::refresh_pending, book.pending_count() > 0 && !book.refreshing(), 150))
        actions.push_back({.kind = ActionKind::refresh_pending_orders});
    ImGui::SameLine();
    draw_status_filter(view);
    ImGui::SameLine();
    text_field({"Search orders", tr(Text::orders_search_hint)}, view.filter.text,
               {.width = -1, .placeholder = tr(Text::orders_search_hint), .label_beside = false});

    if (book.status() == BookStatus::loading) spinner_text(tr(Text::loading));
    if (book.status() == BookStatus::error) {
        alert_text(tr(Text::could_not_read_orders));
        if (book.error()) error_box(*book.error());
    }
    if (book.status() != BookStatus::loaded && book.orders().empty()) return;
    const std::vector<std::size_t> rows = book.shown(view.filter);
    hint(format(Text::orders_shown_fmt, static_cast<int>(rows.size()), static_cast<int>(book.orders().size()),
                static_cast<int>(book.pending_count()))
             .c_str());
    if (book.truncated())
        hint(format(Text::orders_truncated_fmt, static_cast<int>(book.orders().size())).c_str());
    if (book.orders().empty()) hint(tr(Text::no_orders));
    else if (rows.empty()) hint(tr(Text::no_orders_match));
    draw_table(view, rows, actions);
}

bool apply_orders_action(OrdersView& view, const Action& action) {
    switch (action.kind) {
    case ActionKind::open_orders:
        view.page = OrdersPage::orders;
        view.book.refresh(); // orders placed since the last look are there at once
        return true;
    case ActionKind::leave_orders:
        view.page = view.page == OrdersPage::details && view.details_from_list ? OrdersPage::orders
                                                                               : OrdersPage::none;
        return true;
    case ActionKind::refresh_orders: view.book.refresh(); return true;
    case ActionKind::refresh_order_status: view.book.refresh_order(action.text); return true;
    case ActionKind::refresh_pending_orders: view.book.refresh_all_pending(); return true;
    case ActionKind::open_order_details:
        if (view.page != OrdersPage::details) view.details_from_list = view.page == OrdersPage::orders;
        view.page = OrdersPage::details;
        view.book.open_details(action.text);
        return true;
    default: return false;
    }
}

void close_orders_view(OrdersView& view) {
    view.page = OrdersPage::none;
    view.details_from_list = false;
    view.filter = {};
    view.book.reset();
}

Json orders_state(const OrdersView& view) {
    const OrdersBook& book = view.book;
    Json order_nos = Json::array();
    int changed = 0;
    for (const BookOrder& order : book.orders()) {
        order_nos.push_back(order.summary.order_no);
        changed += order.status_changed ? 1 : 0;
    }
    const OrderDetailsView& details = book.details();
    return {{"status", book_status_name(book.status())},
            {"count", book.orders().size()},
            {"orderNos", order_nos},
            {"pending", book.pending_count()},
            {"inFlight", book.requests_in_flight()},
            {"refreshing", book.refreshing()},
            {"changed", changed},
            {"details",
             {{"status", book_status_name(details.status)},
              {"id", details.id},
              {"orderNo", details.details.order_no}}}};
}

} // namespace rd::ui
