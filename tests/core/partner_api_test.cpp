// core/partner_api: one read per endpoint (GET → envelope → decoder), a decoder's failure carrying the
// reply's requestId, entries that could not be read handed back beside the list.
#include "core/partner_api.h"

#include "core/api_paths.h"
#include "tests/core/fake_transport.h"
#include "tests/core/fixtures.h"

#include <gtest/gtest.h>

using namespace rd;
using namespace rd::test;

namespace {

struct PartnerApiTest : ::testing::Test {
    FakeTransport transport;
    FakeClock clock;
    ApiClient client{transport, clock, {.base_url = "https://api.example.invalid"}};

    void SetUp() override {
        client.sign_in("id", "secret", [](Result<Done>) {});
        transport.reply(paths::token, ok(token_result("access-1", "refresh-1", "1800")));
        ASSERT_TRUE(client.signed_in());
    }
};

} // namespace

TEST_F(PartnerApiTest, PlansAreDecodedFromTheirEndpoint) {
    std::optional<Result<PlanCatalog>> plans;
    fetch_plans(client, [&](Result<PlanCatalog> r) { plans = std::move(r); });
    ASSERT_EQ(transport.sent_count(paths::remote_management_plans), 1u);
    transport.reply(paths::remote_management_plans, ok(fixture_json("plans_flat_lists.json")));
    ASSERT_TRUE(plans && *plans) << plans->error().log_line();
    EXPECT_FALSE(plans->value().plans.empty());
}

TEST_F(PartnerApiTest, ADecoderFailureCarriesTheRepliesRequestId) {
    std::optional<Result<PlanCatalog>> plans;
    fetch_plans(client, [&](Result<PlanCatalog> r) { plans = std::move(r); });
    transport.reply(paths::remote_management_plans,
                    ok({{"planList", {{{"planId", "twelve"}, {"planName", "Remote Management Account"}}}}},
                       "req-plans-7"));
    ASSERT_TRUE(plans && !*plans);
    EXPECT_EQ(plans->error().request_id, "req-plans-7");
    EXPECT_NE(plans->error().kind, ErrorKind::network);
}

TEST_F(PartnerApiTest, ARequestErrorIsHandedOverAsItCame) {
    std::optional<Result<OrderPage>> page;
    fetch_order_page(client, 2, 25, [&](Result<OrderPage> r) { page = std::move(r); });
    ASSERT_EQ(transport.sent_count(paths::order_page(2, 25)), 1u);
    transport.reply(paths::order_page(2, 25),
                    api_error(400, "parameter_validation_failed", "bad page", "req-9"));
    ASSERT_TRUE(page && !*page);
    EXPECT_EQ(page->error().request_id, "req-9");
    EXPECT_EQ(page->error().code, "parameter_validation_failed");
}

TEST_F(PartnerApiTest, ContactsThatCannotBeReadComeBackBesideTheList) {
    nlohmann::json contacts = fixture_json("billing_contacts.json");
    contacts.push_back({{"billingContactId", "not digits"}, {"firstName", "Broken"}});
    std::optional<Result<std::vector<BillingContact>>> read;
    SkippedEntries skipped;
    fetch_billing_contacts(client, [&](Result<std::vector<BillingContact>> r, SkippedEntries s) {
        read = std::move(r);
        skipped = std::move(s);
    });
    transport.reply(paths::billing_contacts, ok(contacts));
    ASSERT_TRUE(read && *read);
    EXPECT_EQ(read->value().size(), fixture_json("billing_contacts.json").size());
    ASSERT_EQ(skipped.size(), 1u);
    EXPECT_NE(skipped[0].find("Broken"), std::string::npos);
}

TEST_F(PartnerApiTest, OrderDetailsAreReadByTheirId) {
    std::optional<Result<OrderDetails>> details;
    fetch_order_details(client, "1234567890123456789",
                        [&](Result<OrderDetails> r) { details = std::move(r); });
    ASSERT_EQ(transport.sent_count(paths::order_details("1234567890123456789")), 1u);
    transport.reply(paths::order_details("1234567890123456789"),
                    ok({{"orderInformation", {{"orderNo", "MK1"}, {"orderStatus", "Paid"}}}}));
    ASSERT_TRUE(details && *details);
    EXPECT_EQ(details->value().order_status, "Paid");
}
