// Every orderStatus the order list documents (and the "con..." one it cuts off) on a posted order, via
// the order_status save fault: in the save reply, the list and the details.
#include "tests/sandbox/sandbox_test_support.h"

namespace sandbox_test {
namespace {

using OrderStatusesTest = SandboxTest;

TEST_F(OrderStatusesTest, APostedOrderCanHaveAnyOrderStatus) {
    const std::string token = access_token();
    const std::vector<std::string> statuses = {"succeed",   "pending",  "failed",     "invalid",
                                               "cancelled", "refunded", "confirming", "someday_new"};
    for (const std::string& status : statuses) {
        add_fault({{"endpoint", "save"}, {"kind", "order_status"}, {"orderStatus", status}});
        auto saved = post_order(tutorial_order_body(), token);
        expect_envelope(saved, 200, "success");
        const json result = parse_body(saved)["result"];
        EXPECT_EQ(result["orderStatus"], status);
        const json listed =
            parse_body(get_api("/order/openapi/order/v1/page", token))["result"]["results"][0];
        EXPECT_EQ(listed["id"], result["orderId"]);
        EXPECT_EQ(listed["orderStatus"], status);
        const json details =
            parse_body(get_api("/order/openapi/order/v1/get/" + result["orderId"].get<std::string>(), token));
        EXPECT_EQ(details["result"]["orderInformation"]["orderStatus"], status);
    }
    EXPECT_EQ(orders_log().size(), statuses.size());
}

} // namespace
} // namespace sandbox_test
