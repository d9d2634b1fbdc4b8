#include "header.h"

#include "catalog.h"
#include "display_text.h"
#include "heading_font.h"
#include "mirror.h"
#include "theme.h"
#include "widgets.h"

#include <imgui.h>

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
    track("Product name");
    mirror::heading(product_name, 1);
    if (!facts.signed_in) {
        same_baseline(name_ascent, ImGui::GetStyle().ItemSpacing.x);
        ImGui::TextDisabled("%s", tr(Text::app_tagline));
        mirror::text(tr(Text::app_tagline));
        ImGui::EndGroup();
        return;
    }
    same_baseline(name_ascent, 12.0f);
    badge(environment_badge_text(facts), facts.sandbox ? Tone::good : Tone::pending);
    track("Environment");
    mirror::text(environment_badge_text(facts));
    if (const std::string id = client_id_text(facts); !id.empty()) {
        same_baseline(name_ascent, 12.0f);
        ImGui::TextDisabled("%s", id.c_str());
        track("Signed-in Client ID");
        mirror::text(id);
    }
    ImGui::EndGroup();
}

} // namespace rd::ui
