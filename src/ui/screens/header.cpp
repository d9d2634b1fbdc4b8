#include "ui/screens/header.h"

#include "ui/display_text.h"
#include "ui/heading_font.h"
#include "ui/kit/widgets.h"
#include "ui/layout.h"
#include "ui/theme.h"
#include "ui/words/catalog.h"

#include <imgui.h>
#include <imgui_internal.h> // ButtonEx: the version button on the text baseline

namespace rd::ui {

namespace {
constexpr const char* product_name = "RenewDesk"; // a name: the same in every language

// The current font's ascent in ImGui units (fonts are rasterised at device pixels and scaled down).
float ascent() {
    return ImGui::GetFont()->Ascent * ImGui::GetFontSize() / ImGui::GetFont()->FontSize;
}

// After SameLine() beside the larger product name: the body text sits on the name's baseline.
void same_baseline(float name_ascent, float spacing) {
    ImGui::SameLine(0, spacing);
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + name_ascent - ascent());
}

// Words on a filled rounded box: the tone's colour as the fill and the window's background as the
// text, the same pair the theme test checks the other way round, so the contrast stays AA.
// A text item (not only pixels), so the words reach the text capture and the screen-reader mirror. The
// box goes on a channel below the text, drawn once the text's own rectangle is known.
void badge(const std::string& text, Tone tone) {
    constexpr float pad_x = 8.0f, pad_y = 2.0f;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->ChannelsSplit(2);
    draw->ChannelsSetCurrent(1);
    ImGui::BeginGroup(); // the group is the box: tracked as one rectangle
    ImGui::Dummy(ImVec2(pad_x, 0));
    ImGui::SameLine(0, 0);
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_WindowBg));
    ImGui::TextUnformatted(text.c_str());
    ImGui::PopStyleColor();
    const ImVec2 text_min = ImGui::GetItemRectMin(), text_max = ImGui::GetItemRectMax();
    ImGui::SameLine(0, 0);
    ImGui::Dummy(ImVec2(pad_x, 0));
    ImGui::EndGroup();
    draw->ChannelsSetCurrent(0);
    draw->AddRectFilled(ImVec2(text_min.x - pad_x, text_min.y - pad_y),
                        ImVec2(text_max.x + pad_x, text_max.y + pad_y), ImGui::GetColorU32(tone_colour(tone)),
                        4.0f);
    draw->ChannelsMerge();
}

// Whether the About line is shown: ImGui's storage of the window, so it lasts while the app runs.
bool& about_open() {
    return *ImGui::GetStateStorage()->GetBoolRef(ImGui::GetID("##about open"), false);
}

// The version as a small frameless button on the name's baseline; a click shows or hides the About line.
void version_button(const std::string& version, float name_ascent) {
    same_baseline(name_ascent, ImGui::GetStyle().ItemSpacing.x);
    const std::string words = format(Text::version_button_fmt, version.c_str());
    if (quiet_button({"Version", words}, about_open())) about_open() = !about_open();
}
} // namespace

std::string environment_badge_text(const HeaderFacts& facts) {
    if (!facts.signed_in) return {};
    return facts.sandbox ? tr(Text::environment_sandbox) : url_host(facts.base_url);
}

std::string client_id_text(const HeaderFacts& facts) {
    if (!facts.signed_in || facts.client_id.empty()) return {};
    return format(Text::signed_in_client_fmt, facts.client_id.c_str());
}

void draw_header_identity(const HeaderFacts& facts) {
    ImGui::BeginGroup();
    ImFont* font = heading_font_for(product_name);
    if (font) ImGui::PushFont(font);
    ImGui::PushStyleColor(ImGuiCol_Text, current_palette().heading);
    ImGui::TextUnformatted(product_name);
    ImGui::PopStyleColor();
    const float name_ascent = ascent();
    if (font) ImGui::PopFont();
    name_item("Product name");
    mirror_heading(product_name, 1);
    if (!facts.version.empty()) version_button(facts.version, name_ascent);
    if (!facts.signed_in) {
        same_baseline(name_ascent, ImGui::GetStyle().ItemSpacing.x);
        dimmed_text(tr(Text::app_tagline));
        ImGui::EndGroup();
        return;
    }
    same_baseline(name_ascent, 12.0f);
    badge(environment_badge_text(facts), facts.sandbox ? Tone::good : Tone::pending);
    name_item("Environment");
    mirror_only_text(environment_badge_text(facts));
    if (const std::string id = client_id_text(facts); !id.empty()) {
        same_baseline(name_ascent, 12.0f);
        dimmed_text(id, "Signed-in Client ID");
    }
    ImGui::EndGroup();
}

void draw_header_about(const AboutFacts& about, Actions& actions) {
    if (!about_open()) return;
    const std::string build =
        format(Text::about_build_fmt, about.version.c_str(), about.commit.c_str(), about.build_type.c_str());
    dimmed_text(build, "About");
    if (about.can_open_licences) {
        same_line_if_fits(button_width(Text::licences));
        if (button(Text::licences)) actions.push_back({.kind = ActionKind::open_licences});
        return;
    }
    const std::string where = about.licences_file.empty()
                                  ? std::string(tr(Text::licences_not_installed))
                                  : format(Text::licences_file_fmt, about.licences_file.c_str());
    wrapped_text(where, "Licence texts");
    if (about.licences_file.empty()) return;
    if (button(Text::copy_path))
        actions.push_back({.kind = ActionKind::copy_text, .text = about.licences_file});
}

} // namespace rd::ui
