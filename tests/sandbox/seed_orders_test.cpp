// POST /__sandbox/seed_orders: the partner's earlier orders in the order list (never in the order log).
#include "tests/sandbox/sandbox_test_support.h"

#include <chrono>
#include <regex>
#include <set>

namespace sandbox_test {
namespace {

constexpr std::uint64_t kTwoPow53 = 9007199254740992ULL;

std::int64_t now_ms() {
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

class SeedOrdersTest : public SandboxTest {
  protected:
    void SetUp() override {
        SandboxTest::SetUp();
        token_ = access_token();
    }
    // Seeding is the test's set-up, not what it measures: 10,000 orders under ASan, beside the e2e suite
    // (tools/test), took longer than the helper client's 10 s once. Its wait is a minute.
    httplib::Result seed(const std::string& body) {
        httplib::Client patient = client();
        patient.set_read_timeout(60);
        return patient.Post("/__sandbox/seed_orders", body, "application/json");
    }
    json seed(int count, int age_s) {
        auto result = seed(json{{"count", count}, {"age_s", age_s}}.dump());
        EXPECT_TRUE(result);
        if (!result) return json();
        EXPECT_EQ(result->status, 200) << result->body;
        return parse_body(result);
    }
    json page(const std::string& query = "") {
        auto result = get_api("/order/openapi/order/v1/page" + query, token_);
        expect_envelope(result, 200, "success");
        return parse_body(result)["result"];
    }
    json set_config(const json& config) {
        return parse_body(client().Post("/__sandbox/config", config.dump(), "application/json"));
    }

    std::string token_;
};

TEST_F(SeedOrdersTest, SeededOrdersAreListedButNotLogged) {
    EXPECT_EQ(seed(30, 600), (json{{"seeded", 30}, {"listed", 30}}));
    const json first = page();
    EXPECT_EQ(first["total"], 30);
    EXPECT_EQ(first["count"], 30);
    EXPECT_EQ(first["pageSize"], 25);
    EXPECT_EQ(first["totalPage"], 2);
    ASSERT_EQ(first["results"].size(), 25u);
    EXPECT_EQ(page("?pageNo=2")["results"].size(), 5u);
    for (const auto& order : first["results"]) {
        EXPECT_EQ(order["orderStatus"], "succeed");
        EXPECT_EQ(order["customReferenceNo"], "");
        EXPECT_EQ(order["currencyCode"], "USD");
        ASSERT_TRUE(order["id"].is_string());
        EXPECT_GT(std::stoull(order["id"].get<std::string>()), kTwoPow53);
        EXPECT_TRUE(std::regex_match(order["orderNo"].get<std::string>(), std::regex("MK[0-9]{19}")));
    }
    EXPECT_EQ(orders_log(), json::array());
    EXPECT_EQ(parse_body(client().Get("/__sandbox/info"))["orders"], 0);
}

TEST_F(SeedOrdersTest, TheNewestIsAgeSecondsOldAndEachNextOneASecondOlder) {
    const std::int64_t before = now_ms();
    seed(5, 600);
    const std::int64_t after = now_ms();
    const json results = page()["results"];
    ASSERT_EQ(results.size(), 5u);
    const std::int64_t newest = results[0]["createTime"];
    EXPECT_GE(newest, before - 600 * 1000);
    EXPECT_LE(newest, after - 600 * 1000);
    for (int i = 0; i < 5; ++i)
        EXPECT_EQ(results[i]["createTime"], newest - i * 1000) << i;

    set_config({{"orderTimeUnit", "s"}});
    const json in_seconds = page()["results"];
    for (int i = 0; i < 5; ++i)
        EXPECT_EQ(in_seconds[i]["createTime"], (newest - i * 1000) / 1000) << i;
}

TEST_F(SeedOrdersTest, SeededOrdersSortByCreationTimeAmongPostedOnes) {
    const std::string posted = parse_body(post_order(tutorial_order_body(), token_))["result"]["orderId"];
    seed(3, 60);
    const json newest_first = page()["results"];
    ASSERT_EQ(newest_first.size(), 4u);
    EXPECT_EQ(newest_first[0]["id"], posted);

    set_config({{"orderSort", "oldest"}});
    const json oldest_first = page()["results"];
    ASSERT_EQ(oldest_first.size(), 4u);
    EXPECT_EQ(oldest_first[3]["id"], posted);
    for (int i = 0; i < 3; ++i) {
        EXPECT_EQ(oldest_first[i]["id"], newest_first[3 - i]["id"]);
        // Ids grow with creation time, as real ones do.
        EXPECT_LT(std::stoull(oldest_first[i]["id"].get<std::string>()),
                  std::stoull(oldest_first[i + 1]["id"].get<std::string>()));
    }
}

TEST_F(SeedOrdersTest, DetailsOfASeededOrderAreFoundByIdAndOrderNo) {
    seed(2, 0);
    const json listed = page()["results"][1];
    for (const std::string& key : {listed["id"].get<std::string>(), listed["orderNo"].get<std::string>()}) {
        auto result = get_api("/order/openapi/order/v1/get/" + key, token_);
        expect_envelope(result, 200, "success");
        const json details = parse_body(result)["result"];
        EXPECT_EQ(details["orderInformation"], listed);
        EXPECT_EQ(details["basicInformation"]["productId"], "15");
        EXPECT_EQ(details["billingInformation"]["billingContactId"], "3197218168379846218");
    }
}

TEST_F(SeedOrdersTest, EveryIdIsFreshAcrossSeedsAndPostedOrders) {
    seed(50, 10);
    const json placed = parse_body(post_order(tutorial_order_body(), token_))["result"];
    seed(50, 1000);
    const json all = page("?pageSize=1000")["results"];
    ASSERT_EQ(all.size(), 101u);
    std::set<std::string> ids;
    for (const auto& order : all) {
        EXPECT_TRUE(ids.insert(order["id"].get<std::string>()).second) << order["id"];
        EXPECT_TRUE(ids.insert(order["orderNo"].get<std::string>()).second) << order["orderNo"];
    }
    EXPECT_EQ(ids.count(placed["orderId"].get<std::string>()), 1u);
}

TEST_F(SeedOrdersTest, TenThousandSeededOrdersPageExactly) {
    seed(10000, 0);
    const json first = page("?pageSize=1000&pageNo=10");
    EXPECT_EQ(first["total"], 10000);
    EXPECT_EQ(first["totalPage"], 10);
    ASSERT_EQ(first["results"].size(), 1000u);
    const json last = page("?pageNo=400");
    EXPECT_EQ(last["totalPage"], 400);
    ASSERT_EQ(last["results"].size(), 25u);
    EXPECT_EQ(last["results"][24]["createTime"],
              page("?pageSize=1")["results"][0]["createTime"].get<std::int64_t>() - 9999 * 1000LL);
    EXPECT_EQ(page("?pageNo=401")["results"], json::array());
}

TEST_F(SeedOrdersTest, ResetClearsSeededOrders) {
    seed(3, 0);
    auto reset = client().Post("/__sandbox/reset", "", "application/json");
    ASSERT_TRUE(reset);
    EXPECT_EQ(page()["total"], 0);
}

TEST_F(SeedOrdersTest, AgeDefaultsToZero) {
    const std::int64_t before = now_ms();
    auto result = seed(R"({"count": 1})");
    ASSERT_TRUE(result);
    EXPECT_EQ(result->status, 200) << result->body;
    EXPECT_GE(page()["results"][0]["createTime"].get<std::int64_t>(), before);
}

TEST_F(SeedOrdersTest, InvalidRequestsAreRejectedAndSeedNothing) {
    for (const std::string body :
         {R"({"count": 0, "age_s": 0})", R"({"count": 10001, "age_s": 0})", R"({"count": "5", "age_s": 0})",
          R"({"count": 1.5, "age_s": 0})", R"({"age_s": 0})", R"({"count": 1, "age_s": -1})",
          R"({"count": 1, "age_s": "1"})", R"({"count": 1, "age_s": 1e3})", R"([{"count": 1}])", "count=1"}) {
        auto result = seed(body);
        ASSERT_TRUE(result);
        EXPECT_EQ(result->status, 400) << body;
        EXPECT_TRUE(parse_body(result).contains("error")) << result->body;
    }
    auto get = client().Get("/__sandbox/seed_orders");
    ASSERT_TRUE(get);
    EXPECT_EQ(get->status, 405);
    EXPECT_EQ(page()["total"], 0);
}

} // namespace
} // namespace sandbox_test
