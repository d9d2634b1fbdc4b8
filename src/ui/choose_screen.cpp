#include "choose_screen.h"

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
void draw_skipped(const std::vector<std::string>& skipped, const char* retry_label, LookupKind kind,
                  Actions& actions) {
    if (skipped.empty()) return;
    const char* id = retry_label;
    ImGui::PushStyleColor(ImGuiCol_Text, tone_colour(Tone::pending));
    const std::string title = skipped.size() == 1
                                  ? std::string("1 entry could not be read")
                                  : std::to_string(skipped.size()) + " entries could not be read";
    const bool open = ImGui::TreeNode((title + " - show its raw text##" + id).c_str());
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
bool lookup_state(const Lookup<T>& lookup, bool empty, const char* retry_label, LookupKind kind,
                  const char* empty_text, Actions& actions) {
    switch (lookup.status) {
    case LookupStatus::idle:
    case LookupStatus::loading: spinner_text("Loading"); return false;
    case LookupStatus::failed:
        if (lookup.error) error_box(*lookup.error);
        if (button(retry_label)) actions.push_back({.kind = ActionKind::retry_lookup, .lookup = kind});
        return false;
    case LookupStatus::loaded:
        if (empty) hint(empty_text);
        draw_skipped(lookup.skipped, retry_label, kind, actions);
        return true;
    }
    return false;
}

void draw_users(const RenewalFlow& flow, ChooseFields& fields, Actions& actions) {
    heading("1. Who is the renewal for?");
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
        "##search", "Search subordinate users by Yeastar ID, company, email or name (Up/Down choose)",
        &fields.search, ImGuiInputTextFlags_CallbackHistory,
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

    bool ready = lookup_state(users, users.value.empty(), "Retry subordinate users", LookupKind::users,
                              "You have no subordinate users: you can still renew for yourself.", actions);

    const ImGuiTableFlags flags = ImGuiTableFlags_Sortable | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_Resizable;
    float height = ImGui::GetTextLineHeightWithSpacing() * 9;
    if (!ImGui::BeginTable("users", 4, flags, ImVec2(0, height))) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("Yeastar ID", ImGuiTableColumnFlags_WidthStretch, 1.2f);
    ImGui::TableSetupColumn("Company", ImGuiTableColumnFlags_WidthStretch | ImGuiTableColumnFlags_DefaultSort,
                            1.4f);
    ImGui::TableSetupColumn("Email", ImGuiTableColumnFlags_WidthStretch, 1.4f);
    ImGui::TableSetupColumn("Name", ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableHeadersRow();

    if (ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs(); specs && specs->SpecsCount > 0) {
        fields.sort_column = static_cast<UserColumn>(specs->Specs[0].ColumnIndex);
        fields.sort_descending = specs->Specs[0].SortDirection == ImGuiSortDirection_Descending;
        specs->SpecsDirty = false;
    }

    // The partner itself is always the first row.
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    const bool myself = target && target->empty();
    if (ImGui::Selectable("Renew for myself", myself, ImGuiSelectableFlags_SpanAllColumns))
        actions.push_back({.kind = ActionKind::choose_myself});
    track("Renew for myself");
    if (myself && fields.scroll_to_choice) {
        ImGui::SetScrollHereY();
        fields.scroll_to_choice = false;
    }
    ImGui::TableNextColumn();
    ImGui::TextDisabled("(your own Partner Portal account)");

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
                ImGui::TextUnformatted(user.company.c_str());
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(user.email.c_str());
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(display_name(user).c_str());
            }
        }
        if (rows.empty() && !users.value.empty()) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextDisabled("No user matches \"%s\".", fields.search.c_str());
        }
    }
    ImGui::EndTable();
    if (ready) ImGui::TextDisabled("%zu subordinate users", users.value.size());
}

// A field to type an id instead of choosing one from a list; its error shows while it holds text.
void typed_id_field(const char* label, const char* example, const char* tracked_as, std::string& text,
                    const std::optional<ApiError>& error, ActionKind kind, Actions& actions) {
    ImGui::SetNextItemWidth(260.0f);
    if (ImGui::InputTextWithHint(label, example, &text)) actions.push_back({.kind = kind, .text = text});
    track(tracked_as);
    if (!text.empty() && error) error_box(*error);
}

void draw_plans(const RenewalFlow& flow, ChooseFields& fields, Actions& actions) {
    heading("2. Plan");
    const auto& plans = flow.plans();
    const auto& chosen = flow.selection().plan_id;
    bool ready = lookup_state(plans, plans.value.plans.empty(), "Retry plans", LookupKind::plans,
                              "No plan came back for Remote Management: type the plan id below.", actions);
    if (ready) {
        for (const Plan& plan : plans.value.plans) {
            std::string label = (plan.name.empty() ? std::string("(unnamed plan)") : plan.name) + "##" +
                                plan.plan_id.to_string();
            bool selected = chosen && *chosen == plan.plan_id && fields.typed_plan_id.empty();
            if (ImGui::RadioButton(label.c_str(), selected)) {
                fields.typed_plan_id.clear();
                actions.push_back({.kind = ActionKind::choose_plan, .id = plan.plan_id});
            }
            track("plan:" + plan.plan_id.to_string());
            ImGui::SameLine();
            std::string details = "plan id " + plan.plan_id.to_string();
            if (!plan.price.empty()) details += ", " + plan.price + " " + plan.currency;
            if (!plan.billing_cycle.empty()) details += ", " + plan.billing_cycle;
            if (!plan.purchase_type.empty()) details += ", " + plan.purchase_type;
            ImGui::TextDisabled("%s", details.c_str());
        }
        if (!plans.value.plans.empty() && !flow.chosen_plan() && fields.typed_plan_id.empty())
            hint("No plan is named \"Remote Management Account\": choose one or type its plan id.");
    }
    typed_id_field("Or type a plan id", "e.g. 3049036224189325312", "Plan id", fields.typed_plan_id,
                   flow.selection().typed_plan_error, ActionKind::type_plan_id, actions);
    if (plans.status == LookupStatus::loaded) {
        ImGui::Checkbox("Show the raw plan response", &fields.show_raw_plans);
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
    heading("3. Billing contact (receives the invoice)");
    const auto& contacts = flow.contacts();
    const auto& chosen = flow.selection().billing_id;
    bool ready = lookup_state(
        contacts, contacts.value.empty(), "Retry billing contacts", LookupKind::contacts,
        "No billing contact came back: add one in the Partner Portal and retry, or type its id below.",
        actions);
    for (const BillingContact& contact : ready ? contacts.value : std::vector<BillingContact>{}) {
        std::string name = display_name(contact);
        if (!contact.company.empty()) name += (name.empty() ? "(" : " (") + contact.company + ")";
        if (name.empty()) name = "(unnamed contact)";
        std::string label = name + "##" + contact.billing_contact_id.to_string();
        if (ImGui::RadioButton(label.c_str(), chosen && *chosen == contact.billing_contact_id))
            actions.push_back({.kind = ActionKind::choose_contact, .id = contact.billing_contact_id});
        track("contact:" + contact.billing_contact_id.to_string());
        ImGui::SameLine();
        ImGui::TextDisabled("invoice to %s",
                            contact.email_address.empty() ? "(no email)" : contact.email_address.c_str());
        if (chosen && *chosen == contact.billing_contact_id) fields.typed_billing_id.clear();
    }
    typed_id_field("Or type a billing contact id", "e.g. 3197218168379846218", "Billing contact id",
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
    auto missing = flow.missing_choice();
    if (button("Review order", !missing, 160.0f)) actions.push_back({.kind = ActionKind::review});
    if (missing) {
        ImGui::SameLine();
        ImGui::TextDisabled("%s", missing->c_str());
    }
}

} // namespace rd::ui
