// Faults after the commit ("commit": true on a save fault): the order is stored exactly as by a normal
// save, then the fault's reply is sent; plus the content_type of http_status faults.
#include "tests/sandbox/sandbox_test_support.h"

#include <chrono>

namespace sandbox_test {
namespace {

using Clock = std::chrono::steady_clock;

constexpr const char* kGatewayTimeoutJson = R"({"code":504,"message":"Gateway Timeout"})";

class CommitFaultsTest : public SandboxTest {
  protected:
    // The one order the log holds was committed like a normal save: listed and found by its fresh id.
    void expect_one_committed_order(const std::string& token) {
        const json log = orders_log();
        ASSERT_EQ(log.size(), 1u);
        EXPECT_EQ(log[0]["body"].get<std::string>(), tutorial_order_body());
        const json& result = log[0]["result"];
        EXPECT_EQ(result["orderStatus"], "succeed");
        ASSERT_TRUE(result["orderId"].is_string());
        const json page = parse_body(get_api("/order/openapi/order/v1/page", token))["result"];
        EXPECT_EQ(page["total"], 1);
        EXPECT_EQ(page["results"][0]["id"], result["orderId"]);
        EXPECT_EQ(page["results"][0]["orderNo"], result["orderNo"]);
        expect_envelope(get_api("/order/openapi/order/v1/get/" + result["orderId"].get<std::string>(), token),
                        200, "success");
    }
};

TEST_F(CommitFaultsTest, ApiErrorAfterCommitStoresTheOrder) {
    const std::string token = access_token();
    add_fault(json::parse(
        R"({"endpoint":"save","kind":"api_error","status":500,"code":"internal_error","commit":true})"));
    expect_envelope(post_order(tutorial_order_body(), token), 500, "internal_error");
    expect_one_committed_order(token);
}

TEST_F(CommitFaultsTest, GatewayTimeoutWithAJsonBodyAfterCommit) {
    const std::string token = access_token();
    add_fault(json::parse(R"({"endpoint":"save","kind":"http_status","status":504,)"
                          R"("content_type":"application/json",)"
                          R"("body":"{\"code\":504,\"message\":\"Gateway Timeout\"}","commit":true})"));
    auto result = post_order(tutorial_order_body(), token);
    ASSERT_TRUE(result);
    EXPECT_EQ(result->status, 504);
    EXPECT_EQ(result->get_header_value("Content-Type"), "application/json");
    EXPECT_EQ(result->body, kGatewayTimeoutJson);
    expect_one_committed_order(token);
}

TEST_F(CommitFaultsTest, SystemBusyEnvelopeWithStatus200AfterCommit) {
    const std::string token = access_token();
    add_fault(json::parse(
        R"({"endpoint":"save","kind":"api_error","status":200,"code":"system_busy","commit":true})"));
    auto result = post_order(tutorial_order_body(), token);
    expect_envelope(result, 200, "system_busy");
    expect_one_committed_order(token);
}

TEST_F(CommitFaultsTest, HtmlErrorPageAfterCommit) {
    const std::string token = access_token();
    add_fault(json::parse(R"({"endpoint":"save","kind":"html","status":502,"commit":true})"));
    auto result = post_order(tutorial_order_body(), token);
    ASSERT_TRUE(result);
    EXPECT_EQ(result->status, 502);
    EXPECT_EQ(result->get_header_value("Content-Type"), "text/html");
    EXPECT_NE(result->body.find("502 Bad Gateway"), std::string::npos);
    expect_one_committed_order(token);
}

TEST_F(CommitFaultsTest, MalformedReplyAfterCommit) {
    const std::string token = access_token();
    add_fault({{"endpoint", "save"}, {"kind", "malformed"}, {"commit", true}});
    auto result = post_order(tutorial_order_body(), token);
    ASSERT_TRUE(result);
    EXPECT_EQ(result->status, 200);
    EXPECT_FALSE(json::accept(result->body));
    expect_one_committed_order(token);
}

TEST_F(CommitFaultsTest, DelayAfterCommitSendsTheNormalReplyLate) {
    const std::string token = access_token();
    add_fault({{"endpoint", "save"}, {"kind", "delay"}, {"delay_ms", 400}, {"commit", true}});
    const auto start = Clock::now();
    auto result = post_order(tutorial_order_body(), token);
    EXPECT_GE(Clock::now() - start, std::chrono::milliseconds(400));
    expect_envelope(result, 200, "success");
    expect_one_committed_order(token);
    EXPECT_EQ(parse_body(result)["result"], orders_log()[0]["result"]);
}

TEST_F(CommitFaultsTest, DelayedCommitIsKeptWhenTheClientGoesAwayDuringTheDelay) {
    const std::string token = access_token();
    add_fault(json::parse(R"({"endpoint":"save","kind":"delay","delay_ms":1500,"commit":true})"));
    const auto start = Clock::now();
    httplib::Client impatient("127.0.0.1", port());
    impatient.set_read_timeout(0, 300 * 1000); // gives up after 0.3 s and closes the connection
    auto result = impatient.Post("/order/openapi/order/v1/save", api_headers(token), tutorial_order_body(),
                                 "application/json");
    EXPECT_FALSE(result);
    impatient.stop();
    expect_one_committed_order(token); // before the reply would have gone out
    EXPECT_LT(Clock::now() - start, std::chrono::milliseconds(1500));
}

TEST_F(CommitFaultsTest, EveryCommittedFaultGetsAFreshOrder) {
    const std::string token = access_token();
    add_fault({{"endpoint", "save"}, {"kind", "api_error"}, {"status", 503}, {"count", 2}, {"commit", true}});
    post_order(tutorial_order_body(), token);
    post_order(tutorial_order_body(), token);
    expect_envelope(post_order(tutorial_order_body(), token), 200, "success");
    const json log = orders_log();
    ASSERT_EQ(log.size(), 3u);
    EXPECT_NE(log[0]["result"]["orderId"], log[1]["result"]["orderId"]);
    EXPECT_NE(log[1]["result"]["orderId"], log[2]["result"]["orderId"]);
}

TEST_F(CommitFaultsTest, WithoutCommitTheSameFaultsCommitNothing) {
    const std::string token = access_token();
    for (const json& fault :
         {json{{"endpoint", "save"}, {"kind", "api_error"}, {"status", 500}},
          json{{"endpoint", "save"}, {"kind", "http_status"}, {"status", 504}, {"commit", false}},
          json{{"endpoint", "save"}, {"kind", "malformed"}},
          json{{"endpoint", "save"}, {"kind", "html"}, {"commit", false}}}) {
        add_fault(fault);
        post_order(tutorial_order_body(), token);
        EXPECT_EQ(orders_log(), json::array()) << fault.dump();
    }
}

TEST_F(CommitFaultsTest, AnInvalidOrderIsNotCommittedButGetsTheFaultReply) {
    const std::string token = access_token();
    add_fault({{"endpoint", "save"},
               {"kind", "api_error"},
               {"status", 500},
               {"code", "internal_error"},
               {"commit", true}});
    json body = json::parse(tutorial_order_body());
    body["billingId"] = 1;
    expect_envelope(post_order(body.dump(), token), 500, "internal_error");
    EXPECT_EQ(orders_log(), json::array());
}

TEST_F(CommitFaultsTest, ContentTypeAppliesToHttpStatusFaultsOfAnyEndpoint) {
    const std::string token = access_token();
    add_fault({{"endpoint", "partner_list"},
               {"kind", "http_status"},
               {"status", 504},
               {"content_type", "application/json"},
               {"body", kGatewayTimeoutJson}});
    auto result = get_api("/user/openapi/user/v1/client/partner_list", token);
    ASSERT_TRUE(result);
    EXPECT_EQ(result->status, 504);
    EXPECT_EQ(result->get_header_value("Content-Type"), "application/json");
    EXPECT_EQ(result->body, kGatewayTimeoutJson);
}

TEST_F(CommitFaultsTest, FaultListShowsCommitAndContentType) {
    add_fault(json::parse(R"({"endpoint":"save","kind":"http_status","status":504,)"
                          R"("content_type":"application/json","body":"{}","commit":true})"));
    add_fault({{"endpoint", "page"}, {"kind", "html"}});
    const json list = parse_body(client().Get("/__sandbox/faults"))["faults"];
    ASSERT_EQ(list.size(), 2u);
    const json page_fault = list[0]["endpoint"] == "page" ? list[0] : list[1];
    const json save_fault = list[0]["endpoint"] == "save" ? list[0] : list[1];
    EXPECT_EQ(save_fault, (json{{"endpoint", "save"},
                                {"kind", "http_status"},
                                {"count", 1},
                                {"commit", true},
                                {"status", 504},
                                {"body", "{}"},
                                {"content_type", "application/json"}}));
    EXPECT_EQ(page_fault["commit"], false);
    EXPECT_FALSE(page_fault.contains("content_type"));
}

TEST_F(CommitFaultsTest, MisplacedCommitOrContentTypeIsRejected) {
    for (const json& spec :
         {json{{"endpoint", "page"}, {"kind", "api_error"}, {"commit", true}},
          json{{"endpoint", "token"}, {"kind", "delay"}, {"commit", true}},
          json{{"endpoint", "save"}, {"kind", "drop"}, {"commit", true}},
          json{{"endpoint", "save"}, {"kind", "truncated"}, {"commit", true}},
          json{{"endpoint", "save"}, {"kind", "commit_then_drop"}, {"commit", true}},
          json{{"endpoint", "save"}, {"kind", "order_status"}, {"commit", true}},
          json{{"endpoint", "save"}, {"kind", "api_error"}, {"commit", "yes"}},
          json{{"endpoint", "save"}, {"kind", "api_error"}, {"commit", 1}},
          json{{"endpoint", "save"}, {"kind", "api_error"}, {"content_type", "application/json"}},
          json{{"endpoint", "save"}, {"kind", "http_status"}, {"content_type", 5}},
          json{{"endpoint", "save"}, {"kind", "http_status"}, {"content_type", ""}},
          json{{"endpoint", "save"}, {"kind", "http_status"}, {"content_type", "text/plain\r\nX-Evil: 1"}}}) {
        auto result = client().Post("/__sandbox/faults", spec.dump(), "application/json");
        ASSERT_TRUE(result);
        EXPECT_EQ(result->status, 400) << spec.dump();
        const json reply = parse_body(result);
        ASSERT_TRUE(reply.contains("error")) << result->body;
        const std::string error = reply["error"];
        EXPECT_TRUE(error.find("commit") != std::string::npos ||
                    error.find("content_type") != std::string::npos)
            << error;
    }
    EXPECT_EQ(parse_body(client().Get("/__sandbox/faults"))["faults"], json::array());
}

} // namespace
} // namespace sandbox_test
