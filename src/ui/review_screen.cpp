#include "review_screen.h"

#include "api_paths.h"
#include "display_text.h"
#include "user_filter.h"
#include "widgets.h"

#include <algorithm>
#include <imgui.h>
#include <misc/cpp/imgui_stdlib.h>

namespace rd::ui {
namespace {

std::string who(const RenewalFlow& flow) {
    const auto& order = flow.order();
    if (!order.partner_id) return "Yourself (your own Partner Portal account)";
    std::string text = "Subordinate user " + *order.partner_id;
    if (const SubordinateUser* user = flow.chosen_user()) {
        text += " - " + user->company;
        if (!user->email.empty()) text += ", " + user->email;
    }
    return text;
}

// Where Confirm sends the order, shown first and in colour: a sandbox or the real Partner Portal.
void draw_destination(const std::string& base_url, bool is_sandbox) {
    const std::string host = url_host(base_url);
    row_label("Sending to");
    ImGui::PushStyleColor(ImGuiCol_Text, tone_colour(is_sandbox ? Tone::good : Tone::pending));
    ImGui::PushTextWrapPos(0.0f);
    if (is_sandbox)
        ImGui::Text("SANDBOX at %s - a stand-in for the Partner Portal: no real order, nothing is charged",
                    host.c_str());
    else ImGui::Text("%s - a REAL order, charged to your Partner Portal account", host.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    track("Sending to");
}

} // namespace

void draw_review_screen(const RenewalFlow& flow, ReviewFields& fields, Actions& actions) {
    const bool submitting = flow.stage() == Stage::submitting;
    heading("Review the order");
    hint("Check every line. Confirm places one order for a one-year renewal of Remote Management (product "
         "15).");
    draw_destination(fields.base_url, fields.sending_to_sandbox);

    {
        label_value_row("Renew for", who(flow));
        const Plan* plan = flow.chosen_plan();
        label_value_row("Plan", (plan ? plan->name + " - " : std::string("Typed by hand - ")) + "plan id " +
                                    flow.order().plan_id.to_string());
        if (plan && !plan->price.empty())
            label_value_row("Price (as listed)", plan->price + " " + plan->currency);
        if (const BillingContact* contact = flow.chosen_contact()) {
            const std::string name = display_name(*contact);
            label_value_row("Billing contact", (name.empty() ? "" : name + ", ") + "invoice to " +
                                                   contact->email_address + " (id " +
                                                   contact->billing_contact_id.to_string() + ")");
        } else {
            label_value_row("Billing contact",
                            "Typed by hand - billing contact id " + flow.order().billing_id.to_string());
        }
        label_value_row("Term", "1 year, annual recurring billing");
    }

    ImGui::Spacing();
    ImGui::BeginDisabled(submitting);
    row_label("PO number");
    ImGui::SetNextItemWidth(260.0f);
    if (ImGui::InputTextWithHint("##po", "optional, e.g. PO-4711", &fields.po_number))
        actions.push_back({.kind = ActionKind::set_po_number, .text = fields.po_number});
    track("PO number");
    ImGui::SameLine();
    ImGui::TextDisabled("(your purchase-order number; it helps find the order later)");
    ImGui::EndDisabled();

    ImGui::Spacing();
    ImGui::TextDisabled("The exact request body that will be sent to POST %s:", paths::create_order);
    std::string body = flow.order_body();
    const float lines = static_cast<float>(std::count(body.begin(), body.end(), '\n') + 2);
    ImGui::InputTextMultiline("##body", &body, ImVec2(-1, ImGui::GetTextLineHeight() * lines),
                              ImGuiInputTextFlags_ReadOnly);
    track("Order body");

    ImGui::Spacing();
    if (fields.focus_back) ImGui::SetKeyboardFocusHere();
    fields.focus_back = false;
    if (button("Back", !submitting, 100)) actions.push_back({.kind = ActionKind::back_to_choosing});
    ImGui::SameLine();
    if (button("Copy as curl", true, 140))
        actions.push_back({.kind = ActionKind::copy_text, .text = flow.order_as_curl()});
    ImGui::SameLine();
    // Disabled from the first frame after the click: the flow has left `reviewing` already.
    if (button("Confirm order", !submitting, 180)) actions.push_back({.kind = ActionKind::confirm});
    if (submitting) {
        ImGui::SameLine();
        spinner_text("Placing the order, do not close this window");
    }
}

} // namespace rd::ui
