#include "core/decoders.h"

#include "core/envelope.h"
#include "core/strict_json.h"
#include "tests/core/fixtures.h"

#include <gtest/gtest.h>

using namespace rd;
using namespace rd::test;

TEST(Decoders, TokenReadsExpiresInAsString) {
    auto grant = decode_token(
        Json{{"expiresIn", "1800"}, {"refreshToken", "r"}, {"token", "t"}, {"tokenHead", "Bearer "}});
    ASSERT_TRUE(grant.ok());
    EXPECT_EQ(grant.value().expires_in_s, 1800);
    EXPECT_EQ(grant.value().token_head, "Bearer ");
}

TEST(Decoders, TokenWithoutTokenOrWithBadExpiryIsAnError) {
    EXPECT_FALSE(decode_token(Json{{"expiresIn", "1800"}}).ok());
    EXPECT_FALSE(decode_token(Json{{"token", "t"}, {"expiresIn", "soon"}}).ok());
    EXPECT_FALSE(decode_token(Json::array()).ok());
}

TEST(Decoders, SubordinateUsersKeepPartnerIdOpaque) {
    auto users = decode_subordinate_users(fixture_doc("partner_list.json"));
    ASSERT_TRUE(users.ok());
    ASSERT_EQ(users.value().size(), 2u);
    EXPECT_EQ(users.value()[0].partner_id, "9223372036854775001");
    EXPECT_EQ(users.value()[1].partner_id, "reseller.two@example.invalid");
    EXPECT_EQ(users.value()[0].company, "Alpine Networks GmbH");
}

TEST(Decoders, ListsAcceptPagingWrapperAndSingleObjectAndEmpty) {
    Json wrapped = {{"results", fixture_doc("partner_list.json")}, {"total", 2}};
    EXPECT_EQ(decode_subordinate_users(wrapped).value().size(), 2u);
    EXPECT_EQ(decode_subordinate_users(fixture_doc("partner_list.json")[0]).value().size(), 1u);
    EXPECT_TRUE(decode_subordinate_users(Json::array()).value().empty());
    EXPECT_TRUE(decode_subordinate_users(Json()).value().empty());
    EXPECT_FALSE(decode_subordinate_users(Json("text")).ok());
}

// Formerly "UserWithoutPartnerIdIsAnError": one bad entry no longer fails the list, it is skipped.
TEST(Decoders, UserWithoutPartnerIdIsSkipped) {
    std::vector<std::string> skipped;
    auto users = decode_subordinate_users(Json::array({{{"company", "x"}}}), &skipped);
    ASSERT_TRUE(users.ok());
    EXPECT_TRUE(users.value().empty());
    EXPECT_EQ(skipped, std::vector<std::string>{R"({"company":"x"})"});
}

TEST(Decoders, OneBadUserAmongGoodOnesIsSkippedAndReported) {
    Json list = fixture_doc("partner_list.json");
    list.insert(list.begin() + 1, Json{{"company", "No Id Ltd"}, {"email", "no-id@example.invalid"}});
    std::vector<std::string> skipped;
    auto users = decode_subordinate_users(list, &skipped);
    ASSERT_TRUE(users.ok()) << users.error().log_line();
    ASSERT_EQ(users.value().size(), 2u);
    EXPECT_EQ(users.value()[0].company, "Alpine Networks GmbH");
    EXPECT_EQ(users.value()[1].partner_id, "reseller.two@example.invalid");
    ASSERT_EQ(skipped.size(), 1u);
    EXPECT_EQ(skipped[0], R"({"company":"No Id Ltd","email":"no-id@example.invalid"})");
}

TEST(Decoders, ListOfOnlyBadUsersIsEmptyWithEverySkippedEntry) {
    const Json list = Json::parse(R"([42, "text", null, [1], {"partnerId": 1.5}, {"partnerId": ""},
                                      {"partnerId": {"id": 1}}, {"company": "no id"}])");
    std::vector<std::string> skipped;
    auto users = decode_subordinate_users(list, &skipped);
    ASSERT_TRUE(users.ok());
    EXPECT_TRUE(users.value().empty());
    ASSERT_EQ(skipped.size(), list.size());
    EXPECT_EQ(skipped[0], "42");
    EXPECT_EQ(skipped[4], R"({"partnerId":1.5})");
    EXPECT_TRUE(decode_subordinate_users(list).ok()); // the report is optional
}

TEST(Decoders, SkippedEntryTextIsCutWithoutSplittingACharacter) {
    std::string name;
    for (int i = 0; i < 400; ++i)
        name += "\xC3\xA9"; // é, two bytes; {"city":" puts the cut inside one
    std::vector<std::string> skipped;
    ASSERT_TRUE(decode_subordinate_users(Json::array({{{"city", name}}}), &skipped).ok());
    ASSERT_EQ(skipped.size(), 1u);
    EXPECT_EQ(skipped[0].size(), 299u + 3u); // byte 300 is the second half of an é: cut before its first
    EXPECT_EQ(skipped[0].substr(skipped[0].size() - 3), "...");
    EXPECT_NO_THROW(Json(skipped[0]).dump()); // still valid UTF-8: the strict dump accepts it
}

TEST(Decoders, PlansFoundInFlatListsShape) {
    auto catalog = decode_plan_catalog(fixture_doc("plans_flat_lists.json"));
    ASSERT_TRUE(catalog.ok());
    const auto& plans = catalog.value().plans;
    ASSERT_EQ(plans.size(), 2u);
    EXPECT_EQ(plans[0].plan_id.to_string(), "9223372036854775783");
    EXPECT_EQ(plans[1].plan_id.to_string(), "3049036224189325312");
    EXPECT_EQ(plans[1].name, "Remote Management Account");
    EXPECT_EQ(plans[1].price, "120.00");
    EXPECT_EQ(plans[1].purchase_type, "renew");
    EXPECT_NE(catalog.value().raw_json.find("offeringId"), std::string::npos);
}

TEST(Decoders, PlansFoundAtAnyDepthInNestedShape) {
    auto catalog = decode_plan_catalog(fixture_doc("plans_nested_details.json"));
    ASSERT_TRUE(catalog.ok());
    const auto& plans = catalog.value().plans;
    ASSERT_EQ(plans.size(), 2u);
    EXPECT_EQ(plans[0].plan_id.to_string(), "9007199254740993");
    EXPECT_EQ(plans[1].plan_id.to_string(), "3049036224189325312");
    EXPECT_EQ(plans[1].currency, "USD");
    EXPECT_EQ(plans[1].price, "120.5");
}

// Plans under different members of one object come in the reply's order (rd::Json keeps it), and
// so does the raw JSON shown beside them: not sorted by member name.
TEST(Decoders, PlansAndTheirRawJsonKeepTheRepliesOrder) {
    auto catalog = decode_plan_catalog(Json::parse(
        R"({"renew": {"planId": "2", "planName": "Renew"}, "annual": [{"planId": "1", "planName": "Annual"}]})"));
    ASSERT_TRUE(catalog.ok());
    const auto& plans = catalog.value().plans;
    ASSERT_EQ(plans.size(), 2u);
    EXPECT_EQ(plans[0].name, "Renew");
    EXPECT_EQ(plans[1].name, "Annual");
    EXPECT_LT(catalog.value().raw_json.find("renew"), catalog.value().raw_json.find("annual"));
}

TEST(Decoders, PlanListWithOnlyBadIdsIsAnError) {
    auto catalog =
        decode_plan_catalog(Json{{"planList", {{{"planId", 3.049036224189325e18}, {"planName", "x"}}}}});
    ASSERT_FALSE(catalog.ok());
    EXPECT_EQ(catalog.error().detail.kind, DetailKind::plan_list_no_usable_id);
    EXPECT_EQ(catalog.error().detail.subject, "planId");
    EXPECT_EQ(catalog.error().detail.id_problem, IdProblem::not_exact);
}

TEST(Decoders, EmptyPlanListIsEmptyNotAnError) {
    auto catalog = decode_plan_catalog(Json{{"offeringId", "x"}, {"planList", Json::array()}});
    ASSERT_TRUE(catalog.ok());
    EXPECT_TRUE(catalog.value().plans.empty());
}

TEST(Decoders, BillingContactIdsAreExactFromStrings) {
    auto contacts = decode_billing_contacts(fixture_doc("billing_contacts.json"));
    ASSERT_TRUE(contacts.ok());
    ASSERT_EQ(contacts.value().size(), 2u);
    EXPECT_EQ(contacts.value()[0].billing_contact_id.value, 3197218168379846218ULL);
    EXPECT_EQ(contacts.value()[1].billing_contact_id.value, 9223372036854775807ULL);
    EXPECT_EQ(contacts.value()[0].email_address, "billing@example.invalid");
}

// Formerly "NonNumericBillingContactIdIsAClearError": one bad entry no longer fails the list.
TEST(Decoders, NonNumericBillingContactIdIsSkipped) {
    std::vector<std::string> skipped;
    auto contacts = decode_billing_contacts(Json::array({{{"billingContactId", "n/a"}}}), &skipped);
    ASSERT_TRUE(contacts.ok());
    EXPECT_TRUE(contacts.value().empty());
    EXPECT_EQ(skipped, std::vector<std::string>{R"({"billingContactId":"n/a"})"});
}

TEST(Decoders, OneBadBillingContactAmongGoodOnesIsSkippedAndReported) {
    Json list = fixture_doc("billing_contacts.json");
    list.push_back(Json::parse(R"({"billingContactId": 3.197218168379846e18, "company": "Float Id"})"));
    std::vector<std::string> skipped;
    auto contacts = decode_billing_contacts(list, &skipped);
    ASSERT_TRUE(contacts.ok()) << contacts.error().log_line();
    ASSERT_EQ(contacts.value().size(), 2u);
    EXPECT_EQ(contacts.value()[0].billing_contact_id.value, 3197218168379846218ULL);
    EXPECT_EQ(contacts.value()[1].billing_contact_id.value, 9223372036854775807ULL);
    ASSERT_EQ(skipped.size(), 1u);
    EXPECT_NE(skipped[0].find("Float Id"), std::string::npos);
    EXPECT_NE(skipped[0].find("billingContactId"), std::string::npos);
}

TEST(Decoders, ListOfOnlyBadBillingContactsIsEmptyWithEverySkippedEntry) {
    const Json list = Json::parse(R"([7, {"company": "missing id"}, {"billingContactId": -5},
                                      {"billingContactId": 1.5}, {"billingContactId": null}, {"billingContactId": [1]},
                                      {"billingContactId": "18446744073709551616"}])");
    std::vector<std::string> skipped;
    auto contacts = decode_billing_contacts(list, &skipped);
    ASSERT_TRUE(contacts.ok());
    EXPECT_TRUE(contacts.value().empty());
    ASSERT_EQ(skipped.size(), list.size());
    EXPECT_EQ(skipped[1], R"({"company":"missing id"})");
}

TEST(Decoders, BillingContactListOfTheWrongShapeStillFails) {
    std::vector<std::string> skipped;
    EXPECT_FALSE(decode_billing_contacts(Json("text"), &skipped).ok());
    EXPECT_FALSE(decode_billing_contacts(Json(12), &skipped).ok());
    EXPECT_TRUE(skipped.empty());
}

TEST(Decoders, TutorialReceiptHasAllSixMembers) {
    auto receipt = decode_order_receipt(fixture_doc("tutorial_order_response.json")["result"]);
    EXPECT_EQ(receipt.instance_id, "1946688");
    EXPECT_EQ(receipt.order_id, "1780042");
    EXPECT_EQ(receipt.order_no, "MK3400814131142238208");
    EXPECT_EQ(receipt.order_status, "succeed");
    EXPECT_EQ(receipt.product_no, "3076913644890832896");
    EXPECT_EQ(receipt.transaction_no, "IH3400814132429889537");
}

TEST(Decoders, ReceiptWithNumericIdsKeepsExactDigits) {
    auto receipt =
        decode_order_receipt(Json::parse(R"({"orderId": 9223372036854775807, "orderStatus": "pending"})"));
    EXPECT_EQ(receipt.order_id, "9223372036854775807");
    EXPECT_EQ(receipt.order_status, "pending");
}

TEST(Decoders, OrderPageReadsPagingWrapper) {
    auto page = decode_order_page(Json::parse(R"({"count":1,"pageNo":1,"pageSize":25,"total":1,"totalPage":1,
        "results":[{"id":"4444444444444444444","orderNo":"MK1","orderStatus":"pending","currencyCode":"USD",
                    "createTime":1700000000000,"customReferenceNo":"","invoiceNo":""}]})"));
    ASSERT_TRUE(page.ok());
    ASSERT_EQ(page.value().orders.size(), 1u);
    EXPECT_EQ(page.value().orders[0].id, "4444444444444444444");
    EXPECT_EQ(page.value().orders[0].create_time, 1700000000000);
    EXPECT_EQ(page.value().total, 1);
}

TEST(Decoders, OrderPageToleratesWrongTypesInPagingMembers) {
    auto page =
        decode_order_page(Json::parse(R"({"total":"many","results":[{"id":"1","createTime":"yesterday"}]})"));
    ASSERT_TRUE(page.ok());
    EXPECT_EQ(page.value().total, 1);
    EXPECT_EQ(page.value().orders[0].create_time, 0);
}

// The sandbox's odd_numbers fault writes every id as one number; none of them becomes an id.
TEST(Decoders, OddNumbersAsIdsAreSkippedOrRefusedNeverRead) {
    for (const char* number : {"1e3", "-0", "18446744073709551616"}) {
        const std::string n = number;
        std::vector<std::string> skipped;
        auto users =
            decode_subordinate_users(Json::parse(R"([{"partnerId":)" + n + R"(,"company":"A"}])"), &skipped);
        ASSERT_TRUE(users.ok()) << number;
        EXPECT_TRUE(users.value().empty()) << number;
        EXPECT_EQ(skipped.size(), 1u) << number;

        skipped.clear();
        auto contacts =
            decode_billing_contacts(Json::parse(R"([{"billingContactId":)" + n + R"(,"company":"B"},
                                                                  {"billingContactId":"3197218168379846218"}])"),
                                    &skipped);
        ASSERT_TRUE(contacts.ok()) << number;
        ASSERT_EQ(contacts.value().size(), 1u) << number;
        EXPECT_EQ(contacts.value()[0].billing_contact_id.value, 3197218168379846218ULL);
        EXPECT_EQ(skipped.size(), 1u) << number;

        auto plans =
            decode_plan_catalog(Json::parse(R"({"planList":[{"planId":)" + n + R"(,"planName":"P"}]})"));
        ASSERT_FALSE(plans.ok()) << number;
        EXPECT_EQ(plans.error().detail.subject, "planId") << number;
    }
}

TEST(Decoders, AUserWhoseIdLostABytePartIsSkippedButOthersWithBadNamesStay) {
    // After envelope.cpp replaced bytes that were not UTF-8: a name shows U+FFFD, an id is no longer exact.
    const Json list = {{{"partnerId", "p1\xEF\xBF\xBD"}, {"company", "Lost Id"}},
                       {{"partnerId", "p2"}, {"company", "Caf\xEF\xBF\xBD"}}};
    std::vector<std::string> skipped;
    auto users = decode_subordinate_users(list, &skipped);
    ASSERT_TRUE(users.ok());
    ASSERT_EQ(users.value().size(), 1u);
    EXPECT_EQ(users.value()[0].partner_id, "p2");
    EXPECT_EQ(users.value()[0].company, "Caf\xEF\xBF\xBD");
    ASSERT_EQ(skipped.size(), 1u);
    EXPECT_NE(skipped[0].find("Lost Id"), std::string::npos);
}

// The quick path (plain_json under decode_envelope) gives the users nlohmann's own parse gives.
TEST(Decoders, UsersThroughTheQuickReaderMatchNlohmannsParseOnEveryShape) {
    const std::string user =
        R"({"partnerId":"18446744073709551615","company":"A \"B\" \u00e9","email":"e@x","firstName":1,)"
        R"("lastName":-0,"userType":true,"country":null,"city":{"x":[1]},"phoneNumber":"+45","extra":[]})";
    const std::vector<std::string> results = {
        "[" + user + R"(,{"partnerId":7205759403792793600},{"partnerId":-1},{"company":"no id"},"str",3])",
        R"({"total":2,"list":[)" + user + R"(,{"partnerId":"a@b.c"}]})",
        R"({"data":{},"records":[{"partnerId":1}],"items":[{"partnerId":2}]})",
        user,
        "null",
        "[{\"partnerId\":\"12\xC3\",\"company\":\"Caf\xC3\xA9 "
        "\xFF\"},{\"partnerId\":\"13\",\"city\":\"\xE2\x82\"}]",
        R"([{"partnerId":"14","price":1.5,"big":18446744073709551616}])", // outside the plain subset
    };
    auto fields = [](const SubordinateUser& u) {
        return std::vector<std::string>{u.partner_id, u.company, u.email, u.first_name,  u.last_name,
                                        u.user_type,  u.country, u.city,  u.phone_number};
    };
    for (const std::string& result : results) {
        const std::string body = R"({"code":"success","requestId":"r","result":)" + result + "}";
        auto reply = decode_envelope(HttpResponse{.status = 200, .body = body});
        ASSERT_TRUE(reply.ok()) << body;
        std::vector<std::string> skipped, expected_skipped;
        auto users = decode_subordinate_users(reply.value().result, &skipped);
        // The reference: the body repaired as the envelope does, then nlohmann's plain parse.
        bool changed = false;
        const Json reference = Json::parse(valid_utf8(body, changed))["result"];
        auto expected = decode_subordinate_users(reference, &expected_skipped);
        ASSERT_EQ(users.ok(), expected.ok()) << body;
        ASSERT_EQ(users.value().size(), expected.value().size()) << body;
        for (std::size_t i = 0; i < users.value().size(); ++i)
            EXPECT_EQ(fields(users.value()[i]), fields(expected.value()[i])) << body;
        EXPECT_EQ(skipped, expected_skipped) << body;
    }
    // A member named twice is still refused, in a user as in the envelope.
    const std::string twice = R"({"code":"success","result":[{"partnerId":"1","city":"a","city":"b"}]})";
    EXPECT_FALSE(decode_envelope(HttpResponse{.status = 200, .body = twice}).ok());
}
