// The theme in the running UI: the system's preference at start, the top bar's Theme switch (it wins
// and is remembered), and every screen's colours from the theme in use.
#include "tests/ui/ui_harness.h"

#include "ui/display_text.h"
#include "ui/theme.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

using namespace rd;
using namespace rd::test;

namespace {

bool same(const ImVec4& a, const ImVec4& b) {
    return a.x == b.x && a.y == b.y && a.z == b.z && a.w == b.w;
}

ImVec4 window_bg() {
    return ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
}

} // namespace

TEST(ThemeSwitch, TheSystemPreferenceIsFollowedAtStart) {
    UiHarness ui({.system_theme = ui::Theme::dark});
    ui.frame();
    EXPECT_EQ(state(ui)["theme"], "dark");
    EXPECT_TRUE(same(window_bg(), ui::palette(ui::Theme::dark).style[ImGuiCol_WindowBg]));
    EXPECT_TRUE(ui.remembered_themes.empty()) << "following the system is not a choice to keep";
}

TEST(ThemeSwitch, ClickingThemeFlipsTheStyleAndTheChoiceIsRemembered) {
    UiHarness ui;
    ui.frame();
    EXPECT_EQ(state(ui)["theme"], "light");
    const ImVec4 light_bg = window_bg();
    EXPECT_TRUE(same(light_bg, ui::palette(ui::Theme::light).style[ImGuiCol_WindowBg]));
    ui.click("Theme");
    EXPECT_EQ(state(ui)["theme"], "dark");
    EXPECT_FALSE(same(window_bg(), light_bg));
    EXPECT_TRUE(same(window_bg(), ui::palette(ui::Theme::dark).style[ImGuiCol_WindowBg]));
    ASSERT_EQ(ui.remembered_themes, std::vector<ui::Theme>{ui::Theme::dark});
    ui.click("Theme");
    EXPECT_EQ(state(ui)["theme"], "light");
    EXPECT_TRUE(same(window_bg(), light_bg));
    EXPECT_EQ(ui.remembered_themes.back(), ui::Theme::light);
}

TEST(ThemeSwitch, TheChoiceWinsOverTheSystemAtStartAndWhenTheSystemChanges) {
    UiHarness ui({.theme = ui::Theme::light, .system_theme = ui::Theme::dark});
    ui.frame();
    EXPECT_EQ(state(ui)["theme"], "light");
    ui.app->set_system_theme(ui::Theme::dark);
    ui.frame();
    EXPECT_EQ(state(ui)["theme"], "light");
}

TEST(ThemeSwitch, WithoutAChoiceASystemChangeIsFollowed) {
    UiHarness ui;
    ui.frame();
    ui.app->set_system_theme(ui::Theme::dark);
    ui.frame();
    EXPECT_EQ(state(ui)["theme"], "dark");
    EXPECT_TRUE(same(window_bg(), ui::palette(ui::Theme::dark).style[ImGuiCol_WindowBg]));
    ui.app->set_system_theme(ui::Theme::light);
    ui.frame();
    EXPECT_EQ(state(ui)["theme"], "light");
}

TEST(ThemeSwitch, TheSwitchIsInTheTopBarBesideTheLanguageButtons) {
    UiHarness ui;
    const ui::WidgetRect theme = ui.rect("Theme");
    const ui::WidgetRect english = ui.rect("language:en");
    EXPECT_NEAR(theme.y, english.y, 1.0f);
    EXPECT_LT(theme.x + theme.w, english.x);
    EXPECT_GT(theme.w, 0.0f);
}

TEST(ThemeSwitch, StateColoursComeFromTheTheme) {
    for (ui::Theme theme : {ui::Theme::light, ui::Theme::dark}) {
        UiHarness ui({.theme = theme});
        ui.frame();
        const ui::Palette& palette = ui::palette(theme);
        EXPECT_TRUE(same(ui::tone_colour(ui::Tone::good), palette.good));
        EXPECT_TRUE(same(ui::tone_colour(ui::Tone::pending), palette.pending));
        EXPECT_TRUE(same(ui::tone_colour(ui::Tone::bad), palette.bad));
        EXPECT_TRUE(same(ui::tone_colour(ui::Tone::neutral), palette.style[ImGuiCol_Text]));
    }
}
