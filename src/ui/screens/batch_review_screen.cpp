// The batch's review screen: where the orders go, the one plan and contact, every target (batch_screens.h).
#include "ui/screens/batch_screens.h"

#include "ui/api_text.h"
#include "ui/display_text.h"
#include "ui/kit/table_widgets.h"
#include "ui/kit/widgets.h"
#include "ui/user_filter.h"

#include <imgui.h>

namespace rd::ui {
namespace {

std::string plan_text(const RenewalFlow& flow, Id64 plan_id) {
    const Plan* plan = flow.chosen_plan();
    const std::string id = plan_id.to_string();
    if (plan && plan->plan_id == plan_id) return format(Text::plan_named_fmt, plan->name.c_str(), id.c_str());
    return format(Text::plan_typed_fmt, id.c_str());
}

std::string contact_text(const RenewalFlow& flow, Id64 billing_id) {
    const BillingContact* contact = flow.chosen_contact();
    const std::string id = billing_id.to_string();
    if (!contact || contact->billing_contact_id != billing_id)
        return format(Text::contact_typed_fmt, id.c_str());
    const std::string name = display_name(*contact);
    const char* email = contact->email_address.c_str();
    return name.empty() ? format(Text::contact_unnamed_fmt, email, id.c_str())
                        : format(Text::contact_named_fmt, name.c_str(), email, id.c_str());
}

// Retry failed with rows whose order exists but renewed nothing: the person checks those orders in the
// Partner Portal and says so before anything is sent for them again.
void draw_earlier_orders_question(const BatchFields& fields, Actions& actions) {
    int count = 0;
    for (const BatchTarget& target : fields.targets)
        count += !target.earlier_order_no.empty();
    const std::string warning = format(Text::batch_earlier_orders_fmt, count);
    toned_text(Tone::bad, warning, "Earlier orders");
    bool checked = fields.earlier_orders_checked; // the fields change through the action
    if (checkbox(Text::batch_earlier_orders_checked, checked))
        actions.push_back({.kind = ActionKind::earlier_orders_checked, .text = checked ? "1" : ""});
}

} // namespace

void draw_batch_review_screen(const RenewalFlow& flow, const BatchFields& fields, Actions& actions) {
    heading(tr(Text::batch_review_heading));
    hint(tr(Text::batch_review_hint));
    destination_row(fields.base_url, fields.sending_to_sandbox);
    const std::string plan = fields.plan_id ? plan_text(flow, *fields.plan_id) : "";
    const std::string contact = fields.billing_id ? contact_text(flow, *fields.billing_id) : "";
    label_value_row(Text::plan, plan);
    label_value_row(Text::billing_contact, contact);
    label_value_row(Text::term, tr(Text::term_one_year));
    ImGui::Spacing();
    const std::string count = format(Text::batch_order_count_fmt, static_cast<int>(fields.targets.size()));
    plain_text(count, "Batch count");

    const float height = ImGui::GetTextLineHeightWithSpacing() * 12;
    if (begin_table({"batch review", tr(Text::batch_review_heading)},
                    {{.fixed_width = ImGui::CalcTextSize("0000").x}, // the row's number
                     {tr(Text::renew_for), 1.4f},
                     {tr(Text::plan), 1.0f},
                     {tr(Text::billing_contact), 1.4f}},
                    {.height = height})) {
        ImGuiListClipper clipper;
        clipper.Begin(static_cast<int>(fields.targets.size()));
        while (clipper.Step()) {
            for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
                const BatchTarget& target = fields.targets[row];
                const std::string who = api_text(batch_target_text(target));
                next_row();
                cell_text(std::to_string(row + 1));
                cell_text(who);
                name_item("batch:" + (target.partner_id.empty() ? std::string("myself") : target.partner_id));
                std::string earlier;
                if (!target.earlier_order_no.empty()) {
                    earlier = format(Text::batch_earlier_order_fmt, api_text(target.earlier_order_no).c_str(),
                                     api_text(target.earlier_order_status).c_str());
                    cell_note(earlier, Tone::bad);
                }
                cell_text(api_text(plan));
                cell_text(api_text(contact));
                text_row("batch review " + std::to_string(row + 1),
                         {earlier.empty() ? who : who + ". " + earlier, api_text(plan), api_text(contact)});
            }
        }
        end_table();
    }

    ImGui::Spacing();
    const bool ask = has_earlier_orders(fields.targets);
    if (ask) draw_earlier_orders_question(fields, actions);
    if (button(Text::back, true, 100)) actions.push_back({.kind = ActionKind::leave_batch});
    ImGui::SameLine();
    const bool ready = fields.plan_id && fields.billing_id && !fields.targets.empty() &&
                       (!ask || fields.earlier_orders_checked);
    if (button(Text::confirm_batch, ready, 180)) actions.push_back({.kind = ActionKind::confirm_batch});
}

} // namespace rd::ui
