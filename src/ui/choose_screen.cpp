#include "choose_screen.h"

#include "api_text.h"
#include "batch_selection.h"
#include "display_text.h"
#include "sign_in_screen.h"
#include "widgets.h"

#include <algorithm>
#include <imgui.h>
#include <misc/cpp/imgui_stdlib.h>

namespace rd::ui {
namespace {

// Loading / error (with retry) / empty states; true when the list is ready to draw.
// Entries of a list that could not be read: counted, and their raw text one click away.
void draw_skipped(const std::vector<std::string>& skipped, Text retry_label, LookupKind kind,
                  Actions& actions) {
    if (skipped.empty()) return;
    const char* id = en(retry_label);
    ImGui::PushStyleColor(ImGuiCol_Text, tone_colour(Tone::pending));
    const std::string title = skipped.size() == 1
                                  ? std::string(tr(Text::skipped_one))
                                  : format(Text::skipped_many_fmt, static_cast<int>(skipped.size()));
    const bool open = ImGui::TreeNode((title + tr(Text::show_raw_text) + "###" + id).c_str());
    ImGui::PopStyleColor();
    track(std::string("Skipped entries:") + id);
    ImGui::SameLine();
    if (button(retry_label)) actions.push_back({.kind = ActionKind::retry_lookup, .lookup = kind});
    if (!open) return;
    for (const std::string& raw : skipped) {
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextUnformatted(raw.c_str());
        ImGui::PopTextWrapPos();
    }
    ImGui::TreePop();
}

template <class T>
bool lookup_state(const Lookup<T>& lookup, bool empty, Text retry_label, LookupKind kind, Text empty_text,
                  Actions& actions) {
    switch (lookup.status) {
    case LookupStatus::idle:
    case LookupStatus::loading: spinner_text(tr(Text::loading)); return false;
    case LookupStatus::failed:
        if (lookup.error) error_box(*lookup.error);
        if (button(retry_label)) actions.push_back({.kind = ActionKind::retry_lookup, .lookup = kind});
        return false;
    case LookupStatus::loaded:
        if (empty) hint(tr(empty_text));
        draw_skipped(lookup.skipped, retry_label, kind, actions);
        return true;
    }
    return false;
}

void draw_users(const RenewalFlow& flow, ChooseFields& fields, Actions& actions) {
    heading(tr(Text::users_heading));
    const auto& users = flow.users();
    const auto& target = flow.selection().target;
    ImGui::SetNextItemWidth(-1);
    if (fields.focus_search) ImGui::SetKeyboardFocusHere();
    fields.focus_search = false;
    // Keyboard: while typing in the search box, Up/Down move the choice through "myself" and the
    // matching rows, as in a list box (the history callback makes the field own those keys); Tab goes
    // on to the plan id field, arrows then move through the plans and contacts.
    int step = 0;
    ImGui::InputTextWithHint(
        "##search", tr(Text::search_users_hint), &fields.search, ImGuiInputTextFlags_CallbackHistory,
        [](ImGuiInputTextCallbackData* data) {
            *static_cast<int*>(data->UserData) = data->EventKey == ImGuiKey_DownArrow ? 1 : -1;
            return 0;
        },
        &step);
    track("Search users");
    if (step != 0 && users.status == LookupStatus::loaded) {
        const auto& rows =
            fields.filter.rows(users.value, fields.search, fields.sort_column, fields.sort_descending);
        int current = -1; // "myself"
        for (std::size_t i = 0; target && !target->empty() && i < rows.size(); ++i)
            if (users.value[rows[i]].partner_id == *target) current = static_cast<int>(i);
        int next = !target ? (step > 0 ? -1 : static_cast<int>(rows.size()) - 1) : current + step;
        next = std::clamp(next, -1, static_cast<int>(rows.size()) - 1);
        if (next < 0) actions.push_back({.kind = ActionKind::choose_myself});
        else actions.push_back({.kind = ActionKind::choose_user, .text = users.value[rows[next]].partner_id});
        fields.scroll_to_choice = true;
    }

    bool ready = lookup_state(users, users.value.empty(), Text::retry_users, LookupKind::users,
                              Text::no_users, actions);

    const ImGuiTableFlags flags = ImGuiTableFlags_Sortable | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_Resizable;
    float height = ImGui::GetTextLineHeightWithSpacing() * 9;
    if (!ImGui::BeginTable("users", 5, flags, ImVec2(0, height))) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("##select",
                            ImGuiTableColumnFlags_WidthFixed | ImGuiTableColumnFlags_NoSort |
                                ImGuiTableColumnFlags_NoResize,
                            ImGui::GetFrameHeight());
    ImGui::TableSetupColumn(label(Text::column_yeastar_id).c_str(), ImGuiTableColumnFlags_WidthStretch, 1.2f);
    ImGui::TableSetupColumn(label(Text::column_company).c_str(),
                            ImGuiTableColumnFlags_WidthStretch | ImGuiTableColumnFlags_DefaultSort, 1.4f);
    ImGui::TableSetupColumn(label(Text::column_email).c_str(), ImGuiTableColumnFlags_WidthStretch, 1.4f);
    ImGui::TableSetupColumn(label(Text::column_name).c_str(), ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableHeadersRow();

    if (ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs(); specs && specs->SpecsCount > 0) {
        fields.sort_column = static_cast<UserColumn>(std::max(0, specs->Specs[0].ColumnIndex - 1));
        fields.sort_descending = specs->Specs[0].SortDirection == ImGuiSortDirection_Descending;
        specs->SpecsDirty = false;
    }

    // The partner itself is always the first row.
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    draw_select_checkbox(fields, "");
    ImGui::TableNextColumn();
    const bool myself = target && target->empty();
    if (ImGui::Selectable(label(Text::renew_for_myself).c_str(), myself, ImGuiSelectableFlags_SpanAllColumns))
        actions.push_back({.kind = ActionKind::choose_myself});
    track(en(Text::renew_for_myself));
    if (myself && fields.scroll_to_choice) {
        ImGui::SetScrollHereY();
        fields.scroll_to_choice = false;
    }
    ImGui::TableNextColumn();
    ImGui::TextDisabled("%s", tr(Text::your_own_account));

    if (ready) {
        const auto& rows =
            fields.filter.rows(users.value, fields.search, fields.sort_column, fields.sort_descending);
        int chosen_row = -1;
        for (std::size_t i = 0; fields.scroll_to_choice && target && i < rows.size(); ++i)
            if (users.value[rows[i]].partner_id == *target) chosen_row = static_cast<int>(i);
        ImGuiListClipper clipper;
        clipper.Begin(static_cast<int>(rows.size()));
        if (chosen_row >= 0) clipper.IncludeItemByIndex(chosen_row); // so it is drawn and can be scrolled to
        while (clipper.Step()) {
            for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
                const SubordinateUser& user = users.value[rows[row]];
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::PushID(row);
                draw_select_checkbox(fields, user.partner_id);
                ImGui::TableNextColumn();
                bool selected = target && *target == user.partner_id;
                if (ImGui::Selectable(user.partner_id.c_str(), selected, ImGuiSelectableFlags_SpanAllColumns))
                    actions.push_back({.kind = ActionKind::choose_user, .text = user.partner_id});
                track("user:" + user.partner_id);
                if (row == chosen_row) {
                    ImGui::SetScrollHereY();
                    fields.scroll_to_choice = false;
                }
                if (row < 3) track("user row " + std::to_string(row));
                ImGui::PopID();
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(api_text(user.company).c_str());
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(api_text(user.email).c_str());
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(api_text(display_name(user)).c_str());
            }
        }
        if (rows.empty() && !users.value.empty()) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TableNextColumn();
            ImGui::TextDisabled("%s", format(Text::no_user_matches_fmt, fields.search.c_str()).c_str());
        }
    }
    ImGui::EndTable();
    if (!ready) return;
    ImGui::TextDisabled("%s", format(Text::user_count_fmt, static_cast<int>(users.value.size())).c_str());
    ImGui::SameLine();
    draw_selection_bar(
        fields, users.value,
        fields.filter.rows(users.value, fields.search, fields.sort_column, fields.sort_descending));
}

// A field to type an id instead of choosing one from a list; its error shows while it holds text.
void typed_id_field(Text field, Text example, const char* tracked_as, std::string& text,
                    const std::optional<ApiError>& error, ActionKind kind, Actions& actions) {
    ImGui::SetNextItemWidth(260.0f);
    if (ImGui::InputTextWithHint(label(field).c_str(), tr(example), &text))
        actions.push_back({.kind = kind, .text = text});
    track(tracked_as);
    if (!text.empty() && error) error_box(*error);
}

void draw_plans(const RenewalFlow& flow, ChooseFields& fields, Actions& actions) {
    heading(tr(Text::plans_heading));
    const auto& plans = flow.plans();
    const auto& chosen = flow.selection().plan_id;
    bool ready = lookup_state(plans, plans.value.plans.empty(), Text::retry_plans, LookupKind::plans,
                              Text::no_plans, actions);
    if (ready) {
        for (const Plan& plan : plans.value.plans) {
            std::string label =
                (plan.name.empty() ? std::string(tr(Text::unnamed_plan)) : api_text(plan.name)) + "##" +
                plan.plan_id.to_string();
            bool selected = chosen && *chosen == plan.plan_id && fields.typed_plan_id.empty();
            if (ImGui::RadioButton(label.c_str(), selected)) {
                fields.typed_plan_id.clear();
                actions.push_back({.kind = ActionKind::choose_plan, .id = plan.plan_id});
            }
            track("plan:" + plan.plan_id.to_string());
            ImGui::SameLine();
            std::string details = format(Text::plan_id_fmt, plan.plan_id.to_string().c_str());
            if (!plan.price.empty()) details += ", " + plan.price + " " + plan.currency;
            if (!plan.billing_cycle.empty()) details += ", " + plan.billing_cycle;
            if (!plan.purchase_type.empty()) details += ", " + plan.purchase_type;
            ImGui::TextDisabled("%s", api_text(details).c_str());
        }
        if (!plans.value.plans.empty() && !flow.chosen_plan() && fields.typed_plan_id.empty())
            hint(tr(Text::no_plan_named_remote_management));
    }
    typed_id_field(Text::type_plan_id, Text::plan_id_example, "Plan id", fields.typed_plan_id,
                   flow.selection().typed_plan_error, ActionKind::type_plan_id, actions);
    if (plans.status == LookupStatus::loaded) {
        ImGui::Checkbox(label(Text::show_raw_plans).c_str(), &fields.show_raw_plans);
        track("Show raw plans");
        if (fields.show_raw_plans) {
            std::string raw =
                plans.value
                    .raw_json; // InputTextMultiline needs a mutable buffer; read-only flag keeps it unchanged
            ImGui::InputTextMultiline("##rawplans", &raw, ImVec2(-1, ImGui::GetTextLineHeight() * 10),
                                      ImGuiInputTextFlags_ReadOnly);
        }
    }
}

void draw_contacts(const RenewalFlow& flow, ChooseFields& fields, Actions& actions) {
    heading(tr(Text::contacts_heading));
    const auto& contacts = flow.contacts();
    const auto& chosen = flow.selection().billing_id;
    bool ready = lookup_state(contacts, contacts.value.empty(), Text::retry_contacts, LookupKind::contacts,
                              Text::no_contacts, actions);
    for (const BillingContact& contact : ready ? contacts.value : std::vector<BillingContact>{}) {
        std::string name = display_name(contact);
        if (!contact.company.empty()) name += (name.empty() ? "(" : " (") + contact.company + ")";
        if (name.empty()) name = tr(Text::unnamed_contact);
        std::string label = api_text(name) + "##" + contact.billing_contact_id.to_string();
        if (ImGui::RadioButton(label.c_str(), chosen && *chosen == contact.billing_contact_id))
            actions.push_back({.kind = ActionKind::choose_contact, .id = contact.billing_contact_id});
        track("contact:" + contact.billing_contact_id.to_string());
        ImGui::SameLine();
        const std::string email = contact.email_address.empty() ? tr(Text::no_email) : contact.email_address;
        ImGui::TextDisabled("%s", api_text(format(Text::invoice_to_fmt, email.c_str())).c_str());
        if (chosen && *chosen == contact.billing_contact_id) fields.typed_billing_id.clear();
    }
    typed_id_field(Text::type_billing_id, Text::billing_id_example, "Billing contact id",
                   fields.typed_billing_id, flow.selection().typed_billing_error, ActionKind::type_billing_id,
                   actions);
}

} // namespace

void draw_choose_screen(const RenewalFlow& flow, ChooseFields& fields, Actions& actions) {
    if (flow.pending_journal()) draw_pending_order_banner(*flow.pending_journal(), true, actions);
    draw_users(flow, fields, actions);
    draw_plans(flow, fields, actions);
    draw_contacts(flow, fields, actions);

    ImGui::Spacing();
    ImGui::Separator();
    const auto& chosen = flow.selection();
    const std::optional<Text> missing = !chosen.target       ? std::optional(Text::choose_target_first)
                                        : !chosen.plan_id    ? std::optional(Text::choose_plan_first)
                                        : !chosen.billing_id ? std::optional(Text::choose_contact_first)
                                                             : std::nullopt;
    if (button(Text::review_order, !flow.missing_choice(), 160.0f))
        actions.push_back({.kind = ActionKind::review});
    if (missing) {
        ImGui::SameLine();
        ImGui::TextDisabled("%s", tr(*missing));
    }
    draw_review_batch_button(flow, fields, actions);
}

} // namespace rd::ui
