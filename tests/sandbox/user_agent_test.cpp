// --require-user-agent: with it, every API endpoint refuses any other User-Agent before doing anything;
// without it, any User-Agent that is present is accepted.
#include "tests/sandbox/sandbox_test_support.h"

#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace sandbox_test {
namespace {

constexpr const char* kTokenPath = "/auth/openapi/v1/oauth/token";
constexpr const char* kUsers = "/user/openapi/user/v1/client/partner_list";

// The sandbox requires exactly "OpenAPI", the value of the API document's examples, so the shared
// helpers (which send it) work unchanged.
class RequiredUserAgentTest : public SandboxTest {
  protected:
    void SetUp() override {
        sandbox::SandboxOptions options;
        options.required_user_agent = "OpenAPI";
        restart(options);
    }
    static httplib::Headers headers_with(const std::string& user_agent, const std::string& token) {
        return {{"User-Agent", user_agent}, {"Authorization", "Bearer " + token}};
    }
};

void expect_refusal(const httplib::Result& result, const std::string& required) {
    expect_envelope(result, 400, "invalid_user_agent");
    if (!result) return;
    const json body = parse_body(result);
    EXPECT_EQ(body["detailMessage"], "User-Agent must be \"" + required + "\"");
    EXPECT_TRUE(body["result"].is_null()) << result->body;
}

TEST_F(RequiredUserAgentTest, TheRequiredUserAgentIsServed) {
    const std::string token = access_token(); // sends "OpenAPI"
    expect_envelope(get_api(kUsers, token), 200, "success");
    expect_envelope(post_order(tutorial_order_body(), token), 200, "success");
}

TEST_F(RequiredUserAgentTest, EveryApiEndpointRefusesAnyOtherUserAgent) {
    const std::string token = access_token();
    const json placed = parse_body(post_order(tutorial_order_body(), token))["result"];
    const std::vector<std::string> gets = {kUsers,
                                           "/pricing/openapi/purchase/v1/product_list",
                                           "/pricing/openapi/purchase/v1/purchase_product_info?productId=15",
                                           "/user/openapi/user/v1/client/billing_contact_list",
                                           "/order/openapi/order/v1/page",
                                           "/order/openapi/order/v1/get/" +
                                               placed["orderId"].get<std::string>()};
    for (const std::string user_agent : {"openapi", "OpenAPI 1.0", "OpenAPI/1.0", "curl/7.88.1", ""}) {
        SCOPED_TRACE("User-Agent \"" + user_agent + "\"");
        for (const auto& path : gets)
            expect_refusal(client().Get(path.c_str(), headers_with(user_agent, token)), "OpenAPI");
        expect_refusal(client().Post(kTokenPath, {{"User-Agent", user_agent}},
                                     httplib::Params{{"client_id", "demo-client-id"},
                                                     {"client_secret", "demo-client-secret"},
                                                     {"grant_type", "pp_credentials"}}),
                       "OpenAPI");
        expect_refusal(client().Post("/order/openapi/order/v1/save", headers_with(user_agent, token),
                                     tutorial_order_body(), "application/json"),
                       "OpenAPI");
    }
}

TEST_F(RequiredUserAgentTest, ARefusedSaveIsNotCommitted) {
    const std::string token = access_token();
    expect_refusal(client().Post("/order/openapi/order/v1/save", headers_with("Mozilla/5.0", token),
                                 tutorial_order_body(), "application/json"),
                   "OpenAPI");
    EXPECT_EQ(orders_log(), json::array());
    EXPECT_EQ(parse_body(get_api("/order/openapi/order/v1/page", token))["result"]["total"], 0);
}

TEST_F(RequiredUserAgentTest, ARequestWithoutUserAgentIsRefusedToo) {
    const std::string token = access_token();
    const std::string reply = raw_exchange(
        port(), std::string("GET ") + kUsers +
                    " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nAuthorization: Bearer " + token +
                    "\r\n\r\n");
    ASSERT_EQ(reply.rfind("HTTP/1.1 400", 0), 0u) << reply;
    const json body = json::parse(reply.substr(reply.find("\r\n\r\n") + 4));
    EXPECT_EQ(body["code"], "invalid_user_agent");
    EXPECT_TRUE(body["result"].is_null());
}

TEST_F(RequiredUserAgentTest, TwoUserAgentHeadersAreRefused) {
    const std::string token = access_token();
    const std::string reply = raw_exchange(port(), std::string("GET ") + kUsers +
                                                       " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                                                       "User-Agent: OpenAPI\r\nUser-Agent: other\r\n"
                                                       "Authorization: Bearer " +
                                                       token + "\r\n\r\n");
    ASSERT_EQ(reply.rfind("HTTP/1.1 400", 0), 0u) << reply;
    EXPECT_NE(reply.find("invalid_user_agent"), std::string::npos) << reply;
}

TEST_F(RequiredUserAgentTest, ARefusedRequestUsesUpNoFault) {
    const std::string token = access_token();
    add_fault({{"endpoint", "save"}, {"kind", "commit_then_drop"}});
    expect_refusal(client().Post("/order/openapi/order/v1/save", headers_with("other", token),
                                 tutorial_order_body(), "application/json"),
                   "OpenAPI");
    EXPECT_EQ(orders_log(), json::array());
    EXPECT_FALSE(post_order(tutorial_order_body(), token)); // the fault still applies to the next save
    EXPECT_EQ(orders_log().size(), 1u);
}

TEST_F(RequiredUserAgentTest, ControlEndpointsAndStaticFilesNeedNoUserAgent) {
    const auto dir =
        std::filesystem::temp_directory_path() / ("renewdesk-sandbox-ua-" + std::to_string(getpid()));
    std::filesystem::create_directories(dir);
    std::ofstream(dir / "index.html") << "<!DOCTYPE html><title>RenewDesk</title>";
    sandbox::SandboxOptions options;
    options.required_user_agent = "OpenAPI";
    options.serve_dir = dir.string();
    restart(options);

    auto info = client().Get("/__sandbox/info", {{"User-Agent", "Mozilla/5.0"}});
    ASSERT_TRUE(info);
    EXPECT_EQ(info->status, 200);
    EXPECT_EQ(parse_body(info)["requiredUserAgent"], "OpenAPI");
    auto page = client().Get("/", {{"User-Agent", "Mozilla/5.0"}});
    ASSERT_TRUE(page);
    EXPECT_EQ(page->status, 200);
    EXPECT_NE(page->body.find("RenewDesk"), std::string::npos);
    std::filesystem::remove_all(dir);
}

TEST_F(RequiredUserAgentTest, AnyRequiredValueWorks) {
    sandbox::SandboxOptions options;
    options.required_user_agent = "RenewDesk/1.0 (desktop)";
    restart(options);
    auto token = client().Post(kTokenPath, {{"User-Agent", "RenewDesk/1.0 (desktop)"}},
                               httplib::Params{{"client_id", "demo-client-id"},
                                               {"client_secret", "demo-client-secret"},
                                               {"grant_type", "pp_credentials"}});
    expect_envelope(token, 200, "success");
    const std::string access = parse_body(token)["result"]["token"];
    expect_envelope(client().Get(kUsers, headers_with("RenewDesk/1.0 (desktop)", access)), 200, "success");
    expect_refusal(client().Get(kUsers, headers_with("OpenAPI", access)), "RenewDesk/1.0 (desktop)");
}

using DefaultUserAgentTest = SandboxTest;

TEST_F(DefaultUserAgentTest, WithoutTheOptionAnyPresentUserAgentIsAccepted) {
    const std::string token = access_token();
    for (const std::string user_agent : {"OpenAPI", "curl/7.88.1", "Mozilla/5.0 (X11; Linux x86_64)"})
        expect_envelope(
            client().Get(kUsers, {{"User-Agent", user_agent}, {"Authorization", "Bearer " + token}}), 200,
            "success");
    const json info = parse_body(client().Get("/__sandbox/info"));
    EXPECT_TRUE(info.contains("requiredUserAgent"));
    EXPECT_TRUE(info["requiredUserAgent"].is_null());
}

} // namespace
} // namespace sandbox_test
