#include "result_screens.h"

#include "display_text.h"
#include "text.h"
#include "widgets.h"

#include <imgui.h>
#include <nlohmann/json.hpp>

namespace rd::ui {
namespace {

void toned_text(Tone tone, const std::string& text) {
    ImGui::PushStyleColor(ImGuiCol_Text, tone_colour(tone));
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(text.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
}

void draw_found_order(const ReconcileResult& result) {
    const OrderSummary& order = *result.match;
    toned_text(Tone::good, "The order was placed: do not order again.");
    label_value_row("Order no", order.order_no);
    label_value_row("Status", order_status_in_words(order.order_status));
    label_value_row("Created", local_time_text(create_time_ms(order.create_time)));
    label_value_row("Order id", order.id);
    if (result.matched_by_po_number)
        label_value_row("PO number", order.custom_reference_no + " (matches this order)");
    if (result.since_attempt.size() > 1 && !result.matched_by_po_number) {
        ImGui::Spacing();
        hint("Several orders were created since this one was sent; the earliest is shown. All of them:");
        for (const OrderSummary& other : result.since_attempt)
            ImGui::BulletText("%s  %s  %s", other.order_no.c_str(),
                              local_time_text(create_time_ms(other.create_time)).c_str(),
                              order_status_in_words(other.order_status).c_str());
    }
}

// Reconciliation: the order list read by itself after the outcome became unknown.
void draw_reconciliation(const RenewalFlow& flow, Actions& actions) {
    const ReconcileResult& result = flow.reconciliation();
    const std::string sent_at = local_time_text(flow.attempt().sent_at_ms);
    switch (result.status) {
    case ReconcileStatus::idle:
    case ReconcileStatus::checking: spinner_text("Looking for the order in your order list"); break;
    case ReconcileStatus::found: draw_found_order(result); break;
    case ReconcileStatus::none:
        if (const auto recheck_at = flow.recheck_at_ms()) {
            toned_text(Tone::pending,
                       "No order so far (the order list was read at " +
                           local_time_text(result.checked_at_ms) +
                           "). The Partner Portal may still be working on it: RenewDesk reads the list "
                           "again at " +
                           local_time_text(*recheck_at) + ". Do not order again yet.");
            break;
        }
        toned_text(Tone::good, "No order was created after " + sent_at + ": it is safe to try again.");
        hint(("The order list was read at " + local_time_text(result.checked_at_ms) + ".").c_str());
        break;
    case ReconcileStatus::error:
        toned_text(Tone::bad, "RenewDesk could not check the order list. Do not order again until you know.");
        if (result.error) error_box(*result.error);
        break;
    }
    ImGui::Spacing();
    if (button("Check again", result.status != ReconcileStatus::checking, 160))
        actions.push_back({.kind = ActionKind::reconcile});
}

} // namespace

std::string receipt_text(const OrderReceipt& r) {
    return "Order no: " + r.order_no + "\nOrder id: " + r.order_id + "\nStatus: " + r.order_status + " (" +
           order_status_in_words(r.order_status) + ")\nInstance id: " + r.instance_id +
           "\nTransaction no: " + r.transaction_no + "\nProduct no: " + r.product_no +
           "\nRequest id: " + r.request_id + "\n";
}

std::string receipt_json(const RenewalFlow& flow) {
    nlohmann::ordered_json doc;
    doc["requestId"] = flow.receipt().request_id;
    doc["request"] = nlohmann::ordered_json::parse(flow.order_body(), nullptr, false);
    doc["result"] = nlohmann::ordered_json::parse(flow.receipt().raw_json, nullptr, false);
    return doc.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

void draw_receipt_screen(const RenewalFlow& flow, Actions& actions) {
    const OrderReceipt& r = flow.receipt();
    const StatusHeading status = receipt_heading(r.order_status);
    ImGui::PushStyleColor(ImGuiCol_Text, tone_colour(status.tone));
    heading(status.text.c_str());
    ImGui::PopStyleColor();
    ImGui::TextUnformatted(order_status_in_words(r.order_status).c_str());
    track("Receipt status");
    {
        label_value_row("Order no", r.order_no);
        label_value_row("Order id", r.order_id);
        label_value_row("Order status", r.order_status);
        label_value_row("Instance id", r.instance_id);
        label_value_row("Transaction no", r.transaction_no);
        label_value_row("Product no", r.product_no);
        label_value_row("Request id", r.request_id);
        if (!flow.order().po_number.empty()) label_value_row("PO number", flow.order().po_number);
    }
    ImGui::Spacing();
    if (button("Copy receipt", true, 150))
        actions.push_back({.kind = ActionKind::copy_text, .text = receipt_text(r)});
    ImGui::SameLine();
    if (button("Download receipt", true, 170)) actions.push_back({.kind = ActionKind::save_receipt});
    ImGui::SameLine();
    if (button("Renew another", true, 150)) actions.push_back({.kind = ActionKind::renew_another});
}

void draw_failed_screen(const RenewalFlow& flow, Actions& actions) {
    heading("The order was not placed");
    if (flow.failure() == OrderOutcome::refused) {
        toned_text(Tone::bad, "The Partner Portal refused the order. No order was created.");
    } else {
        toned_text(Tone::bad, "RenewDesk could not send the order to " + url_host(flow.attempt().base_url) +
                                  ": it never left this computer. No order was created.");
    }
    if (flow.error()) error_box(*flow.error());
    hint("Fix the cause above, then review and confirm again.");
    if (button("Back to choices", true, 170)) actions.push_back({.kind = ActionKind::back_to_choosing});
}

void draw_outcome_unknown_screen(const RenewalFlow& flow, Actions& actions) {
    heading("Outcome unknown: the order may or may not have been placed");
    ImGui::PushTextWrapPos(0.0f);
    ImGui::Text(
        "The order sent at %s left this computer, but no readable answer came back. RenewDesk never sends it "
        "again by itself: it reads your order list to find out what happened.",
        local_time_text(flow.attempt().sent_at_ms).c_str());
    ImGui::PopTextWrapPos();
    if (flow.error()) error_box(*flow.error());
    ImGui::Spacing();
    draw_reconciliation(flow, actions);
    ImGui::Spacing();
    const bool settled = flow.outcome_settled();
    if (button("Start a new renewal", settled, 200)) actions.push_back({.kind = ActionKind::renew_another});
    if (!settled) {
        ImGui::SameLine();
        ImGui::TextDisabled("(once the order list has answered)");
    }
}

} // namespace rd::ui
