// Two Apps in one process keep their own UI state (language, theme, widget rectangles, keyboard focus,
// the accessible mirror): each owns a UiContext and makes it current when it is called.
#include "tests/ui/ui_harness.h"
#include "ui/kit/mirror.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace rd::test {
namespace {

nlohmann::json mirror_of(UiHarness& ui) {
    ui.frame(); // the mirror's free functions read the App that drew last
    return nlohmann::json::parse(ui::mirror::json());
}

bool mirror_has_key(const nlohmann::json& mirror, const std::string& key) {
    for (const auto& node : mirror["nodes"])
        if (node.value("k", "") == key) return true;
    return false;
}

TEST(UiContext, TwoAppsDrawnInTurnKeepTheirOwnLanguageThemeWidgetsFocusAndMirror) {
    UiHarness english({.language = ui::Language::en, .theme = ui::Theme::light});
    UiHarness chinese({.language = ui::Language::en, .theme = ui::Theme::light});
    chinese.click("language:zh"); // each changes its own, through its own top bar
    english.click("Theme");
    english.sign_in_and_load();
    chinese.click("Client ID");

    for (int turn = 0; turn < 3; ++turn) { // frames of both, alternately
        english.frame();
        chinese.frame();
    }

    const nlohmann::json english_state = state(english), chinese_state = state(chinese);
    EXPECT_EQ(english_state["language"], "en");
    EXPECT_EQ(english_state["theme"], "dark");
    EXPECT_EQ(english_state["screen"], "choosing");
    EXPECT_EQ(chinese_state["language"], "zh");
    EXPECT_EQ(chinese_state["theme"], "light");
    EXPECT_EQ(chinese_state["screen"], "signed_out");
    EXPECT_EQ(chinese_state["focused"], "Client ID");
    EXPECT_NE(english_state["focused"], "Client ID");

    EXPECT_TRUE(english.app->widget_rects().count("Renew for myself"));
    EXPECT_FALSE(english.app->widget_rects().count("Sign in"));
    EXPECT_TRUE(chinese.app->widget_rects().count("Sign in"));
    EXPECT_FALSE(chinese.app->widget_rects().count("Renew for myself"));

    const nlohmann::json english_mirror = mirror_of(english);
    const nlohmann::json chinese_mirror = mirror_of(chinese);
    EXPECT_EQ(english_mirror["lang"], "en");
    EXPECT_EQ(chinese_mirror["lang"], "zh");
    EXPECT_TRUE(mirror_has_key(english_mirror, "Search users"));
    EXPECT_FALSE(mirror_has_key(chinese_mirror, "Search users"));
    EXPECT_TRUE(mirror_has_key(chinese_mirror, "Sign in"));
    EXPECT_EQ(chinese_mirror["focus"], "Client ID");
}

TEST(UiContext, AMirrorRequestReachesOnlyTheAppThatDrewLast) {
    UiHarness first, second;
    second.frame();
    first.frame();
    ui::mirror::push_request({.kind = ui::mirror::RequestKind::activate, .key = "language:zh"});
    first.frame();
    second.frame();
    EXPECT_EQ(state(first)["language"], "zh");
    EXPECT_EQ(state(second)["language"], "en");
}

} // namespace
} // namespace rd::test
