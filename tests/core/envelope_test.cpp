#include "envelope.h"

#include "fake_transport.h"
#include "fixtures.h"

#include <gtest/gtest.h>

using namespace rd;
using namespace rd::test;

TEST(Envelope, TutorialResponseYieldsResultAndRequestId) {
    auto reply = decode_envelope(raw(200, fixture_text("tutorial_order_response.json")));
    ASSERT_TRUE(reply.ok());
    EXPECT_EQ(reply.value().request_id, "c082da4285b4bc4118c0db63d5d74f45");
    EXPECT_EQ(reply.value().result["orderNo"], "MK3400814131142238208");
}

TEST(Envelope, ApiErrorCarriesCodeDetailRequestIdAndStatus) {
    auto reply = decode_envelope(api_error(400, "parameter_validation_failed", "billingId is invalid", "abc123"));
    ASSERT_FALSE(reply.ok());
    const ApiError& e = reply.error();
    EXPECT_EQ(e.kind, ErrorKind::api);
    EXPECT_EQ(e.http_status, 400);
    EXPECT_EQ(e.code, "parameter_validation_failed");
    EXPECT_EQ(e.detail_message, "billingId is invalid");
    EXPECT_EQ(e.request_id, "abc123");
    EXPECT_NE(e.describe().find("abc123"), std::string::npos);
}

TEST(Envelope, ErrorCodeWithHttp200IsStillAnError) {
    auto reply = decode_envelope(api_error(200, "insufficient_balance", "not enough credit"));
    ASSERT_FALSE(reply.ok());
    EXPECT_EQ(reply.error().kind, ErrorKind::api);
}

TEST(Envelope, Status401IsAnAuthError) {
    auto reply = decode_envelope(api_error(401, "token_expired", "expired"));
    ASSERT_FALSE(reply.ok());
    EXPECT_EQ(reply.error().kind, ErrorKind::auth);
}

TEST(Envelope, HtmlErrorPageIsAnHttpErrorWithItsTitle) {
    auto reply = decode_envelope(raw(502, "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>", "text/html"));
    ASSERT_FALSE(reply.ok());
    EXPECT_EQ(reply.error().kind, ErrorKind::http);
    EXPECT_EQ(reply.error().http_status, 502);
    EXPECT_EQ(reply.error().excerpt, "502 Bad Gateway");
}

TEST(Envelope, TruncatedBodyIsAParseErrorWithExcerpt) {
    std::string whole = fixture_text("tutorial_order_response.json");
    auto reply = decode_envelope(raw(200, whole.substr(0, whole.size() / 2)));
    ASSERT_FALSE(reply.ok());
    EXPECT_EQ(reply.error().kind, ErrorKind::parse);
    EXPECT_FALSE(reply.error().excerpt.empty());
    EXPECT_LE(reply.error().excerpt.size(), 170u);
}

TEST(Envelope, JsonWithoutEnvelopeIsAParseError) {
    auto reply = decode_envelope(raw(200, "[1,2,3]"));
    ASSERT_FALSE(reply.ok());
    EXPECT_EQ(reply.error().kind, ErrorKind::parse);
}

TEST(Envelope, EmptyBodyIsAParseError) {
    auto reply = decode_envelope(raw(200, ""));
    ASSERT_FALSE(reply.ok());
    EXPECT_EQ(reply.error().kind, ErrorKind::parse);
}

TEST(Envelope, TransportFailuresSayWhetherTheRequestMayHaveLeft) {
    auto refused = decode_envelope(failure(TransportFailure::could_not_send));
    EXPECT_EQ(refused.error().kind, ErrorKind::network);
    EXPECT_FALSE(refused.error().request_may_have_left);
    auto timeout = decode_envelope(failure(TransportFailure::timed_out));
    EXPECT_TRUE(timeout.error().timed_out);
    EXPECT_TRUE(timeout.error().request_may_have_left);
    EXPECT_TRUE(decode_envelope(failure(TransportFailure::connection_lost)).error().request_may_have_left);
}

TEST(Envelope, TokenBodiesNeverLeakIntoExcerpts) {
    auto reply = decode_envelope(raw(200, R"({"token": "SECRET-TOKEN-VALUE", "refresh)"), BodySecrets::may_contain_tokens);
    ASSERT_FALSE(reply.ok());
    EXPECT_TRUE(reply.error().excerpt.empty());
    EXPECT_EQ(reply.error().describe().find("SECRET"), std::string::npos);
}
