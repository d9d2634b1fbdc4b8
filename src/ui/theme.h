// The light and dark themes: each one a table of every ImGui style colour plus the colours the screens
// draw words in (headings, errors, the money states). Data first, so tests/ui/theme_test.cpp checks the
// contrast of every text/background pair without drawing; App applies the current one each frame.
//
//   set_theme(Theme::dark);                 // the person's choice, else the system's
//   apply_theme(ImGui::GetStyle());         // every ImGuiCol_ from the current palette
//   ImGui::PushStyleColor(ImGuiCol_Text, current_palette().good);
#pragma once

#include <imgui.h>

#include <array>
#include <optional>
#include <string_view>

namespace rd::ui {

enum class Theme { light, dark };

struct Palette {
    std::array<ImVec4, ImGuiCol_COUNT> style; // indexed by ImGuiCol_
    ImVec4 heading;                           // section headings
    ImVec4 good;                              // placed and paid; orders going to a sandbox
    ImVec4 pending;     // payment pending, outcome unknown, warnings: always with words saying what to do
    ImVec4 bad;         // failed, errors
    ImVec4 changed_row; // translucent, over a table row: an order whose status moved while the list was open
};

const Palette& palette(Theme theme);
Theme current_theme();
const Palette& current_palette();
void set_theme(Theme theme);
void apply_theme(ImGuiStyle& style); // the current palette's colours; sizes stay as they are

const char* theme_code(Theme theme);                         // "light", "dark"
std::optional<Theme> theme_from_code(std::string_view code); // "light", "dark"; anything else: none chosen
// The desktop's hint when nothing was chosen: GTK_THEME's value ("Adwaita:dark" -> dark). GLFW 3.3
// exposes no colour-scheme preference; null, empty or any other value -> nothing (the caller uses light).
std::optional<Theme> theme_from_gtk_theme(const char* gtk_theme);

} // namespace rd::ui
