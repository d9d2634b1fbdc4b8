#include "result_screens.h"

#include "widgets.h"

#include <imgui.h>
#include <nlohmann/json.hpp>

namespace rd::ui {
namespace {

void receipt_row(const char* label, const std::string& value) {
    ImGui::TextDisabled("%s", label);
    ImGui::SameLine(160.0f);
    ImGui::TextUnformatted(value.empty() ? "-" : value.c_str());
}

void draw_order_check(const RenewalFlow& flow, Actions& actions) {
    const auto& check = flow.order_check();
    if (button("Check the order list", check.status != LookupStatus::loading, 220))
        actions.push_back({.kind = ActionKind::check_order_list});
    if (check.status == LookupStatus::loading) spinner_text("Loading recent orders");
    if (check.status == LookupStatus::failed && check.error) error_box(*check.error);
    if (check.status != LookupStatus::loaded) return;
    if (check.value.orders.empty()) {
        hint("The order list is empty: no order was placed. You may start again.");
        return;
    }
    hint("Newest orders of your account. If one was created just now, the renewal went through: do not order again.");
    if (ImGui::BeginTable("recent", 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV)) {
        ImGui::TableSetupColumn("Order no");
        ImGui::TableSetupColumn("Status");
        ImGui::TableSetupColumn("Created (epoch)");
        ImGui::TableSetupColumn("Order id");
        ImGui::TableHeadersRow();
        for (const OrderSummary& order : check.value.orders) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(order.order_no.c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(order_status_in_words(order.order_status).c_str());
            ImGui::TableNextColumn();
            ImGui::Text("%lld", static_cast<long long>(order.create_time));
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(order.id.c_str());
        }
        ImGui::EndTable();
    }
}

} // namespace

std::string receipt_text(const OrderReceipt& r) {
    return "Order no: " + r.order_no + "\nOrder id: " + r.order_id + "\nStatus: " + r.order_status + " (" +
           order_status_in_words(r.order_status) + ")\nInstance id: " + r.instance_id +
           "\nTransaction no: " + r.transaction_no + "\nProduct no: " + r.product_no + "\nRequest id: " + r.request_id + "\n";
}

std::string receipt_json(const RenewalFlow& flow) {
    nlohmann::ordered_json doc;
    doc["requestId"] = flow.receipt().request_id;
    doc["request"] = nlohmann::ordered_json::parse(flow.order_body(), nullptr, false);
    doc["result"] = nlohmann::ordered_json::parse(flow.receipt().raw_json, nullptr, false);
    return doc.dump(2) + "\n";
}

void draw_receipt_screen(const RenewalFlow& flow, Actions& actions) {
    const OrderReceipt& r = flow.receipt();
    heading("Order placed");
    ImGui::TextUnformatted(order_status_in_words(r.order_status).c_str());
    track("Receipt status");
    {
        receipt_row("Order no", r.order_no);
        receipt_row("Order id", r.order_id);
        receipt_row("Order status", r.order_status);
        receipt_row("Instance id", r.instance_id);
        receipt_row("Transaction no", r.transaction_no);
        receipt_row("Product no", r.product_no);
        receipt_row("Request id", r.request_id);
    }
    ImGui::Spacing();
    if (button("Copy receipt", true, 150)) actions.push_back({.kind = ActionKind::copy_text, .text = receipt_text(r)});
    ImGui::SameLine();
    if (button("Download receipt", true, 170)) actions.push_back({.kind = ActionKind::save_receipt});
    ImGui::SameLine();
    if (button("Renew another", true, 150)) actions.push_back({.kind = ActionKind::renew_another});
}

void draw_failed_screen(const RenewalFlow& flow, Actions& actions) {
    heading("The order was not placed");
    if (flow.error()) error_box(*flow.error());
    hint("Nothing was charged. Fix the cause (the message above comes from the Partner Portal), then review and confirm again.");
    if (button("Back to choices", true, 170)) actions.push_back({.kind = ActionKind::back_to_choosing});
}

void draw_outcome_unknown_screen(const RenewalFlow& flow, Actions& actions) {
    heading("Outcome unknown: the order may or may not have been placed");
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(
        "The order request left this computer, but no readable answer came back. The Partner Portal may have "
        "placed the order. RenewDesk will not send it again by itself: check the order list first.");
    ImGui::PopTextWrapPos();
    if (flow.error()) error_box(*flow.error());
    ImGui::Spacing();
    draw_order_check(flow, actions);
    ImGui::Spacing();
    if (button("Start a new renewal", flow.order_check().status == LookupStatus::loaded, 200))
        actions.push_back({.kind = ActionKind::renew_another});
    ImGui::SameLine();
    ImGui::TextDisabled("(after checking the order list)");
}

} // namespace rd::ui
