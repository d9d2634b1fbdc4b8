#include "cli/json_output.h"

#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

using namespace rd;
using namespace rd::cli;

TEST(JsonOutput, IdsAbove2To53AreExactStrings) {
    Plan plan{.plan_id = Id64{9007199254740993u}, .name = "Remote Management Account"};
    const std::string plans = plans_json({plan}, 0);
    EXPECT_NE(plans.find("\"planId\":\"9007199254740993\""), std::string::npos) << plans;
    EXPECT_NE(plans.find("\"preferred\":true"), std::string::npos) << plans;

    BillingContact contact{.billing_contact_id = Id64{18446744073709551615u}, .first_name = "李"};
    const std::string contacts = contacts_json({contact});
    EXPECT_NE(contacts.find("\"billingContactId\":\"18446744073709551615\""), std::string::npos) << contacts;
    EXPECT_NE(contacts.find("李"), std::string::npos); // UTF-8 kept, not \u-escaped
}

TEST(JsonOutput, UsersAndOrdersHaveTheDocumentedMembersInOrder) {
    SubordinateUser user{.partner_id = "12345678901234567890", .company = "Ａ社"};
    EXPECT_EQ(users_json({user}),
              "{\"users\":[{\"partnerId\":\"12345678901234567890\",\"company\":\"Ａ社\",\"email\":\"\","
              "\"firstName\":\"\",\"lastName\":\"\",\"userType\":\"\",\"country\":\"\",\"city\":\"\","
              "\"phoneNumber\":\"\"}]}");
    OrderSummary order{.id = "9007199254740995",
                       .order_no = "MK1",
                       .order_status = "succeed",
                       .currency_code = "USD",
                       .create_time = 1764255600000,
                       .custom_reference_no = "PO-1"};
    EXPECT_EQ(orders_json({order}),
              "{\"orders\":[{\"id\":\"9007199254740995\",\"orderNo\":\"MK1\",\"orderStatus\":\"succeed\","
              "\"currencyCode\":\"USD\",\"createTime\":1764255600000,\"customReferenceNo\":\"PO-1\"}],"
              "\"total\":1}");
}

TEST(JsonOutput, RenewSplicesTheExactBodySent) {
    const std::string body =
        "{\"type\":\"renew_plan\",\"billingId\":9007199254740993,\"serviceId\":18446744073709551615}";
    const std::string doc = renew_json({.outcome = "placed",
                                        .order_no = "MK1",
                                        .order_id = "1",
                                        .order_status = "succeed",
                                        .request_id = "r",
                                        .body = body});
    EXPECT_NE(doc.find("\"body\":" + body + "}"), std::string::npos) << doc;
    const auto parsed = nlohmann::json::parse(doc, nullptr, false);
    ASSERT_FALSE(parsed.is_discarded());
    EXPECT_EQ(parsed["outcome"], "placed");
}

TEST(JsonOutput, OrderDetailsAreTheResultVerbatim) {
    const std::string body =
        "{\"code\":\"success\",\"result\": {\"orderInformation\":{\"orderNo\":\"MK\\\"1\","
        "\"price\":1.10, \"id\":18446744073709551615}} ,\"requestId\":\"r\"}";
    const auto raw = raw_member(body, "result");
    ASSERT_TRUE(raw.has_value());
    EXPECT_EQ(*raw,
              "{\"orderInformation\":{\"orderNo\":\"MK\\\"1\",\"price\":1.10, \"id\":18446744073709551615}}");
    EXPECT_EQ(order_json(*raw), "{\"order\":" + std::string(*raw) + "}");
    EXPECT_EQ(raw_member(body, "requestId").value_or(""), "\"r\"");
    EXPECT_FALSE(raw_member(body, "missing").has_value());
    EXPECT_EQ(raw_member("{\"a\":[1,{\"b\":\"]\"}],\"result\":null}", "result").value_or(""), "null");
}

TEST(JsonOutput, BatchRowsAndTheResultPath) {
    BatchRow row{.target = {.partner_id = "", .company = "Me"},
                 .status = BatchRowStatus::pending,
                 .order_no = "MK2",
                 .order_status = "pending",
                 .request_id = "q"};
    EXPECT_EQ(batch_json({row}, "/tmp/x.result.csv"),
              "{\"rows\":[{\"partnerId\":\"\",\"company\":\"Me\",\"status\":\"pending\",\"orderNo\":\"MK2\","
              "\"orderStatus\":\"pending\",\"requestId\":\"q\"}],\"resultCsv\":\"/tmp/x.result.csv\"}");
}

TEST(JsonOutput, InvalidUtf8InANameStillGivesValidJson) {
    SubordinateUser user{.partner_id = "1", .company = "bad \xFF byte"};
    const auto parsed = nlohmann::json::parse(users_json({user}), nullptr, false);
    EXPECT_FALSE(parsed.is_discarded());
}
