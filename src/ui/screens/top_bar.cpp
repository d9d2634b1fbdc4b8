// The top bar: the product, where orders go, Orders, the UI scale, theme and language switches, Sign out
// and the About line; drawn above every screen.
#include "core/build_info.h"
#include "ui/app_impl.h"
#include "ui/kit/widgets.h"
#include "ui/layout.h"
#include "ui/screens/header.h"
#include "ui/ui_scale.h"

#include <imgui.h>
#include <imgui_internal.h> // ButtonEx's flags

#include <algorithm>

namespace rd::ui {

// The two language buttons, each named in its own language, tracked as language:en and language:zh.
float App::Impl::language_buttons_width() const {
    const ImGuiStyle& style = ImGui::GetStyle();
    float width = 0;
    for (Language language : {Language::en, Language::zh})
        width += ImGui::CalcTextSize(tr_in(language, Text::language_name)).x + 2 * style.FramePadding.x;
    return width + style.ItemSpacing.x;
}

void App::Impl::draw_language_buttons() {
    for (Language language : {Language::en, Language::zh}) {
        const WidgetId id{std::string("language:") + language_code(language),
                          tr_in(language, Text::language_name)};
        const bool current = current_language() == language;
        if (bar_button(id, 0, current) && !current) {
            set_language(language);
            if (environment.remember_language) environment.remember_language(language);
        }
        if (language == Language::en) ImGui::SameLine();
    }
}

// One button, tracked as Theme, showing the theme a click switches to; as wide as its wider text so the
// top bar does not move when it flips.
float App::Impl::theme_button_width() const {
    const float text =
        std::max(ImGui::CalcTextSize(tr(Text::theme_dark)).x, ImGui::CalcTextSize(tr(Text::theme_light)).x);
    return text + 2 * ImGui::GetStyle().FramePadding.x;
}

void App::Impl::draw_theme_button() {
    const Theme next = current_theme() == Theme::dark ? Theme::light : Theme::dark;
    const Text text = next == Theme::dark ? Text::theme_dark : Text::theme_light;
    if (!bar_button({"Theme", tr(text)}, theme_button_width())) return;
    chosen_theme = next;
    show_theme();
    if (environment.remember_theme) environment.remember_theme(next);
}

// One button, tracked as "UI scale", showing the scale in use; a click takes the next step (after 200%
// back to 100%). As wide as its widest text so the bar does not move.
float App::Impl::ui_scale_button_width() const {
    return ImGui::CalcTextSize(format(Text::ui_scale_fmt, ui_scale_steps.back()).c_str()).x +
           2 * ImGui::GetStyle().FramePadding.x;
}

void App::Impl::draw_ui_scale_button() {
    if (!bar_button({"UI scale", format(Text::ui_scale_fmt, ui_scale)}, ui_scale_button_width())) return;
    ui_scale = next_ui_scale(ui_scale); // the shell applies it from the next frame (App::ui_scale)
    if (environment.remember_ui_scale) environment.remember_ui_scale(ui_scale);
}

void App::Impl::draw_top_bar() {
    const bool signed_in = flow.stage() != Stage::signed_out && flow.stage() != Stage::signing_in;
    draw_header_identity({.signed_in = signed_in,
                          .sandbox = sending_to_sandbox(),
                          .base_url = client.base_url(),
                          .client_id = signed_in ? client.client_id() : std::string(),
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
        if (button(Text::orders, flow.stage() != Stage::submitting))
            actions.push_back({.kind = ActionKind::open_orders});
    }
    next(right - sign_out_width - (signed_in ? style.ItemSpacing.x : 0) - switches_width,
         ui_scale_button_width());
    draw_ui_scale_button();
    next(0, theme_button_width());
    draw_theme_button();
    next(0, language_buttons_width() - style.ItemSpacing.x);
    draw_language_buttons();
    if (signed_in) {
        next(right - sign_out_width, sign_out_width);
        const bool can_sign_out = flow.stage() != Stage::submitting && !batch_run.counts().running;
        if (button(Text::sign_out, can_sign_out)) actions.push_back({.kind = ActionKind::sign_out});
    }
    draw_header_about({.version = build_info::version(),
                       .commit = build_info::commit(),
                       .build_type = build_info::build_type(),
                       .can_open_licences = static_cast<bool>(environment.open_licences),
                       .licences_file = environment.licences_file},
                      actions);
    ImGui::Spacing();
}

} // namespace rd::ui
