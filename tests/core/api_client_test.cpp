#include "core/api_client.h"

#include "core/api_paths.h"
#include "core/text.h"
#include "tests/core/fake_transport.h"

#include <gtest/gtest.h>

using namespace rd;
using namespace rd::test;

namespace {

constexpr const char* token_path = paths::token;
constexpr const char* users_path = paths::subordinate_users;

struct ApiClientTest : ::testing::Test {
    FakeTransport transport;
    FakeClock clock;
    ApiClient client{transport, clock, {.base_url = "https://api.example.invalid/"}};
    int replies = 0;
    std::optional<Result<ApiReply>> last;

    ApiClient::ReplyHandler record() {
        return [this](Result<ApiReply> reply) {
            ++replies;
            last = std::move(reply);
        };
    }

    void sign_in(const std::string& token = "access-1", const std::string& expires_in = "1800") {
        bool done = false;
        client.sign_in("my id", "s3cr&t=", [&](Result<Done> r) { done = r.ok(); });
        transport.reply(token_path, ok(token_result(token, "refresh-1", expires_in)));
        ASSERT_TRUE(done);
    }
};

} // namespace

TEST_F(ApiClientTest, SignInPostsFormEncodedPpCredentialsWithoutAuthorization) {
    client.sign_in("my id", "s3cr&t=", [](Result<Done>) {});
    ASSERT_EQ(transport.sent.size(), 1u);
    const HttpRequest& r = transport.sent[0];
    EXPECT_EQ(r.method, "POST");
    EXPECT_EQ(r.url, "https://api.example.invalid/auth/openapi/v1/oauth/token");
    EXPECT_EQ(header(r, "User-Agent"), "OpenAPI");
    EXPECT_EQ(header(r, "Content-Type"), "application/x-www-form-urlencoded");
    EXPECT_EQ(header(r, "Authorization"), "");
    EXPECT_EQ(r.body, "grant_type=pp_credentials&client_id=my+id&client_secret=s3cr%26t%3D");
}

TEST_F(ApiClientTest, SignInFailureReportsTheApiError) {
    std::optional<Result<Done>> result;
    client.sign_in("id", "wrong", [&](Result<Done> r) { result = r; });
    transport.reply(token_path, api_error(401, "invalid_client", "bad credentials", "req-1"));
    ASSERT_TRUE(result && !result->ok());
    EXPECT_EQ(result->error().kind, ErrorKind::auth);
    EXPECT_EQ(result->error().request_id, "req-1");
    EXPECT_FALSE(client.signed_in());
}

TEST_F(ApiClientTest, GetCarriesUserAgentAndTokenHeadPlusToken) {
    sign_in();
    client.get(users_path, record());
    const HttpRequest& r = transport.sent.back();
    EXPECT_EQ(r.method, "GET");
    EXPECT_EQ(header(r, "Authorization"), "Bearer access-1");
    EXPECT_EQ(header(r, "User-Agent"), "OpenAPI");
    transport.reply(users_path, ok(nlohmann::json::array()));
    ASSERT_EQ(replies, 1);
    EXPECT_TRUE(last->ok());
}

TEST_F(ApiClientTest, MissingTokenHeadFallsBackToBearer) {
    client.sign_in("id", "secret", [](Result<Done>) {});
    transport.reply(token_path, ok({{"expiresIn", "1800"}, {"token", "tok"}}));
    client.get(users_path, record());
    EXPECT_EQ(header(transport.sent.back(), "Authorization"), "Bearer tok");
}

TEST_F(ApiClientTest, TokenIsNotRefreshedWellBeforeExpiry) {
    sign_in();
    clock.now += 25 * 60 * 1000; // 25 of 30 minutes
    client.get(users_path, record());
    EXPECT_EQ(transport.sent_count(token_path), 1u);
    EXPECT_EQ(transport.pending_count(users_path), 1u);
}

TEST_F(ApiClientTest, TokenIsRefreshedBeforeThirtyMinuteExpiry) {
    sign_in();
    clock.now += 28 * 60 * 1000; // inside the last tenth of the lifetime
    client.get(users_path, record());
    ASSERT_EQ(transport.sent_count(token_path), 2u);
    EXPECT_EQ(transport.pending_count(users_path), 0u); // waits for the new token
    EXPECT_EQ(transport.sent.back().body, "grant_type=refresh_token&refresh_token=refresh-1");
    transport.reply(token_path, ok(token_result("access-2", "refresh-2")));
    ASSERT_EQ(transport.pending_count(users_path), 1u);
    EXPECT_EQ(header(transport.sent.back(), "Authorization"), "Bearer access-2");
}

TEST_F(ApiClientTest, ConcurrentGetsShareOneRefresh) {
    sign_in();
    clock.now += 29 * 60 * 1000;
    client.get("/a", record());
    client.get("/b", record());
    client.get("/c", record());
    EXPECT_EQ(transport.sent_count(token_path), 2u);
    transport.reply(token_path, ok(token_result("access-2", "refresh-2")));
    EXPECT_EQ(transport.pending.size(), 3u);
}

TEST_F(ApiClientTest, RefusedRefreshTokenFallsBackToCredentialsOnce) {
    sign_in();
    clock.now += 29 * 60 * 1000;
    client.get(users_path, record());
    transport.reply(token_path, api_error(401, "invalid_refresh_token", "no"));
    ASSERT_EQ(transport.sent_count(token_path), 3u);
    EXPECT_NE(transport.sent.back().body.find("grant_type=pp_credentials"), std::string::npos);
    transport.reply(token_path, ok(token_result("access-3", "refresh-3")));
    EXPECT_EQ(header(transport.sent.back(), "Authorization"), "Bearer access-3");
}

TEST_F(ApiClientTest, AfterTheTokenEndpointFailedTheNextRequestAsksWithTheCredentialsAgain) {
    sign_in();
    clock.now += 29 * 60 * 1000;
    client.get(users_path, record());
    transport.reply(token_path, raw(503, "Service Unavailable")); // the refresh
    transport.reply(token_path, raw(503, "Service Unavailable")); // the credentials fallback
    ASSERT_TRUE(last && !last->ok());
    const std::size_t tokens_before = transport.sent_count(token_path);
    client.get(users_path, record()); // the endpoint is back: the person presses Retry
    ASSERT_EQ(transport.sent_count(token_path), tokens_before + 1) << "not stuck on 'You are not signed in'";
    EXPECT_NE(transport.sent.back().body.find("grant_type=pp_credentials"), std::string::npos);
    transport.reply(token_path, ok(token_result("access-4", "refresh-4")));
    EXPECT_EQ(header(transport.sent.back(), "Authorization"), "Bearer access-4");
}

TEST_F(ApiClientTest, Get401RefreshesAndRetriesOnce) {
    sign_in();
    client.get(users_path, record());
    transport.reply(users_path, api_error(401, "token_expired", "expired"));
    EXPECT_EQ(replies, 0);
    ASSERT_EQ(transport.sent_count(token_path), 2u);
    transport.reply(token_path, ok(token_result("access-2", "refresh-2")));
    ASSERT_EQ(transport.sent_count(users_path), 2u);
    EXPECT_EQ(header(transport.sent.back(), "Authorization"), "Bearer access-2");
    transport.reply(users_path, ok(nlohmann::json::array()));
    ASSERT_EQ(replies, 1);
    EXPECT_TRUE(last->ok());
}

TEST_F(ApiClientTest, GetResponseRefreshesOn401AndHandsOverTheRawReply) {
    sign_in();
    std::optional<Result<HttpResponse>> response;
    client.get_response(users_path, [&](Result<HttpResponse> r) { response = std::move(r); });
    transport.reply(users_path, api_error(401, "token_expired", "expired"));
    EXPECT_FALSE(response);
    transport.reply(token_path, ok(token_result("access-2", "refresh-2")));
    ASSERT_EQ(transport.sent_count(users_path), 2u);
    EXPECT_EQ(header(transport.sent.back(), "Authorization"), "Bearer access-2");
    transport.reply(users_path, api_error(401, "ip_not_allowed", "denied", "req-9"));
    ASSERT_TRUE(response && response->ok()); // the second 401 is the caller's to read
    EXPECT_EQ(response->value().status, 401);
    EXPECT_EQ(decode_envelope(response->value()).error().request_id, "req-9");
}

TEST_F(ApiClientTest, GetResponseWithoutTokenReportsNotSignedIn) {
    std::optional<Result<HttpResponse>> response;
    client.get_response(users_path, [&](Result<HttpResponse> r) { response = std::move(r); });
    ASSERT_TRUE(response && !response->ok());
    EXPECT_EQ(response->error().kind, ErrorKind::auth);
    EXPECT_EQ(transport.sent_count(users_path), 0u);
}

TEST_F(ApiClientTest, SecondGet401IsReportedNotRetriedAgain) {
    sign_in();
    client.get(users_path, record());
    transport.reply(users_path, api_error(401, "token_expired", "expired"));
    transport.reply(token_path, ok(token_result("access-2", "refresh-2")));
    transport.reply(users_path, api_error(401, "ip_not_allowed", "denied", "req-9"));
    ASSERT_EQ(replies, 1);
    ASSERT_FALSE(last->ok());
    EXPECT_EQ(last->error().request_id, "req-9");
    EXPECT_EQ(transport.sent_count(users_path), 2u);
}

TEST_F(ApiClientTest, Post401IsNeverRetried) {
    sign_in();
    client.post_json(paths::create_order, "{}", record());
    transport.reply("/save", api_error(401, "token_expired", "expired"));
    ASSERT_EQ(replies, 1);
    EXPECT_EQ(last->error().kind, ErrorKind::auth);
    EXPECT_EQ(transport.sent_count("/save"), 1u);
    EXPECT_EQ(transport.sent_count(token_path), 1u);
}

TEST_F(ApiClientTest, PostTimeoutIsNeverRetried) {
    sign_in();
    client.post_json(paths::create_order, "{\"a\":1}", record());
    const HttpRequest& r = transport.sent.back();
    EXPECT_EQ(header(r, "Content-Type"), "application/json");
    EXPECT_EQ(r.body, "{\"a\":1}");
    transport.reply("/save", failure(TransportFailure::timed_out));
    ASSERT_EQ(replies, 1);
    EXPECT_TRUE(last->error().timed_out);
    for (int i = 0; i < 3; ++i)
        transport.poll();
    EXPECT_EQ(transport.sent_count("/save"), 1u);
}

TEST_F(ApiClientTest, RequestsBeforeSignInFailWithoutSending) {
    client.get(users_path, record());
    ASSERT_EQ(replies, 1);
    EXPECT_EQ(last->error().kind, ErrorKind::auth);
    EXPECT_TRUE(transport.sent.empty());
}

TEST_F(ApiClientTest, SignOutCancelsInFlightRequestsAndDropsTheirReplies) {
    sign_in();
    client.get(users_path, record());
    client.sign_out();
    EXPECT_EQ(transport.cancelled, 1);
    EXPECT_TRUE(transport.pending.empty());
    EXPECT_FALSE(client.signed_in());
    EXPECT_EQ(replies, 0);
}

TEST_F(ApiClientTest, RedactedCurlNeverContainsTokenOrSecret) {
    sign_in("very-secret-token");
    std::string curl = client.redacted_curl("POST", paths::create_order, R"({"note":"it's"})");
    EXPECT_EQ(curl.find("very-secret-token"), std::string::npos);
    EXPECT_EQ(curl.find("s3cr"), std::string::npos);
    EXPECT_NE(curl.find("Authorization: Bearer <ACCESS_TOKEN>"), std::string::npos);
    EXPECT_NE(curl.find(R"('{"note":"it'\''s"}')"), std::string::npos);
    EXPECT_NE(curl.find("'https://api.example.invalid/order/openapi/order/v1/save'"), std::string::npos);
}

// The token reply's parsed JSON is wiped once the grant is taken from it (ApiClient does so): every
// string, however deep, is emptied; the keys and the numbers stay.
TEST(SecretWipe, EveryStringOfAParsedReplyIsWiped) {
    Json reply = {{"token", "access-1"},
                  {"refreshToken", std::string(300, 'r')},
                  {"expiresIn", 1800},
                  {"nested", {{"list", {"a", "b", {{"deep", "secret"}}}}}}};
    wipe_json_strings(reply);
    EXPECT_EQ(reply["token"], "");
    EXPECT_EQ(reply["refreshToken"], "");
    EXPECT_EQ(reply["expiresIn"], 1800);
    EXPECT_EQ(reply["nested"]["list"][2]["deep"], "");
    EXPECT_EQ(reply.dump().find("secret"), std::string::npos);
}

TEST_F(ApiClientTest, SignInStillWorksAndTheFormCarriesTheEncodedCredentials) {
    client.sign_in("id with space", "s3cr&t", [](Result<Done>) {});
    ASSERT_EQ(transport.pending.size(), 1u);
    EXPECT_EQ(transport.pending[0].request.body,
              "grant_type=pp_credentials&client_id=id+with+space&client_secret=s3cr%26t");
    transport.reply("/oauth/token", ok(token_result("access-9")));
    EXPECT_TRUE(client.signed_in());
}
