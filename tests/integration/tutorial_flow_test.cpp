// The tutorial's four steps end to end: real sandbox, real libcurl, the core's flow.
#include "core/api_paths.h"
#include "tests/integration/sandbox_session.h"

#include "tests/core/fixtures.h"

#include "core/order_reference.h"

#include <gtest/gtest.h>

using namespace rd;
using namespace rd::test;

namespace {

const Id64 tutorial_billing_id{3197218168379846218ULL};
const Id64 tutorial_plan_id{3049036224189325312ULL};

std::string tutorial_body() {
    std::string body = fixture_text("tutorial_order_body.json");
    while (!body.empty() && body.back() == '\n')
        body.pop_back();
    return body;
}

void choose_and_review(SandboxSession& s, const std::string& partner_id) {
    if (partner_id.empty()) s.flow.choose_myself();
    else s.flow.choose_subordinate(partner_id);
    s.flow.choose_billing_contact(tutorial_billing_id);
    s.flow.review();
}

} // namespace

TEST(TutorialFlow, RenewalForMyselfReachesTheSandboxAsTheTutorialBody) {
    SandboxSession s;
    ASSERT_TRUE(s.sign_in_and_load());
    ASSERT_EQ(s.flow.users().status, LookupStatus::loaded) << s.flow.users().error->log_line();
    ASSERT_EQ(s.flow.plans().status, LookupStatus::loaded) << s.flow.plans().error->log_line();
    ASSERT_EQ(s.flow.contacts().status, LookupStatus::loaded) << s.flow.contacts().error->log_line();
    ASSERT_EQ(s.flow.selection().plan_id, std::optional<Id64>(tutorial_plan_id)); // preselected by name

    choose_and_review(s, "");
    ASSERT_EQ(s.flow.stage(), Stage::reviewing);
    ASSERT_TRUE(s.flow.confirm());
    ASSERT_TRUE(s.pump_until([&] { return s.flow.stage() != Stage::submitting; }));
    ASSERT_EQ(s.flow.stage(), Stage::done) << s.flow.error()->log_line();

    auto orders = s.orders();
    ASSERT_EQ(orders.size(), 1u);
    // The tutorial's body plus the reference every order carries (order_reference.h), nothing else.
    const std::string reference = s.flow.order().po_number;
    ASSERT_TRUE(is_generated_reference(reference)) << reference;
    EXPECT_EQ(
        without_member_line(orders[0]["body"].get<std::string>(), "  \"poNumber\": \"" + reference + "\",\n"),
        tutorial_body());
    EXPECT_EQ(orders[0]["result"]["orderNo"].get<std::string>(), s.flow.receipt().order_no);
    EXPECT_FALSE(s.flow.receipt().order_id.empty());
    EXPECT_EQ(s.flow.receipt().order_status, "succeed");
    EXPECT_EQ(s.flow.receipt().request_id.size(), 32u);
}

TEST(TutorialFlow, RenewalForASubordinateUserCarriesItsPartnerIdExactly) {
    SandboxSession s;
    ASSERT_TRUE(s.sign_in_and_load());
    ASSERT_FALSE(s.flow.users().value.empty());
    const std::string partner_id = s.flow.users().value.back().partner_id;
    choose_and_review(s, partner_id);
    ASSERT_TRUE(s.flow.confirm());
    ASSERT_TRUE(s.pump_until([&] { return s.flow.stage() != Stage::submitting; }));
    ASSERT_EQ(s.flow.stage(), Stage::done) << s.flow.error()->log_line();

    auto orders = s.orders();
    ASSERT_EQ(orders.size(), 1u);
    auto body = nlohmann::json::parse(orders[0]["body"].get<std::string>());
    EXPECT_EQ(body["partnerId"], partner_id);
    EXPECT_EQ(orders[0]["body"].get<std::string>(), s.flow.order_body());
}

TEST(TutorialFlow, EveryPlanIdAboveTwoTo53ArrivesWithExactDigits) {
    SandboxSession s;
    ASSERT_TRUE(s.sign_in_and_load());
    ASSERT_GE(s.flow.plans().value.plans.size(), 2u);
    for (const auto& plan : s.flow.plans().value.plans) {
        EXPECT_GT(plan.plan_id.value, 9007199254740992ULL) << plan.name;
        EXPECT_NE(s.flow.plans().value.raw_json.find(plan.plan_id.to_string()), std::string::npos);
    }
}

TEST(TutorialFlow, ExpiredTokenOnALookupIsRefreshedAndRetriedTransparently) {
    SandboxSession s;
    ASSERT_TRUE(s.sign_in_and_load());
    s.control("POST", "/__sandbox/expire_tokens");
    int token_requests = s.client.token_requests_sent();
    s.flow.reconcile(); // ignored outside outcome_unknown
    bool loaded = false;
    s.client.get(paths::subordinate_users, [&](Result<ApiReply> reply) { loaded = reply.ok(); });
    ASSERT_TRUE(s.pump_until([&] { return loaded; }));
    EXPECT_EQ(s.client.token_requests_sent(), token_requests + 1);
}

TEST(TutorialFlow, WrongSecretIsRefusedWithTheApiMessage) {
    SandboxSession s;
    s.flow.sign_in(s.server.base_url(), "demo-client-id", "not-the-secret");
    ASSERT_TRUE(s.pump_until([&] { return s.flow.stage() == Stage::signed_out; }));
    ASSERT_TRUE(s.flow.error());
    EXPECT_EQ(s.flow.error()->kind, ErrorKind::auth);
    EXPECT_FALSE(s.flow.error()->code.empty());
    EXPECT_EQ(s.flow.error()->request_id.size(), 32u);
}

TEST(TutorialFlow, ManyGeneratedUsersLoad) {
    SandboxSession s(sandbox::SandboxOptions{.generated_users = 10000});
    ASSERT_TRUE(s.sign_in_and_load());
    EXPECT_GE(s.flow.users().value.size(), 10000u);
}
