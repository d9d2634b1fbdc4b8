// The fault kinds with replies of their own that came with the table test (rate_limited, redirect,
// refresh_refused), what each spec may hold, and the list of every kind.
#include "tests/sandbox/sandbox_test_support.h"

namespace sandbox_test {
namespace {

constexpr const char* kUsers = "/user/openapi/user/v1/client/partner_list";
constexpr const char* kTokenPath = "/auth/openapi/v1/oauth/token";

class FaultKindsTest : public SandboxTest {
  protected:
    httplib::Result credentials_grant() {
        return client().Post(kTokenPath, {{"User-Agent", "OpenAPI"}},
                             httplib::Params{{"client_id", "demo-client-id"},
                                             {"client_secret", "demo-client-secret"},
                                             {"grant_type", "pp_credentials"}});
    }
    httplib::Result refresh_grant(const std::string& refresh_token) {
        return client().Post(
            kTokenPath, {{"User-Agent", "OpenAPI"}},
            httplib::Params{{"grant_type", "refresh_token"}, {"refresh_token", refresh_token}});
    }
    json faults() { return parse_body(client().Get("/__sandbox/faults"))["faults"]; }
};

TEST_F(FaultKindsTest, RateLimitedIs429WithRetryAfterAndAnEnvelope) {
    const std::string token = access_token();
    add_fault({{"endpoint", "partner_list"}, {"kind", "rate_limited"}});
    auto result = get_api(kUsers, token);
    expect_envelope(result, 429, "too_many_requests");
    EXPECT_EQ(result->get_header_value("Retry-After"), "30");
    EXPECT_EQ(result->get_header_value("X-Sandbox-Fault"), "rate_limited");
    expect_envelope(get_api(kUsers, token), 200, "success");
}

TEST_F(FaultKindsTest, RateLimitedWithItsOwnDelayStatusOrNoRetryAfter) {
    const std::string token = access_token();
    add_fault({{"endpoint", "partner_list"},
               {"kind", "rate_limited"},
               {"retry_after_s", 120},
               {"status", 503},
               {"code", "system_busy"}});
    auto result = get_api(kUsers, token);
    expect_envelope(result, 503, "system_busy");
    EXPECT_EQ(result->get_header_value("Retry-After"), "120");
    add_fault({{"endpoint", "partner_list"}, {"kind", "rate_limited"}, {"retry_after_s", -1}});
    result = get_api(kUsers, token);
    expect_envelope(result, 429, "too_many_requests");
    EXPECT_FALSE(result->has_header("Retry-After"));
}

TEST_F(FaultKindsTest, RateLimitedSaveCommitsOnlyWhenAsked) {
    const std::string token = access_token();
    add_fault({{"endpoint", "save"}, {"kind", "rate_limited"}});
    expect_envelope(post_order(tutorial_order_body(), token), 429, "too_many_requests");
    EXPECT_EQ(orders_log().size(), 0u);
    add_fault({{"endpoint", "save"}, {"kind", "rate_limited"}, {"commit", true}});
    expect_envelope(post_order(tutorial_order_body(), token), 429, "too_many_requests");
    EXPECT_EQ(orders_log().size(), 1u);
}

TEST_F(FaultKindsTest, RedirectPointsToAnotherHostAndIsNotFollowedByTheSandbox) {
    const std::string token = access_token();
    add_fault({{"endpoint", "partner_list"}, {"kind", "redirect"}});
    auto result = get_api(kUsers, token); // httplib does not follow redirects unless told to
    ASSERT_TRUE(result);
    EXPECT_EQ(result->status, 302);
    EXPECT_EQ(result->get_header_value("Location"), std::string("http://other-host.invalid") + kUsers);
    EXPECT_EQ(result->get_header_value("X-Sandbox-Fault"), "redirect");
    EXPECT_FALSE(json::accept(result->body));
    expect_envelope(get_api(kUsers, token), 200, "success");
}

TEST_F(FaultKindsTest, RedirectWithItsOwnLocationAndStatus) {
    const std::string token = access_token();
    add_fault({{"endpoint", "partner_list"},
               {"kind", "redirect"},
               {"status", 307},
               {"location", "https://login.example.invalid/sso"}});
    auto result = get_api(kUsers, token);
    ASSERT_TRUE(result);
    EXPECT_EQ(result->status, 307);
    EXPECT_EQ(result->get_header_value("Location"), "https://login.example.invalid/sso");
}

TEST_F(FaultKindsTest, RedirectedSaveCommitsOnlyWhenAsked) {
    const std::string token = access_token();
    add_fault({{"endpoint", "save"}, {"kind", "redirect"}});
    EXPECT_EQ(post_order(tutorial_order_body(), token)->status, 302);
    EXPECT_EQ(orders_log().size(), 0u);
    add_fault({{"endpoint", "save"}, {"kind", "redirect"}, {"commit", true}});
    EXPECT_EQ(post_order(tutorial_order_body(), token)->status, 302);
    EXPECT_EQ(orders_log().size(), 1u);
}

TEST_F(FaultKindsTest, RefreshRefusedRefusesRefreshGrantsOnlyAndIsNotUsedUpByOthers) {
    const json issued = request_token_result();
    add_fault({{"endpoint", "token"}, {"kind", "refresh_refused"}});
    // Credentials still work, and leave the fault in place.
    expect_envelope(credentials_grant(), 200, "success");
    ASSERT_EQ(faults().size(), 1u);
    auto refused = refresh_grant(issued["refreshToken"]);
    expect_envelope(refused, 401, "invalid_refresh_token");
    EXPECT_EQ(refused->get_header_value("X-Sandbox-Fault"), "refresh_refused");
    EXPECT_EQ(faults(), json::array());
    // The fault changed nothing in the token store: the same refresh token works now.
    expect_envelope(refresh_grant(issued["refreshToken"]), 200, "success");
}

TEST_F(FaultKindsTest, RefreshRefusedUntilCleared) {
    const json issued = request_token_result();
    add_fault({{"endpoint", "token"}, {"kind", "refresh_refused"}, {"count", -1}});
    for (int i = 0; i < 3; ++i) {
        expect_envelope(refresh_grant(issued["refreshToken"]), 401, "invalid_refresh_token");
        expect_envelope(credentials_grant(), 200, "success");
    }
}

TEST_F(FaultKindsTest, EveryKindIsListedInTheError) {
    auto result =
        client().Post("/__sandbox/faults", R"({"endpoint":"save","kind":"explode"})", "application/json");
    ASSERT_TRUE(result);
    const std::string error = parse_body(result)["error"];
    for (const char* kind :
         {"http_status", "api_error", "malformed", "truncated", "html", "delay", "drop", "commit_then_drop",
          "order_status", "rate_limited", "redirect", "refresh_refused", "trickle", "huge_body",
          "wrong_content_type", "reset_mid_body", "invalid_utf8", "duplicate_keys", "odd_numbers"})
        EXPECT_NE(error.find(kind), std::string::npos) << kind << " in " << error;
}

TEST_F(FaultKindsTest, TheListShowsEachKindsOwnMembers) {
    add_fault(json::array(
        {{{"endpoint", "partner_list"}, {"kind", "rate_limited"}, {"retry_after_s", 5}},
         {{"endpoint", "billing_contact_list"}, {"kind", "redirect"}, {"location", "http://x.invalid/"}},
         {{"endpoint", "page"}, {"kind", "huge_body"}, {"bytes", 1000}, {"chunked", true}},
         {{"endpoint", "save"}, {"kind", "trickle"}},
         {{"endpoint", "get"}, {"kind", "wrong_content_type"}},
         {{"endpoint", "product_list"}, {"kind", "odd_numbers"}, {"number", "-0"}},
         {{"endpoint", "token"}, {"kind", "refresh_refused"}}}));
    std::map<std::string, json> by_endpoint;
    for (const json& fault : faults())
        by_endpoint[fault["endpoint"]] = fault;
    EXPECT_EQ(by_endpoint["partner_list"]["retry_after_s"], 5);
    EXPECT_EQ(by_endpoint["partner_list"]["status"], 429);
    EXPECT_EQ(by_endpoint["partner_list"]["code"], "too_many_requests");
    EXPECT_EQ(by_endpoint["billing_contact_list"]["location"], "http://x.invalid/");
    EXPECT_EQ(by_endpoint["billing_contact_list"]["status"], 302);
    EXPECT_EQ(by_endpoint["page"]["bytes"], 1000);
    EXPECT_EQ(by_endpoint["page"]["chunked"], true);
    EXPECT_EQ(by_endpoint["save"]["delay_ms"], 2000);
    EXPECT_EQ(by_endpoint["get"]["content_type"], "text/html");
    EXPECT_EQ(by_endpoint["product_list"]["number"], "-0");
    EXPECT_EQ(by_endpoint["token"]["code"], "invalid_refresh_token");
    EXPECT_EQ(by_endpoint["token"]["status"], 401);
}

TEST_F(FaultKindsTest, MisplacedOrInvalidMembersOfTheNewKindsAreRejected) {
    for (const json& spec :
         {json{{"endpoint", "partner_list"}, {"kind", "refresh_refused"}},
          json{{"endpoint", "save"}, {"kind", "redirect"}, {"status", 200}},
          json{{"endpoint", "save"}, {"kind", "api_error"}, {"location", "http://x.invalid/"}},
          json{{"endpoint", "save"}, {"kind", "redirect"}, {"location", ""}},
          json{{"endpoint", "save"}, {"kind", "redirect"}, {"location", "http://x.invalid/\r\nX-Evil: 1"}},
          json{{"endpoint", "save"}, {"kind", "odd_numbers"}, {"number", "abc"}},
          json{{"endpoint", "save"}, {"kind", "odd_numbers"}, {"number", "\"7\""}},
          json{{"endpoint", "save"}, {"kind", "odd_numbers"}, {"number", 7}},
          json{{"endpoint", "save"}, {"kind", "delay"}, {"number", "1e3"}},
          json{{"endpoint", "save"}, {"kind", "html"}, {"chunked", true}},
          json{{"endpoint", "save"}, {"kind", "huge_body"}, {"chunked", "yes"}},
          json{{"endpoint", "save"}, {"kind", "huge_body"}, {"bytes", 0}},
          json{{"endpoint", "save"}, {"kind", "huge_body"}, {"bytes", 2000000000}},
          json{{"endpoint", "save"}, {"kind", "rate_limited"}, {"retry_after_s", -2}},
          json{{"endpoint", "save"}, {"kind", "trickle"}, {"commit", true}},
          json{{"endpoint", "save"}, {"kind", "reset_mid_body"}, {"commit", true}},
          json{{"endpoint", "save"}, {"kind", "invalid_utf8"}, {"commit", true}},
          json{{"endpoint", "save"}, {"kind", "wrong_content_type"}, {"content_type", ""}}}) {
        auto result = client().Post("/__sandbox/faults", spec.dump(), "application/json");
        ASSERT_TRUE(result);
        EXPECT_EQ(result->status, 400) << spec.dump();
        EXPECT_TRUE(parse_body(result).contains("error")) << spec.dump();
    }
    EXPECT_EQ(faults(), json::array());
}

} // namespace
} // namespace sandbox_test
