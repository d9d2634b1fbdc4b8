// The Orders screen and order details, headless: opened from the top bar, newest first, details of a
// row, Back to where the person was; the receipt links to the same details.
#include "tests/ui/ui_harness.h"

#include "core/api_paths.h"
#include "tests/core/fixtures.h"
#include "tests/ui/english_words.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

using namespace rd;
using namespace rd::test;

namespace {

nlohmann::json listed(const std::string& id, const std::string& no, std::int64_t created,
                      const std::string& status) {
    return {{"id", id},
            {"orderNo", no},
            {"orderStatus", status},
            {"currencyCode", "USD"},
            {"createTime", created},
            {"customReferenceNo", "PO-" + no}};
}

HttpResponse oldest_first_page() {
    return ok({{"total", 3},
               {"pageNo", 1},
               {"pageSize", 25},
               {"totalPage", 1},
               {"results",
                {listed("3400814131142238201", "MK-OLD", 1'700'000'000, "succeed"),
                 listed("3400814131142238202", "MK-MID", 1'700'000'100, "pending"),
                 listed("3400814131142238203", "MK-NEW", 1'700'000'200, "pending")}}});
}

HttpResponse details_of(const std::string& no, const std::string& status) {
    return ok({{"basicInformation", {{"productId", "15"}, {"productName", "Remote Management"}}},
               {"billingInformation", {{"billingContactId", "3197218168379846218"}}},
               {"orderInformation", {{"orderNo", no}, {"orderStatus", status}}},
               {"orderSummary", {{"total", "49.00"}}},
               {"paymentInformation", {{"method", "offline"}}}});
}

} // namespace

TEST(OrdersUi, OrdersNewestFirstThenDetailsAndBackToWhereThePersonWas) {
    UiHarness ui;
    ui.sign_in_and_load();
    ui.click("Renew for myself");
    ui.click("Orders");
    EXPECT_EQ(state(ui)["screen"], "orders");
    EXPECT_TRUE(state(ui)["busy"]);
    ui.transport.reply(paths::order_list, oldest_first_page());
    ui.frame();
    EXPECT_EQ(state(ui)["orders"]["orderNos"], (nlohmann::json{"MK-NEW", "MK-MID", "MK-OLD"}));
    EXPECT_LT(ui.rect("order:MK-NEW").y, ui.rect("order:MK-OLD").y);

    ui.click("order:MK-MID");
    EXPECT_EQ(state(ui)["screen"], "order_details");
    EXPECT_EQ(ui.transport.sent_count("/order/v1/get/3400814131142238202"), 1u);
    ui.transport.reply(paths::order_details_prefix, details_of("MK-MID", "succeed"));
    ui.frame();
    EXPECT_EQ(state(ui)["orders"]["details"]["orderNo"], "MK-MID");
    EXPECT_TRUE(ui.has_widget("Other members"));
    EXPECT_EQ(state(ui)["orders"]["changed"], 1); // the details said it is paid now

    ui.click("Back");
    EXPECT_EQ(state(ui)["screen"], "orders");
    ui.click("Back");
    EXPECT_EQ(state(ui)["screen"], "choosing");
    EXPECT_TRUE(state(ui)["chosen"]["target"]); // the renewal's choices are as they were
}

TEST(OrdersUi, RefreshPendingAsksForEachPendingOrder) {
    UiHarness ui;
    ui.sign_in_and_load();
    ui.click("Orders");
    ui.transport.reply(paths::order_list, oldest_first_page());
    ui.click("Refresh pending");
    EXPECT_EQ(ui.transport.pending_count(paths::order_details_prefix), 2u);
    EXPECT_EQ(state(ui)["orders"]["inFlight"], 2);
    ui.transport.reply("/get/3400814131142238203", details_of("MK-NEW", "cancelled"));
    ui.transport.reply("/get/3400814131142238202", details_of("MK-MID", "pending"));
    ui.frame();
    EXPECT_EQ(state(ui)["orders"]["changed"], 1);
    EXPECT_EQ(state(ui)["orders"]["pending"], 1);
    ui.click("refresh:MK-MID");
    EXPECT_EQ(ui.transport.pending_count("/get/3400814131142238202"), 1u);
}

TEST(OrdersUi, FilterByText) {
    UiHarness ui;
    ui.sign_in_and_load();
    ui.click("Orders");
    ui.transport.reply(paths::order_list, oldest_first_page());
    ui.click_and_type("Search orders", "po-mk-old");
    EXPECT_TRUE(ui.has_widget("order:MK-OLD"));
    EXPECT_FALSE(ui.has_widget("order:MK-NEW"));
}

TEST(OrdersUi, TheReceiptLinksToItsOrdersDetails) {
    UiHarness ui;
    ui.sign_in_and_load();
    ui.click("Renew for myself");
    ui.click("contact:3197218168379846218");
    ui.click("Review order");
    ui.click("Confirm order");
    ui.transport.reply(paths::create_order, raw(200, fixture_text("tutorial_order_response.json")));
    ui.frame();
    ASSERT_EQ(state(ui)["screen"], "done");
    ui.click("Order details");
    EXPECT_EQ(state(ui)["screen"], "order_details");
    ASSERT_EQ(ui.transport.pending.size(), 1u);
    EXPECT_NE(ui.transport.pending[0].request.url.find(paths::order_details_prefix), std::string::npos);
    ui.click("Back");
    EXPECT_EQ(state(ui)["screen"], "done");
}

TEST(OrdersUi, SignOutClosesTheOrders) {
    UiHarness ui;
    ui.sign_in_and_load();
    ui.click("Orders");
    ui.click("Sign out");
    EXPECT_EQ(state(ui)["screen"], "signed_out");
    EXPECT_EQ(state(ui)["orders"]["status"], "idle");
}

TEST(OrdersUi, OrdersAndDetailsInChineseLeaveNoEnglish) {
    UiHarness ui({.language = ui::Language::zh});
    ui.sign_in_and_load();
    ui.click("Orders");
    const HttpResponse list = oldest_first_page(), details = details_of("MK-MID", "pending");
    ui.transport.reply(paths::order_list, list);
    std::set<std::string> data = {"sandbox", "invalid", "succeed", "pending", "USD"};
    for (const std::string& body : {list.body, details.body})
        for (const std::string& word : ascii_words(body))
            data.insert(word);
    std::string text = ui.drawn_text();
    EXPECT_NE(text.find("订单"), std::string::npos) << text;
    EXPECT_EQ(english_left(text, data), std::vector<std::string>{}) << text;
    ui.click("order:MK-MID");
    ui.transport.reply(paths::order_details_prefix, details);
    text = ui.drawn_text();
    EXPECT_NE(text.find("基本信息"), std::string::npos) << text;
    EXPECT_EQ(english_left(text, data), std::vector<std::string>{}) << text;
}
