// The layout uses the room it has: the users' table shows a few users whole, without scrolling.
#include "tests/ui/ui_harness.h"

#include "core/api_paths.h"

#include <gtest/gtest.h>
#include <imgui_internal.h>
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

float window_width() {
    return ImGui::FindWindowByName("RenewDesk")->Size.x;
}

// The prose keeps its readable column (the sign-in screen); the screens of tables (the users' table,
// the order list) take the room a table needs: a 19-digit order number and a creation time are drawn
// whole at 1280 px.
TEST(Layout, TheOrderListTakesTheWidthItsColumnsNeedAt1280) {
    UiHarness ui;
    ui.frame();
    const float prose = window_width();
    EXPECT_LE(prose, 800.0f);
    ui.sign_in_and_load();
    ui.frame();
    EXPECT_GE(window_width(), 1200.0f) << "the users' table takes the window's width";
    ui.click("Orders");
    const std::string order_no = "MK3400814351713726";
    ui.transport.reply(paths::order_list, ok({{"total", 1},
                                              {"pageNo", 1},
                                              {"pageSize", 25},
                                              {"totalPage", 1},
                                              {"results",
                                               {{{"id", "3400814351713726001"},
                                                 {"orderNo", order_no},
                                                 {"orderStatus", "pending"},
                                                 {"currencyCode", "USD"},
                                                 {"createTime", 1'765'020'033'000},
                                                 {"customReferenceNo", "PO-2026-12-06-A"}}}}}));
    ui.frame();
    ui.frame();
    EXPECT_GT(window_width(), 1200.0f);
    // Each column of the row is at least as wide as its text: nothing is cut.
    ImGuiTable* table = ImGui::TableFindByID(ImGui::FindWindowByName("RenewDesk")->GetID("orders"));
    if (!table) { // the table sits in a child window of its own
        for (ImGuiWindow* window : ImGui::GetCurrentContext()->Windows)
            if (!table) table = ImGui::TableFindByID(window->GetID("orders"));
    }
    ASSERT_NE(table, nullptr);
    const float number_width = ImGui::CalcTextSize(order_no.c_str()).x;
    const float time_width = ImGui::CalcTextSize("2025-12-06 11:20:33").x;
    EXPECT_GE(table->Columns[0].WidthGiven, number_width);
    EXPECT_GE(table->Columns[3].WidthGiven, time_width);
    ui.click("Back");
    ui.click("Renew for myself");
    ui.click("contact:3197218168379846218");
    ui.click("Review order"); // prose again: the review's column
    ui.frame();               // the review's first frame (the click's frame drew the choices)
    ASSERT_EQ(state(ui)["screen"], "reviewing");
    EXPECT_FLOAT_EQ(window_width(), prose);
}
} // namespace
} // namespace rd::test
