#include "ui/screens/review_screen.h"

#include "core/api_paths.h"
#include "ui/display_text.h"
#include "ui/kit/widgets.h"
#include "ui/layout.h"
#include "ui/progress_steps.h"
#include "ui/user_filter.h"

#include <algorithm>
#include <imgui.h>
#include <misc/cpp/imgui_stdlib.h>

namespace rd::ui {

std::string order_target_text(const RenewalFlow& flow) {
    const auto& order = flow.order();
    if (!order.partner_id) return tr(Text::yourself_own_account);
    std::string text = format(Text::subordinate_user_fmt, order.partner_id->c_str());
    if (const SubordinateUser* user = flow.chosen_user()) {
        text += " - " + user->company;
        if (!user->email.empty()) text += ", " + user->email;
    }
    return text;
}

void draw_review_screen(const RenewalFlow& flow, ReviewFields& fields, Actions& actions) {
    const bool submitting = flow.stage() == Stage::submitting;
    draw_progress_steps(progress_steps(flow));
    begin_scrolling_content("order", fields.action_bar_height); // Confirm stays in view below
    heading(tr(Text::review_heading));
    hint(tr(Text::review_hint));
    destination_row(fields.base_url, fields.sending_to_sandbox);
    // The browser may send the order twice through a server that keeps its connections open (HTTP/1.1
    // keep-alive, HTTP/2 or 3): said before Confirm, in the pending tone, tracked for the tests.
    if (fields.deployment && fields.deployment->keeps_connections()) {
        toned_text(Tone::pending, tr(Text::deployment_keeps_connections), "Deployment warning");
    }

    {
        label_value_row(Text::renew_for, order_target_text(flow));
        const Plan* plan = flow.chosen_plan();
        const std::string plan_id = flow.order().plan_id.to_string();
        label_value_row(Text::plan, plan ? format(Text::plan_named_fmt, plan->name.c_str(), plan_id.c_str())
                                         : format(Text::plan_typed_fmt, plan_id.c_str()));
        if (plan && !plan->price.empty())
            label_value_row(Text::price_as_listed, plan->price + " " + plan->currency);
        if (const BillingContact* contact = flow.chosen_contact()) {
            const std::string name = display_name(*contact);
            const std::string id = contact->billing_contact_id.to_string();
            const char* email = contact->email_address.c_str();
            label_value_row(Text::billing_contact,
                            name.empty() ? format(Text::contact_unnamed_fmt, email, id.c_str())
                                         : format(Text::contact_named_fmt, name.c_str(), email, id.c_str()));
        } else {
            label_value_row(Text::billing_contact,
                            format(Text::contact_typed_fmt, flow.order().billing_id.to_string().c_str()));
        }
        label_value_row(Text::term, tr(Text::term_one_year));
    }

    ImGui::Spacing();
    ImGui::BeginDisabled(submitting);
    row_label(Text::po_number);
    if (text_field({"PO number", tr(Text::po_number)}, fields.po_number,
                   {.width = fit_width(260.0f),
                    .placeholder = tr(Text::po_number_example),
                    .label_beside = false, // the row label says it
                    .disabled = submitting}))
        actions.push_back({.kind = ActionKind::set_po_number, .text = fields.po_number});
    same_line_if_fits(ImGui::CalcTextSize(tr(Text::po_number_explained)).x);
    dimmed_text(tr(Text::po_number_explained));
    ImGui::EndDisabled();

    ImGui::Spacing();
    hint(format(Text::exact_body_fmt, paths::create_order).c_str()); // wrapped: a phone shows the path whole
    std::string body = flow.order_body();
    mirror_only_text(body); // the read-only box below shows it
    const float lines = static_cast<float>(std::count(body.begin(), body.end(), '\n') + 2);
    ImGui::InputTextMultiline("##body", &body, ImVec2(-1, ImGui::GetTextLineHeight() * lines),
                              ImGuiInputTextFlags_ReadOnly);
    name_item("Order body");
    end_scrolling_content();

    const float bar_top = ImGui::GetCursorPosY();
    ImGui::Separator();
    if (fields.focus_back) ImGui::SetKeyboardFocusHere();
    fields.focus_back = false;
    if (button(Text::back, !submitting, 100)) actions.push_back({.kind = ActionKind::back_to_choosing});
    same_line_if_fits(button_width(Text::copy_as_curl, 140));
    if (button(Text::copy_as_curl, true, 140))
        actions.push_back({.kind = ActionKind::copy_text, .text = flow.order_as_curl()});
    same_line_if_fits(button_width(Text::confirm_order, 180));
    // Disabled from the first frame after the click: the flow has left `reviewing` already.
    if (button(Text::confirm_order, !submitting, 180)) actions.push_back({.kind = ActionKind::confirm});
    if (submitting) {
        ImGui::SameLine();
        spinner_text(tr(Text::placing_order));
    }
    keep_action_bar_height(bar_top, fields.action_bar_height);
}

} // namespace rd::ui
