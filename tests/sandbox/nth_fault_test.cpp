// "nth": a fault armed for the Nth request of its endpoint (the order POSTs of a batch), counted from
// when it was added; the requests before it are answered normally, and it holds back no other fault.
#include "tests/sandbox/sandbox_test_support.h"

namespace sandbox_test {
namespace {

using NthFaultTest = SandboxTest;

TEST_F(NthFaultTest, FaultsOnTheThirdAndFifthOrderPostOnly) {
    const std::string token = access_token();
    add_fault({{"endpoint", "save"}, {"kind", "api_error"}, {"status", 422}, {"nth", 3}});
    add_fault({{"endpoint", "save"}, {"kind", "commit_then_drop"}, {"nth", 5}});
    std::vector<int> statuses;
    for (int i = 1; i <= 6; ++i) {
        auto result = post_order(tutorial_order_body(), token);
        statuses.push_back(result ? result->status : -1); // -1: the connection was dropped
    }
    EXPECT_EQ(statuses, (std::vector<int>{200, 200, 422, 200, -1, 200}));
    EXPECT_EQ(orders_log().size(), 5u) << "the refused 3rd is not committed, the dropped 5th is";
    EXPECT_EQ(add_fault(json::array())["faults"].size(), 0u) << "both used up";
}

TEST_F(NthFaultTest, AWaitingFaultHoldsBackNoFaultQueuedBehindIt) {
    const std::string token = access_token();
    add_fault({{"endpoint", "save"}, {"kind", "api_error"}, {"status", 400}, {"nth", 2}});
    add_fault({{"endpoint", "save"}, {"kind", "api_error"}, {"status", 403}});
    auto first = post_order(tutorial_order_body(), token);
    auto second = post_order(tutorial_order_body(), token);
    auto third = post_order(tutorial_order_body(), token);
    ASSERT_TRUE(first && second && third);
    EXPECT_EQ(first->status, 403);
    EXPECT_EQ(second->status, 400);
    EXPECT_EQ(third->status, 200);
}

TEST_F(NthFaultTest, OtherEndpointsDoNotCountAndTheListShowsWhatIsLeft) {
    const std::string token = access_token();
    const json listed = add_fault({{"endpoint", "save"}, {"kind", "malformed"}, {"nth", 2}});
    EXPECT_EQ(listed["faults"][0]["nth"], 2);
    get_api("/user/openapi/user/v1/client/partner_list", token);
    auto first = post_order(tutorial_order_body(), token);
    auto second = post_order(tutorial_order_body(), token);
    ASSERT_TRUE(first && second);
    EXPECT_EQ(first->status, 200);
    EXPECT_EQ(second->status, 200);
    EXPECT_FALSE(json::accept(second->body)) << "the 2nd order POST got the fault";
}

TEST_F(NthFaultTest, ABadNthIsRefused) {
    auto http = client();
    for (const char* nth : {"0", "-2", "\"3\"", "1.5"}) {
        auto result = http.Post("/__sandbox/faults",
                                std::string(R"({"endpoint":"save","kind":"drop","nth":)") + nth + "}",
                                "application/json");
        ASSERT_TRUE(result);
        EXPECT_EQ(result->status, 400) << nth;
    }
}

} // namespace
} // namespace sandbox_test
