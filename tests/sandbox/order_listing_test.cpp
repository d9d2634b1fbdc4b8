// How the order list presents orders: newest or oldest first with exact paging, and createTime in
// milliseconds or seconds, from the options and from /__sandbox/config.
#include "tests/sandbox/sandbox_test_support.h"

#include <algorithm>
#include <chrono>

namespace sandbox_test {
namespace {

std::int64_t now_ms() {
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

class OrderListingTest : public SandboxTest {
  protected:
    // Posts `count` tutorial orders and returns their order ids in posting order.
    std::vector<std::string> post_orders(int count) {
        std::vector<std::string> ids;
        for (int i = 0; i < count; ++i)
            ids.push_back(parse_body(post_order(tutorial_order_body(), token_))["result"]["orderId"]);
        return ids;
    }
    json page(const std::string& query = "") {
        auto result = get_api("/order/openapi/order/v1/page" + query, token_);
        expect_envelope(result, 200, "success");
        return parse_body(result)["result"];
    }
    // Order ids of every page of `page_size`, in the order the pages list them.
    std::vector<std::string> walk_pages(int page_size, int expected_pages) {
        std::vector<std::string> ids;
        for (int page_no = 1; page_no <= expected_pages + 1; ++page_no) {
            const json one =
                page("?pageNo=" + std::to_string(page_no) + "&pageSize=" + std::to_string(page_size));
            EXPECT_EQ(one["pageNo"], page_no);
            EXPECT_EQ(one["pageSize"], page_size);
            EXPECT_EQ(one["totalPage"], expected_pages);
            EXPECT_EQ(one["total"], one["count"]);
            if (page_no > expected_pages) {
                EXPECT_EQ(one["results"], json::array());
            }
            for (const auto& order : one["results"])
                ids.push_back(order["id"]);
        }
        return ids;
    }
    json set_config(const json& config) {
        auto result = client().Post("/__sandbox/config", config.dump(), "application/json");
        EXPECT_TRUE(result);
        if (!result) return json();
        EXPECT_EQ(result->status, 200) << result->body;
        return parse_body(result);
    }
    void SetUp() override {
        SandboxTest::SetUp();
        token_ = access_token();
    }
    void use_options(const sandbox::SandboxOptions& options) {
        restart(options);
        token_ = access_token();
    }

    std::string token_;
};

std::vector<std::string> reversed(std::vector<std::string> ids) {
    std::reverse(ids.begin(), ids.end());
    return ids;
}

TEST_F(OrderListingTest, NewestFirstIsTheDefaultAndPagesCoverEveryOrderOnce) {
    const std::vector<std::string> ids = post_orders(7);
    const json first = page();
    EXPECT_EQ(first["pageSize"], 25);
    EXPECT_EQ(first["total"], 7);
    EXPECT_EQ(first["totalPage"], 1);
    ASSERT_EQ(first["results"].size(), 7u);
    EXPECT_EQ(first["results"][0]["id"], ids.back());
    EXPECT_EQ(walk_pages(3, 3), reversed(ids));
    EXPECT_EQ(walk_pages(7, 1), reversed(ids));
    EXPECT_EQ(walk_pages(1, 7), reversed(ids));
}

TEST_F(OrderListingTest, OldestSortOptionListsInCreationOrderWithTheSamePaging) {
    sandbox::SandboxOptions options;
    options.order_sort = sandbox::OrderSort::oldest;
    use_options(options);
    const std::vector<std::string> ids = post_orders(7);
    const json first = page();
    EXPECT_EQ(first["pageSize"], 25);
    EXPECT_EQ(first["count"], 7);
    EXPECT_EQ(first["totalPage"], 1);
    ASSERT_EQ(first["results"].size(), 7u);
    EXPECT_EQ(first["results"][0]["id"], ids.front());
    EXPECT_EQ(walk_pages(3, 3), ids);
    EXPECT_EQ(walk_pages(2, 4), ids);
    EXPECT_EQ(page("?pageNo=3&pageSize=3")["results"].size(), 1u);
}

TEST_F(OrderListingTest, ConfigSwitchesTheSortAtRuntime) {
    const std::vector<std::string> ids = post_orders(4);
    EXPECT_EQ(set_config({{"orderSort", "oldest"}})["orderSort"], "oldest");
    EXPECT_EQ(parse_body(client().Get("/__sandbox/config"))["orderSort"], "oldest");
    EXPECT_EQ(walk_pages(3, 2), ids);
    EXPECT_EQ(set_config({{"orderSort", "newest"}})["orderSort"], "newest");
    EXPECT_EQ(walk_pages(3, 2), reversed(ids));
}

TEST_F(OrderListingTest, EmptyListHasNoPages) {
    const json empty = page();
    EXPECT_EQ(empty["total"], 0);
    EXPECT_EQ(empty["count"], 0);
    EXPECT_EQ(empty["totalPage"], 0);
    EXPECT_EQ(empty["results"], json::array());
}

TEST_F(OrderListingTest, CreateTimeIsInMillisecondsByDefault) {
    const std::int64_t before = now_ms();
    const std::string id = post_orders(1)[0];
    const std::int64_t after = now_ms();
    const json listed = page()["results"][0];
    ASSERT_TRUE(listed["createTime"].is_number_integer());
    EXPECT_GE(listed["createTime"].get<std::int64_t>(), before);
    EXPECT_LE(listed["createTime"].get<std::int64_t>(), after);
    const json details = parse_body(get_api("/order/openapi/order/v1/get/" + id, token_))["result"];
    EXPECT_EQ(details["orderInformation"], listed);
    EXPECT_EQ(parse_body(client().Get("/__sandbox/config"))["orderTimeUnit"], "ms");
}

TEST_F(OrderListingTest, SecondsOptionAppliesToTheListAndTheDetails) {
    sandbox::SandboxOptions options;
    options.order_time_unit = sandbox::TimeUnit::s;
    use_options(options);
    const std::int64_t before = now_ms() / 1000;
    const std::string id = post_orders(1)[0];
    const std::int64_t after = now_ms() / 1000;
    const json listed = page()["results"][0];
    ASSERT_TRUE(listed["createTime"].is_number_integer());
    EXPECT_GE(listed["createTime"].get<std::int64_t>(), before);
    EXPECT_LE(listed["createTime"].get<std::int64_t>(), after);
    const json details = parse_body(get_api("/order/openapi/order/v1/get/" + id, token_))["result"];
    EXPECT_EQ(details["orderInformation"]["createTime"], listed["createTime"]);
    EXPECT_EQ(details["orderInformation"], listed);
}

TEST_F(OrderListingTest, ConfigSwitchesTheTimeUnitOfOrdersAlreadyStored) {
    const std::string id = post_orders(1)[0];
    const std::int64_t in_ms = page()["results"][0]["createTime"];
    EXPECT_EQ(set_config({{"orderTimeUnit", "s"}})["orderTimeUnit"], "s");
    EXPECT_EQ(page()["results"][0]["createTime"], in_ms / 1000);
    const json details = parse_body(get_api("/order/openapi/order/v1/get/" + id, token_))["result"];
    EXPECT_EQ(details["orderInformation"]["createTime"], in_ms / 1000);
    set_config({{"orderTimeUnit", "ms"}});
    EXPECT_EQ(page()["results"][0]["createTime"], in_ms);
}

TEST_F(OrderListingTest, ConfigRejectsUnknownValuesAndChangesNothing) {
    for (const json& spec :
         {json{{"orderSort", "random"}}, json{{"orderSort", 1}}, json{{"orderTimeUnit", "us"}},
          json{{"orderSort", "oldest"}, {"orderTimeUnit", "minutes"}},
          json{{"orderSort", "oldest"}, {"latency_ms", -1}}}) {
        auto result = client().Post("/__sandbox/config", spec.dump(), "application/json");
        ASSERT_TRUE(result);
        EXPECT_EQ(result->status, 400) << spec.dump();
        EXPECT_TRUE(parse_body(result).contains("error")) << result->body;
    }
    const json config = parse_body(client().Get("/__sandbox/config"));
    EXPECT_EQ(config["orderSort"], "newest");
    EXPECT_EQ(config["orderTimeUnit"], "ms");
    EXPECT_EQ(config["latency_ms"], 0);
}

} // namespace
} // namespace sandbox_test
