// Query Order List and Get Order Details over the orders the sandbox accepted.
#include "tests/sandbox/sandbox_test_support.h"

namespace sandbox_test {
namespace {

using OrderQueryTest = SandboxTest;

TEST_F(OrderQueryTest, OrderPageListsNewestFirstWithStringIds) {
    const std::string token = access_token();
    std::vector<json> placed;
    for (int i = 0; i < 3; ++i)
        placed.push_back(parse_body(post_order(tutorial_order_body(), token))["result"]);

    auto result = get_api("/order/openapi/order/v1/page", token);
    expect_envelope(result, 200, "success");
    const json page = parse_body(result)["result"];
    EXPECT_EQ(page["count"], 3);
    EXPECT_EQ(page["total"], 3);
    EXPECT_EQ(page["pageNo"], 1);
    EXPECT_EQ(page["pageSize"], 25);
    EXPECT_EQ(page["totalPage"], 1);
    ASSERT_EQ(page["results"].size(), 3u);
    const json& newest = page["results"][0];
    EXPECT_EQ(newest["id"], placed[2]["orderId"]);
    EXPECT_EQ(newest["orderNo"], placed[2]["orderNo"]);
    EXPECT_EQ(newest["orderStatus"], "succeed");
    EXPECT_EQ(newest["currencyCode"], "USD");
    EXPECT_EQ(newest["customReferenceNo"], "");
    EXPECT_EQ(newest["invoiceNo"], "");
    EXPECT_TRUE(newest["createTime"].is_number_integer());
    EXPECT_GT(newest["createTime"].get<std::int64_t>(), 1600000000000LL); // milliseconds
    EXPECT_EQ(page["results"][2]["id"], placed[0]["orderId"]);
}

TEST_F(OrderQueryTest, OrderPagePaginates) {
    const std::string token = access_token();
    for (int i = 0; i < 3; ++i)
        post_order(tutorial_order_body(), token);
    const json second =
        parse_body(get_api("/order/openapi/order/v1/page?pageNo=2&pageSize=2", token))["result"];
    EXPECT_EQ(second["totalPage"], 2);
    EXPECT_EQ(second["results"].size(), 1u);
    const json beyond =
        parse_body(get_api("/order/openapi/order/v1/page?pageNo=9&pageSize=2", token))["result"];
    EXPECT_EQ(beyond["results"], json::array());
}

TEST_F(OrderQueryTest, OrderPageRejectsBadPaging) {
    const std::string token = access_token();
    auto zero = get_api("/order/openapi/order/v1/page?pageNo=0", token);
    expect_envelope(zero, 400, "parameter_validation_failed");
    EXPECT_EQ(parse_body(zero)["result"], (json{{"field", "pageNo"}, {"tag", "min"}}));
    auto text = get_api("/order/openapi/order/v1/page?pageSize=abc", token);
    expect_envelope(text, 400, "parameter_validation_failed");
    EXPECT_EQ(parse_body(text)["result"], (json{{"field", "pageSize"}, {"tag", "type"}}));
}

TEST_F(OrderQueryTest, OrderDetailsAreFoundByIdAndByOrderNo) {
    const std::string token = access_token();
    json body = json::parse(tutorial_order_body());
    body["partnerId"] = "9223372036854775001";
    const json placed = parse_body(post_order(body.dump(), token))["result"];
    for (const std::string& key :
         {placed["orderId"].get<std::string>(), placed["orderNo"].get<std::string>()}) {
        auto result = get_api("/order/openapi/order/v1/get/" + key, token);
        expect_envelope(result, 200, "success");
        const json details = parse_body(result)["result"];
        EXPECT_EQ(details["basicInformation"]["productId"], "15");
        EXPECT_EQ(details["basicInformation"]["productName"], "Remote Management");
        EXPECT_EQ(details["basicInformation"]["productNo"], placed["productNo"]);
        EXPECT_EQ(details["orderInformation"]["id"], placed["orderId"]);
        EXPECT_EQ(details["orderInformation"]["orderNo"], placed["orderNo"]);
        EXPECT_EQ(details["billingInformation"]["billingContactId"], "3197218168379846218");
        EXPECT_TRUE(details["orderSummary"].is_object());
    }
}

TEST_F(OrderQueryTest, PoNumberIsEchoedAsCustomReferenceNoAndTheBodyIsKeptVerbatim) {
    const std::string token = access_token();
    const std::string body =
        R"({ "poNumber" : "PO-2026/\u00df \"7\"",)" + tutorial_order_body().substr(1); // escapes kept as sent
    const json placed = parse_body(post_order(body, token))["result"];
    const json without = parse_body(post_order(tutorial_order_body(), token))["result"];

    const json listed = parse_body(get_api("/order/openapi/order/v1/page", token))["result"]["results"];
    ASSERT_EQ(listed.size(), 2u);
    EXPECT_EQ(listed[1]["id"], placed["orderId"]);
    EXPECT_EQ(listed[1]["customReferenceNo"], "PO-2026/\u00df \"7\"");
    EXPECT_EQ(listed[0]["customReferenceNo"], "");
    const json details = parse_body(
        get_api("/order/openapi/order/v1/get/" + placed["orderId"].get<std::string>(), token))["result"];
    EXPECT_EQ(details["orderInformation"]["customReferenceNo"], "PO-2026/\u00df \"7\"");
    EXPECT_EQ(orders_log()[0]["body"].get<std::string>(), body);
    EXPECT_EQ(placed.size(), 6u); // the save result keeps the tutorial's members only
    EXPECT_EQ(without["orderStatus"], "succeed");
}

TEST_F(OrderQueryTest, UnknownOrderIs404Envelope) {
    expect_envelope(get_api("/order/openapi/order/v1/get/3400814131142238208", access_token()), 404,
                    "not_found");
}

} // namespace
} // namespace sandbox_test
