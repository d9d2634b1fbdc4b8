#include "core/envelope.h"
#include "core/plain_json.h"
#include "core/strict_json.h"

#include "tests/core/fake_transport.h"
#include "tests/core/fixtures.h"

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
    auto reply =
        decode_envelope(api_error(400, "parameter_validation_failed", "billingId is invalid", "abc123"));
    ASSERT_FALSE(reply.ok());
    const ApiError& e = reply.error();
    EXPECT_EQ(e.kind, ErrorKind::api);
    EXPECT_EQ(e.http_status, 400);
    EXPECT_EQ(e.code, "parameter_validation_failed");
    EXPECT_EQ(e.api_text, "billingId is invalid");
    EXPECT_EQ(e.detail.kind, DetailKind::none);
    EXPECT_EQ(e.request_id, "abc123");
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
    auto reply = decode_envelope(
        raw(502, "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>"));
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
    auto untrusted = decode_envelope(failure(TransportFailure::untrusted_certificate));
    EXPECT_EQ(untrusted.error().kind, ErrorKind::network);
    EXPECT_TRUE(untrusted.error().untrusted_certificate);
    EXPECT_FALSE(untrusted.error().request_may_have_left); // refused in the handshake: no order can have left
}

TEST(Envelope, TransportFailuresKeepTheTransportsWordsAsTheyCame) {
    for (TransportFailure way : {TransportFailure::could_not_send, TransportFailure::connection_lost,
                                 TransportFailure::timed_out, TransportFailure::untrusted_certificate}) {
        const ApiError error = decode_envelope(failure(way)).error();
        EXPECT_EQ(error.kind, ErrorKind::network);
        EXPECT_EQ(error.detail.kind, DetailKind::none);
        EXPECT_EQ(error.transport_text, failure(way).failure_text);
        EXPECT_TRUE(error.api_text.empty());
    }
}

TEST(Envelope, TokenBodiesNeverLeakIntoExcerpts) {
    auto reply = decode_envelope(raw(200, R"({"token": "SECRET-TOKEN-VALUE", "refresh)"),
                                 BodySecrets::may_contain_tokens);
    ASSERT_FALSE(reply.ok());
    EXPECT_TRUE(reply.error().excerpt.empty());
    EXPECT_EQ(reply.error().log_line().find("SECRET"), std::string::npos);
}

// ---- the sandbox's fault kinds, as the core sees them (tests/integration/fault_table_test.cpp has
// the same through libcurl) ----

namespace {

const std::string success_prefix =
    R"({"code":"success","detailMessage":"","requestId":"0123456789abcdef0123456789abcdef",)";

HttpResponse with_notes(HttpResponse response, std::string header_lines) {
    response.failure_text = std::move(header_lines);
    return response;
}

} // namespace

TEST(Envelope, AMemberNamedTwiceIsAParseErrorNamingIt) {
    const std::string body =
        success_prefix +
        R"("result":[{"billingContactId":"3197218168379846218","company":"A","billingContactId":"3197218168379846219"}],"status":200})";
    auto reply = decode_envelope(raw(200, body));
    ASSERT_FALSE(reply.ok());
    EXPECT_EQ(reply.error().kind, ErrorKind::parse);
    EXPECT_EQ(reply.error().detail.kind, DetailKind::member_twice);
    EXPECT_EQ(reply.error().detail.subject, "billingContactId");
    EXPECT_TRUE(reply.error().request_may_have_left);
    EXPECT_FALSE(reply.error().excerpt.empty());
}

TEST(Envelope, AnEnvelopeMemberNamedTwiceIsRefusedToo) {
    auto reply =
        decode_envelope(raw(200, R"({"code":"success","code":"system_busy","result":{},"status":200})"));
    ASSERT_FALSE(reply.ok());
    EXPECT_EQ(reply.error().detail, (ErrorDetail{.kind = DetailKind::member_twice, .subject = "code"}));
}

TEST(Envelope, TheSameNameInDifferentObjectsIsFine) {
    const std::string body =
        success_prefix + R"("result":[{"id":"1","o":{"id":"2"}},{"id":"3"}],"status":200})";
    auto reply = decode_envelope(raw(200, body));
    ASSERT_TRUE(reply.ok()) << reply.error().log_line();
    EXPECT_EQ(reply.value().result[0]["o"]["id"], "2");
    EXPECT_EQ(reply.value().result[1]["id"], "3");
}

TEST(Envelope, RateLimitSaysWhenToTryAgain) {
    auto reply = decode_envelope(
        with_notes(api_error(429, "too_many_requests", "Too many requests"), "Retry-After: 30"));
    ASSERT_FALSE(reply.ok());
    const ApiError& e = reply.error();
    EXPECT_EQ(e.kind, ErrorKind::api);
    EXPECT_EQ(e.http_status, 429);
    EXPECT_EQ(e.code, "too_many_requests");
    EXPECT_EQ(e.detail, (ErrorDetail{.kind = DetailKind::busy, .number = 30}));
    EXPECT_EQ(e.api_text, "Too many requests");
}

TEST(Envelope, RetryAfterInMinutesAsADateOrMissing) {
    auto when = [](const std::string& notes) {
        return decode_envelope(with_notes(raw(429, "Too Many Requests"), notes)).error().detail;
    };
    auto busy = [](std::int64_t seconds, std::string date = {}) {
        return ErrorDetail{.kind = DetailKind::busy, .value = std::move(date), .number = seconds};
    };
    EXPECT_EQ(when("Retry-After: 1"), busy(1));
    EXPECT_EQ(when("Retry-After: 600"), busy(600));
    EXPECT_EQ(when("retry-after:  90\r"), busy(90));
    EXPECT_EQ(when("Retry-After: Wed, 21 Oct 2015 07:28:00 GMT"), busy(-1, "Wed, 21 Oct 2015 07:28:00 GMT"));
    EXPECT_EQ(when(""), busy(-1));
    EXPECT_EQ(when("Location: http://elsewhere.invalid/"), busy(-1));
}

TEST(Envelope, ServiceUnavailableWithOrWithoutAnEnvelopeSaysTryAgain) {
    auto with_envelope = decode_envelope(api_error(503, "maintenance", "Back at 10:00"));
    ASSERT_FALSE(with_envelope.ok());
    EXPECT_EQ(with_envelope.error().kind, ErrorKind::api);
    EXPECT_EQ(with_envelope.error().detail.kind, DetailKind::unavailable);
    EXPECT_EQ(with_envelope.error().detail.number, -1); // no Retry-After: "later"
    EXPECT_EQ(with_envelope.error().api_text, "Back at 10:00");
    auto plain = decode_envelope(raw(503, "503 Service Unavailable\n"));
    ASSERT_FALSE(plain.ok());
    EXPECT_EQ(plain.error().kind, ErrorKind::http);
    EXPECT_EQ(plain.error().detail, (ErrorDetail{.kind = DetailKind::unavailable}));
    EXPECT_EQ(plain.error().excerpt, "503 Service Unavailable");
}

TEST(Envelope, ARedirectIsNeverFollowedAndNamesWhereItPointed) {
    auto reply = decode_envelope(
        with_notes(raw(302, "<html>Moved</html>"),
                   "Location: http://other-host.invalid/user/openapi/user/v1/client/partner_list"));
    ASSERT_FALSE(reply.ok());
    const ApiError& e = reply.error();
    EXPECT_EQ(e.kind, ErrorKind::http);
    EXPECT_EQ(e.http_status, 302);
    EXPECT_TRUE(e.request_may_have_left);
    EXPECT_EQ(e.detail.kind, DetailKind::redirected);
    EXPECT_EQ(e.detail.subject, "http://other-host.invalid/user/openapi/user/v1/client/partner_list");
    // Even an envelope that says success is not believed from a redirect.
    auto success = decode_envelope(raw(301, success_prefix + R"("result":{},"status":200})"));
    ASSERT_FALSE(success.ok());
    EXPECT_EQ(success.error().kind, ErrorKind::http);
}

TEST(Envelope, ABodyRefusedAfterItsHeadersCarriesTheStatusAndTheReason) {
    HttpResponse refused{.failure = TransportFailure::connection_lost,
                         .failure_text =
                             "The reply was too large: more than 16 MB. RenewDesk stopped reading it.",
                         .status = 200};
    auto reply = decode_envelope(refused);
    ASSERT_FALSE(reply.ok());
    EXPECT_EQ(reply.error().kind, ErrorKind::parse);
    EXPECT_EQ(reply.error().http_status, 200);
    EXPECT_TRUE(reply.error().request_may_have_left);
    EXPECT_FALSE(reply.error().timed_out);
    EXPECT_NE(reply.error().transport_text.find("too large"), std::string::npos);
    refused.status = 502;
    EXPECT_EQ(decode_envelope(refused).error().kind, ErrorKind::http);
}

TEST(Envelope, NumbersNoIdCanBeAreKeptAsTheParserReadsThem) {
    // 1e3 and 2^64 stay floats and -0 a signed integer: ids.cpp refuses all three (ids_test.cpp).
    auto reply =
        decode_envelope(raw(200, success_prefix + R"("result":[1e3,-0,18446744073709551616],"status":200})"));
    ASSERT_TRUE(reply.ok());
    const auto& result = reply.value().result;
    EXPECT_TRUE(result[0].is_number_float());
    EXPECT_TRUE(result[1].is_number_integer());
    EXPECT_FALSE(result[1].is_number_unsigned());
    EXPECT_TRUE(result[2].is_number_float());
}

TEST(Envelope, AGatewaysJsonWithANumericCodeSaysWhatItSays) {
    auto reply = decode_envelope(raw(504, R"({"code":504,"message":"Gateway Timeout"})"));
    ASSERT_FALSE(reply.ok());
    EXPECT_EQ(reply.error().kind, ErrorKind::http);
    EXPECT_EQ(reply.error().api_text, "Gateway Timeout");
    EXPECT_EQ(reply.error().http_status, 504);
    EXPECT_EQ(decode_envelope(raw(200, R"({"code":500})")).error().kind, ErrorKind::parse);
    EXPECT_EQ(decode_envelope(raw(200, R"({"code":500})")).error().detail.kind, DetailKind::not_envelope);
    EXPECT_EQ(decode_envelope(raw(401, R"({"code":401,"message":"Unauthorized"})")).error().kind,
              ErrorKind::auth);
}

namespace {

// The same values with the same types (nlohmann's == holds 5u equal to 5 and 0 equal to -0.0), and
// objects' members in the same order (== on Json's objects compares them in order).
bool same_document(const Json& a, const Json& b) {
    if (a.type() != b.type() || a != b) return false;
    if (a.is_array())
        for (std::size_t i = 0; i < a.size(); ++i)
            if (!same_document(a[i], b[i])) return false;
    if (a.is_object())
        for (auto it = a.begin(); it != a.end(); ++it)
            if (!same_document(it.value(), b.at(it.key()))) return false;
    return true;
}

} // namespace

TEST(PlainJson, BuildsExactlyWhatNlohmannBuildsOrLeavesTheTextToIt) {
    const std::vector<std::string> plain = {
        R"({"a":[1,-2,0,-0,18446744073709551615,-9223372036854775808,true,false,null,"x",{},[]]})",
        " \t\r\n[ \"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\u20AC\\ud83d\\ude00\\u0000\" , \"caf\xC3\xA9\" ] \n",
        R"({"partnerId":"7205759403792793600","b":{"c":{"d":[[[]]]}},"":""})",
        "\"\"",
        "0",
        fixture_text("tutorial_order_response.json"),
    };
    for (const std::string& text : plain) {
        const auto fast = parse_plain_json(text, 64);
        ASSERT_TRUE(fast.has_value()) << text;
        EXPECT_TRUE(same_document(*fast, Json::parse(text))) << text;
    }
    // Outside the plain subset (nlohmann decides) or not JSON at all (nlohmann refuses too).
    const std::vector<std::string> other = {
        "1.5",
        "1e3",
        "-1E-2",
        "18446744073709551616",
        "-9223372036854775809",
        "\xEF\xBB\xBF{}",
        R"({"a":1,"a":2})",
        "[1,]",
        "{\"a\" 1}",
        "01",
        "-",
        "--1",
        "[\"\\x\"]",
        "[\"\\ud800\"]",
        "[\"\\udc00\"]",
        "[\"\\u12\"]",
        "\"\x01\"",
        "[\"\xC3\"]",
        "[\"\xED\xA0\x80\"]",
        "[\"\xC3\\n\"]",
        "tru",
        "nul",
        "{} {}",
        "",
        " ",
        "[",
        "{\"a\":}",
        "\"abc",
    };
    for (const std::string& text : other)
        EXPECT_FALSE(parse_plain_json(text, 64).has_value()) << text;
    EXPECT_TRUE(parse_plain_json(std::string(64, '[') + std::string(64, ']'), 64).has_value());
    EXPECT_FALSE(parse_plain_json(std::string(65, '[') + std::string(65, ']'), 64).has_value());
}

TEST(PlainJson, RefusalsKeepTheirReasonsThroughTheFallback) {
    ErrorDetail refusal;
    EXPECT_FALSE(parse_strict(R"({"a":{"b":1,"b":2}})", refusal).has_value());
    EXPECT_EQ(refusal, (ErrorDetail{.kind = DetailKind::member_twice, .subject = "b"}));
    refusal = {};
    EXPECT_FALSE(parse_strict(std::string(65, '[') + std::string(65, ']'), refusal).has_value());
    EXPECT_EQ(refusal.kind, DetailKind::nested_too_deeply);
    refusal = {};
    const auto fraction = parse_strict(R"({"price":1.5,"id":18446744073709551616})", refusal);
    ASSERT_TRUE(fraction.has_value()); // nlohmann reads what the plain reader leaves
    EXPECT_TRUE((*fraction)["price"].is_number_float() && (*fraction)["id"].is_number_float());
}

// nlohmann's own parser (Json::parse, as the journals and settings are read) quietly keeps a name
// given twice: the last value, in the first one's place. parse_strict refuses such a reply instead.
TEST(PlainJson, NlohmannKeepsTheLastValueOfANameTwice) {
    const Json document = Json::parse(R"({"a":1,"b":2,"a":3})", nullptr, /*allow_exceptions=*/false);
    EXPECT_EQ(document.dump(), R"({"a":3,"b":2})");
    ErrorDetail refusal;
    EXPECT_FALSE(parse_strict(R"({"a":1,"b":2,"a":3})", refusal).has_value());
    EXPECT_EQ(refusal, (ErrorDetail{.kind = DetailKind::member_twice, .subject = "a"}));
}

// Members stay in the text's order (rd::Json keeps it), through the plain reader and through the
// fallback alike (a fraction leaves the plain subset).
TEST(PlainJson, MembersKeepTheTextsOrder) {
    for (const std::string text :
         {R"({"b":1,"a":{"d":2,"c":[{"z":0,"y":1}]}})", R"({"b":1.5,"a":{"d":2,"c":3}})"}) {
        ErrorDetail refusal;
        const auto document = parse_strict(text, refusal);
        ASSERT_TRUE(document.has_value()) << text;
        EXPECT_EQ(document->dump(), text);
    }
}

namespace {

// {"m0":0,"m1":1,... `count` members, then `rest` (which closes the object).
std::string wide_object(int count, const std::string& rest) {
    std::string text = "{";
    for (int i = 0; i < count; ++i)
        text += "\"m" + std::to_string(i) + "\":" + std::to_string(i) + ",";
    return text + rest;
}

} // namespace

// Json finds a name by walking the object's members; the readers check names through a set once an
// object is wide (MemberNames, plain_json.h). Either way a name given twice is refused, on both
// sides of the switch and through the fallback.
TEST(PlainJson, ANameTwiceIsRefusedInNarrowAndWideObjects) {
    for (const int count : {1, 15, 16, 17, 5000}) {
        const std::string good = wide_object(count, R"("last":0})");
        const auto fast = parse_plain_json(good, 64);
        ASSERT_TRUE(fast.has_value()) << count;
        EXPECT_EQ(fast->size(), static_cast<std::size_t>(count) + 1);
        EXPECT_TRUE(same_document(*fast, Json::parse(good))) << count;
        for (const int twice : {0, count - 1}) {
            const std::string name = "m" + std::to_string(twice);
            const std::string bad = wide_object(count, "\"" + name + "\":0}");
            EXPECT_FALSE(parse_plain_json(bad, 64).has_value()) << count;
            ErrorDetail refusal;
            EXPECT_FALSE(parse_strict(bad, refusal).has_value()) << count;
            EXPECT_EQ(refusal, (ErrorDetail{.kind = DetailKind::member_twice, .subject = name})) << count;
            refusal = {};
            EXPECT_FALSE(
                parse_strict(wide_object(count, "\"f\":0.5,\"" + name + "\":0}"), refusal).has_value());
            EXPECT_EQ(refusal, (ErrorDetail{.kind = DetailKind::member_twice, .subject = name})) << count;
        }
    }
}
