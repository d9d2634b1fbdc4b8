// The layout uses the room it has: the users' table shows a few users whole, without scrolling.
#include "tests/ui/ui_harness.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <string>

namespace rd::test {
namespace {

nlohmann::json six_users() {
    const nlohmann::json one = fixture_json("partner_list.json")[0];
    nlohmann::json users = nlohmann::json::array();
    for (int i = 1; i <= 6; ++i) {
        nlohmann::json user = one;
        user["partnerId"] = "900000000000000000" + std::to_string(i);
        user["company"] = "Company " + std::to_string(i);
        users.push_back(user);
    }
    return users;
}

TEST(Layout, SixUsersAreAllVisibleWithoutScrollingAt1280By900) {
    UiHarness ui;
    ui.sign_in_and_load(six_users());
    for (int i = 1; i <= 6; ++i) {
        const std::string row = "user:900000000000000000" + std::to_string(i);
        EXPECT_TRUE(ui.rect(row).visible) << row;
    }
}

TEST(Layout, OnAPhoneTheUsersTableStillShowsSeveralRows) {
    UiHarness ui;
    ui.io().DisplaySize = ImVec2(390, 844);
    ui.sign_in_and_load(six_users());
    EXPECT_TRUE(ui.rect("user row 0").visible);
    EXPECT_TRUE(ui.rect("user row 2").visible);
    EXPECT_TRUE(ui.has_widget("Review order"));
}

} // namespace
} // namespace rd::test
