// Each fault the sandbox can inject, seen through the real libcurl transport, gives the right typed
// error, and an order fault never turns into a second order.
#include "core/api_paths.h"
#include "tests/integration/sandbox_session.h"

#include <gtest/gtest.h>

using namespace rd;
using namespace rd::test;

namespace {

const Id64 tutorial_billing_id{3197218168379846218ULL};

struct SaveFault : ::testing::Test {
    SandboxSession s{sandbox::SandboxOptions{},
                     ApiClientOptions{.timeout_ms = 3000, .order_timeout_ms = 1500}};

    void SetUp() override {
        ASSERT_TRUE(s.sign_in_and_load());
        s.flow.choose_myself();
        s.flow.choose_billing_contact(tutorial_billing_id);
        s.flow.review();
        ASSERT_EQ(s.flow.stage(), Stage::reviewing);
    }

    void confirm_with(const nlohmann::json& fault) {
        nlohmann::json f = fault;
        f["endpoint"] = "save";
        s.fault(f);
        ASSERT_TRUE(s.flow.confirm());
        ASSERT_TRUE(s.pump_until([&] { return s.flow.stage() != Stage::submitting; }));
        EXPECT_FALSE(s.flow.confirm());
    }

    void expect_reconciliation_finds_the_one_order() {
        ASSERT_TRUE(
            s.pump_until([&] { return s.flow.reconciliation().status != ReconcileStatus::checking; }));
        const auto orders = s.orders();
        ASSERT_EQ(orders.size(), 1u);
        ASSERT_EQ(s.flow.reconciliation().status, ReconcileStatus::found);
        EXPECT_EQ(s.flow.reconciliation().match->order_no, orders[0]["result"]["orderNo"].get<std::string>());
        EXPECT_FALSE(s.flow.pending_journal()) << "the outcome is known: the journal is cleared";
    }
};

struct LookupFault : ::testing::Test {
    SandboxSession s{sandbox::SandboxOptions{}, ApiClientOptions{.timeout_ms = 1500}};

    const ApiError& users_error_with(const nlohmann::json& fault) {
        nlohmann::json f = fault;
        f["endpoint"] = "partner_list";
        s.fault(f);
        EXPECT_TRUE(s.sign_in_and_load());
        EXPECT_EQ(s.flow.users().status, LookupStatus::failed);
        EXPECT_EQ(s.flow.plans().status, LookupStatus::loaded); // the others are unaffected
        static const ApiError none;
        return s.flow.users().error ? *s.flow.users().error : none;
    }
};

} // namespace

TEST_F(SaveFault, ApiErrorIsFailedWithCodeDetailAndRequestId) {
    confirm_with({{"kind", "api_error"},
                  {"status", 400},
                  {"code", "insufficient_balance"},
                  {"detailMessage", "Not enough credit"}});
    ASSERT_EQ(s.flow.stage(), Stage::failed);
    EXPECT_EQ(s.flow.error()->code, "insufficient_balance");
    EXPECT_EQ(s.flow.error()->api_text, "Not enough credit");
    EXPECT_EQ(s.flow.error()->request_id.size(), 32u);
    EXPECT_EQ(s.orders().size(), 0u);
}

TEST_F(SaveFault, DroppedConnectionBeforeCommitIsOutcomeUnknownAndNoOrder) {
    confirm_with({{"kind", "drop"}});
    EXPECT_EQ(s.flow.stage(), Stage::outcome_unknown);
    EXPECT_EQ(s.orders().size(), 0u);
}

TEST_F(SaveFault, CommitThenDropIsOutcomeUnknownAndReconciliationFindsIt) {
    confirm_with({{"kind", "commit_then_drop"}});
    ASSERT_EQ(s.flow.stage(), Stage::outcome_unknown);
    expect_reconciliation_finds_the_one_order();
}

// Faults after the Partner Portal committed the order: never "failed", and the order is found.
TEST_F(SaveFault, ServerErrorEnvelopeAfterCommitIsUnknownAndFound) {
    confirm_with({{"kind", "api_error"}, {"status", 500}, {"code", "internal_error"}, {"commit", true}});
    ASSERT_EQ(s.flow.stage(), Stage::outcome_unknown);
    expect_reconciliation_finds_the_one_order();
}

TEST_F(SaveFault, GatewayTimeoutJsonAfterCommitIsUnknownAndFound) {
    confirm_with({{"kind", "http_status"},
                  {"status", 504},
                  {"content_type", "application/json"},
                  {"body", R"({"code":504,"message":"Gateway Timeout"})"},
                  {"commit", true}});
    ASSERT_EQ(s.flow.stage(), Stage::outcome_unknown);
    expect_reconciliation_finds_the_one_order();
}

TEST_F(SaveFault, ErrorEnvelopeWithHttp200AfterCommitIsUnknownAndFound) {
    confirm_with({{"kind", "api_error"}, {"status", 200}, {"code", "system_busy"}, {"commit", true}});
    ASSERT_EQ(s.flow.stage(), Stage::outcome_unknown);
    expect_reconciliation_finds_the_one_order();
}

TEST_F(SaveFault, HtmlBadGatewayAfterCommitIsUnknownAndFound) {
    confirm_with({{"kind", "html"}, {"status", 502}, {"commit", true}});
    ASSERT_EQ(s.flow.stage(), Stage::outcome_unknown);
    expect_reconciliation_finds_the_one_order();
}

TEST_F(SaveFault, ReconciliationFindsTheOrderBehindManyOlderOnesWhateverTheSortAndUnit) {
    for (const char* sort : {"newest", "oldest"})
        for (const char* unit : {"ms", "s"}) {
            s.control("POST", "/__sandbox/config", {{"orderSort", sort}, {"orderTimeUnit", unit}});
            s.control("POST", "/__sandbox/seed_orders", {{"count", 60}, {"age_s", 3600}});
            const auto before = s.orders().size();
            s.fault({{"endpoint", "save"}, {"kind", "commit_then_drop"}});
            s.flow.back_to_choosing();
            s.flow.renew_another();
            if (s.flow.stage() != Stage::reviewing) {
                s.flow.choose_myself();
                s.flow.choose_billing_contact(tutorial_billing_id);
                s.flow.review();
            }
            ASSERT_TRUE(s.flow.confirm()) << sort << unit;
            ASSERT_TRUE(s.pump_until([&] { return s.flow.stage() != Stage::submitting; }));
            ASSERT_EQ(s.flow.stage(), Stage::outcome_unknown);
            ASSERT_TRUE(
                s.pump_until([&] { return s.flow.reconciliation().status != ReconcileStatus::checking; }));
            const auto orders = s.orders();
            ASSERT_EQ(orders.size(), before + 1) << sort << unit;
            ASSERT_EQ(s.flow.reconciliation().status, ReconcileStatus::found) << sort << unit;
            EXPECT_EQ(s.flow.reconciliation().match->order_no,
                      orders.back()["result"]["orderNo"].get<std::string>())
                << sort << unit;
            EXPECT_GE(s.flow.reconciliation().pages_read, 1);
            s.flow.renew_another();
            ASSERT_EQ(s.flow.stage(), Stage::choosing);
        }
}

TEST_F(SaveFault, DropBeforeCommitIsRuledOutByReconciliationsSecondReading) {
    // The product reads the list again 30 s after a "no order yet"; the sandbox's drop never commits
    // later, so a shorter wait shows the same sequence here.
    s.flow.set_settle_ms(600);
    s.control("POST", "/__sandbox/seed_orders", {{"count", 30}, {"age_s", 600}});
    confirm_with({{"kind", "drop"}});
    ASSERT_EQ(s.flow.stage(), Stage::outcome_unknown);
    ASSERT_TRUE(s.pump_until([&] { return s.flow.recheck_at_ms().has_value(); }));
    EXPECT_TRUE(s.flow.pending_journal());
    ASSERT_TRUE(s.pump_until([&] { return s.flow.outcome_settled(); }));
    EXPECT_EQ(s.flow.reconciliation().status, ReconcileStatus::none);
    EXPECT_EQ(s.orders().size(), 0u);
    EXPECT_FALSE(s.flow.pending_journal());
}

TEST_F(SaveFault, ThePoNumberIsEchoedAndMatched) {
    s.flow.set_po_number("PO-4711");
    confirm_with({{"kind", "commit_then_drop"}});
    ASSERT_TRUE(s.pump_until([&] { return s.flow.reconciliation().status != ReconcileStatus::checking; }));
    ASSERT_EQ(s.flow.reconciliation().status, ReconcileStatus::found);
    EXPECT_TRUE(s.flow.reconciliation().matched_by_po_number);
    const auto orders = s.orders();
    ASSERT_EQ(orders.size(), 1u);
    EXPECT_NE(orders[0]["body"].get<std::string>().find(R"("poNumber": "PO-4711")"), std::string::npos);
}

TEST_F(SaveFault, DroppedReplyOnAKeptAliveConnectionIsNotResentByCurl) {
    // The lookups just used keep-alive connections to the sandbox; libcurl would retry a request whose
    // reused connection dies silently, so the order must travel on a fresh connection.
    for (int i = 0; i < 3; ++i) {
        bool loaded = false;
        s.client.get(paths::billing_contacts, [&](Result<ApiReply> r) { loaded = r.ok(); });
        ASSERT_TRUE(s.pump_until([&] { return loaded; }));
    }
    confirm_with({{"kind", "commit_then_drop"}});
    EXPECT_EQ(s.flow.stage(), Stage::outcome_unknown);
    EXPECT_EQ(s.orders().size(), 1u);
}

TEST_F(SaveFault, HtmlGatewayErrorIsOutcomeUnknownWithItsStatus) {
    confirm_with({{"kind", "html"}, {"status", 502}});
    ASSERT_EQ(s.flow.stage(), Stage::outcome_unknown);
    EXPECT_EQ(s.flow.error()->http_status, 502);
    EXPECT_EQ(s.flow.error()->kind, ErrorKind::http);
}

TEST_F(SaveFault, TruncatedSuccessIsOutcomeUnknown) {
    confirm_with({{"kind", "truncated"}});
    EXPECT_EQ(s.flow.stage(), Stage::outcome_unknown);
    EXPECT_EQ(s.flow.error()->kind, ErrorKind::parse);
}

TEST_F(SaveFault, SlowerThanTheTimeoutIsOutcomeUnknownNotFailed) {
    confirm_with({{"kind", "delay"}, {"delay_ms", 3000}});
    ASSERT_EQ(s.flow.stage(), Stage::outcome_unknown);
    EXPECT_TRUE(s.flow.error()->timed_out);
}

TEST_F(SaveFault, AnOrderCommittedAfterTheClientGaveUpIsFoundByTheSecondReading) {
    // The sandbox commits 3 s after the request came in (after sleeping), the client gave up after
    // 1.5 s: the first reading finds nothing, the reading after the settle time finds the order.
    s.flow.set_settle_ms(4000);
    confirm_with({{"kind", "delay"}, {"delay_ms", 3000}});
    ASSERT_EQ(s.flow.stage(), Stage::outcome_unknown);
    ASSERT_TRUE(s.pump_until([&] { return s.flow.outcome_settled(); }, 15000));
    ASSERT_EQ(s.flow.reconciliation().status, ReconcileStatus::found);
    const auto orders = s.orders();
    ASSERT_EQ(orders.size(), 1u);
    EXPECT_EQ(s.flow.reconciliation().match->order_no, orders[0]["result"]["orderNo"].get<std::string>());
}

TEST_F(SaveFault, PendingOrderStatusIsShownAsPending) {
    confirm_with({{"kind", "order_status"}, {"orderStatus", "pending"}});
    ASSERT_EQ(s.flow.stage(), Stage::done);
    EXPECT_EQ(s.flow.receipt().order_status, "pending");
}

TEST_F(LookupFault, MalformedBodyIsAParseError) {
    EXPECT_EQ(users_error_with({{"kind", "malformed"}}).kind, ErrorKind::parse);
}

TEST_F(LookupFault, HtmlPageIsAnHttpErrorWithTitle) {
    const ApiError& e = users_error_with({{"kind", "html"}, {"status", 502}});
    EXPECT_EQ(e.kind, ErrorKind::http);
    EXPECT_EQ(e.http_status, 502);
    EXPECT_FALSE(e.excerpt.empty());
}

TEST_F(LookupFault, PlainHttpStatusIsAnHttpError) {
    const ApiError& e = users_error_with({{"kind", "http_status"}, {"status", 503}});
    EXPECT_EQ(e.kind, ErrorKind::http);
    EXPECT_EQ(e.http_status, 503);
}

TEST_F(LookupFault, ApiErrorCodeIsAnApiError) {
    const ApiError& e = users_error_with(
        {{"kind", "api_error"}, {"status", 400}, {"code", "ip_not_allowed"}, {"detailMessage", "IP"}});
    EXPECT_EQ(e.kind, ErrorKind::api);
    EXPECT_EQ(e.code, "ip_not_allowed");
}

TEST_F(LookupFault, TruncatedBodyIsAParseError) {
    EXPECT_EQ(users_error_with({{"kind", "truncated"}}).kind, ErrorKind::parse);
}

TEST_F(LookupFault, DroppedConnectionIsANetworkError) {
    EXPECT_EQ(users_error_with({{"kind", "drop"}}).kind, ErrorKind::network);
}

TEST_F(LookupFault, DelayBeyondTheTimeoutIsATimeout) {
    const ApiError& e = users_error_with({{"kind", "delay"}, {"delay_ms", 2500}});
    EXPECT_EQ(e.kind, ErrorKind::network);
    EXPECT_TRUE(e.timed_out);
}

TEST_F(LookupFault, FailedLookupRetriedAloneLoads) {
    users_error_with({{"kind", "http_status"}, {"status", 500}});
    s.flow.retry_lookup(LookupKind::users);
    ASSERT_TRUE(s.pump_until([&] { return s.flow.users().status != LookupStatus::loading; }));
    EXPECT_EQ(s.flow.users().status, LookupStatus::loaded);
}

TEST(Transport, RefusedConnectionIsCouldNotSend) {
    auto transport = make_platform_transport();
    std::optional<HttpResponse> response;
    transport->send({.url = "http://127.0.0.1:1/"}, [&](HttpResponse r) { response = std::move(r); });
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    while (!response && std::chrono::steady_clock::now() < deadline)
        transport->poll();
    ASSERT_TRUE(response);
    EXPECT_EQ(response->failure, TransportFailure::could_not_send);
}
