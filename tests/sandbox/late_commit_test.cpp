// The save fault kind late_commit: the connection drops at once with nothing stored, and the order is
// committed delay_ms later, created then on the API's clock; reset and shutdown cancel what is pending.
#include "tests/sandbox/sandbox_test_support.h"
#include "tools/sandbox/server_clock.h"

#include <chrono>
#include <thread>

namespace sandbox_test {
namespace {

using Clock = std::chrono::steady_clock;

class LateCommitTest : public SandboxTest {
  protected:
    void SetUp() override {
        SandboxTest::SetUp();
        token_ = access_token();
    }
    json page() { return parse_body(get_api("/order/openapi/order/v1/page", token_))["result"]; }
    // Waits up to `limit` for the order list to hold `count` orders.
    bool wait_for_orders(int count, std::chrono::milliseconds limit) {
        const auto deadline = Clock::now() + limit;
        while (Clock::now() < deadline) {
            if (page()["total"] == count) return true;
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        return page()["total"] == count;
    }
    std::string token_;
};

TEST_F(LateCommitTest, DropsAtOnceAndCommitsLater) {
    client().Post("/__sandbox/config", R"({"clockOffsetMs": -90000})", "application/json");
    const json listed = add_fault({{"endpoint", "save"}, {"kind", "late_commit"}, {"delay_ms", 1500}});
    EXPECT_EQ(listed["faults"][0]["delay_ms"], 1500);
    EXPECT_EQ(listed["faults"][0]["orderStatus"], "succeed");
    const auto sent = Clock::now();
    auto result = post_order(tutorial_order_body(), token_);
    EXPECT_FALSE(result); // no reply at all
    EXPECT_LT(Clock::now() - sent, std::chrono::milliseconds(1000));
    EXPECT_EQ(page()["total"], 0);
    EXPECT_EQ(orders_log(), json::array());

    ASSERT_TRUE(wait_for_orders(1, std::chrono::milliseconds(5000)));
    const std::int64_t committed = sandbox::real_now_ms() - 90000;
    EXPECT_GE(Clock::now() - sent, std::chrono::milliseconds(1500));
    const json log = orders_log();
    ASSERT_EQ(log.size(), 1u);
    EXPECT_EQ(log[0]["body"].get<std::string>(), tutorial_order_body());
    EXPECT_EQ(log[0]["result"]["orderStatus"], "succeed");
    const json order = page()["results"][0];
    EXPECT_EQ(order["id"], log[0]["result"]["orderId"]);
    // Created when it was committed, on the API's clock (not when the request came).
    EXPECT_LE(order["createTime"].get<std::int64_t>(), committed);
    EXPECT_GE(order["createTime"].get<std::int64_t>(), committed - 1000);
    EXPECT_GE(order["createTime"].get<std::int64_t>() - (log[0]["receivedAtMs"].get<std::int64_t>() - 90000),
              1500);
}

TEST_F(LateCommitTest, TakesAnOrderStatus) {
    add_fault({{"endpoint", "save"}, {"kind", "late_commit"}, {"delay_ms", 10}, {"orderStatus", "pending"}});
    post_order(tutorial_order_body(), token_);
    ASSERT_TRUE(wait_for_orders(1, std::chrono::milliseconds(3000)));
    EXPECT_EQ(page()["results"][0]["orderStatus"], "pending");
}

TEST_F(LateCommitTest, ARequestTheApiWouldRefuseIsNeverCommitted) {
    add_fault({{"endpoint", "save"}, {"kind", "late_commit"}, {"delay_ms", 10}, {"count", 2}});
    EXPECT_FALSE(post_order(tutorial_order_body(), "expired-or-unknown-token"));
    EXPECT_FALSE(post_order("{\"operationType\": \"renew_plan\"}", token_));
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    EXPECT_EQ(page()["total"], 0);
    EXPECT_EQ(orders_log(), json::array());
}

TEST_F(LateCommitTest, ResetCancelsPendingCommits) {
    add_fault({{"endpoint", "save"}, {"kind", "late_commit"}, {"delay_ms", 500}});
    post_order(tutorial_order_body(), token_);
    client().Post("/__sandbox/reset", "", "application/json");
    std::this_thread::sleep_for(std::chrono::milliseconds(900));
    EXPECT_EQ(page()["total"], 0);
    EXPECT_EQ(orders_log(), json::array());
}

TEST_F(LateCommitTest, ShutdownWithACommitPendingNeitherHangsNorCommits) {
    add_fault({{"endpoint", "save"}, {"kind", "late_commit"}, {"delay_ms", 600000}});
    post_order(tutorial_order_body(), token_);
    const auto stopping = Clock::now();
    server_.reset();
    EXPECT_LT(Clock::now() - stopping, std::chrono::seconds(5));
}

TEST_F(LateCommitTest, AppliesToTheSaveEndpointOnly) {
    auto result = client().Post("/__sandbox/faults", R"({"endpoint": "page", "kind": "late_commit"})",
                                "application/json");
    ASSERT_TRUE(result);
    EXPECT_EQ(result->status, 400);
    EXPECT_EQ(add_fault({{"endpoint", "save"}, {"kind", "late_commit"}})["faults"][0]["delay_ms"], 5000);
}

} // namespace
} // namespace sandbox_test
