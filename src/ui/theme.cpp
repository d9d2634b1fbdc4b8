#include "ui/theme.h"

#include "ui/kit/ui_context.h"

#include <cstdint>

namespace rd::ui {
namespace {

constexpr ImVec4 rgb(std::uint32_t hex, float alpha = 1.0f) {
    return ImVec4(static_cast<float>((hex >> 16) & 0xFF) / 255.0f,
                  static_cast<float>((hex >> 8) & 0xFF) / 255.0f, static_cast<float>(hex & 0xFF) / 255.0f,
                  alpha);
}

// Every background is opaque or a light tint over the window's own colour, so text contrast holds on
// each of them (tests/ui/theme_test.cpp): pressed and selected states stay as dark (dark theme) or as
// light (light theme) as the text they carry needs, and differ from their neighbours by hue.
Palette make_dark() {
    Palette p{};
    auto& c = p.style;
    c[ImGuiCol_Text] = rgb(0xE6E8EB);
    c[ImGuiCol_TextDisabled] = rgb(0xB8BEC8); // hints people must read: kept at 4.5:1 as well
    c[ImGuiCol_WindowBg] = rgb(0x16181D);
    c[ImGuiCol_ChildBg] = rgb(0x000000, 0.0f);
    c[ImGuiCol_PopupBg] = rgb(0x1F232A);
    c[ImGuiCol_Border] = rgb(0x4A5261);
    c[ImGuiCol_BorderShadow] = rgb(0x000000, 0.0f);
    c[ImGuiCol_FrameBg] = rgb(0x262B33);
    c[ImGuiCol_FrameBgHovered] = rgb(0x2E343E);
    c[ImGuiCol_FrameBgActive] = rgb(0x353C48);
    c[ImGuiCol_TitleBg] = rgb(0x1F232A);
    c[ImGuiCol_TitleBgActive] = rgb(0x23344D);
    c[ImGuiCol_TitleBgCollapsed] = rgb(0x1F232A);
    c[ImGuiCol_MenuBarBg] = rgb(0x1F232A);
    c[ImGuiCol_ScrollbarBg] = rgb(0x16181D);
    c[ImGuiCol_ScrollbarGrab] = rgb(0x4A5261);
    c[ImGuiCol_ScrollbarGrabHovered] = rgb(0x5C6577);
    c[ImGuiCol_ScrollbarGrabActive] = rgb(0x6E798D);
    c[ImGuiCol_CheckMark] = rgb(0x8CC4FF);
    c[ImGuiCol_SliderGrab] = rgb(0x6CB4FF);
    c[ImGuiCol_SliderGrabActive] = rgb(0x8CC4FF);
    c[ImGuiCol_Button] = rgb(0x23344D);
    c[ImGuiCol_ButtonHovered] = rgb(0x2A3F5E);
    c[ImGuiCol_ButtonActive] = rgb(0x2C4466);
    c[ImGuiCol_Header] = rgb(0x233A57);
    c[ImGuiCol_HeaderHovered] = rgb(0x283F5F);
    c[ImGuiCol_HeaderActive] = rgb(0x2C4568);
    c[ImGuiCol_Separator] = rgb(0x4A5261);
    c[ImGuiCol_SeparatorHovered] = rgb(0x6CB4FF);
    c[ImGuiCol_SeparatorActive] = rgb(0x8CC4FF);
    c[ImGuiCol_ResizeGrip] = rgb(0x4A5261, 0.5f);
    c[ImGuiCol_ResizeGripHovered] = rgb(0x6CB4FF, 0.7f);
    c[ImGuiCol_ResizeGripActive] = rgb(0x8CC4FF);
    c[ImGuiCol_Tab] = rgb(0x23344D);
    c[ImGuiCol_TabHovered] = rgb(0x2A3F5E);
    c[ImGuiCol_TabActive] = rgb(0x2C4466);
    c[ImGuiCol_TabUnfocused] = rgb(0x1F232A);
    c[ImGuiCol_TabUnfocusedActive] = rgb(0x23344D);
    c[ImGuiCol_PlotLines] = rgb(0x9CCBFF);
    c[ImGuiCol_PlotLinesHovered] = rgb(0xF2BC52);
    c[ImGuiCol_PlotHistogram] = rgb(0x2A5C37); // the batch's progress bar: its text is drawn over it
    c[ImGuiCol_PlotHistogramHovered] = rgb(0x316B40);
    c[ImGuiCol_TableHeaderBg] = rgb(0x242932);
    c[ImGuiCol_TableBorderStrong] = rgb(0x4A5261);
    c[ImGuiCol_TableBorderLight] = rgb(0x353C48);
    c[ImGuiCol_TableRowBg] = rgb(0x000000, 0.0f);
    c[ImGuiCol_TableRowBgAlt] = rgb(0xFFFFFF, 0.04f);
    c[ImGuiCol_TextSelectedBg] = rgb(0x3D7BD9, 0.35f);
    c[ImGuiCol_DragDropTarget] = rgb(0xF2BC52);
    c[ImGuiCol_NavHighlight] = rgb(0x6CB4FF); // the keyboard focus ring
    c[ImGuiCol_NavWindowingHighlight] = rgb(0xFFFFFF, 0.7f);
    c[ImGuiCol_NavWindowingDimBg] = rgb(0x000000, 0.5f);
    c[ImGuiCol_ModalWindowDimBg] = rgb(0x000000, 0.6f);
    p.heading = rgb(0x9CCBFF);
    p.good = rgb(0x7EDC8B);
    p.pending = rgb(0xF2BC52);
    p.bad = rgb(0xFFADA6);
    p.changed_row = rgb(0xF2BC52, 0.16f);
    return p;
}

Palette make_light() {
    Palette p{};
    auto& c = p.style;
    c[ImGuiCol_Text] = rgb(0x1B1F24);
    c[ImGuiCol_TextDisabled] = rgb(0x4A525E); // hints people must read: kept at 4.5:1 as well
    c[ImGuiCol_WindowBg] = rgb(0xF7F8FA);
    c[ImGuiCol_ChildBg] = rgb(0x000000, 0.0f);
    c[ImGuiCol_PopupBg] = rgb(0xFFFFFF);
    c[ImGuiCol_Border] = rgb(0x8C95A3);
    c[ImGuiCol_BorderShadow] = rgb(0x000000, 0.0f);
    c[ImGuiCol_FrameBg] = rgb(0xE8EBEF);
    c[ImGuiCol_FrameBgHovered] = rgb(0xE0E5EB);
    c[ImGuiCol_FrameBgActive] = rgb(0xD8DEE6);
    c[ImGuiCol_TitleBg] = rgb(0xE6E9EE);
    c[ImGuiCol_TitleBgActive] = rgb(0xD6E4F5);
    c[ImGuiCol_TitleBgCollapsed] = rgb(0xE6E9EE);
    c[ImGuiCol_MenuBarBg] = rgb(0xECEEF1);
    c[ImGuiCol_ScrollbarBg] = rgb(0xEEF0F3);
    c[ImGuiCol_ScrollbarGrab] = rgb(0xAEB5C0);
    c[ImGuiCol_ScrollbarGrabHovered] = rgb(0x959DAA);
    c[ImGuiCol_ScrollbarGrabActive] = rgb(0x7C8594);
    c[ImGuiCol_CheckMark] = rgb(0x1F5FAD);
    c[ImGuiCol_SliderGrab] = rgb(0x1F6FD1);
    c[ImGuiCol_SliderGrabActive] = rgb(0x1F5FAD);
    c[ImGuiCol_Button] = rgb(0xDDE8F6);
    c[ImGuiCol_ButtonHovered] = rgb(0xD0E0F3);
    c[ImGuiCol_ButtonActive] = rgb(0xC3D7EF);
    c[ImGuiCol_Header] = rgb(0xD6E4F5);
    c[ImGuiCol_HeaderHovered] = rgb(0xCBDDF2);
    c[ImGuiCol_HeaderActive] = rgb(0xC3D7EF);
    c[ImGuiCol_Separator] = rgb(0xB8BFC9);
    c[ImGuiCol_SeparatorHovered] = rgb(0x1F6FD1);
    c[ImGuiCol_SeparatorActive] = rgb(0x1F5FAD);
    c[ImGuiCol_ResizeGrip] = rgb(0xAEB5C0, 0.5f);
    c[ImGuiCol_ResizeGripHovered] = rgb(0x1F6FD1, 0.7f);
    c[ImGuiCol_ResizeGripActive] = rgb(0x1F5FAD);
    c[ImGuiCol_Tab] = rgb(0xDDE8F6);
    c[ImGuiCol_TabHovered] = rgb(0xD0E0F3);
    c[ImGuiCol_TabActive] = rgb(0xC3D7EF);
    c[ImGuiCol_TabUnfocused] = rgb(0xE6E9EE);
    c[ImGuiCol_TabUnfocusedActive] = rgb(0xDDE8F6);
    c[ImGuiCol_PlotLines] = rgb(0x1F5FAD);
    c[ImGuiCol_PlotLinesHovered] = rgb(0x7A4D00);
    c[ImGuiCol_PlotHistogram] = rgb(0xB7E0C0); // the batch's progress bar: its text is drawn over it
    c[ImGuiCol_PlotHistogramHovered] = rgb(0xA5D6B0);
    c[ImGuiCol_TableHeaderBg] = rgb(0xE6E9EE);
    c[ImGuiCol_TableBorderStrong] = rgb(0xAEB5C0);
    c[ImGuiCol_TableBorderLight] = rgb(0xD3D8DF);
    c[ImGuiCol_TableRowBg] = rgb(0x000000, 0.0f);
    c[ImGuiCol_TableRowBgAlt] = rgb(0x000000, 0.03f);
    c[ImGuiCol_TextSelectedBg] = rgb(0x3D7BD9, 0.25f);
    c[ImGuiCol_DragDropTarget] = rgb(0x7A4D00);
    c[ImGuiCol_NavHighlight] = rgb(0x1F6FD1); // the keyboard focus ring
    c[ImGuiCol_NavWindowingHighlight] = rgb(0x1F6FD1, 0.7f);
    c[ImGuiCol_NavWindowingDimBg] = rgb(0x1B1F24, 0.2f);
    c[ImGuiCol_ModalWindowDimBg] = rgb(0x1B1F24, 0.35f);
    p.heading = rgb(0x0B4F9C);
    p.good = rgb(0x125A27);
    p.pending = rgb(0x7A4D00);
    p.bad = rgb(0x9F1F18);
    p.changed_row = rgb(0xE0A21A, 0.22f);
    return p;
}

Theme& theme() {
    return ui_context().theme;
}

} // namespace

const Palette& palette(Theme which) {
    static const Palette dark = make_dark();
    static const Palette light = make_light();
    return which == Theme::dark ? dark : light;
}

Theme current_theme() {
    return theme();
}

const Palette& current_palette() {
    return palette(theme());
}

void set_theme(Theme next) {
    theme() = next;
}

void apply_theme(ImGuiStyle& style) {
    const Palette& p = current_palette();
    for (int i = 0; i < ImGuiCol_COUNT; ++i)
        style.Colors[i] = p.style[static_cast<std::size_t>(i)];
    style.FrameBorderSize = 1.0f; // fields and buttons keep an edge on a background of nearly their colour
}

const char* theme_code(Theme which) {
    return which == Theme::dark ? "dark" : "light";
}

std::optional<Theme> theme_from_code(std::string_view code) {
    if (code == "dark") return Theme::dark;
    if (code == "light") return Theme::light;
    return std::nullopt;
}

std::optional<Theme> theme_from_gtk_theme(const char* gtk_theme) {
    if (!gtk_theme) return std::nullopt;
    const std::string_view value = gtk_theme;
    constexpr std::string_view dark_variant = ":dark"; // GTK_THEME=Name:variant (gtk3's documented form)
    if (value.size() > dark_variant.size() &&
        value.substr(value.size() - dark_variant.size()) == dark_variant)
        return Theme::dark;
    return std::nullopt;
}

} // namespace rd::ui
