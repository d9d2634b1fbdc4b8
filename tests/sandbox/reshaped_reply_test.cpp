// The fault kinds that reshape the normal reply (reply_faults.cpp): each one is seen on the wire as it
// is documented, a save under any of them is committed once, and the next request is normal again.
#include "tests/sandbox/sandbox_test_support.h"
#include "tools/sandbox/reply_faults.h"

#include <chrono>

namespace sandbox_test {
namespace {

using Clock = std::chrono::steady_clock;

constexpr const char* kUsers = "/user/openapi/user/v1/client/partner_list";
constexpr const char* kContacts = "/user/openapi/user/v1/client/billing_contact_list";
constexpr const char* kPlans = "/pricing/openapi/purchase/v1/purchase_product_info?productId=15";

class ReshapedReplyTest : public SandboxTest {
  protected:
    void SetUp() override {
        SandboxTest::SetUp();
        token_ = access_token();
    }

    // The save under `fault` commits exactly one order; the reply is returned for a closer look.
    httplib::Result save_commits_once(const json& fault) {
        json f = fault;
        f["endpoint"] = "save";
        add_fault(f);
        auto result = post_order(tutorial_order_body(), token_);
        EXPECT_EQ(orders_log().size(), 1u) << fault.dump();
        return result;
    }

    void expect_normal_again(const std::string& path) {
        expect_envelope(get_api(path, token_), 200, "success");
    }

    std::string token_;
};

std::size_t count(const std::string& text, const std::string& part) {
    std::size_t n = 0;
    for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1))
        ++n;
    return n;
}

TEST_F(ReshapedReplyTest, TrickleSendsTheNormalReplyOneByteAtATime) {
    add_fault({{"endpoint", "billing_contact_list"}, {"kind", "trickle"}, {"delay_ms", 400}});
    const auto start = Clock::now();
    auto result = get_api(kContacts, token_);
    // Each byte but the first waits its share of 400 ms: a lower bound, whatever the machine's speed.
    EXPECT_GE(Clock::now() - start, std::chrono::milliseconds(380));
    expect_envelope(result, 200, "success");
    EXPECT_EQ(result->get_header_value("X-Sandbox-Fault"), "trickle");
    EXPECT_EQ(parse_body(result)["result"].size(), 2u);
    expect_normal_again(kContacts);
}

TEST_F(ReshapedReplyTest, TrickledSaveIsCommittedBeforeTheFirstByte) {
    auto result = save_commits_once({{"kind", "trickle"}, {"delay_ms", 200}});
    expect_envelope(result, 200, "success");
    EXPECT_EQ(parse_body(result)["result"], orders_log()[0]["result"]);
}

TEST_F(ReshapedReplyTest, HugeBodyIsAValidEnvelopePaddedToFiftyMegabytesAndStreamed) {
    add_fault({{"endpoint", "partner_list"}, {"kind", "huge_body"}});
    std::size_t received = 0;
    std::string head, tail;
    auto result = client().Get(kUsers, api_headers(token_), [&](const char* data, std::size_t length) {
        if (head.size() < 100) head.append(data, std::min<std::size_t>(length, 100));
        tail.append(data, length);
        if (tail.size() > 100) tail.erase(0, tail.size() - 100);
        received += length;
        return true;
    });
    ASSERT_TRUE(result) << httplib::to_string(result.error());
    EXPECT_EQ(result->status, 200);
    EXPECT_EQ(result->get_header_value("Content-Length"), std::to_string(50u << 20));
    EXPECT_EQ(received, 50u << 20);
    EXPECT_EQ(head.rfind(R"({"code":"success","detailMessage":"","padding":"xxxx)", 0), 0u) << head;
    EXPECT_NE(tail.find(R"("status":200})"), std::string::npos) << tail;
    expect_normal_again(kUsers);
}

TEST_F(ReshapedReplyTest, HugeBodyOfAChosenSizeIsTheNormalReplyPlusPadding) {
    add_fault({{"endpoint", "billing_contact_list"}, {"kind", "huge_body"}, {"bytes", 100000}});
    auto result = get_api(kContacts, token_);
    ASSERT_TRUE(result);
    EXPECT_EQ(result->body.size(), 100000u);
    const json body = parse_body(result);
    EXPECT_EQ(body["padding"].get<std::string>(),
              std::string(body["padding"].get<std::string>().size(), 'x'));
    EXPECT_EQ(body["result"].size(), 2u);
    EXPECT_EQ(body["code"], "success");
}

TEST_F(ReshapedReplyTest, ChunkedHugeBodyHasNoContentLength) {
    add_fault({{"endpoint", "partner_list"}, {"kind", "huge_body"}, {"bytes", 3000000}, {"chunked", true}});
    auto result = get_api(kUsers, token_);
    ASSERT_TRUE(result);
    EXPECT_EQ(result->get_header_value("Transfer-Encoding"), "chunked");
    EXPECT_FALSE(result->has_header("Content-Length"));
    EXPECT_EQ(result->body.size(), 3000000u);
    EXPECT_TRUE(json::accept(result->body));
}

TEST_F(ReshapedReplyTest, HugeBodyOnASaveIsCommitted) {
    auto result = save_commits_once({{"kind", "huge_body"}, {"bytes", 200000}});
    ASSERT_TRUE(result);
    EXPECT_EQ(parse_body(result)["result"], orders_log()[0]["result"]);
}

TEST_F(ReshapedReplyTest, WrongContentTypeServesTheEnvelopeAsHtml) {
    add_fault({{"endpoint", "partner_list"}, {"kind", "wrong_content_type"}});
    auto result = get_api(kUsers, token_);
    ASSERT_TRUE(result);
    EXPECT_EQ(result->status, 200);
    EXPECT_EQ(result->get_header_value("Content-Type"), "text/html");
    EXPECT_EQ(parse_body(result)["code"], "success");
    add_fault({{"endpoint", "partner_list"},
               {"kind", "wrong_content_type"},
               {"content_type", "application/octet-stream"}});
    EXPECT_EQ(get_api(kUsers, token_)->get_header_value("Content-Type"), "application/octet-stream");
    save_commits_once({{"kind", "wrong_content_type"}});
}

TEST_F(ReshapedReplyTest, ResetMidBodySendsHeadersAndHalfTheBodyThenResets) {
    const std::string full = get_api(kUsers, token_)->body;
    add_fault({{"endpoint", "partner_list"}, {"kind", "reset_mid_body"}});
    const RawReply reply = raw_exchange_ending(port(), raw_get(kUsers, token_));
    EXPECT_EQ(reply.end, RawReply::End::reset);
    const auto blank = reply.bytes.find("\r\n\r\n");
    ASSERT_NE(blank, std::string::npos) << reply.bytes;
    const std::string headers = reply.bytes.substr(0, blank);
    const std::string body = reply.bytes.substr(blank + 4);
    EXPECT_EQ(headers.rfind("HTTP/1.1 200 OK", 0), 0u);
    EXPECT_NE(headers.find("X-Sandbox-Fault: reset_mid_body"), std::string::npos);
    EXPECT_NE(headers.find("Content-Length: " + std::to_string(full.size())), std::string::npos) << headers;
    EXPECT_EQ(body.size(), full.size() / 2);
    EXPECT_EQ(body.substr(0, 30), full.substr(0, 30));
    expect_normal_again(kUsers);
}

TEST_F(ReshapedReplyTest, ResetMidBodyOnASaveIsCommitted) {
    EXPECT_FALSE(save_commits_once({{"kind", "reset_mid_body"}})); // httplib sees a broken reply
}

TEST_F(ReshapedReplyTest, InvalidUtf8GoesIntoNamesAndTheEnvelope) {
    add_fault({{"endpoint", "partner_list"}, {"kind", "invalid_utf8"}});
    auto result = get_api(kUsers, token_);
    ASSERT_TRUE(result);
    EXPECT_EQ(result->status, 200);
    const std::string bad = sandbox::kInvalidUtf8Bytes;
    EXPECT_NE(result->body.find("\"company\":\"Northwind Reseller Ltd" + bad + "\""), std::string::npos);
    EXPECT_NE(result->body.find("\"detailMessage\":\"" + bad + "\""), std::string::npos);
    EXPECT_NE(result->body.find("\"partnerId\":\"9223372036854775001\""), std::string::npos); // ids untouched
    EXPECT_FALSE(json::accept(result->body)); // a strict parser refuses it
    std::string repaired = result->body;
    for (auto at = repaired.find(bad); at != std::string::npos; at = repaired.find(bad))
        repaired.erase(at, bad.size());
    EXPECT_TRUE(json::accept(repaired)); // the bytes are the only thing wrong
    expect_normal_again(kUsers);
}

TEST_F(ReshapedReplyTest, InvalidUtf8OnASaveIsCommitted) {
    auto result = save_commits_once({{"kind", "invalid_utf8"}});
    ASSERT_TRUE(result);
    EXPECT_NE(result->body.find(sandbox::kInvalidUtf8Bytes), std::string::npos);
}

TEST_F(ReshapedReplyTest, DuplicateKeysRepeatEveryIdWithAnotherValueAfterTheOriginal) {
    add_fault({{"endpoint", "billing_contact_list"}, {"kind", "duplicate_keys"}});
    auto result = get_api(kContacts, token_);
    ASSERT_TRUE(result);
    const std::string& text = result->body;
    const auto original = text.find(R"("billingContactId":"3197218168379846218")");
    const auto repeated = text.find(R"("billingContactId":"3197218168379846219")");
    ASSERT_NE(original, std::string::npos) << text;
    ASSERT_NE(repeated, std::string::npos) << text;
    EXPECT_LT(original, repeated);
    EXPECT_EQ(count(text, "\"requestId\":"), 2u);
    EXPECT_EQ(text.find("~sandbox"), std::string::npos);
    // A parser that keeps the last value, as nlohmann does, reads the wrong id.
    EXPECT_EQ(json::parse(text)["result"][0]["billingContactId"], "3197218168379846219");
    expect_normal_again(kContacts);
}

TEST_F(ReshapedReplyTest, DuplicateKeysOnPlansAndOnASave) {
    add_fault({{"endpoint", "purchase_product_info"}, {"kind", "duplicate_keys"}});
    const std::string plans = get_api(kPlans, token_)->body;
    EXPECT_EQ(count(plans, "\"planId\":"), 4u) << plans;
    EXPECT_NE(plans.find("\"planId\":3049036224189325313"), std::string::npos) << plans; // 2^n ^ 1
    auto result = save_commits_once({{"kind", "duplicate_keys"}});
    ASSERT_TRUE(result);
    EXPECT_EQ(count(result->body, "\"orderNo\":"), 2u) << result->body;
}

TEST_F(ReshapedReplyTest, OddNumbersReplaceEveryIdWithTheNumberAsWritten) {
    for (const std::string number : {"1e3", "-0", "18446744073709551616"}) {
        add_fault({{"endpoint", "billing_contact_list"}, {"kind", "odd_numbers"}, {"number", number}});
        const std::string text = get_api(kContacts, token_)->body;
        EXPECT_EQ(count(text, "\"billingContactId\":" + number + ","), 2u) << text;
        EXPECT_TRUE(json::accept(text)) << text; // legal JSON, just no id
    }
    add_fault({{"endpoint", "partner_list"}, {"kind", "odd_numbers"}});
    EXPECT_NE(get_api(kUsers, token_)->body.find("\"partnerId\":1e3,"), std::string::npos);
    add_fault({{"endpoint", "purchase_product_info"}, {"kind", "odd_numbers"}, {"number", "-0"}});
    const std::string plans = get_api(kPlans, token_)->body;
    EXPECT_EQ(count(plans, "\"planId\":-0,"), 2u) << plans;
    EXPECT_EQ(count(plans, "\"serviceId\":-0,"), 1u) << plans;
    expect_normal_again(kContacts);
}

TEST_F(ReshapedReplyTest, OddNumbersOnTheTokenAndOnASave) {
    add_fault({{"endpoint", "token"}, {"kind", "odd_numbers"}});
    auto token = client().Post("/auth/openapi/v1/oauth/token", {{"User-Agent", "OpenAPI"}},
                               httplib::Params{{"client_id", "demo-client-id"},
                                               {"client_secret", "demo-client-secret"},
                                               {"grant_type", "pp_credentials"}});
    ASSERT_TRUE(token);
    EXPECT_NE(token->body.find("\"expiresIn\":1e3,"), std::string::npos) << token->body;
    auto result = save_commits_once({{"kind", "odd_numbers"}});
    ASSERT_TRUE(result);
    EXPECT_NE(result->body.find("\"orderId\":1e3,"), std::string::npos) << result->body;
}

TEST_F(ReshapedReplyTest, ReshapingAppliesToErrorRepliesToo) {
    // An order the sandbox refuses is refused under any of these faults: nothing is committed.
    json body = json::parse(tutorial_order_body());
    body["billingId"] = 1;
    add_fault({{"endpoint", "save"}, {"kind", "duplicate_keys"}});
    auto result = post_order(body.dump(), token_);
    ASSERT_TRUE(result);
    EXPECT_EQ(result->status, 400);
    EXPECT_EQ(count(result->body, "\"requestId\":"), 2u);
    EXPECT_EQ(orders_log(), json::array());
}

} // namespace
} // namespace sandbox_test
