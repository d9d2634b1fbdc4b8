#include "ui/screens/batch_selection.h"

#include "ui/kit/widgets.h"
#include "ui/layout.h"

#include <imgui.h>

#include <set>

namespace rd::ui {

void draw_select_checkbox(ChooseFields& fields, const std::string& partner_id) {
    bool selected = fields.selected.count(partner_id) > 0;
    const std::string name = partner_id.empty() ? std::string("myself") : partner_id;
    if (row_checkbox("select:" + name, selected)) {
        if (selected) fields.selected.insert(partner_id);
        else fields.selected.erase(partner_id);
    }
}

void draw_selection_bar(ChooseFields& fields, const std::vector<SubordinateUser>& users,
                        const std::vector<std::size_t>& shown) {
    if (button(Text::select_shown, !shown.empty()))
        for (std::size_t index : shown)
            fields.selected.insert(users[index].partner_id);
    same_line_if_fits(button_width(Text::clear_selection)); // a phone: on the next line, not cut off
    if (button(Text::clear_selection, !fields.selected.empty())) fields.selected.clear();
    const std::string count = format(Text::selected_count_fmt, static_cast<int>(fields.selected.size()));
    same_line_if_fits(ImGui::CalcTextSize(count.c_str()).x);
    plain_text(count, "Selected count");
}

void draw_review_batch_button(const RenewalFlow& flow, const ChooseFields& fields, Actions& actions) {
    if (fields.selected.size() < 2) return;
    const Selection& chosen = flow.selection();
    const bool ready = chosen.plan_id && chosen.billing_id;
    same_line_if_fits(button_width(Text::review_batch, 160.0f));
    if (button(Text::review_batch, ready, 160.0f)) actions.push_back({.kind = ActionKind::review_batch});
    ImGui::SameLine();
    dimmed_text(format(Text::selected_count_fmt, static_cast<int>(fields.selected.size())));
    hint(tr(Text::batch_same_choices));
}

std::vector<BatchTarget> selected_targets(const RenewalFlow& flow, const ChooseFields& fields) {
    std::vector<BatchTarget> targets;
    if (fields.selected.count("")) targets.push_back({.partner_id = "", .company = ""});
    std::set<std::string> taken; // a user listed twice is still one order
    for (const SubordinateUser& user : flow.users().value)
        if (!user.partner_id.empty() && fields.selected.count(user.partner_id) &&
            taken.insert(user.partner_id).second)
            targets.push_back({.partner_id = user.partner_id, .company = user.company});
    return targets;
}

} // namespace rd::ui
