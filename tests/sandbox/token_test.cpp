// Token endpoint and bearer checks of the sandbox.
#include "tests/sandbox/sandbox_test_support.h"

#include <thread>

namespace sandbox_test {
namespace {

constexpr const char* kTokenPath = "/auth/openapi/v1/oauth/token";

using TokenTest = SandboxTest;

void expect_token_details(const json& result, const std::string& lifetime) {
    ASSERT_TRUE(result.is_object());
    EXPECT_EQ(result["expiresIn"], lifetime); // a STRING holding seconds
    EXPECT_EQ(result["tokenHead"], "Bearer ");
    ASSERT_TRUE(result["token"].is_string());
    ASSERT_TRUE(result["refreshToken"].is_string());
    EXPECT_FALSE(result["token"].get<std::string>().empty());
    EXPECT_NE(result["token"], result["refreshToken"]);
}

TEST_F(TokenTest, IssuesTokenForUrlEncodedCredentials) {
    auto result =
        client().Post(kTokenPath, {{"User-Agent", "OpenAPI"}},
                      "client_id=demo-client-id&client_secret=demo-client-secret&grant_type=pp_credentials",
                      "application/x-www-form-urlencoded");
    expect_envelope(result, 200, "success");
    expect_token_details(parse_body(result)["result"], "1800");
}

TEST_F(TokenTest, IssuesTokenForMultipartCredentials) {
    auto result =
        client().Post(kTokenPath, {{"User-Agent", "OpenAPI"}},
                      httplib::MultipartFormDataItems{{"client_id", "demo-client-id", "", ""},
                                                      {"client_secret", "demo-client-secret", "", ""},
                                                      {"grant_type", "pp_credentials", "", ""}});
    expect_envelope(result, 200, "success");
    const json token = parse_body(result)["result"];
    expect_token_details(token, "1800");
    expect_envelope(get_api("/user/openapi/user/v1/client/partner_list", token["token"]), 200, "success");
}

TEST_F(TokenTest, JsonTokenRequestIsRejectedWithApiError) {
    auto result = client().Post(
        kTokenPath, {{"User-Agent", "OpenAPI"}},
        R"({"client_id":"demo-client-id","client_secret":"demo-client-secret","grant_type":"pp_credentials"})",
        "application/json");
    expect_envelope(result, 400, "parameter_validation_failed");
    EXPECT_EQ(parse_body(result)["result"]["field"], "Content-Type");
}

TEST_F(TokenTest, WrongSecretIs401InvalidClient) {
    auto result = client().Post(kTokenPath, {{"User-Agent", "OpenAPI"}},
                                httplib::Params{{"client_id", "demo-client-id"},
                                                {"client_secret", "wrong"},
                                                {"grant_type", "pp_credentials"}});
    expect_envelope(result, 401, "invalid_client");
}

TEST_F(TokenTest, CredentialsInTheQueryStringAreIgnored) {
    auto result = client().Post(
        "/auth/openapi/v1/oauth/token?client_id=demo-client-id&client_secret=demo-client-secret",
        {{"User-Agent", "OpenAPI"}}, httplib::Params{{"grant_type", "pp_credentials"}});
    expect_envelope(result, 400, "parameter_validation_failed");
    EXPECT_EQ(parse_body(result)["result"]["field"], "client_id");
}

TEST_F(TokenTest, UnknownGrantTypeIsAValidationFailure) {
    auto result = client().Post(kTokenPath, {{"User-Agent", "OpenAPI"}},
                                httplib::Params{{"client_id", "demo-client-id"},
                                                {"client_secret", "demo-client-secret"},
                                                {"grant_type", "client_credentials"}});
    expect_envelope(result, 400, "parameter_validation_failed");
    EXPECT_EQ(parse_body(result)["result"], (json{{"field", "grant_type"}, {"tag", "oneof"}}));
}

TEST_F(TokenTest, TokenRequestWithoutUserAgentIs400) {
    const std::string form =
        "client_id=demo-client-id&client_secret=demo-client-secret&grant_type=pp_credentials";
    const std::string reply = raw_exchange(port(), std::string("POST ") + kTokenPath +
                                                       " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                                                       "Content-Type: application/x-www-form-urlencoded\r\n"
                                                       "Content-Length: " +
                                                       std::to_string(form.size()) + "\r\n\r\n" + form);
    ASSERT_EQ(reply.rfind("HTTP/1.1 400", 0), 0u) << reply;
    const json body = json::parse(reply.substr(reply.find("\r\n\r\n") + 4));
    EXPECT_EQ(body["code"], "parameter_validation_failed");
    EXPECT_EQ(body["result"]["field"], "User-Agent");
    EXPECT_EQ(body["status"], 400);
}

TEST_F(TokenTest, RefreshRotatesTheRefreshToken) {
    const json first = request_token_result();
    const auto refresh = [&](const std::string& refresh_token) {
        return client().Post(
            kTokenPath, {{"User-Agent", "OpenAPI"}},
            httplib::Params{{"grant_type", "refresh_token"}, {"refresh_token", refresh_token}});
    };
    auto second = refresh(first["refreshToken"]);
    expect_envelope(second, 200, "success");
    const json rotated = parse_body(second)["result"];
    expect_token_details(rotated, "1800");
    EXPECT_NE(rotated["refreshToken"], first["refreshToken"]);
    EXPECT_NE(rotated["token"], first["token"]);

    expect_envelope(refresh(first["refreshToken"]), 401, "invalid_refresh_token"); // used once already
    expect_envelope(get_api("/pricing/openapi/purchase/v1/product_list", rotated["token"]), 200, "success");
    expect_envelope(refresh(rotated["refreshToken"]), 200, "success");
    expect_envelope(refresh("not-a-token"), 401, "invalid_refresh_token");
}

TEST_F(TokenTest, ApiCallWithoutAuthorizationIs401Unauthorized) {
    auto result = client().Get("/user/openapi/user/v1/client/partner_list", {{"User-Agent", "OpenAPI"}});
    expect_envelope(result, 401, "unauthorized");
}

TEST_F(TokenTest, ApiCallWithUnknownOrRefreshTokenIs401Unauthorized) {
    expect_envelope(get_api("/user/openapi/user/v1/client/partner_list", "made.up.token"), 401,
                    "unauthorized");
    const json token = request_token_result();
    expect_envelope(get_api("/user/openapi/user/v1/client/partner_list", token["refreshToken"]), 401,
                    "unauthorized");
    auto doubled = client().Get(
        "/user/openapi/user/v1/client/partner_list",
        {{"User-Agent", "OpenAPI"}, {"Authorization", "Bearer Bearer " + token["token"].get<std::string>()}});
    expect_envelope(doubled, 401, "unauthorized");
}

TEST_F(TokenTest, ApiCallWithoutUserAgentIs400) {
    const std::string token = access_token();
    const std::string reply =
        raw_exchange(port(), "GET /user/openapi/user/v1/client/partner_list HTTP/1.1\r\n"
                             "Host: localhost\r\nConnection: close\r\nAuthorization: Bearer " +
                                 token + "\r\n\r\n");
    ASSERT_EQ(reply.rfind("HTTP/1.1 400", 0), 0u) << reply;
    const json body = json::parse(reply.substr(reply.find("\r\n\r\n") + 4));
    EXPECT_EQ(body["result"]["field"], "User-Agent");
}

TEST_F(TokenTest, ExpireTokensMakesAccessTokensExpiredButRefreshStillWorks) {
    const json token = request_token_result();
    auto expire = client().Post("/__sandbox/expire_tokens", "", "application/json");
    ASSERT_TRUE(expire);
    EXPECT_EQ(expire->status, 200);
    expect_envelope(get_api("/user/openapi/user/v1/client/partner_list", token["token"]), 401,
                    "token_expired");

    auto refreshed =
        client().Post(kTokenPath, {{"User-Agent", "OpenAPI"}},
                      httplib::Params{{"grant_type", "refresh_token"},
                                      {"refresh_token", token["refreshToken"].get<std::string>()}});
    expect_envelope(refreshed, 200, "success");
    expect_envelope(
        get_api("/user/openapi/user/v1/client/partner_list", parse_body(refreshed)["result"]["token"]), 200,
        "success");
}

TEST_F(TokenTest, AccessTokenExpiresAfterConfiguredLifetime) {
    auto config = client().Post("/__sandbox/config", R"({"token_lifetime_s": 1})", "application/json");
    ASSERT_TRUE(config);
    EXPECT_EQ(parse_body(config)["token_lifetime_s"], 1);
    const json token = request_token_result();
    EXPECT_EQ(token["expiresIn"], "1");
    expect_envelope(get_api("/pricing/openapi/purchase/v1/product_list", token["token"]), 200, "success");
    std::this_thread::sleep_for(std::chrono::milliseconds(1100));
    expect_envelope(get_api("/pricing/openapi/purchase/v1/product_list", token["token"]), 401,
                    "token_expired");
}

TEST_F(TokenTest, TokenLifetimeOptionSetsExpiresIn) {
    sandbox::SandboxOptions options;
    options.token_lifetime_s = 60;
    restart(options);
    EXPECT_EQ(request_token_result()["expiresIn"], "60");
}

} // namespace
} // namespace sandbox_test
