// The product look in the running UI: the header (product name, environment badge, signed-in Client
// ID, never the secret), the three progress steps, the content column on wide and narrow displays and
// the UI scale (its steps, clamping and remembering), the heading font's fallback to the body font.
#include "tests/ui/ui_harness.h"

#include "ui/heading_font.h"
#include "ui/layout.h"
#include "ui/progress_steps.h"
#include "ui/screens/header.h"
#include "ui/ui_scale.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>

using namespace rd;
using namespace rd::test;

namespace {

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

void set_display_width(float width) {
    ImGui::GetIO().DisplaySize = ImVec2(width, 844);
}

} // namespace

TEST(Header, SignedInOnTheSandboxShowsTheSandboxBadgeAndTheClientIdButNeverTheSecret) {
    UiHarness ui;
    EXPECT_FALSE(ui.has_widget("Environment")); // signed out: no Base URL in use yet
    ui.sign_in_and_load();
    const std::string text = ui.drawn_text();
    EXPECT_TRUE(contains(text, "RenewDesk"));
    EXPECT_TRUE(contains(text, "SANDBOX"));
    EXPECT_TRUE(contains(text, "Client ID demo-client-id"));
    EXPECT_FALSE(contains(text, "demo-client-secret"));
    EXPECT_TRUE(ui.has_widget("Environment"));
    EXPECT_TRUE(ui.has_widget("Signed-in Client ID"));
    EXPECT_TRUE(ui.has_widget("Product name"));
}

TEST(Header, TheRealPortalShowsItsHostInsteadOfSandbox) {
    const ui::HeaderFacts real{.signed_in = true,
                               .sandbox = false,
                               .base_url = "https://openapi.partner.yeastar.com/v1.0",
                               .client_id = "abc"};
    EXPECT_EQ(ui::environment_badge_text(real), "openapi.partner.yeastar.com");
    EXPECT_EQ(ui::client_id_text(real), "Client ID abc");
    ui::HeaderFacts sandbox = real;
    sandbox.sandbox = true;
    EXPECT_EQ(ui::environment_badge_text(sandbox), "SANDBOX");
    EXPECT_EQ(ui::environment_badge_text({}), "");
    EXPECT_EQ(ui::client_id_text({}), "");
}

TEST(Header, TrackedTopBarWidgetsStayClickableOnAPhone) {
    UiHarness ui;
    set_display_width(390);
    ui.sign_in_and_load();
    for (const char* name : {"Orders", "UI scale", "Theme", "language:en", "language:zh", "Sign out"}) {
        const ui::WidgetRect r = ui.rect(name);
        EXPECT_GE(r.x, 0.0f) << name;
        EXPECT_LE(r.x + r.w, 390.0f) << name;
    }
}

TEST(ProgressSteps, FollowTheChoicesThenTheReview) {
    UiHarness ui;
    ui.sign_in_and_load();
    EXPECT_TRUE(ui.has_widget("Progress steps"));
    std::string text = ui.drawn_text();
    EXPECT_TRUE(contains(text, "1 Who (current)"));
    EXPECT_TRUE(contains(text, "3 Review (to do)"));
    ui.click("Renew for myself");
    text = ui.drawn_text();
    EXPECT_TRUE(contains(text, "1 Who \xE2\x9C\x93 done"));
    ui.click("contact:3197218168379846218");
    text = ui.drawn_text();
    EXPECT_TRUE(contains(text, "2 Plan & billing \xE2\x9C\x93 done"));
    EXPECT_TRUE(contains(text, "3 Review (to do)"));
    ui.click("Review order");
    EXPECT_EQ(state(ui)["screen"], "reviewing");
    text = ui.drawn_text();
    EXPECT_TRUE(contains(text, "3 Review (current)"));
    EXPECT_TRUE(ui.has_widget("Progress steps"));
}

TEST(ProgressSteps, EachStateIsSaidInWordsNotOnlyColour) {
    EXPECT_EQ(ui::step_words(0, ui::StepState::current), "1 Who (current)");
    EXPECT_EQ(ui::step_words(1, ui::StepState::to_do), "2 Plan & billing (to do)");
    EXPECT_EQ(ui::step_words(2, ui::StepState::done), "3 Review \xE2\x9C\x93 done");
}

TEST(ContentColumn, IsAtMost760WideAndCentredOnWideDisplaysFullWidthOnNarrowOnes) {
    EXPECT_FLOAT_EQ(ui::column_width(1280, 16), 760);
    EXPECT_FLOAT_EQ(ui::column_margin(1280, 16), (1280 - 760) / 2.0f - 16);
    EXPECT_FLOAT_EQ(ui::column_width(390, 16), 390 - 32);
    EXPECT_FLOAT_EQ(ui::column_margin(390, 16), 0);
    EXPECT_FLOAT_EQ(ui::column_width(792, 16), 760);
}

TEST(ContentColumn, SignInFieldsSitInTheColumnAndFitAPhone) {
    {
        UiHarness ui;
        set_display_width(1280);
        const ui::WidgetRect field = ui.rect("Client ID");
        EXPECT_GE(field.x, (1280 - 760) / 2.0f - 1);
        EXPECT_LE(field.x + field.w, (1280 + 760) / 2.0f + 1);
    }
    {
        UiHarness ui;
        set_display_width(390);
        for (const char* name : {"Base URL", "Client ID", "Client Secret", "Sign in"}) {
            const ui::WidgetRect r = ui.rect(name);
            EXPECT_GE(r.x, 0.0f) << name;
            EXPECT_LE(r.x + r.w, 390.0f - 16) << name;
        }
    }
}

TEST(UiScale, StepsAreClampedTo100To200) {
    EXPECT_EQ(ui::clamp_ui_scale(10), 100);
    EXPECT_EQ(ui::clamp_ui_scale(130), 125);
    EXPECT_EQ(ui::clamp_ui_scale(1000), 200);
    EXPECT_EQ(ui::next_ui_scale(100), 125);
    EXPECT_EQ(ui::next_ui_scale(200), 100);
}

TEST(UiScale, TheHeaderButtonStepsTheScaleAndItIsRemembered) {
    UiHarness ui;
    EXPECT_FLOAT_EQ(ui.app->ui_scale(), 1.0f);
    EXPECT_EQ(state(ui)["uiScale"], 100);
    ui.click("UI scale");
    EXPECT_FLOAT_EQ(ui.app->ui_scale(), 1.25f);
    EXPECT_EQ(state(ui)["uiScale"], 125);
    ASSERT_EQ(ui.remembered_ui_scales, std::vector<int>{125});
}

TEST(UiScale, ARememberedScaleIsUsedAtStartAndClamped) {
    UiHarness remembered({.ui_scale = 175});
    EXPECT_FLOAT_EQ(remembered.app->ui_scale(), 1.75f);
    UiHarness too_big({.ui_scale = 900});
    EXPECT_FLOAT_EQ(too_big.app->ui_scale(), 2.0f);
    EXPECT_TRUE(too_big.remembered_ui_scales.empty()); // starting is not choosing
}

TEST(HeadingFont, CarriesTheHeadingsCodepointsAndFallsBackForAnyGlyphItLacks) {
    const std::vector<char32_t> codepoints = ui::heading_codepoints();
    EXPECT_TRUE(std::binary_search(codepoints.begin(), codepoints.end(), U'谁')); // "1. 为谁续订？"
    EXPECT_FALSE(std::binary_search(codepoints.begin(), codepoints.end(), U'R')); // ASCII: always carried

    UiHarness ui; // its atlas holds ImGui's own font: ASCII only
    EXPECT_EQ(ui::heading_font_for("Review the order"), nullptr); // none set: the body font
    ImFont* font = ImGui::GetIO().Fonts->Fonts[0];
    ui::set_heading_font(font);
    EXPECT_EQ(ui::heading_font_for("Review the order"), font);
    EXPECT_EQ(ui::heading_font_for("核对订单"), nullptr); // a glyph it lacks: the body font fetches it
    ui::set_heading_font(nullptr);
}

TEST(ListStates, ALoadingListSaysSoAndAFailedOneSaysWhatToDoNext) {
    UiHarness ui;
    ui.sign_in(); // the three lookups are on their way
    const std::string loading = ui.drawn_text();
    EXPECT_TRUE(contains(loading, "Loading"));
    ui.transport.reply("/partner_list", ok(fixture_json("partner_list.json")));
    ui.transport.reply("/purchase_product_info", raw(503, "Service Unavailable"));
    const std::string failed = ui.drawn_text();
    EXPECT_TRUE(contains(failed, "then load the list again")) << failed;
    EXPECT_TRUE(ui.has_widget("Retry plans")); // the e2e tests click it by this name
}
