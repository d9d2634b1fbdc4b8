// Fault injection: every kind is observable by a client, applies to its endpoint only, and expires.
#include "tests/sandbox/sandbox_test_support.h"

#include <chrono>
#include <future>

namespace sandbox_test {
namespace {

using FaultsTest = SandboxTest;
using Clock = std::chrono::steady_clock;

constexpr const char* kUsers = "/user/openapi/user/v1/client/partner_list";

bool is_json(const std::string& text) {
    return json::accept(text);
}

TEST_F(FaultsTest, HttpStatusFaultRepliesPlainTextWithoutEnvelope) {
    const std::string token = access_token();
    add_fault({{"endpoint", "partner_list"}, {"kind", "http_status"}, {"status", 503}});
    auto result = get_api(kUsers, token);
    ASSERT_TRUE(result);
    EXPECT_EQ(result->status, 503);
    EXPECT_EQ(result->get_header_value("Content-Type"), "text/plain");
    EXPECT_FALSE(is_json(result->body)) << result->body;
}

TEST_F(FaultsTest, HttpStatusFaultCanHaveAnEmptyBody) {
    const std::string token = access_token();
    add_fault({{"endpoint", "partner_list"}, {"kind", "http_status"}, {"status", 504}, {"body", ""}});
    auto result = get_api(kUsers, token);
    ASSERT_TRUE(result);
    EXPECT_EQ(result->status, 504);
    EXPECT_EQ(result->body, "");
}

TEST_F(FaultsTest, ApiErrorFaultRepliesEnvelopeWithGivenCode) {
    const std::string token = access_token();
    add_fault({{"endpoint", "billing_contact_list"},
               {"kind", "api_error"},
               {"status", 403},
               {"code", "ip_not_allowed"},
               {"detailMessage", "Your IP is not allowed"}});
    auto result = get_api("/user/openapi/user/v1/client/billing_contact_list", token);
    expect_envelope(result, 403, "ip_not_allowed");
    EXPECT_EQ(parse_body(result)["detailMessage"], "Your IP is not allowed");
}

TEST_F(FaultsTest, MalformedFaultReplies200WithNonJson) {
    const std::string token = access_token();
    add_fault({{"endpoint", "product_list"}, {"kind", "malformed"}});
    auto result = get_api("/pricing/openapi/purchase/v1/product_list", token);
    ASSERT_TRUE(result);
    EXPECT_EQ(result->status, 200);
    EXPECT_FALSE(is_json(result->body));
}

TEST_F(FaultsTest, TruncatedFaultSendsHalfAValidEnvelope) {
    const std::string token = access_token();
    add_fault({{"endpoint", "purchase_product_info"}, {"kind", "truncated"}});
    auto result = get_api("/pricing/openapi/purchase/v1/purchase_product_info?productId=15", token);
    ASSERT_TRUE(result); // complete HTTP exchange, broken JSON
    EXPECT_EQ(result->status, 200);
    EXPECT_EQ(result->get_header_value("Content-Length"), std::to_string(result->body.size()));
    EXPECT_EQ(result->body.rfind(R"({"code":"success")", 0), 0u) << result->body;
    EXPECT_FALSE(is_json(result->body));
    auto full = get_api("/pricing/openapi/purchase/v1/purchase_product_info?productId=15", token);
    ASSERT_TRUE(full);
    EXPECT_NEAR(static_cast<double>(result->body.size()), full->body.size() / 2.0, 1.0);
}

TEST_F(FaultsTest, HtmlFaultRepliesHtmlErrorPage) {
    const std::string token = access_token();
    add_fault({{"endpoint", "page"}, {"kind", "html"}});
    auto result = get_api("/order/openapi/order/v1/page", token);
    ASSERT_TRUE(result);
    EXPECT_EQ(result->status, 502);
    EXPECT_EQ(result->get_header_value("Content-Type"), "text/html");
    EXPECT_NE(result->body.find("<html>"), std::string::npos);
}

TEST_F(FaultsTest, DelayFaultSlowsTheReplyThenAnswersNormally) {
    const std::string token = access_token();
    add_fault({{"endpoint", "partner_list"}, {"kind", "delay"}, {"delay_ms", 300}});
    const auto start = Clock::now();
    auto result = get_api(kUsers, token);
    EXPECT_GE(Clock::now() - start, std::chrono::milliseconds(300));
    expect_envelope(result, 200, "success");
}

// A held reply stands for an API slow for as long as a test needs to watch a client wait.
TEST_F(FaultsTest, DelayUntilReleasedHoldsTheReplyUntilReleaseThenAnswersNormally) {
    const std::string token = access_token();
    EXPECT_EQ(parse_body(client().Post("/__sandbox/release", "", "application/json"))["released"], 0);
    add_fault(
        {{"endpoint", "partner_list"}, {"kind", "delay"}, {"delay_ms", 600000}, {"until_released", true}});
    auto reply = std::async(std::launch::async, [&] { return get_api(kUsers, token); });
    int released = 0;
    for (int i = 0; i < 2000 && released == 0;
         ++i) { // until the request is held (a release before it is no release)
        if (reply.wait_for(std::chrono::milliseconds(5)) == std::future_status::ready) break;
        released =
            parse_body(client().Post("/__sandbox/release", "", "application/json"))["released"].get<int>();
    }
    EXPECT_EQ(released, 1);
    ASSERT_EQ(reply.wait_for(std::chrono::seconds(30)), std::future_status::ready) << "released, still held";
    expect_envelope(reply.get(), 200, "success");
}

TEST_F(FaultsTest, DelayUntilReleasedAnswersAfterItsDelayWhenNeverReleased) {
    const std::string token = access_token();
    add_fault({{"endpoint", "partner_list"}, {"kind", "delay"}, {"delay_ms", 300}, {"until_released", true}});
    const auto start = Clock::now();
    auto result = get_api(kUsers, token);
    EXPECT_GE(Clock::now() - start, std::chrono::milliseconds(300));
    expect_envelope(result, 200, "success");
}

TEST_F(FaultsTest, UntilReleasedAppliesToDelayFaultsOnly) {
    auto reply = client().Post(
        "/__sandbox/faults", json({{"endpoint", "save"}, {"kind", "drop"}, {"until_released", true}}).dump(),
        "application/json");
    ASSERT_TRUE(reply);
    EXPECT_EQ(reply->status, 400) << reply->body;
}

TEST_F(FaultsTest, DropFaultClosesTheConnectionWithoutSendingAByte) {
    const std::string token = access_token();
    add_fault({{"endpoint", "partner_list"}, {"kind", "drop"}, {"count", 2}});
    auto result = get_api(kUsers, token);
    EXPECT_FALSE(result);
    const std::string raw = raw_exchange(port(), std::string("GET ") + kUsers +
                                                     " HTTP/1.1\r\nHost: localhost\r\nUser-Agent: OpenAPI\r\n"
                                                     "Authorization: Bearer " +
                                                     token + "\r\n\r\n");
    EXPECT_EQ(raw, "");
    expect_envelope(get_api(kUsers, token), 200, "success");
}

TEST_F(FaultsTest, DroppedSaveIsNotCommitted) {
    const std::string token = access_token();
    add_fault({{"endpoint", "save"}, {"kind", "drop"}});
    EXPECT_FALSE(post_order(tutorial_order_body(), token));
    EXPECT_EQ(orders_log().size(), 0u);
}

TEST_F(FaultsTest, CommitThenDropStoresTheOrderButTheClientGetsNoReply) {
    const std::string token = access_token();
    add_fault({{"endpoint", "save"}, {"kind", "commit_then_drop"}});
    auto result = post_order(tutorial_order_body(), token);
    EXPECT_FALSE(result);
    const json log = orders_log();
    ASSERT_EQ(log.size(), 1u);
    EXPECT_EQ(log[0]["body"].get<std::string>(), tutorial_order_body());
    const json page = parse_body(get_api("/order/openapi/order/v1/page", token))["result"];
    EXPECT_EQ(page["total"], 1);
}

TEST_F(FaultsTest, TruncatedSaveIsCommitted) {
    const std::string token = access_token();
    add_fault({{"endpoint", "save"}, {"kind", "truncated"}});
    auto result = post_order(tutorial_order_body(), token);
    ASSERT_TRUE(result);
    EXPECT_FALSE(is_json(result->body));
    EXPECT_EQ(orders_log().size(), 1u);
}

TEST_F(FaultsTest, OrderStatusFaultCommitsAPendingOrder) {
    const std::string token = access_token();
    add_fault({{"endpoint", "save"}, {"kind", "order_status"}, {"orderStatus", "pending"}});
    auto result = post_order(tutorial_order_body(), token);
    expect_envelope(result, 200, "success");
    EXPECT_EQ(parse_body(result)["result"]["orderStatus"], "pending");
    const json page = parse_body(get_api("/order/openapi/order/v1/page", token))["result"];
    EXPECT_EQ(page["results"][0]["orderStatus"], "pending");
    EXPECT_EQ(orders_log()[0]["result"]["orderStatus"], "pending");
}

TEST_F(FaultsTest, TokenEndpointFaultsToo) {
    add_fault({{"endpoint", "token"}, {"kind", "api_error"}, {"status", 429}, {"code", "too_many_requests"}});
    auto result = client().Post("/auth/openapi/v1/oauth/token", {{"User-Agent", "OpenAPI"}},
                                httplib::Params{{"client_id", "demo-client-id"},
                                                {"client_secret", "demo-client-secret"},
                                                {"grant_type", "pp_credentials"}});
    expect_envelope(result, 429, "too_many_requests");
}

TEST_F(FaultsTest, FaultAppliesOnlyToItsEndpoint) {
    const std::string token = access_token();
    add_fault({{"endpoint", "partner_list"}, {"kind", "http_status"}});
    expect_envelope(get_api("/user/openapi/user/v1/client/billing_contact_list", token), 200, "success");
    auto result = get_api(kUsers, token);
    ASSERT_TRUE(result);
    EXPECT_EQ(result->status, 503);
}

TEST_F(FaultsTest, FaultExpiresAfterCount) {
    const std::string token = access_token();
    add_fault({{"endpoint", "partner_list"}, {"kind", "http_status"}, {"count", 2}});
    for (int i = 0; i < 2; ++i) {
        auto result = get_api(kUsers, token);
        ASSERT_TRUE(result);
        EXPECT_EQ(result->status, 503);
    }
    expect_envelope(get_api(kUsers, token), 200, "success");
}

TEST_F(FaultsTest, FaultWithCountMinusOneLastsUntilCleared) {
    const std::string token = access_token();
    add_fault({{"endpoint", "partner_list"}, {"kind", "http_status"}, {"count", -1}});
    for (int i = 0; i < 5; ++i) {
        auto result = get_api(kUsers, token);
        ASSERT_TRUE(result);
        EXPECT_EQ(result->status, 503);
    }
    auto cleared = client().Delete("/__sandbox/faults");
    ASSERT_TRUE(cleared);
    EXPECT_EQ(cleared->status, 200);
    expect_envelope(get_api(kUsers, token), 200, "success");
}

TEST_F(FaultsTest, QueuedFaultsApplyInOrder) {
    const std::string token = access_token();
    add_fault(json::array({{{"endpoint", "partner_list"}, {"kind", "http_status"}},
                           {{"endpoint", "partner_list"}, {"kind", "html"}}}));
    EXPECT_EQ(get_api(kUsers, token)->status, 503);
    EXPECT_EQ(get_api(kUsers, token)->status, 502);
    expect_envelope(get_api(kUsers, token), 200, "success");
}

TEST_F(FaultsTest, InvalidFaultSpecIsRejected) {
    for (const json& spec :
         {json{{"endpoint", "nowhere"}, {"kind", "drop"}}, json{{"endpoint", "save"}, {"kind", "explode"}},
          json{{"endpoint", "save"}, {"kind", "drop"}, {"count", 0}}}) {
        auto result = client().Post("/__sandbox/faults", spec.dump(), "application/json");
        ASSERT_TRUE(result);
        EXPECT_EQ(result->status, 400) << spec.dump();
        EXPECT_TRUE(parse_body(result).contains("error"));
    }
    auto list = client().Get("/__sandbox/faults");
    EXPECT_EQ(parse_body(list)["faults"], json::array());
}

TEST_F(FaultsTest, LatencySettingDelaysApiRepliesOnly) {
    const std::string token = access_token();
    auto config = client().Post("/__sandbox/config", R"({"latency_ms": 250})", "application/json");
    ASSERT_TRUE(config);
    EXPECT_EQ(parse_body(config)["latency_ms"], 250);
    auto start = Clock::now();
    expect_envelope(get_api(kUsers, token), 200, "success");
    EXPECT_GE(Clock::now() - start, std::chrono::milliseconds(250));
    start = Clock::now();
    client().Get("/__sandbox/info");
    EXPECT_LT(Clock::now() - start, std::chrono::milliseconds(250));
}

} // namespace
} // namespace sandbox_test
