// The header's version button and its About line: the one version (rd::build_info), the page's
// Licences button and the desktop app's path of the installed notices.
#include "tests/ui/ui_harness.h"

#include "core/build_info.h"
#include "ui/words/catalog.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

using namespace rd;
using namespace rd::test;

namespace {} // namespace

TEST(HeaderAbout, TheHeaderShowsTheOneVersionAndTheStateSaysIt) {
    UiHarness ui;
    EXPECT_EQ(std::string(build_info::version()), "1.0.0"); // project(RenewDesk VERSION ...)
    EXPECT_EQ(state(ui)["version"], build_info::version());
    ASSERT_TRUE(ui.has_widget("Version"));
    EXPECT_NE(ui.drawn_text().find("v1.0.0"), std::string::npos);
    EXPECT_FALSE(ui.has_widget("About")); // closed until asked for
    ui.sign_in_and_load(fixture_json("partner_list.json"));
    EXPECT_TRUE(ui.has_widget("Version")); // signed in too
}

TEST(HeaderAbout, ThePageOpensTheLicencesFromTheAboutLine) {
    UiHarness ui({.opens_licences = true});
    ui.click("Version");
    ASSERT_TRUE(ui.has_widget("About"));
    const std::string text = ui.drawn_text();
    EXPECT_NE(text.find(std::string("RenewDesk 1.0.0 (commit ") + build_info::commit()), std::string::npos)
        << text;
    EXPECT_FALSE(ui.has_widget("Copy path"));
    ui.click("Licences");
    EXPECT_EQ(ui.licences_opened, 1);
    ui.click("Version"); // closes it again
    EXPECT_FALSE(ui.has_widget("About"));
    EXPECT_FALSE(ui.has_widget("Licences"));
}

TEST(HeaderAbout, TheDesktopShowsWhereTheNoticesAreInstalledAndCopiesThePath) {
    UiHarness ui({.licences_file = "/opt/renewdesk/share/doc/renewdesk/THIRD-PARTY-NOTICES"});
    ui.click("Version");
    EXPECT_FALSE(ui.has_widget("Licences"));
    EXPECT_NE(ui.drawn_text().find("/opt/renewdesk/share/doc/renewdesk/THIRD-PARTY-NOTICES"),
              std::string::npos);
    ui.click("Copy path");
    ASSERT_EQ(ui.copied.size(), 1u);
    EXPECT_EQ(ui.copied[0], "/opt/renewdesk/share/doc/renewdesk/THIRD-PARTY-NOTICES");
}

TEST(HeaderAbout, WithoutInstalledNoticesTheDesktopSaysSo) {
    UiHarness ui;
    ui.click("Version");
    EXPECT_NE(ui.drawn_text().find(ui::tr(ui::Text::licences_not_installed)), std::string::npos);
    EXPECT_FALSE(ui.has_widget("Copy path"));
}
