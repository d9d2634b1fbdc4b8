// How the order queries present an order: createTime in every shape an API could send it, and
// customReferenceNo echoing the order's poNumber or not (config orderTimeUnit, echoReference).
#include "tests/sandbox/sandbox_test_support.h"
#include "tools/sandbox/server_clock.h"

#include <regex>

namespace sandbox_test {
namespace {

class OrderPresentationTest : public SandboxTest {
  protected:
    void SetUp() override {
        SandboxTest::SetUp();
        token_ = access_token();
    }
    json set_config(const json& config) {
        auto result = client().Post("/__sandbox/config", config.dump(), "application/json");
        EXPECT_TRUE(result);
        if (!result) return json();
        EXPECT_EQ(result->status, 200) << result->body;
        return parse_body(result);
    }
    std::string post_with_po(const std::string& po) {
        json body = json::parse(tutorial_order_body());
        body["poNumber"] = po;
        return parse_body(post_order(body.dump(), token_))["result"]["orderId"];
    }
    json listed(std::size_t index = 0) {
        return parse_body(get_api("/order/openapi/order/v1/page", token_))["result"]["results"][index];
    }
    json information(const std::string& id) {
        return parse_body(get_api("/order/openapi/order/v1/get/" + id, token_))["result"]["orderInformation"];
    }
    std::string token_;
};

TEST_F(OrderPresentationTest, PoNumberIsEchoedAsCustomReferenceNoByDefault) {
    EXPECT_EQ(parse_body(client().Get("/__sandbox/config"))["echoReference"], true);
    const std::string id = post_with_po("PO-2026-117");
    EXPECT_EQ(listed()["customReferenceNo"], "PO-2026-117");
    EXPECT_EQ(information(id)["customReferenceNo"], "PO-2026-117");
}

TEST_F(OrderPresentationTest, WithoutEchoEveryCustomReferenceNoIsEmpty) {
    const std::string earlier = post_with_po("PO-EARLIER");
    EXPECT_EQ(set_config({{"echoReference", false}})["echoReference"], false);
    const std::string later = post_with_po("PO-LATER");
    client().Post("/__sandbox/other_orders", R"({"poNumber": "PO-COLLEAGUE"})", "application/json");
    for (std::size_t i = 0; i < 3; ++i)
        EXPECT_EQ(listed(i)["customReferenceNo"], "") << i;
    EXPECT_EQ(information(earlier)["customReferenceNo"], "");
    EXPECT_EQ(information(later)["customReferenceNo"], "");
    set_config({{"echoReference", true}}); // the orders keep their poNumber
    EXPECT_EQ(information(later)["customReferenceNo"], "PO-LATER");
}

TEST_F(OrderPresentationTest, EchoReferenceMustBeABooleanAndResetRestoresIt) {
    auto refused = client().Post("/__sandbox/config", R"({"echoReference": "no"})", "application/json");
    ASSERT_TRUE(refused);
    EXPECT_EQ(refused->status, 400);
    set_config({{"echoReference", false}});
    client().Post("/__sandbox/reset", "", "application/json");
    EXPECT_EQ(parse_body(client().Get("/__sandbox/config"))["echoReference"], true);
}

TEST_F(OrderPresentationTest, CreateTimeTakesEveryShapeInTheListAndTheDetails) {
    const std::string id = post_with_po("");
    const std::int64_t ms = listed()["createTime"];
    const std::int64_t s = ms / 1000;
    const std::vector<std::pair<const char*, json>> shapes = {
        {"ms", json(ms)},
        {"s", json(s)},
        {"s_string", json(std::to_string(s))},
        {"ms_string", json(std::to_string(ms))},
        {"date_text", json(sandbox::utc_date_text(ms))},
        {"out_of_range", json(99999999999999999LL)},
    };
    for (const auto& [unit, expected] : shapes) {
        EXPECT_EQ(set_config({{"orderTimeUnit", unit}})["orderTimeUnit"], unit);
        EXPECT_EQ(listed()["createTime"], expected) << unit;
        EXPECT_EQ(information(id)["createTime"], expected) << unit;
        EXPECT_EQ(information(id), listed()) << unit;
    }
    EXPECT_TRUE(
        std::regex_match(sandbox::utc_date_text(ms),
                         std::regex("20[0-9]{2}-[01][0-9]-[0-3][0-9] [0-2][0-9]:[0-5][0-9]:[0-5][0-9]")));
    EXPECT_TRUE(listed()["createTime"].is_number_unsigned() || listed()["createTime"].is_number_integer());

    set_config({{"orderTimeUnit", "missing"}});
    EXPECT_FALSE(listed().contains("createTime"));
    EXPECT_FALSE(information(id).contains("createTime"));
    EXPECT_TRUE(listed().contains("orderNo"));
}

TEST_F(OrderPresentationTest, TheStringShapesAreDecimalText) {
    post_with_po("");
    set_config({{"orderTimeUnit", "s_string"}});
    EXPECT_TRUE(std::regex_match(listed()["createTime"].get<std::string>(), std::regex("[0-9]{10}")));
    set_config({{"orderTimeUnit", "ms_string"}});
    EXPECT_TRUE(std::regex_match(listed()["createTime"].get<std::string>(), std::regex("[0-9]{13}")));
}

TEST_F(OrderPresentationTest, UnknownTimeShapesAreRefused) {
    for (const char* unit : {"us", "S", "date", ""}) {
        auto result =
            client().Post("/__sandbox/config", json{{"orderTimeUnit", unit}}.dump(), "application/json");
        ASSERT_TRUE(result);
        EXPECT_EQ(result->status, 400) << unit;
    }
    EXPECT_EQ(parse_body(client().Get("/__sandbox/config"))["orderTimeUnit"], "ms");
}

} // namespace
} // namespace sandbox_test
