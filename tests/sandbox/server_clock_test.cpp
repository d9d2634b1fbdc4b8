// The API's own clock (config clockOffsetMs): the Date header of every API reply, the createTime of
// committed and seeded orders, and the IMF-fixdate and UTC text formats.
#include "tests/sandbox/sandbox_test_support.h"
#include "tools/sandbox/server_clock.h"

#include <ctime>
#include <iomanip>
#include <locale>
#include <regex>
#include <sstream>

namespace sandbox_test {
namespace {

constexpr std::int64_t kBehindMs = -90000; // the API's clock runs 90 s behind the real one

// Seconds since the epoch of an IMF-fixdate, or -1 when the text is not one.
std::int64_t seconds_of_http_date(const std::string& text) {
    if (!std::regex_match(text, std::regex("(Mon|Tue|Wed|Thu|Fri|Sat|Sun), [0-9]{2} "
                                           "(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) "
                                           "[0-9]{4} [0-9]{2}:[0-9]{2}:[0-9]{2} GMT")))
        return -1;
    std::tm t{};
    std::istringstream in(text);
    in.imbue(std::locale::classic());
    in >> std::get_time(&t, "%a, %d %b %Y %H:%M:%S GMT");
    return in.fail() ? -1 : static_cast<std::int64_t>(timegm(&t));
}

class ServerClockTest : public SandboxTest {
  protected:
    void SetUp() override {
        SandboxTest::SetUp();
        token_ = access_token();
    }
    json set_config(const json& config) {
        auto result = client().Post("/__sandbox/config", config.dump(), "application/json");
        EXPECT_TRUE(result);
        if (!result) return json();
        EXPECT_EQ(result->status, 200) << result->body;
        return parse_body(result);
    }
    // Sends a request with `send` and checks its reply has exactly one Date header, on the real clock
    // moved by `offset_ms`, to the second.
    template <typename Send>
    void expect_api_date(const Send& send, std::int64_t offset_ms, const char* what) {
        const std::int64_t before = (sandbox::real_now_ms() + offset_ms) / 1000;
        const httplib::Result result = send();
        const std::int64_t after = (sandbox::real_now_ms() + offset_ms) / 1000;
        ASSERT_TRUE(result) << what;
        EXPECT_EQ(result->get_header_value_count("Date"), 1u) << what;
        const std::int64_t date = seconds_of_http_date(result->get_header_value("Date"));
        EXPECT_GE(date, before) << what << ": " << result->get_header_value("Date");
        EXPECT_LE(date, after) << what << ": " << result->get_header_value("Date");
    }
    std::string token_;
};

TEST(HttpDate, IsAnImfFixdateInGmtTruncatedToTheSecond) {
    EXPECT_EQ(sandbox::http_date(1796556486000), "Sun, 06 Dec 2026 11:28:06 GMT");
    EXPECT_EQ(sandbox::http_date(1796556486999), "Sun, 06 Dec 2026 11:28:06 GMT");
    EXPECT_EQ(sandbox::http_date(951782400000), "Tue, 29 Feb 2000 00:00:00 GMT");
    EXPECT_EQ(sandbox::utc_date_text(1796556486999), "2026-12-06 11:28:06");
}

TEST_F(ServerClockTest, EveryApiReplyHasOneDateHeaderOnTheRealClockByDefault) {
    EXPECT_EQ(parse_body(client().Get("/__sandbox/config"))["clockOffsetMs"], 0);
    expect_api_date([&] { return get_api("/order/openapi/order/v1/page", token_); }, 0, "page");
}

TEST_F(ServerClockTest, EveryApiReplyCarriesTheServerClocksDate) {
    EXPECT_EQ(set_config({{"clockOffsetMs", kBehindMs}})["clockOffsetMs"], kBehindMs);
    const auto token = [&] {
        return client().Post("/auth/openapi/v1/oauth/token", {{"User-Agent", "OpenAPI"}},
                             httplib::Params{{"client_id", "demo-client-id"},
                                             {"client_secret", "demo-client-secret"},
                                             {"grant_type", "pp_credentials"}});
    };
    expect_api_date(token, kBehindMs, "token");
    for (const char* path :
         {"/user/openapi/user/v1/client/partner_list", "/pricing/openapi/purchase/v1/product_list",
          "/pricing/openapi/purchase/v1/purchase_product_info?productId=15",
          "/user/openapi/user/v1/client/billing_contact_list", "/order/openapi/order/v1/page",
          "/order/openapi/order/v1/get/1", "/no/such/endpoint"})
        expect_api_date([&] { return get_api(path, token_); }, kBehindMs, path);
    expect_api_date([&] { return post_order(tutorial_order_body(), token_); }, kBehindMs, "save");
    const std::string id = orders_log()[0]["result"]["orderId"];
    expect_api_date([&] { return get_api("/order/openapi/order/v1/get/" + id, token_); }, kBehindMs, "get");
    expect_api_date([&] { return get_api("/order/openapi/order/v1/page", "not-a-token"); }, kBehindMs, "401");
    expect_api_date([&] { return client().Delete("/order/openapi/order/v1/save", api_headers(token_)); },
                    kBehindMs, "405");
}

TEST_F(ServerClockTest, FaultRepliesCarryTheDateToo) {
    set_config({{"clockOffsetMs", kBehindMs}});
    for (const json& fault :
         {json{{"kind", "http_status"}, {"status", 504}}, json{{"kind", "api_error"}, {"status", 500}},
          json{{"kind", "malformed"}}, json{{"kind", "html"}}, json{{"kind", "rate_limited"}},
          json{{"kind", "redirect"}}, json{{"kind", "delay"}, {"delay_ms", 1100}},
          json{{"kind", "truncated"}}, json{{"kind", "order_status"}, {"orderStatus", "pending"}},
          json{{"kind", "wrong_content_type"}}, json{{"kind", "duplicate_keys"}},
          json{{"kind", "trickle"}, {"delay_ms", 200}}}) {
        json spec = fault;
        spec["endpoint"] = "page";
        add_fault(spec);
        expect_api_date([&] { return get_api("/order/openapi/order/v1/page", token_); }, kBehindMs,
                        fault.dump().c_str());
    }
}

TEST_F(ServerClockTest, ASaveFaultAfterTheCommitCarriesTheDate) {
    set_config({{"clockOffsetMs", kBehindMs}});
    add_fault({{"endpoint", "save"}, {"kind", "http_status"}, {"status", 502}, {"commit", true}});
    expect_api_date([&] { return post_order(tutorial_order_body(), token_); }, kBehindMs, "save 502");
    EXPECT_EQ(orders_log().size(), 1u);
}

TEST_F(ServerClockTest, DelayedRepliesAreStampedWhenTheyAreSent) {
    add_fault({{"endpoint", "partner_list"}, {"kind", "delay"}, {"delay_ms", 2100}});
    const std::int64_t before = sandbox::real_now_ms() / 1000;
    auto result = get_api("/user/openapi/user/v1/client/partner_list", token_);
    ASSERT_TRUE(result);
    EXPECT_GE(seconds_of_http_date(result->get_header_value("Date")), before + 2);
}

TEST_F(ServerClockTest, CommittedOrdersAreCreatedOnTheServerClock) {
    set_config({{"clockOffsetMs", kBehindMs}});
    const std::int64_t before = sandbox::real_now_ms();
    post_order(tutorial_order_body(), token_);
    const std::int64_t after = sandbox::real_now_ms();
    const json listed = parse_body(get_api("/order/openapi/order/v1/page", token_))["result"]["results"][0];
    EXPECT_GE(listed["createTime"].get<std::int64_t>(), before + kBehindMs);
    EXPECT_LE(listed["createTime"].get<std::int64_t>(), after + kBehindMs);
    const json log = orders_log();
    ASSERT_EQ(log.size(), 1u);
    EXPECT_EQ(log[0]["createTimeMs"], listed["createTime"]);
    EXPECT_GE(log[0]["receivedAtMs"].get<std::int64_t>(), before); // the real clock
    EXPECT_LE(log[0]["receivedAtMs"].get<std::int64_t>(), after);
}

TEST_F(ServerClockTest, AClockAheadMovesSeededOrdersToo) {
    set_config({{"clockOffsetMs", 3600000}});
    const std::int64_t before = sandbox::real_now_ms();
    client().Post("/__sandbox/seed_orders", R"({"count": 2, "age_s": 60})", "application/json");
    const std::int64_t after = sandbox::real_now_ms();
    const json listed = parse_body(get_api("/order/openapi/order/v1/page", token_))["result"]["results"];
    ASSERT_EQ(listed.size(), 2u);
    EXPECT_GE(listed[0]["createTime"].get<std::int64_t>(), before + 3600000 - 60000);
    EXPECT_LE(listed[0]["createTime"].get<std::int64_t>(), after + 3600000 - 60000);
}

TEST_F(ServerClockTest, ConfigRejectsABadOffsetAndResetRestoresZero) {
    for (const json& spec : {json{{"clockOffsetMs", "-90000"}}, json{{"clockOffsetMs", 1.5}},
                             json{{"clockOffsetMs", 400000000000000LL}}}) {
        auto result = client().Post("/__sandbox/config", spec.dump(), "application/json");
        ASSERT_TRUE(result);
        EXPECT_EQ(result->status, 400) << spec.dump();
    }
    set_config({{"clockOffsetMs", kBehindMs}});
    client().Post("/__sandbox/reset", "", "application/json");
    EXPECT_EQ(parse_body(client().Get("/__sandbox/config"))["clockOffsetMs"], 0);
}

} // namespace
} // namespace sandbox_test
