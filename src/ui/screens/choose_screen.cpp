#include "ui/screens/choose_screen.h"

#include "ui/api_text.h"
#include "ui/display_text.h"
#include "ui/kit/table_widgets.h"
#include "ui/kit/widgets.h"
#include "ui/layout.h"
#include "ui/progress_steps.h"
#include "ui/screens/batch_selection.h"
#include "ui/screens/sign_in_screen.h"

#include <algorithm>
#include <imgui.h>
#include <misc/cpp/imgui_stdlib.h>

namespace rd::ui {
namespace {

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
    name_item(std::string("Skipped entries:") + id);
    same_line_if_fits(button_width(retry_label)); // a phone: on the next line, not cut off
    if (button(retry_label)) actions.push_back({.kind = ActionKind::retry_lookup, .lookup = kind});
    if (!open) return;
    for (const std::string& raw : skipped) {
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextUnformatted(raw.c_str());
        ImGui::PopTextWrapPos();
    }
    ImGui::TreePop();
}

// Where the rows will come, while a list loads: dimmed bars of a row's height, of varied lengths so they
// read as rows of text, not as a control. The words "Loading..." above them say the same for everyone.
void placeholder_rows(int rows, int first = 0) {
    static constexpr float lengths[] = {0.62f, 0.48f, 0.55f, 0.40f};
    const float line = ImGui::GetTextLineHeightWithSpacing();
    const float width = ImGui::GetContentRegionAvail().x;
    ImVec4 colour = ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled);
    colour.w *= 0.25f;
    for (int i = 0; i < rows; ++i) {
        const ImVec2 at = ImGui::GetCursorScreenPos();
        const float length = width * lengths[(first + i) % 4];
        ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(at.x, at.y + line * 0.2f),
                                                  ImVec2(at.x + length, at.y + line * 0.8f),
                                                  ImGui::GetColorU32(colour), 4.0f);
        ImGui::Dummy(ImVec2(length, line));
    }
}

// Loading / error (with retry) / empty states; true when the list is ready to draw.
template <class T>
bool lookup_state(const Lookup<T>& lookup, bool empty, Text retry_label, LookupKind kind, Text empty_text,
                  Actions& actions) {
    switch (lookup.status) {
    case LookupStatus::idle:
    case LookupStatus::loading:
        spinner_text(tr(Text::loading));
        if (kind != LookupKind::users) placeholder_rows(3); // the users' table shows its own (draw_users)
        return false;
    case LookupStatus::failed:
        if (lookup.error) error_box(*lookup.error);
        hint(tr(Text::lookup_failed_advice)); // what to do next, not only what went wrong
        if (button(retry_label)) actions.push_back({.kind = ActionKind::retry_lookup, .lookup = kind});
        return false;
    case LookupStatus::loaded:
        if (empty) hint(tr(empty_text));
        draw_skipped(lookup.skipped, retry_label, kind, actions);
        return true;
    }
    return false;
}

// Tall enough for every row while the window has the room (a few users show whole, without scrolling),
// at most 60 % of the height left below it (the plans and contacts stay in reach; a long list scrolls
// inside the table), never less than nine lines (a phone still sees several rows).
float users_table_height(std::size_t rows) {
    const float row = ImGui::GetFrameHeight() + 2 * ImGui::GetStyle().CellPadding.y; // a row's checkbox
    const float every_row = row * static_cast<float>(rows + 2);                      // header and myself too
    const float least = ImGui::GetTextLineHeightWithSpacing() * 9;
    return std::max(least, std::min(every_row, ImGui::GetContentRegionAvail().y * 0.6f));
}

void draw_users(const RenewalFlow& flow, ChooseFields& fields, Actions& actions) {
    heading(tr(Text::users_heading));
    const auto& users = flow.users();
    const auto& target = flow.selection().target;
    const bool focus = fields.focus_search;
    fields.focus_search = false;
    // Keyboard: while typing in the search box, Up/Down move the choice through "myself" and the
    // matching rows, as in a list box (the history callback makes the field own those keys); Tab goes
    // on to the plan id field, arrows then move through the plans and contacts.
    int step = 0;
    text_field({"Search users", tr(Text::search_users_hint)}, fields.search,
               {.width = -1,
                .placeholder = tr(Text::search_users_hint),
                .label_beside = false,
                .focus = focus,
                .flags = ImGuiInputTextFlags_CallbackHistory,
                .callback =
                    [](ImGuiInputTextCallbackData* data) {
                        *static_cast<int*>(data->UserData) = data->EventKey == ImGuiKey_DownArrow ? 1 : -1;
                        return 0;
                    },
                .callback_data = &step});
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

    const std::size_t rows_shown =
        ready ? fields.filter.rows(users.value, fields.search, fields.sort_column, fields.sort_descending)
                    .size()
              : 4; // the placeholder rows
    if (!begin_table({"users", tr(Text::users_heading)},
                     {{.fixed_width = ImGui::GetFrameHeight()}, // the batch's checkbox
                      {tr(Text::column_yeastar_id), 1.2f},
                      {tr(Text::column_company), 1.4f, 0, true},
                      {tr(Text::column_email), 1.4f},
                      {tr(Text::column_name), 1.0f}},
                     {.height = users_table_height(rows_shown),
                      .sortable = true,
                      .check_name = tr(Text::select_for_batch)}))
        return;
    int sort_column = static_cast<int>(fields.sort_column);
    table_sort(sort_column, fields.sort_descending);
    fields.sort_column = static_cast<UserColumn>(sort_column);

    // The partner itself is always the first row.
    next_row();
    next_cell();
    draw_select_checkbox(fields, "");
    next_cell();
    const bool myself = target && target->empty();
    if (table_row(Text::renew_for_myself, label(Text::renew_for_myself),
                  {tr(Text::renew_for_myself), tr(Text::your_own_account)}, myself,
                  {.key = "select:myself", .checked = fields.selected.count("") > 0}))
        actions.push_back({.kind = ActionKind::choose_myself});
    if (myself && fields.scroll_to_choice) {
        scroll_to_this_row();
        fields.scroll_to_choice = false;
    }
    dimmed_cell_text(tr(Text::your_own_account));

    if (users.status == LookupStatus::idle || users.status == LookupStatus::loading)
        for (int row = 0; row < 4; ++row) { // where the users will come
            next_row();
            next_cell();
            for (int column = 1; column < 5; ++column) {
                next_cell();
                placeholder_rows(1, row + column);
            }
        }

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
                next_row();
                next_cell();
                ImGui::PushID(row);
                draw_select_checkbox(fields, user.partner_id);
                next_cell();
                bool selected = target && *target == user.partner_id;
                const std::string company = api_text(user.company), email = api_text(user.email),
                                  name = api_text(display_name(user));
                if (table_row({"user:" + user.partner_id, user.partner_id}, user.partner_id,
                              {user.partner_id, company, email, name}, selected,
                              {.key = "select:" + user.partner_id,
                               .checked = fields.selected.count(user.partner_id) > 0}))
                    actions.push_back({.kind = ActionKind::choose_user, .text = user.partner_id});
                if (row == chosen_row) {
                    scroll_to_this_row();
                    fields.scroll_to_choice = false;
                }
                if (row < 3) name_item("user row " + std::to_string(row));
                ImGui::PopID();
                cell_text(company);
                cell_text(email);
                cell_text(name);
            }
        }
        if (rows.empty() && !users.value.empty()) {
            next_row();
            next_cell();
            next_cell();
            const std::string none = format(Text::no_user_matches_fmt, fields.search.c_str());
            end_mirrored_table(); // the words below are not a row
            dimmed_text(none);
        }
    }
    end_table();
    if (!ready) return;
    const std::string count = format(Text::user_count_fmt, static_cast<int>(users.value.size()));
    dimmed_text(count);
    same_line_if_fits(button_width(Text::select_shown));
    draw_selection_bar(
        fields, users.value,
        fields.filter.rows(users.value, fields.search, fields.sort_column, fields.sort_descending));
}

// A field to type an id instead of choosing one from a list; its error shows while it holds text.
void typed_id_field(Text field, Text example, const char* tracked_as, std::string& text,
                    const std::optional<ApiError>& error, ActionKind kind, Actions& actions) {
    if (text_field({tracked_as, tr(field)}, text,
                   {.width = fit_width(260.0f, label_beside(tr(field))), .placeholder = tr(example)}))
        actions.push_back({.kind = kind, .text = text});
    if (!text.empty() && error) error_box(*error);
}

void draw_plans(const RenewalFlow& flow, ChooseFields& fields, Actions& actions) {
    heading(tr(Text::plans_heading));
    const auto& plans = flow.plans();
    const auto& chosen = flow.selection().plan_id;
    bool ready = lookup_state(plans, plans.value.plans.empty(), Text::retry_plans, LookupKind::plans,
                              Text::no_plans, actions);
    if (ready) {
        begin_radio_group({"plans", tr(Text::plans_heading)});
        for (const Plan& plan : plans.value.plans) {
            const std::string name =
                plan.name.empty() ? std::string(tr(Text::unnamed_plan)) : api_text(plan.name);
            bool selected = chosen && *chosen == plan.plan_id && fields.typed_plan_id.empty();
            std::string details = format(Text::plan_id_fmt, plan.plan_id.to_string().c_str());
            if (!plan.price.empty()) details += ", " + plan.price + " " + plan.currency;
            if (!plan.billing_cycle.empty()) details += ", " + plan.billing_cycle;
            if (!plan.purchase_type.empty()) details += ", " + plan.purchase_type;
            if (radio({"plan:" + plan.plan_id.to_string(), name}, selected, api_text(details))) {
                fields.typed_plan_id.clear();
                actions.push_back({.kind = ActionKind::choose_plan, .id = plan.plan_id});
            }
        }
        end_radio_group();
        if (!plans.value.plans.empty() && !flow.chosen_plan() && fields.typed_plan_id.empty())
            hint(tr(Text::no_plan_named_remote_management));
    }
    typed_id_field(Text::type_plan_id, Text::plan_id_example, "Plan id", fields.typed_plan_id,
                   flow.selection().typed_plan_error, ActionKind::type_plan_id, actions);
    if (plans.status == LookupStatus::loaded) {
        checkbox({"Show raw plans", tr(Text::show_raw_plans)}, fields.show_raw_plans);
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
    if (ready && !contacts.value.empty()) begin_radio_group({"contacts", tr(Text::contacts_heading)});
    for (const BillingContact& contact : ready ? contacts.value : std::vector<BillingContact>{}) {
        std::string name = display_name(contact);
        if (!contact.company.empty()) name += (name.empty() ? "(" : " (") + contact.company + ")";
        if (name.empty()) name = tr(Text::unnamed_contact);
        const bool selected = chosen && *chosen == contact.billing_contact_id;
        const std::string email = contact.email_address.empty() ? tr(Text::no_email) : contact.email_address;
        const std::string invoice_to = api_text(format(Text::invoice_to_fmt, email.c_str()));
        if (radio({"contact:" + contact.billing_contact_id.to_string(), api_text(name)}, selected,
                  invoice_to))
            actions.push_back({.kind = ActionKind::choose_contact, .id = contact.billing_contact_id});
        if (chosen && *chosen == contact.billing_contact_id) fields.typed_billing_id.clear();
    }
    end_radio_group();
    typed_id_field(Text::type_billing_id, Text::billing_id_example, "Billing contact id",
                   fields.typed_billing_id, flow.selection().typed_billing_error, ActionKind::type_billing_id,
                   actions);
}

} // namespace

void draw_choose_screen(const RenewalFlow& flow, ChooseFields& fields, Actions& actions) {
    draw_progress_steps(progress_steps(flow));
    begin_scrolling_content("choices", fields.action_bar_height); // the action bar below stays in view
    if (flow.pending_journal()) draw_pending_order_banner(*flow.pending_journal(), true, actions);
    draw_journal_holder(flow);
    draw_batch_holder(fields.batch_elsewhere);
    draw_users(flow, fields, actions);
    draw_plans(flow, fields, actions);
    draw_contacts(flow, fields, actions);
    end_scrolling_content();

    const float bar_top = ImGui::GetCursorPosY();
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
        hint(tr(*missing)); // wrapped beside the button
    }
    draw_review_batch_button(flow, fields, actions);
    keep_action_bar_height(bar_top, fields.action_bar_height);
}

} // namespace rd::ui
