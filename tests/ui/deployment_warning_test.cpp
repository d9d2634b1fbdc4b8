// The page checks its own deployment (issue 23): the review screen warns, before Confirm, when the
// server toward the browser keeps connections open (HTTP/1.1 keep-alive, HTTP/2 or 3), in both
// languages; not when every request opened a connection of its own, not when nothing is known, and
// never on the desktop (no facts). state() reports the facts.
#include "tests/ui/ui_harness.h"

#include "ui/words/catalog.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

using namespace rd;
using namespace rd::test;

namespace {

DeploymentFacts facts(std::string protocol, DeploymentFacts::Reuse reused, int requests = 5) {
    return DeploymentFacts{
        .protocol = std::move(protocol), .connections_reused = reused, .requests_seen = requests};
}

const std::string warning_en = ui::tr_in(ui::Language::en, ui::Text::deployment_keeps_connections);
const std::string warning_zh = ui::tr_in(ui::Language::zh, ui::Text::deployment_keeps_connections);

} // namespace

TEST(DeploymentWarning, TheWordsAreTheIssuesAndChineseHasItsOwn) {
    EXPECT_EQ(warning_en,
              "This server keeps connections open: if it fails mid-order, the browser may send the order "
              "twice. Ask your administrator to apply RenewDesk's server configuration.");
    EXPECT_NE(warning_zh, warning_en);
    EXPECT_NE(warning_zh.find("RenewDesk"), std::string::npos);
}

TEST(DeploymentWarning, ShippedConfigurationHttp11NewConnectionEachRequestNoWarning) {
    UiHarness ui({.deployment = facts("http/1.1", DeploymentFacts::Reuse::no)});
    reach_review_for_myself(ui);
    const std::string text = ui.drawn_text();
    EXPECT_EQ(text.find(warning_en), std::string::npos) << text;
    EXPECT_FALSE(ui.has_widget("Deployment warning"));
    const auto deployment = state(ui)["deployment"];
    EXPECT_EQ(deployment["protocol"], "http/1.1");
    EXPECT_EQ(deployment["connectionsReused"], "no");
    EXPECT_EQ(deployment["requests"], 5);
    EXPECT_EQ(deployment["warning"], false);
    ASSERT_FALSE(ui.deployment_asked_for.empty());
    EXPECT_EQ(ui.deployment_asked_for.back(), "http://sandbox.invalid"); // the Base URL in use
}

TEST(DeploymentWarning, KeepAliveTowardTheBrowserWarnsAboveConfirm) {
    UiHarness ui({.deployment = facts("http/1.1", DeploymentFacts::Reuse::yes)});
    reach_review_for_myself(ui);
    const std::string text = ui.drawn_text();
    EXPECT_NE(text.find(warning_en), std::string::npos) << text;
    const ui::WidgetRect warning = ui.rect("Deployment warning");
    const ui::WidgetRect confirm = ui.rect("Confirm order");
    EXPECT_LT(warning.y, confirm.y); // read before Confirm
    EXPECT_EQ(state(ui)["deployment"]["connectionsReused"], "yes");
    EXPECT_EQ(state(ui)["deployment"]["warning"], true);
}

TEST(DeploymentWarning, Http2AndHttp3WarnEvenWhenReuseIsNotKnown) {
    for (const char* protocol : {"h2", "h3"}) {
        UiHarness ui({.deployment = facts(protocol, DeploymentFacts::Reuse::unknown)});
        reach_review_for_myself(ui);
        const std::string text = ui.drawn_text();
        EXPECT_NE(text.find(warning_en), std::string::npos) << protocol << ": " << text;
        EXPECT_EQ(state(ui)["deployment"]["protocol"], protocol);
        EXPECT_EQ(state(ui)["deployment"]["warning"], true);
    }
}

TEST(DeploymentWarning, InChineseTheWarningIsChinese) {
    UiHarness ui({.language = ui::Language::zh, .deployment = facts("h2", DeploymentFacts::Reuse::yes)});
    reach_review_for_myself(ui);
    const std::string text = ui.drawn_text();
    EXPECT_NE(text.find(warning_zh), std::string::npos) << text;
    EXPECT_EQ(text.find(warning_en), std::string::npos);
}

TEST(DeploymentWarning, UnknownFactsAreNoWarningButSaySo) {
    // A cross-origin API that hides its timing, or no request seen: "unknown", never called fine.
    UiHarness ui({.deployment = facts("", DeploymentFacts::Reuse::unknown, 0)});
    reach_review_for_myself(ui);
    EXPECT_EQ(ui.drawn_text().find(warning_en), std::string::npos);
    EXPECT_EQ(state(ui)["deployment"]["connectionsReused"], "unknown");
    EXPECT_EQ(state(ui)["deployment"]["protocol"], "");
    EXPECT_EQ(state(ui)["deployment"]["warning"], false);
}

TEST(DeploymentWarning, TheDesktopHasNoFactsAndNoWarning) {
    UiHarness ui; // no deployment_facts: the desktop app (libcurl)
    reach_review_for_myself(ui);
    EXPECT_EQ(ui.drawn_text().find(warning_en), std::string::npos);
    EXPECT_TRUE(state(ui)["deployment"].is_null());
}
