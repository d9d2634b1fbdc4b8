// WCAG 2.x contrast of every text/background pair the themes use, computed from the palettes alone
// (no drawing): relative luminance of sRGB colours, translucent colours blended over what they sit on.
// Text of every kind >= 4.5:1 (AA), TextDisabled included because it carries hints people must read;
// the keyboard focus ring (NavHighlight) and the radio/checkbox mark >= 3:1 (non-text contrast).
#include "ui/theme.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <utility>
#include <vector>

using rd::ui::Palette;
using rd::ui::Theme;

namespace {

double linear(float channel) {
    const double c = channel;
    return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

double luminance(const ImVec4& c) {
    return 0.2126 * linear(c.x) + 0.7152 * linear(c.y) + 0.0722 * linear(c.z);
}

// `top` drawn over the opaque `below`.
ImVec4 over(const ImVec4& top, const ImVec4& below) {
    const float a = top.w;
    return ImVec4(top.x * a + below.x * (1 - a), top.y * a + below.y * (1 - a), top.z * a + below.z * (1 - a),
                  1);
}

double contrast(const ImVec4& a, const ImVec4& b) {
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

struct Surface {
    std::string name;
    ImVec4 colour; // opaque: blended over what it sits on
};

// Every background text is drawn on. The main window fills the screen (the shells clear to WindowBg);
// child windows, table rows and frames sit on it; the modal question sits on PopupBg.
std::vector<Surface> text_surfaces(const Palette& p) {
    const ImVec4 window = over(p.style[ImGuiCol_WindowBg], p.style[ImGuiCol_WindowBg]);
    std::vector<Surface> surfaces;
    for (auto [col, name] : std::vector<std::pair<ImGuiCol, const char*>>{
             {ImGuiCol_WindowBg, "WindowBg"},
             {ImGuiCol_ChildBg, "ChildBg"},
             {ImGuiCol_PopupBg, "PopupBg"},
             {ImGuiCol_FrameBg, "FrameBg"},
             {ImGuiCol_FrameBgHovered, "FrameBgHovered"},
             {ImGuiCol_FrameBgActive, "FrameBgActive"},
             {ImGuiCol_Button, "Button"},
             {ImGuiCol_ButtonHovered, "ButtonHovered"},
             {ImGuiCol_ButtonActive, "ButtonActive"},
             {ImGuiCol_Header, "Header"},
             {ImGuiCol_HeaderHovered, "HeaderHovered"},
             {ImGuiCol_HeaderActive, "HeaderActive"},
             {ImGuiCol_TableHeaderBg, "TableHeaderBg"},
             {ImGuiCol_TableRowBg, "TableRowBg"},
             {ImGuiCol_TableRowBgAlt, "TableRowBgAlt"},
             {ImGuiCol_MenuBarBg, "MenuBarBg"},
             {ImGuiCol_TitleBg, "TitleBg"},
             {ImGuiCol_TitleBgActive, "TitleBgActive"},
         })
        surfaces.push_back({name, over(p.style[col], window)});
    // A selected or hovered table row: the row's colour, then the selectable's header colour on it.
    for (ImGuiCol row : {ImGuiCol_TableRowBg, ImGuiCol_TableRowBgAlt})
        for (auto [col, name] : std::vector<std::pair<ImGuiCol, const char*>>{
                 {ImGuiCol_Header, "Header"}, {ImGuiCol_HeaderHovered, "HeaderHovered"}})
            surfaces.push_back(
                {std::string(name) + " on " + (row == ImGuiCol_TableRowBg ? "TableRowBg" : "TableRowBgAlt"),
                 over(p.style[col], over(p.style[row], window))});
    // The orders list's "status changed" row tint, on either row colour.
    surfaces.push_back({"changed row", over(p.changed_row, over(p.style[ImGuiCol_TableRowBg], window))});
    surfaces.push_back(
        {"changed row alt", over(p.changed_row, over(p.style[ImGuiCol_TableRowBgAlt], window))});
    // The close question: a popup over the dimmed window.
    surfaces.push_back({"PopupBg over ModalWindowDimBg",
                        over(p.style[ImGuiCol_PopupBg], over(p.style[ImGuiCol_ModalWindowDimBg], window))});
    return surfaces;
}

struct TextColour {
    std::string name;
    ImVec4 colour;
};

std::vector<TextColour> text_colours(const Palette& p) {
    return {{"Text", p.style[ImGuiCol_Text]},
            {"TextDisabled", p.style[ImGuiCol_TextDisabled]},
            {"heading", p.heading},
            {"good (placed and paid)", p.good},
            {"pending (pending, outcome unknown)", p.pending},
            {"bad (failed)", p.bad}};
}

struct Worst {
    double ratio = 1e9;
    std::string pair;
    void see(double r, const std::string& what) {
        if (r < ratio) ratio = r, pair = what;
    }
};

const char* name(Theme theme) {
    return rd::ui::theme_code(theme);
}

} // namespace

TEST(ThemeContrast, EveryTextColourOnEveryBackgroundIsAtLeast4_5) {
    for (Theme theme : {Theme::light, Theme::dark}) {
        const Palette& p = rd::ui::palette(theme);
        Worst worst;
        for (const TextColour& text : text_colours(p))
            for (const Surface& surface : text_surfaces(p)) {
                const double r = contrast(over(text.colour, surface.colour), surface.colour);
                EXPECT_GE(r, 4.5) << name(theme) << ": " << text.name << " on " << surface.name;
                worst.see(r, text.name + " on " + surface.name);
            }
        std::printf("[contrast] %s theme: worst text pair %.2f:1 (%s)\n", name(theme), worst.ratio,
                    worst.pair.c_str());
    }
}

// Text drawn over a filled progress bar (the batch) and over selected text in a field.
TEST(ThemeContrast, TextOverTheProgressBarAndTheTextSelection) {
    for (Theme theme : {Theme::light, Theme::dark}) {
        const Palette& p = rd::ui::palette(theme);
        const ImVec4 window = p.style[ImGuiCol_WindowBg];
        const ImVec4 bar = over(p.style[ImGuiCol_PlotHistogram], window);
        const ImVec4 selection =
            over(p.style[ImGuiCol_TextSelectedBg], over(p.style[ImGuiCol_FrameBg], window));
        EXPECT_GE(contrast(p.style[ImGuiCol_Text], bar), 4.5) << name(theme);
        EXPECT_GE(contrast(p.style[ImGuiCol_Text], selection), 4.5) << name(theme);
        std::printf("[contrast] %s theme: Text on PlotHistogram %.2f:1, on TextSelectedBg %.2f:1\n",
                    name(theme), contrast(p.style[ImGuiCol_Text], bar),
                    contrast(p.style[ImGuiCol_Text], selection));
    }
}

TEST(ThemeContrast, TheFocusRingAndTheCheckMarkAreAtLeast3) {
    for (Theme theme : {Theme::light, Theme::dark}) {
        const Palette& p = rd::ui::palette(theme);
        Worst focus, mark;
        for (const Surface& surface : text_surfaces(p)) {
            const double r = contrast(p.style[ImGuiCol_NavHighlight], surface.colour);
            EXPECT_GE(r, 3.0) << name(theme) << ": NavHighlight on " << surface.name;
            focus.see(r, surface.name);
        }
        for (ImGuiCol frame : {ImGuiCol_FrameBg, ImGuiCol_FrameBgHovered, ImGuiCol_FrameBgActive}) {
            const double r =
                contrast(p.style[ImGuiCol_CheckMark], over(p.style[frame], p.style[ImGuiCol_WindowBg]));
            EXPECT_GE(r, 3.0) << name(theme) << ": CheckMark on frame " << frame;
            mark.see(r, "frame " + std::to_string(frame));
        }
        std::printf("[contrast] %s theme: focus ring worst %.2f:1 (on %s); check mark worst %.2f:1\n",
                    name(theme), focus.ratio, focus.pair.c_str(), mark.ratio);
    }
}

// The test can fail: ImGui's own dark style (what RenewDesk used before) puts white text on a pressed
// button below AA.
TEST(ThemeContrast, AKnownBadPairIsBelowAA) {
    ImGuiStyle imgui_dark;
    ImGui::StyleColorsDark(&imgui_dark);
    const ImVec4 window = over(imgui_dark.Colors[ImGuiCol_WindowBg], ImVec4(0, 0, 0, 1));
    const double text_on_button =
        contrast(imgui_dark.Colors[ImGuiCol_Text], over(imgui_dark.Colors[ImGuiCol_ButtonActive], window));
    EXPECT_LT(text_on_button, 4.5);
    EXPECT_LT(contrast(ImVec4(0.6f, 0.6f, 0.6f, 1), ImVec4(1, 1, 1, 1)), 4.5); // mid grey on white
    std::printf("[contrast] ImGui's default dark: Text on ButtonActive %.2f:1 (below AA, as expected)\n",
                text_on_button);
}

TEST(ThemeContrast, ThePalettesAreOpaqueWhereTextSits) {
    for (Theme theme : {Theme::light, Theme::dark}) {
        const Palette& p = rd::ui::palette(theme);
        EXPECT_EQ(p.style[ImGuiCol_WindowBg].w, 1.0f) << name(theme) << ": the shells clear to WindowBg";
        EXPECT_EQ(p.style[ImGuiCol_PopupBg].w, 1.0f) << name(theme);
        for (const TextColour& text : text_colours(p))
            EXPECT_EQ(text.colour.w, 1.0f) << name(theme) << ": " << text.name;
    }
}

TEST(ThemeCodes, CodesAndTheDesktopHint) {
    EXPECT_EQ(rd::ui::theme_from_code("dark"), Theme::dark);
    EXPECT_EQ(rd::ui::theme_from_code("light"), Theme::light);
    EXPECT_EQ(rd::ui::theme_from_code(""), std::nullopt);
    EXPECT_EQ(rd::ui::theme_from_code("blue"), std::nullopt);
    EXPECT_STREQ(rd::ui::theme_code(Theme::dark), "dark");
    EXPECT_EQ(rd::ui::theme_from_gtk_theme("Adwaita:dark"), Theme::dark);
    EXPECT_EQ(rd::ui::theme_from_gtk_theme("Adwaita"), std::nullopt);
    EXPECT_EQ(rd::ui::theme_from_gtk_theme(":dark"), std::nullopt);
    EXPECT_EQ(rd::ui::theme_from_gtk_theme(nullptr), std::nullopt);
}
