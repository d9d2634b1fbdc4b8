#include "ui/screens/top_bar.h"

#include "core/build_info.h"
#include "ui/kit/widgets.h"
#include "ui/layout.h"
#include "ui/screens/header.h"
#include "ui/ui_scale.h"

#include <imgui.h>

#include <algorithm>

namespace rd::ui {
namespace {

// The two language buttons, each named in its own language, tracked as language:en and language:zh.
float language_buttons_width() {
    const ImGuiStyle& style = ImGui::GetStyle();
    float width = 0;
    for (Language language : {Language::en, Language::zh})
        width += ImGui::CalcTextSize(tr_in(language, Text::language_name)).x + 2 * style.FramePadding.x;
    return width + style.ItemSpacing.x;
}

void draw_language_buttons(Actions& actions) {
    for (Language language : {Language::en, Language::zh}) {
        const WidgetId id{std::string("language:") + language_code(language),
                          tr_in(language, Text::language_name)};
        const bool current = current_language() == language;
        if (bar_button(id, 0, current) && !current)
            actions.push_back({.kind = ActionKind::choose_language, .text = language_code(language)});
        if (language == Language::en) ImGui::SameLine();
    }
}

// One button, tracked as Theme, showing the theme a click switches to; as wide as its wider text so the
// top bar does not move when it flips.
float theme_button_width() {
    const float text =
        std::max(ImGui::CalcTextSize(tr(Text::theme_dark)).x, ImGui::CalcTextSize(tr(Text::theme_light)).x);
    return text + 2 * ImGui::GetStyle().FramePadding.x;
}

void draw_theme_button(Theme theme, Actions& actions) {
    const Theme next = theme == Theme::dark ? Theme::light : Theme::dark;
    const Text text = next == Theme::dark ? Text::theme_dark : Text::theme_light;
    if (bar_button({"Theme", tr(text)}, theme_button_width()))
        actions.push_back({.kind = ActionKind::choose_theme, .text = theme_code(next)});
}

// One button, tracked as "UI scale", showing the scale in use; a click takes the next step (after 200%
// back to 100%). As wide as its widest text so the bar does not move.
float ui_scale_button_width() {
    return ImGui::CalcTextSize(format(Text::ui_scale_fmt, ui_scale_steps.back()).c_str()).x +
           2 * ImGui::GetStyle().FramePadding.x;
}

void draw_ui_scale_button(int ui_scale, Actions& actions) {
    if (bar_button({"UI scale", format(Text::ui_scale_fmt, ui_scale)}, ui_scale_button_width()))
        actions.push_back({.kind = ActionKind::next_ui_scale});
}

} // namespace

void draw_top_bar(const TopBarModel& model, Actions& actions) {
    const bool signed_in = model.signed_in;
    draw_header_identity({.signed_in = signed_in,
                          .sandbox = model.sandbox,
                          .base_url = model.base_url,
                          .client_id = signed_in ? model.client_id : std::string(),
                          .version = build_info::version()});
    const ImGuiStyle& style = ImGui::GetStyle();
    // As wide as its words: the header's one row must fit the content column (layout.h).
    const float sign_out_width = signed_in ? button_width(Text::sign_out) : 0;
    const float right = ImGui::GetWindowContentRegionMax().x;
    const float switches_width = ui_scale_button_width() + style.ItemSpacing.x + theme_button_width() +
                                 style.ItemSpacing.x + language_buttons_width();
    const float orders_width =
        signed_in ? ImGui::CalcTextSize(tr(Text::orders)).x + 2 * style.FramePadding.x + style.ItemSpacing.x
                  : 0;
    const float group_width =
        orders_width + switches_width + (signed_in ? style.ItemSpacing.x + sign_out_width : 0);
    // On a narrow window (a phone) the buttons go below the name, from the left, each on the next line
    // when it does not fit beside the one before: never overlapping, never cut off.
    const bool wrapped =
        ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x + style.ItemSpacing.x + group_width > right;
    bool first = true;
    auto next = [&](float x, float width) { // x: where it goes on one line (0: right after the one before)
        if (!wrapped) ImGui::SameLine(x);
        else if (!first) same_line_if_fits(width);
        first = false;
    };
    if (signed_in) { // Orders, left of the theme and language switches
        next(right - sign_out_width - style.ItemSpacing.x - switches_width - orders_width,
             orders_width - style.ItemSpacing.x);
        if (button(Text::orders, model.can_open_orders)) actions.push_back({.kind = ActionKind::open_orders});
    }
    next(right - sign_out_width - (signed_in ? style.ItemSpacing.x : 0) - switches_width,
         ui_scale_button_width());
    draw_ui_scale_button(model.ui_scale, actions);
    next(0, theme_button_width());
    draw_theme_button(model.theme, actions);
    next(0, language_buttons_width() - style.ItemSpacing.x);
    draw_language_buttons(actions);
    if (signed_in) {
        next(right - sign_out_width, sign_out_width);
        if (button(Text::sign_out, model.can_sign_out)) actions.push_back({.kind = ActionKind::sign_out});
    }
    draw_header_about({.version = build_info::version(),
                       .commit = build_info::commit(),
                       .build_type = build_info::build_type(),
                       .can_open_licences = model.can_open_licences,
                       .licences_file = model.licences_file},
                      actions);
    ImGui::Spacing();
}

} // namespace rd::ui
