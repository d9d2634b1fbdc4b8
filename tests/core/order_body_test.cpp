#include "core/order_body.h"

#include "tests/core/fixtures.h"

#include <gtest/gtest.h>

using namespace rd;
using namespace rd::test;

namespace {
std::string trimmed(std::string text) {
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r'))
        text.pop_back();
    return text;
}
} // namespace

TEST(OrderBody, ForMyselfEqualsTheTutorialBodyByteForByte) {
    RenewalOrder order{.billing_id = {3197218168379846218ULL}, .plan_id = {3049036224189325312ULL}};
    EXPECT_EQ(renewal_order_body(order), trimmed(fixture_text("tutorial_order_body.json")));
}

TEST(OrderBody, ForASubordinateUserAddsPartnerIdAsString) {
    RenewalOrder order{.partner_id = "9223372036854775001", .billing_id = {1}, .plan_id = {2}};
    auto body = nlohmann::json::parse(renewal_order_body(order));
    EXPECT_TRUE(body["partnerId"].is_string());
    EXPECT_EQ(body["partnerId"], "9223372036854775001");
    EXPECT_FALSE(body.contains("assignId"));
}

TEST(OrderBody, IdsNearTwoTo64AreBareExactNumbers) {
    RenewalOrder order{.billing_id = {9223372036854775807ULL}, .plan_id = {18446744073709551615ULL}};
    std::string body = renewal_order_body(order);
    EXPECT_NE(body.find("\"billingId\": 9223372036854775807,"), std::string::npos);
    EXPECT_NE(body.find("\"serviceId\": 18446744073709551615,"), std::string::npos);
}
