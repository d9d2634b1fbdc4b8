// The transports overwrite what a finished or cancelled request held (the token request's
// client_secret=..., the Authorization header) with wipe_request() from platform_transport.h.
#include "platform_transport.h"

#include <gtest/gtest.h>

#include <array>

TEST(RequestWipe, WipeBytesZeroesEveryByte) {
    std::array<char, 32> buffer{};
    const std::string secret = "client_secret=demo-client-secret";
    std::copy(secret.begin(), secret.end(), buffer.begin());
    rd::wipe_bytes(buffer.data(), buffer.size());
    EXPECT_EQ(buffer, (std::array<char, 32>{}));
}

TEST(RequestWipe, WipeStringEmptiesAndGivesTheMemoryBack) {
    std::string body = "grant_type=pp_credentials&client_id=demo-client-id&client_secret=demo-client-secret";
    body.reserve(4096);
    rd::wipe_string(body);
    EXPECT_TRUE(body.empty());
    EXPECT_EQ(body.capacity(), std::string().capacity());

    std::string short_text = "s3cr3t"; // kept inside the string object itself
    rd::wipe_string(short_text);
    EXPECT_TRUE(short_text.empty());
}

TEST(RequestWipe, WipeRequestClearsBodyAndHeaderValuesOnly) {
    rd::HttpRequest request{
        .method = "POST",
        .url = "https://api.example/auth/openapi/v1/oauth/token",
        .headers = {{"Authorization", "Bearer eyJhbGciOi.token"}, {"User-Agent", "OpenAPI"}},
        .body = "grant_type=pp_credentials&client_secret=demo-client-secret",
        .timeout_ms = 1234};
    rd::wipe_request(request);
    EXPECT_TRUE(request.body.empty());
    ASSERT_EQ(request.headers.size(), 2u);
    EXPECT_EQ(request.headers[0].name, "Authorization");
    EXPECT_TRUE(request.headers[0].value.empty());
    EXPECT_TRUE(request.headers[1].value.empty());
    EXPECT_EQ(request.url, "https://api.example/auth/openapi/v1/oauth/token");
    EXPECT_EQ(request.timeout_ms, 1234);
}
