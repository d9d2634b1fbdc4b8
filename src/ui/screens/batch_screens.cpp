#include "ui/screens/batch_screens.h"

#include "ui/api_text.h"
#include "ui/display_text.h"
#include "ui/kit/widgets.h"
#include "ui/user_filter.h"

#include <imgui.h>

#include <algorithm>

namespace rd::ui {

std::string batch_target_text(const BatchTarget& target) {
    if (target.partner_id.empty()) return tr(Text::yourself_own_account);
    return target.company.empty() ? target.partner_id : target.partner_id + " - " + target.company;
}

std::string batch_csv_name(std::int64_t epoch_ms) {
    std::string time = local_time_text(epoch_ms); // "2026-11-27 10:42:05"
    std::replace(time.begin(), time.end(), ' ', '-');
    std::erase(time, ':');
    return "renewdesk-batch-" + time + ".csv";
}

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

} // namespace

bool has_earlier_orders(const std::vector<BatchTarget>& targets) {
    for (const BatchTarget& target : targets)
        if (!target.earlier_order_no.empty()) return true;
    return false;
}

// Retry failed with rows whose order exists but renewed nothing: the person checks those orders in the
// Partner Portal and says so before anything is sent for them again.
static void draw_earlier_orders_question(const BatchFields& fields, Actions& actions) {
    int count = 0;
    for (const BatchTarget& target : fields.targets)
        count += !target.earlier_order_no.empty();
    const std::string warning = format(Text::batch_earlier_orders_fmt, count);
    toned_text(Tone::bad, warning, "Earlier orders");
    bool checked = fields.earlier_orders_checked; // the fields change through the action
    if (checkbox(Text::batch_earlier_orders_checked, checked))
        actions.push_back({.kind = ActionKind::earlier_orders_checked, .text = checked ? "1" : ""});
}

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

    const ImGuiTableFlags flags =
        ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_BordersInnerV;
    const float height = ImGui::GetTextLineHeightWithSpacing() * 12;
    if (ImGui::BeginTable("batch review", 4, flags, ImVec2(0, height))) {
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn("##n", ImGuiTableColumnFlags_WidthFixed, ImGui::CalcTextSize("0000").x);
        ImGui::TableSetupColumn(label(Text::renew_for).c_str(), ImGuiTableColumnFlags_WidthStretch, 1.4f);
        ImGui::TableSetupColumn(label(Text::plan).c_str(), ImGuiTableColumnFlags_WidthStretch, 1.0f);
        ImGui::TableSetupColumn(label(Text::billing_contact).c_str(), ImGuiTableColumnFlags_WidthStretch,
                                1.4f);
        ImGui::TableHeadersRow();
        ImGuiListClipper clipper;
        clipper.Begin(static_cast<int>(fields.targets.size()));
        while (clipper.Step()) {
            for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
                const BatchTarget& target = fields.targets[row];
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::Text("%d", row + 1);
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(api_text(batch_target_text(target)).c_str());
                name_item("batch:" + (target.partner_id.empty() ? std::string("myself") : target.partner_id));
                if (!target.earlier_order_no.empty())
                    toned_text(Tone::bad, format(Text::batch_earlier_order_fmt,
                                                 api_text(target.earlier_order_no).c_str(),
                                                 api_text(target.earlier_order_status).c_str()));
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(api_text(plan).c_str());
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(api_text(contact).c_str());
            }
        }
        ImGui::EndTable();
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
