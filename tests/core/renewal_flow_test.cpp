#include "core/renewal_flow.h"

#include "core/api_paths.h"
#include "core/decoders.h"
#include "tests/core/fake_transport.h"
#include "tests/core/fixtures.h"

#include <gtest/gtest.h>

using namespace rd;
using namespace rd::test;

namespace {

constexpr const char* token_path = "/oauth/token";
constexpr const char* users_path = "/partner_list";
constexpr const char* plans_path = "/purchase_product_info?productId=15";
constexpr const char* contacts_path = "/billing_contact_list";
constexpr const char* save_path = paths::create_order;
constexpr const char* page_path = paths::order_list;

// An order as the list shows it; `reference` is its customReferenceNo (another operator's: "").
nlohmann::json order(const std::string& order_no, std::int64_t create_time_ms,
                     const std::string& reference = "") {
    return {{"id", "44" + std::to_string(create_time_ms)},
            {"orderNo", order_no},
            {"orderStatus", "pending"},
            {"currencyCode", "USD"},
            {"createTime", create_time_ms},
            {"customReferenceNo", reference}};
}

HttpResponse order_page(const std::vector<nlohmann::json>& orders) {
    return ok({{"count", orders.size()},
               {"pageNo", 1},
               {"pageSize", 25},
               {"total", orders.size()},
               {"totalPage", 1},
               {"results", orders}});
}

struct RenewalFlowTest : ::testing::Test {
    FakeTransport transport;
    FakeClock clock;
    ApiClient client{transport, clock, {}};
    MemoryJournalStore journal;
    RenewalFlow flow{client, &journal};

    void sign_in() {
        flow.sign_in("http://sandbox.invalid", "demo-client-id", "demo-client-secret");
        transport.reply(token_path, ok(token_result()));
    }

    void load_everything() {
        sign_in();
        transport.reply(users_path, ok(fixture_json("partner_list.json")));
        transport.reply(plans_path, ok(fixture_json("plans_flat_lists.json")));
        transport.reply(contacts_path, ok(fixture_json("billing_contacts.json")));
    }

    // The order list shows no new order, read once at once and once after the settle time.
    void read_no_order_twice() {
        transport.reply(page_path, order_page({}));
        clock.now += RenewalFlow::default_settle_ms;
        flow.tick();
        transport.reply(page_path, order_page({}));
        ASSERT_TRUE(flow.outcome_settled());
    }

    void reach_review_for_myself() {
        load_everything();
        flow.choose_myself();
        flow.choose_billing_contact(Id64{3197218168379846218ULL});
        flow.review();
        ASSERT_EQ(flow.stage(), Stage::reviewing);
    }
};

} // namespace

TEST_F(RenewalFlowTest, EmptyCredentialsAreRefusedWithoutARequest) {
    flow.sign_in("http://sandbox.invalid", "", "secret");
    EXPECT_EQ(flow.stage(), Stage::signed_out);
    ASSERT_TRUE(flow.error());
    EXPECT_EQ(flow.error()->kind, ErrorKind::input);
    EXPECT_TRUE(transport.sent.empty());
}

TEST_F(RenewalFlowTest, RejectedSignInReturnsToSignedOutWithTheApiMessage) {
    flow.sign_in("http://sandbox.invalid", "id", "wrong");
    EXPECT_EQ(flow.stage(), Stage::signing_in);
    transport.reply(token_path, api_error(401, "invalid_client", "Client ID or secret is wrong", "req-7"));
    EXPECT_EQ(flow.stage(), Stage::signed_out);
    ASSERT_TRUE(flow.error());
    EXPECT_EQ(flow.error()->request_id, "req-7");
}

TEST_F(RenewalFlowTest, ThreeLookupsAreInFlightAtOnceAfterSignIn) {
    sign_in();
    EXPECT_EQ(flow.stage(), Stage::choosing);
    EXPECT_EQ(transport.pending.size(), 3u);
    EXPECT_EQ(transport.pending_count(users_path), 1u);
    EXPECT_EQ(transport.pending_count(plans_path), 1u);
    EXPECT_EQ(transport.pending_count(contacts_path), 1u);
    EXPECT_EQ(flow.users().status, LookupStatus::loading);
    EXPECT_TRUE(flow.busy());
}

TEST_F(RenewalFlowTest, RemoteManagementAccountPlanIsPreselected) {
    load_everything();
    ASSERT_TRUE(flow.selection().plan_id);
    EXPECT_EQ(flow.selection().plan_id->value, 3049036224189325312ULL);
    EXPECT_EQ(flow.chosen_plan()->name, "Remote Management Account");
}

TEST(PlanPreference, RemoteManagementAccountInFlatListsShapeIsPreferred) {
    auto catalog = decode_plan_catalog(fixture_doc("plans_flat_lists.json"));
    ASSERT_TRUE(catalog.ok());
    EXPECT_EQ(preferred_plan_index(catalog.value().plans), std::optional<std::size_t>(1));
}

TEST(PlanPreference, NameContainingItInAnyCaseIsPreferredInNestedShape) {
    auto catalog = decode_plan_catalog(fixture_doc("plans_nested_details.json"));
    ASSERT_TRUE(catalog.ok());
    EXPECT_EQ(preferred_plan_index(catalog.value().plans), std::optional<std::size_t>(1));
}

TEST(PlanPreference, NoRemoteManagementAccountPlanMeansNoPreselection) {
    std::vector<Plan> plans = {Plan{.plan_id = {1}, .name = "Something else"}};
    EXPECT_FALSE(preferred_plan_index(plans).has_value());
}

TEST(PlanPreference, ExactNameBeatsPartialName) {
    std::vector<Plan> plans = {Plan{.plan_id = {1}, .name = "Remote Management Account Trial"},
                               Plan{.plan_id = {2}, .name = "Remote Management Account"}};
    EXPECT_EQ(preferred_plan_index(plans), std::optional<std::size_t>(1));
}

TEST_F(RenewalFlowTest, SingleBillingContactIsPreselectedButTwoAreNot) {
    sign_in();
    transport.reply(contacts_path, ok(nlohmann::json::array({fixture_json("billing_contacts.json")[0]})));
    EXPECT_EQ(flow.selection().billing_id, std::optional<Id64>(Id64{3197218168379846218ULL}));

    flow.sign_out();
    sign_in();
    transport.reply(contacts_path, ok(fixture_json("billing_contacts.json")));
    EXPECT_FALSE(flow.selection().billing_id);
}

TEST_F(RenewalFlowTest, ReviewWaitsForEveryChoice) {
    load_everything();
    flow.review();
    EXPECT_EQ(flow.stage(), Stage::choosing);
    EXPECT_EQ(flow.missing_choice(), MissingChoice::target);
    flow.choose_subordinate("reseller.two@example.invalid");
    EXPECT_EQ(flow.missing_choice(), MissingChoice::contact);
    flow.choose_billing_contact(Id64{9223372036854775807ULL});
    EXPECT_FALSE(flow.missing_choice());
    flow.review();
    EXPECT_EQ(flow.stage(), Stage::reviewing);
}

TEST_F(RenewalFlowTest, UnknownPartnerOrContactCannotBeChosen) {
    load_everything();
    flow.choose_subordinate("not-in-the-list");
    flow.choose_billing_contact(Id64{42});
    EXPECT_FALSE(flow.selection().target);
    EXPECT_FALSE(flow.selection().billing_id);
}

TEST_F(RenewalFlowTest, RenewalForMyselfSendsTheTutorialBody) {
    reach_review_for_myself();
    EXPECT_TRUE(flow.confirm());
    ASSERT_EQ(transport.sent_count(save_path), 1u);
    std::string expected = fixture_text("tutorial_order_body.json");
    expected.pop_back();
    // The tutorial's body and the reference every order carries (order_reference.h), nothing else.
    const std::string reference = flow.order().po_number;
    EXPECT_TRUE(is_generated_reference(reference)) << reference;
    EXPECT_EQ(without_member_line(transport.sent.back().body, "  \"poNumber\": \"" + reference + "\",\n"),
              expected);
    EXPECT_EQ(flow.order_body(), transport.sent.back().body);
}

TEST_F(RenewalFlowTest, RenewalForSubordinateUserCarriesItsPartnerId) {
    load_everything();
    flow.choose_subordinate("9223372036854775001");
    flow.choose_billing_contact(Id64{9223372036854775807ULL});
    flow.review();
    flow.confirm();
    auto body = nlohmann::json::parse(transport.sent.back().body);
    EXPECT_EQ(body["partnerId"], "9223372036854775001");
    EXPECT_EQ(body["billingId"].get<std::uint64_t>(), 9223372036854775807ULL);
    EXPECT_EQ(flow.chosen_user()->company, "Alpine Networks GmbH");
}

TEST_F(RenewalFlowTest, TypedPlanIdIsUsedExactly) {
    load_everything();
    flow.choose_myself();
    flow.choose_billing_contact(Id64{3197218168379846218ULL});
    flow.type_plan_id(" 9007199254740993 ");
    flow.review();
    ASSERT_EQ(flow.stage(), Stage::reviewing);
    EXPECT_NE(flow.order_body().find("\"serviceId\": 9007199254740993,"), std::string::npos);
}

TEST_F(RenewalFlowTest, BadTypedPlanIdBlocksReviewWithAMessage) {
    load_everything();
    flow.choose_myself();
    flow.choose_billing_contact(Id64{3197218168379846218ULL});
    flow.type_plan_id("30490362241893253l2");
    ASSERT_TRUE(flow.selection().typed_plan_error);
    flow.review();
    EXPECT_EQ(flow.stage(), Stage::choosing);
    EXPECT_EQ(flow.missing_choice(), MissingChoice::plan);
}

TEST_F(RenewalFlowTest, ConfirmTwiceSendsOneOrder) {
    reach_review_for_myself();
    EXPECT_TRUE(flow.confirm());
    EXPECT_FALSE(flow.confirm());
    EXPECT_FALSE(flow.confirm());
    transport.poll();
    EXPECT_EQ(transport.sent_count(save_path), 1u);
    transport.reply(save_path, raw(200, fixture_text("tutorial_order_response.json")));
    EXPECT_EQ(flow.stage(), Stage::done);
    EXPECT_FALSE(flow.confirm());
    EXPECT_EQ(transport.sent_count(save_path), 1u);
    EXPECT_EQ(flow.orders_sent(), 1);
}

TEST_F(RenewalFlowTest, SuccessShowsTheWholeReceipt) {
    reach_review_for_myself();
    flow.confirm();
    transport.reply(save_path, raw(200, fixture_text("tutorial_order_response.json")));
    ASSERT_EQ(flow.stage(), Stage::done);
    EXPECT_EQ(flow.receipt().order_no, "MK3400814131142238208");
    EXPECT_EQ(flow.receipt().transaction_no, "IH3400814132429889537");
    EXPECT_EQ(flow.receipt().request_id, "c082da4285b4bc4118c0db63d5d74f45");
}

TEST_F(RenewalFlowTest, FailureAfterSendIsOutcomeUnknownNeverFailed) {
    for (auto reply : {failure(TransportFailure::timed_out), failure(TransportFailure::connection_lost),
                       raw(502, "<html><title>Bad Gateway</title></html>"), raw(504, "Gateway Timeout"),
                       raw(200, R"({"code":"succ)"), api_error(500, "internal_error", "boom"),
                       api_error(200, "system_busy", "busy")}) {
        transport = FakeTransport{};
        flow.sign_out();
        reach_review_for_myself();
        flow.confirm();
        // The previous round's attempt for the same customer was ruled out within the hour: the list is
        // read for its reference first (it may have committed late).
        while (transport.pending_count(page_path))
            transport.reply(page_path, order_page({}));
        transport.reply(save_path, reply);
        EXPECT_EQ(flow.stage(), Stage::outcome_unknown) << reply.status << " " << reply.body;
        EXPECT_FALSE(flow.confirm());
        EXPECT_EQ(transport.sent_count(save_path), 1u);
        read_no_order_twice(); // nothing found: the journal is settled for the next row
    }
}

TEST_F(RenewalFlowTest, OutcomeUnknownReconcilesByItselfAndFindsTheOrder) {
    reach_review_for_myself();
    flow.confirm();
    const std::int64_t sent_at = clock.epoch_ms();
    ASSERT_TRUE(journal.load()) << "written before the POST left";
    transport.reply(save_path, failure(TransportFailure::connection_lost));
    ASSERT_EQ(flow.stage(), Stage::outcome_unknown);
    EXPECT_EQ(flow.reconciliation().status, ReconcileStatus::checking);
    ASSERT_EQ(transport.pending_count(page_path), 1u) << "no click needed";
    flow.back_to_choosing();
    EXPECT_EQ(flow.stage(), Stage::outcome_unknown);
    flow.renew_another(); // not before the order list has answered
    EXPECT_EQ(flow.stage(), Stage::outcome_unknown);
    transport.reply(page_path, order_page({order("MK-new", sent_at + 800, flow.attempt().po_number),
                                           order("MK-old", sent_at - 3'600'000)}));
    ASSERT_EQ(flow.reconciliation().status, ReconcileStatus::found);
    EXPECT_EQ(flow.reconciliation().match->order_no, "MK-new");
    EXPECT_FALSE(journal.load()) << "the outcome is known";
    EXPECT_FALSE(flow.pending_journal());
    EXPECT_EQ(transport.sent_count(save_path), 1u);
    flow.reconcile(); // Check again: the same order is found again
    transport.reply(page_path, order_page({order("MK-new", sent_at + 800, flow.attempt().po_number),
                                           order("MK-old", sent_at - 3'600'000)}));
    ASSERT_EQ(flow.reconciliation().status, ReconcileStatus::found);
    EXPECT_EQ(flow.reconciliation().match->order_no, "MK-new");
    // Once the person moves on, that order is accounted for: the next attempt cannot take it as its own.
    flow.renew_another();
    flow.choose_myself();
    flow.choose_billing_contact(Id64{3197218168379846218ULL});
    flow.review();
    ASSERT_TRUE(flow.confirm());
    transport.reply(save_path, failure(TransportFailure::connection_lost));
    transport.reply(page_path, order_page({order("MK-new", sent_at + 800, "RD-ANEARLIER")}));
    EXPECT_EQ(flow.reconciliation().status, ReconcileStatus::none);
}

TEST_F(RenewalFlowTest, ReconciliationWithOnlyOlderOrdersSaysNoneAndAllowsANewRenewal) {
    reach_review_for_myself();
    flow.confirm();
    const std::int64_t sent_at = clock.epoch_ms();
    transport.reply(save_path, raw(504, "Gateway Timeout"));
    transport.reply(page_path, order_page({order("MK-old", sent_at - 3'600'000)}));
    ASSERT_TRUE(flow.recheck_at_ms()) << "too early to rule the order out";
    EXPECT_TRUE(journal.load());
    flow.renew_another();
    EXPECT_EQ(flow.stage(), Stage::outcome_unknown);
    flow.tick();
    EXPECT_EQ(transport.pending_count(page_path), 0u) << "not before the time";
    clock.now += RenewalFlow::default_settle_ms;
    flow.tick();
    transport.reply(page_path, order_page({order("MK-old", sent_at - 3'600'000)}));
    EXPECT_EQ(flow.reconciliation().status, ReconcileStatus::none);
    EXPECT_FALSE(flow.recheck_at_ms());
    EXPECT_FALSE(journal.load());
    flow.renew_another();
    EXPECT_EQ(flow.stage(), Stage::choosing);
}

TEST_F(RenewalFlowTest, AnOrderCommittedAfterTheTimeoutIsFoundByTheSecondReading) {
    reach_review_for_myself();
    flow.confirm();
    const std::int64_t sent_at = clock.epoch_ms();
    transport.reply(save_path, failure(TransportFailure::timed_out));
    transport.reply(page_path, order_page({}));
    ASSERT_TRUE(flow.recheck_at_ms());
    clock.now += RenewalFlow::default_settle_ms;
    flow.tick();
    transport.reply(page_path, order_page({order("MK-late", sent_at + 45'000, flow.attempt().po_number)}));
    ASSERT_EQ(flow.reconciliation().status, ReconcileStatus::found);
    EXPECT_EQ(flow.reconciliation().match->order_no, "MK-late");
    EXPECT_TRUE(flow.outcome_settled());
}

TEST_F(RenewalFlowTest, AnEarlierRenewalOfThisSessionIsNotTakenForTheUnknownOne) {
    reach_review_for_myself();
    flow.confirm();
    transport.reply(save_path, ok({{"orderNo", "MK-first"}, {"orderStatus", "succeed"}}));
    const std::int64_t first_at = clock.epoch_ms();
    clock.now += 10'000; // the next renewal, ten seconds later
    flow.renew_another();
    flow.choose_subordinate(flow.users().value.front().partner_id);
    flow.choose_billing_contact(Id64{3197218168379846218ULL});
    flow.review();
    ASSERT_TRUE(flow.confirm());
    transport.reply(save_path, failure(TransportFailure::timed_out));
    transport.reply(page_path, order_page({order("MK-first", first_at)}));
    EXPECT_EQ(flow.reconciliation().status, ReconcileStatus::none);
}

// Each command-line run is a new session: an order an earlier run placed seconds before (told to
// the flow by add_known_orders) is never taken for this run's unknown one.
TEST_F(RenewalFlowTest, AKnownOrderOfAnEarlierRunIsNotTakenForTheUnknownOne) {
    flow.add_known_orders({"MK-earlier-run", ""});
    EXPECT_EQ(flow.known_orders(), (std::set<std::string>{"MK-earlier-run"}));
    reach_review_for_myself();
    ASSERT_TRUE(flow.confirm());
    const std::int64_t sent_at = clock.epoch_ms();
    transport.reply(save_path, failure(TransportFailure::connection_lost));
    ASSERT_EQ(flow.stage(), Stage::outcome_unknown);
    // The earlier run's order, 5 s before this attempt (inside the clock-skew allowance), is the
    // only one since the attempt: not found, and ruled out only by the reading after the settle time.
    transport.reply(page_path, order_page({order("MK-earlier-run", sent_at - 5'000)}));
    EXPECT_EQ(flow.reconciliation().status, ReconcileStatus::none);
    ASSERT_TRUE(flow.recheck_at_ms());
    EXPECT_FALSE(flow.outcome_settled());
    clock.now += RenewalFlow::default_settle_ms;
    flow.tick();
    transport.reply(page_path, order_page({order("MK-earlier-run", sent_at - 5'000)}));
    EXPECT_EQ(flow.reconciliation().status, ReconcileStatus::none);
    EXPECT_TRUE(flow.outcome_settled());
    EXPECT_FALSE(flow.reconciliation().match);
    EXPECT_EQ(transport.sent_count(save_path), 1u);
}

TEST_F(RenewalFlowTest, AnOrderNotKnownIsFoundAndBecomesKnown) {
    flow.add_known_orders({"MK-other"});
    reach_review_for_myself();
    ASSERT_TRUE(flow.confirm());
    const std::int64_t sent_at = clock.epoch_ms();
    transport.reply(save_path, failure(TransportFailure::connection_lost));
    transport.reply(page_path, order_page({order("MK-other", sent_at - 5'000),
                                           order("MK-mine", sent_at + 300, flow.attempt().po_number)}));
    ASSERT_EQ(flow.reconciliation().status, ReconcileStatus::found);
    EXPECT_EQ(flow.reconciliation().match->order_no, "MK-mine");
    flow.renew_another(); // the found order is accounted for from now on
    EXPECT_EQ(flow.known_orders(), (std::set<std::string>{"MK-mine", "MK-other"}));
}

TEST_F(RenewalFlowTest, KnownOrdersIncludeTheReceiptsAndSurviveSignOut) {
    flow.add_known_orders({"MK-a"});
    reach_review_for_myself();
    ASSERT_TRUE(flow.confirm());
    transport.reply(save_path, ok({{"orderNo", "MK-b"}, {"orderStatus", "succeed"}}));
    EXPECT_EQ(flow.known_orders(), (std::set<std::string>{"MK-a", "MK-b"}));
    flow.sign_out();
    EXPECT_EQ(flow.known_orders(), (std::set<std::string>{"MK-a", "MK-b"}));
}

TEST_F(RenewalFlowTest, ReconciliationErrorKeepsTheJournalAndCanBeRunAgain) {
    reach_review_for_myself();
    flow.confirm();
    transport.reply(save_path, failure(TransportFailure::timed_out));
    transport.reply(page_path, raw(502, "<html><title>Bad Gateway</title></html>"));
    EXPECT_EQ(flow.reconciliation().status, ReconcileStatus::error);
    EXPECT_TRUE(journal.load());
    flow.renew_another();
    EXPECT_EQ(flow.stage(), Stage::outcome_unknown);
    flow.reconcile();
    EXPECT_EQ(transport.pending_count(page_path), 1u);
    transport.reply(page_path, order_page({order("MK-new", clock.epoch_ms(), flow.attempt().po_number)}));
    EXPECT_EQ(flow.reconciliation().status, ReconcileStatus::found);
    EXPECT_FALSE(journal.load());
}

// A person who signs out while the order list is being read, and signs in again: the check starts
// afresh (the sign-out cancelled its request, so no answer would ever come for the old one).
TEST_F(RenewalFlowTest, SigningOutMidCheckAndInAgainReadsTheListAfresh) {
    reach_review_for_myself();
    flow.confirm();
    transport.reply(save_path, failure(TransportFailure::timed_out));
    ASSERT_EQ(flow.reconciliation().status, ReconcileStatus::checking);
    ASSERT_EQ(transport.pending_count(page_path), 1u);
    flow.sign_out();
    transport = FakeTransport{}; // the sign-out cancelled the page's request: no answer comes
    EXPECT_NE(flow.reconciliation().status, ReconcileStatus::checking) << "nothing is being read";
    sign_in();
    ASSERT_EQ(flow.stage(), Stage::outcome_unknown) << "the journal brings the attempt back";
    ASSERT_EQ(transport.pending_count(page_path), 1u) << "the list is read again";
    transport.reply(page_path, order_page({order("MK-new", clock.epoch_ms(), flow.attempt().po_number)}));
    EXPECT_EQ(flow.reconciliation().status, ReconcileStatus::found);
}

TEST_F(RenewalFlowTest, JournalIsClearedOncePlacedOrRefused) {
    reach_review_for_myself();
    flow.confirm();
    const auto entry = journal_from_json(*journal.load());
    ASSERT_TRUE(entry);
    EXPECT_EQ(entry->target, "");
    EXPECT_EQ(entry->billing_id.value, 3197218168379846218ULL);
    EXPECT_EQ(entry->client_id, "demo-client-id");
    EXPECT_EQ(entry->sent_at_ms, clock.epoch_ms());
    transport.reply(save_path, raw(200, fixture_text("tutorial_order_response.json")));
    EXPECT_FALSE(journal.load());
    flow.renew_another();
    flow.choose_myself();
    flow.choose_billing_contact(Id64{3197218168379846218ULL});
    flow.review();
    ASSERT_TRUE(flow.confirm());
    transport.reply(save_path, api_error(422, "insufficient_balance", "top up"));
    EXPECT_EQ(flow.stage(), Stage::failed);
    EXPECT_EQ(flow.failure(), OrderOutcome::refused);
    EXPECT_FALSE(journal.load());
}

TEST_F(RenewalFlowTest, AJournalFromAnEarlierSessionIsReconciledBeforeAnythingElse) {
    journal.save(journal_to_json({.sent_at_ms = clock.epoch_ms() - 5000,
                                  .base_url = "http://sandbox.invalid",
                                  .client_id = "demo-client-id",
                                  .target = "9007199254740993",
                                  .target_name = "Example Ltd",
                                  .plan_id = Id64{3049036224189325312ULL},
                                  .billing_id = Id64{3197218168379846218ULL},
                                  .po_number = "PO-7"}));
    RenewalFlow resumed{client, &journal};
    ASSERT_TRUE(resumed.pending_journal());
    resumed.sign_in("http://sandbox.invalid", "demo-client-id", "demo-client-secret");
    transport.reply(token_path, ok(token_result()));
    EXPECT_EQ(resumed.stage(), Stage::outcome_unknown);
    EXPECT_EQ(transport.pending.size(), 1u) << "only the order list, before the lookups";
    EXPECT_NE(resumed.order_body().find("\"partnerId\": \"9007199254740993\""), std::string::npos);
    EXPECT_NE(resumed.order_body().find("\"poNumber\": \"PO-7\""), std::string::npos);
    auto po_order = order("MK-po", clock.epoch_ms() - 4000);
    po_order["customReferenceNo"] = "PO-7";
    transport.reply(page_path, order_page({order("MK-later", clock.epoch_ms() - 1000), po_order}));
    // A typed PO number is not unique: the order carrying it is ours once its details show the attempt.
    ASSERT_EQ(resumed.reconciliation().status, ReconcileStatus::checking);
    transport.reply(paths::order_details(po_order["id"]),
                    ok({{"basicInformation", {{"productId", "15"}, {"partnerId", "9007199254740993"}}},
                        {"billingInformation", {{"billingContactId", "3197218168379846218"}}}}));
    transport.reply(paths::order_details_prefix, ok(nlohmann::json::object())); // MK-later's: silent
    EXPECT_EQ(resumed.reconciliation().status, ReconcileStatus::found);
    EXPECT_EQ(resumed.reconciliation().match->order_no, "MK-po");
    EXPECT_TRUE(resumed.reconciliation().matched_by_po_number);
    EXPECT_FALSE(journal.load());
    EXPECT_EQ(transport.pending_count(users_path), 1u) << "the lookups follow";
}

TEST_F(RenewalFlowTest, AJournalOfAnotherAccountBlocksNewOrdersUntilForgotten) {
    journal.save(journal_to_json({.sent_at_ms = clock.epoch_ms(),
                                  .base_url = "https://elsewhere.example",
                                  .client_id = "other",
                                  .plan_id = Id64{1},
                                  .billing_id = Id64{2}}));
    RenewalFlow other{client, &journal};
    other.sign_in("http://sandbox.invalid", "demo-client-id", "demo-client-secret");
    transport.reply(token_path, ok(token_result()));
    ASSERT_EQ(other.stage(), Stage::choosing);
    transport.reply(users_path, ok(fixture_json("partner_list.json")));
    transport.reply(plans_path, ok(fixture_json("plans_flat_lists.json")));
    transport.reply(contacts_path, ok(fixture_json("billing_contacts.json")));
    other.choose_myself();
    other.choose_billing_contact(Id64{3197218168379846218ULL});
    other.review();
    EXPECT_FALSE(other.confirm());
    EXPECT_TRUE(journal.load()) << "the unresolved order is not replaced";
    other.back_to_choosing();
    other.forget_pending_journal();
    other.review();
    EXPECT_TRUE(other.confirm());
}

TEST_F(RenewalFlowTest, PoNumberIsSentOnlyWhenFilled) {
    reach_review_for_myself();
    const std::string tutorial = flow.order_body();
    flow.set_po_number("  PO-4711 ");
    EXPECT_NE(flow.order_body().find("\"billingId\": 3197218168379846218,\n  \"poNumber\": \"PO-4711\",\n"),
              std::string::npos)
        << flow.order_body();
    flow.set_po_number("");
    EXPECT_EQ(flow.order_body(), tutorial);
}

TEST_F(RenewalFlowTest, BillingContactIdMayBeTypedByHand) {
    load_everything();
    flow.choose_myself();
    flow.type_billing_id("18446744073709551615");
    ASSERT_TRUE(flow.selection().billing_id);
    EXPECT_EQ(flow.selection().billing_id->value, 18446744073709551615ULL);
    flow.review();
    EXPECT_NE(flow.order_body().find("\"billingId\": 18446744073709551615,"), std::string::npos);
    flow.back_to_choosing();
    flow.type_billing_id("12.5");
    EXPECT_FALSE(flow.selection().billing_id);
    EXPECT_TRUE(flow.selection().typed_billing_error);
}

TEST_F(RenewalFlowTest, ApiErrorOnSaveIsFailedWithRequestIdAndMayBeConfirmedAgain) {
    reach_review_for_myself();
    flow.confirm();
    transport.reply(save_path,
                    api_error(400, "parameter_validation_failed", "billingId unknown", "req-save"));
    ASSERT_EQ(flow.stage(), Stage::failed);
    EXPECT_EQ(flow.error()->request_id, "req-save");
    EXPECT_EQ(flow.error()->code, "parameter_validation_failed");
    EXPECT_FALSE(flow.confirm());
    flow.back_to_choosing();
    flow.review();
    EXPECT_TRUE(flow.confirm()); // a new review is a new confirmation
    EXPECT_EQ(transport.sent_count(save_path), 2u);
}

TEST_F(RenewalFlowTest, RefusedConnectionBeforeSendIsFailed) {
    reach_review_for_myself();
    flow.confirm();
    transport.reply(save_path, failure(TransportFailure::could_not_send));
    EXPECT_EQ(flow.stage(), Stage::failed);
}

TEST_F(RenewalFlowTest, TokenRefreshTimeoutBeforeTheOrderIsFailedNotUnknown) {
    reach_review_for_myself();
    clock.now += 29 * 60 * 1000; // the token needs a refresh before the order may go
    flow.confirm();
    ASSERT_EQ(transport.pending_count("/oauth/token"), 1u);
    transport.reply("/oauth/token", failure(TransportFailure::timed_out));
    EXPECT_EQ(flow.stage(), Stage::failed); // the order never left: safe to confirm again after a review
    EXPECT_EQ(flow.failure(), OrderOutcome::not_sent);
    EXPECT_EQ(transport.sent_count(save_path), 0u);
}

TEST_F(RenewalFlowTest, Unauthorized401OnSaveIsRefusedNotResentAndTheTokenIsRefreshedNext) {
    reach_review_for_myself();
    flow.confirm();
    const int tokens_before = client.token_requests_sent();
    transport.reply(save_path, api_error(401, "token_expired", "expired"));
    EXPECT_EQ(flow.stage(), Stage::failed);
    EXPECT_EQ(flow.failure(), OrderOutcome::refused);
    EXPECT_EQ(transport.sent_count(save_path), 1u);
    EXPECT_EQ(client.token_requests_sent(), tokens_before) << "nothing is retried by itself";
    flow.back_to_choosing();
    flow.retry_lookup(LookupKind::users); // loaded: no request; use a GET through the client instead
    client.get("/partner_list", [](Result<ApiReply>) {});
    EXPECT_EQ(client.token_requests_sent(), tokens_before + 1) << "the stale token is refreshed first";
}

TEST_F(RenewalFlowTest, EveryKindOfTokenFailureBeforeTheOrderIsNotSent) {
    for (auto reply : {failure(TransportFailure::timed_out), failure(TransportFailure::connection_lost),
                       raw(500, "<html>down</html>"), api_error(401, "invalid_client", "no"), raw(200, "{"),
                       api_error(503, "service_unavailable", "later")}) {
        transport = FakeTransport{};
        flow.sign_out();
        reach_review_for_myself();
        clock.now += 29 * 60 * 1000;
        flow.confirm();
        ASSERT_EQ(transport.pending_count("/oauth/token"), 1u);
        transport.reply("/oauth/token", reply);
        if (transport.pending_count("/oauth/token"))
            transport.reply("/oauth/token", reply); // credentials fallback
        EXPECT_EQ(flow.stage(), Stage::failed) << reply.status << reply.body;
        EXPECT_EQ(flow.failure(), OrderOutcome::not_sent);
        EXPECT_EQ(transport.sent_count(save_path), 0u);
        EXPECT_FALSE(journal.load());
    }
}

TEST_F(RenewalFlowTest, FailedLookupIsRetriedAlone) {
    sign_in();
    transport.reply(users_path, ok(fixture_json("partner_list.json")));
    transport.reply(plans_path, raw(500, "<html>oops</html>"));
    transport.reply(contacts_path, ok(fixture_json("billing_contacts.json")));
    ASSERT_EQ(flow.plans().status, LookupStatus::failed);
    EXPECT_EQ(flow.plans().error->http_status, 500);
    std::size_t sent_before = transport.sent.size();
    flow.retry_lookup(LookupKind::users); // loaded: nothing to do
    flow.retry_lookup(LookupKind::plans);
    ASSERT_EQ(transport.sent.size(), sent_before + 1);
    EXPECT_EQ(transport.pending_count(plans_path), 1u);
    transport.reply(plans_path, ok(fixture_json("plans_nested_details.json")));
    EXPECT_EQ(flow.plans().status, LookupStatus::loaded);
    EXPECT_EQ(flow.users().status, LookupStatus::loaded);
}

TEST_F(RenewalFlowTest, AListWithUnreadableEntriesCanBeReadAgain) {
    sign_in();
    transport.reply(users_path, ok(fixture_json("partner_list.json")));
    transport.reply(plans_path, ok(fixture_json("plans_flat_lists.json")));
    nlohmann::json contacts = fixture_json("billing_contacts.json");
    contacts.push_back({{"billingContactId", 1.5}, {"firstName", "Broken"}});
    transport.reply(contacts_path, ok(contacts));
    ASSERT_EQ(flow.contacts().status, LookupStatus::loaded);
    ASSERT_EQ(flow.contacts().skipped.size(), 1u);
    EXPECT_NE(flow.contacts().skipped[0].find("Broken"), std::string::npos);
    flow.retry_lookup(LookupKind::contacts);
    ASSERT_EQ(transport.pending_count(contacts_path), 1u);
    transport.reply(contacts_path, ok(fixture_json("billing_contacts.json")));
    EXPECT_TRUE(flow.contacts().skipped.empty());
    flow.retry_lookup(LookupKind::contacts); // all read: nothing to do
    EXPECT_EQ(transport.pending_count(contacts_path), 0u);
}

TEST_F(RenewalFlowTest, EmptyListsLoadAsEmpty) {
    sign_in();
    transport.reply(users_path, ok(nlohmann::json::array()));
    transport.reply(plans_path, ok({{"offeringId", "x"}}));
    transport.reply(contacts_path, ok(nlohmann::json::array()));
    EXPECT_EQ(flow.users().status, LookupStatus::loaded);
    EXPECT_TRUE(flow.plans().value.plans.empty());
    EXPECT_FALSE(flow.selection().plan_id);
    EXPECT_TRUE(flow.contacts().value.empty());
}

TEST_F(RenewalFlowTest, RenewAnotherKeepsListsAndClearsChoices) {
    reach_review_for_myself();
    flow.confirm();
    transport.reply(save_path, raw(200, fixture_text("tutorial_order_response.json")));
    flow.renew_another();
    EXPECT_EQ(flow.stage(), Stage::choosing);
    EXPECT_FALSE(flow.selection().target);
    EXPECT_TRUE(flow.selection().plan_id); // preselected again
    EXPECT_EQ(flow.users().value.size(), 2u);
    EXPECT_TRUE(flow.receipt().order_no.empty());
}

TEST_F(RenewalFlowTest, LateRepliesAfterSignOutAreIgnored) {
    sign_in();
    auto pending = transport.pending; // keep the handlers
    flow.sign_out();
    for (auto& p : pending)
        p.handler(ok(fixture_json("partner_list.json")));
    EXPECT_EQ(flow.stage(), Stage::signed_out);
    EXPECT_TRUE(flow.users().value.empty());
}

TEST_F(RenewalFlowTest, CurlCopyOfTheOrderIsRedacted) {
    reach_review_for_myself();
    std::string curl = flow.order_as_curl();
    EXPECT_NE(curl.find("<ACCESS_TOKEN>"), std::string::npos);
    EXPECT_EQ(curl.find("access-1"), std::string::npos);
    EXPECT_NE(curl.find("3197218168379846218"), std::string::npos);
}

// Late commits: an attempt ruled out ("none") may still be committed by the API after the settle
// time. The next order for the same customer within the hour reads the list for that attempt's
// reference first, and sends nothing if it is there.
struct LateCommitTest : RenewalFlowTest {
    MemoryAttemptHistory history;
    std::string earlier_reference;
    std::int64_t earlier_sent_at = 0;

    void SetUp() override { flow.set_history(&history); }

    // An order for myself whose reply was lost and which the check ruled out; `po` is the PO number
    // the person typed ("" keeps the generated reference).
    void rule_out_an_attempt(const std::string& po = "") {
        reach_review_for_myself();
        if (!po.empty()) flow.set_po_number(po);
        ASSERT_TRUE(flow.confirm());
        earlier_reference = flow.attempt().po_number;
        earlier_sent_at = flow.attempt().sent_at_ms;
        transport.reply(save_path, failure(TransportFailure::connection_lost));
        read_no_order_twice();
        ASSERT_EQ(flow.reconciliation().status, ReconcileStatus::none);
        ASSERT_EQ(history.load().ruled_out.size(), 1u);
        clock.now += 60'000; // a minute later the person tries again
        flow.renew_another();
        flow.choose_myself();
        flow.choose_billing_contact(Id64{3197218168379846218ULL});
        flow.review();
        ASSERT_EQ(flow.stage(), Stage::reviewing);
    }
};

TEST_F(LateCommitTest, TheEarlierOrderThatAppearedLateIsTheAnswerAndNothingIsSent) {
    rule_out_an_attempt();
    ASSERT_TRUE(flow.confirm());
    EXPECT_EQ(flow.stage(), Stage::submitting);
    EXPECT_EQ(transport.sent_count(save_path), 1u) << "the list first";
    ASSERT_EQ(transport.pending_count(page_path), 1u);
    transport.reply(page_path, order_page({order("MK-late", earlier_sent_at + 40'000, earlier_reference)}));
    EXPECT_EQ(transport.sent_count(save_path), 1u) << "nothing sent for this confirmation";
    EXPECT_EQ(flow.stage(), Stage::outcome_unknown);
    EXPECT_TRUE(flow.late_order_found());
    EXPECT_TRUE(flow.outcome_settled());
    ASSERT_TRUE(flow.reconciliation().match);
    EXPECT_EQ(flow.reconciliation().match->order_no, "MK-late");
    EXPECT_EQ(flow.attempt().po_number, earlier_reference);
    EXPECT_TRUE(history.load().ruled_out.empty()) << "explained now";
    EXPECT_EQ(history.orders_of("http://sandbox.invalid", "demo-client-id"),
              std::vector<std::string>{"MK-late"});
    EXPECT_FALSE(journal.load());
}

// What the API's order details say an order was for: product 15, billing contact 3197218168379846218.
nlohmann::json details_for(const std::string& partner_id) {
    return {{"basicInformation", {{"productId", "15"}, {"partnerId", partner_id}}},
            {"billingInformation", {{"billingContactId", "3197218168379846218"}}}};
}

// A PO number the person typed is not unique: a colleague may order under the same purchase order.
TEST_F(LateCommitTest, AColleaguesOrderWithTheSameTypedPoNumberIsNotTakenForTheEarlierAttempts) {
    rule_out_an_attempt("PO-77");
    ASSERT_EQ(history.load().ruled_out[0].billing_id, Id64{3197218168379846218ULL});
    ASSERT_TRUE(flow.confirm());
    transport.reply(page_path, order_page({order("MK-col", earlier_sent_at + 20'000, "PO-77")}));
    ASSERT_EQ(transport.pending_count(paths::order_details_prefix), 1u) << "the same number is not proof";
    transport.reply(paths::order_details_prefix, ok(details_for("9223372036854775001"))); // another customer
    EXPECT_FALSE(flow.late_order_found());
    EXPECT_FALSE(flow.late_order_unproven());
    EXPECT_EQ(transport.sent_count(save_path), 2u) << "the new order goes out";
}

TEST_F(LateCommitTest, AnOrderWithTheTypedPoNumberThatNothingProvesSendsNothing) {
    rule_out_an_attempt("PO-77");
    ASSERT_TRUE(flow.confirm());
    transport.reply(page_path, order_page({order("MK-x", earlier_sent_at + 20'000, "PO-77")}));
    transport.reply(paths::order_details_prefix, ok(nlohmann::json::object())); // details say nothing
    EXPECT_EQ(transport.sent_count(save_path), 1u) << "nothing sent for this confirmation";
    EXPECT_EQ(flow.stage(), Stage::outcome_unknown);
    EXPECT_TRUE(flow.late_order_unproven());
    EXPECT_FALSE(flow.late_order_found());
    EXPECT_TRUE(flow.outcome_settled());
    ASSERT_EQ(flow.reconciliation().status, ReconcileStatus::ambiguous);
    ASSERT_EQ(flow.reconciliation().unproven.size(), 1u);
    EXPECT_EQ(flow.reconciliation().reference_match.count("MK-x"), 1u);
    EXPECT_EQ(history.load().ruled_out.size(), 1u) << "still unexplained: the next confirmation asks again";
    EXPECT_FALSE(journal.load());
}

TEST_F(LateCommitTest, TheEarlierAttemptsOrderWithItsTypedPoNumberIsFoundByItsDetails) {
    rule_out_an_attempt("PO-77");
    ASSERT_TRUE(flow.confirm());
    transport.reply(page_path, order_page({order("MK-late", earlier_sent_at + 40'000, "PO-77")}));
    transport.reply(paths::order_details_prefix, ok(details_for(""))); // for the partner itself
    EXPECT_EQ(transport.sent_count(save_path), 1u);
    EXPECT_TRUE(flow.late_order_found());
    ASSERT_TRUE(flow.reconciliation().match);
    EXPECT_EQ(flow.reconciliation().match->order_no, "MK-late");
}

TEST_F(LateCommitTest, WithoutItTheNewOrderIsSentOnce) {
    rule_out_an_attempt();
    ASSERT_TRUE(flow.confirm());
    EXPECT_FALSE(flow.confirm()) << "a second click while the list is read sends nothing more";
    transport.reply(page_path, order_page({order("MK-other", earlier_sent_at + 1'000, "COL-1")}));
    EXPECT_EQ(transport.sent_count(save_path), 2u);
    EXPECT_FALSE(flow.late_order_found());
    EXPECT_NE(flow.attempt().po_number, earlier_reference) << "a reference of its own";
    EXPECT_TRUE(journal.load()) << "journaled before it left";
}

// Signing out while the list is read before a new order, then renewing another customer whose order
// ends unknown: that order's check runs (the abandoned one is not "still checking").
TEST_F(LateCommitTest, SigningOutWhileTheListIsReadLeavesNoCheckBehind) {
    rule_out_an_attempt();
    ASSERT_TRUE(flow.confirm());
    ASSERT_EQ(transport.pending_count(page_path), 1u);
    flow.sign_out();
    transport = FakeTransport{}; // the sign-out cancelled the page's request: no answer comes
    load_everything();
    flow.choose_subordinate("9223372036854775001");
    flow.choose_billing_contact(Id64{3197218168379846218ULL});
    flow.review();
    ASSERT_TRUE(flow.confirm());
    transport.reply(save_path, failure(TransportFailure::timed_out));
    ASSERT_EQ(flow.stage(), Stage::outcome_unknown);
    EXPECT_EQ(transport.pending_count(page_path), 1u) << "this order's check is under way";
}

TEST_F(LateCommitTest, AnotherCustomersOrderIsNotHeldUp) {
    rule_out_an_attempt();
    flow.back_to_choosing();
    flow.choose_subordinate("9223372036854775001");
    flow.review();
    ASSERT_TRUE(flow.confirm());
    EXPECT_EQ(transport.pending_count(page_path), 0u);
    EXPECT_EQ(transport.sent_count(save_path), 2u);
}

TEST_F(LateCommitTest, AnUnreadableListSendsNothingAndTheNextConfirmationReadsAgain) {
    rule_out_an_attempt();
    ASSERT_TRUE(flow.confirm());
    transport.reply(page_path, raw(502, "<html><title>Bad Gateway</title></html>"));
    EXPECT_EQ(flow.stage(), Stage::failed);
    EXPECT_EQ(flow.failure(), OrderOutcome::not_sent);
    EXPECT_EQ(transport.sent_count(save_path), 1u);
    flow.back_to_choosing();
    flow.review();
    ASSERT_TRUE(flow.confirm());
    EXPECT_EQ(transport.pending_count(page_path), 1u);
}

TEST_F(LateCommitTest, AnotherCopysRuledOutAttemptAndAccountedOrdersAreShared) {
    rule_out_an_attempt();
    // Another copy on this computer (the CLI, another tab) shares the history.
    FakeTransport transport2;
    ApiClient client2{transport2, clock, {}};
    MemoryJournalStore journal2;
    RenewalFlow other{client2, &journal2};
    other.set_history(&history);
    other.sign_in("http://sandbox.invalid", "demo-client-id", "demo-client-secret");
    transport2.reply(token_path, ok(token_result()));
    transport2.reply(users_path, ok(fixture_json("partner_list.json")));
    transport2.reply(plans_path, ok(fixture_json("plans_flat_lists.json")));
    transport2.reply(contacts_path, ok(fixture_json("billing_contacts.json")));
    other.choose_myself();
    other.choose_billing_contact(Id64{3197218168379846218ULL});
    other.review();
    ASSERT_TRUE(other.confirm());
    EXPECT_EQ(transport2.pending_count(page_path), 1u) << "the other copy's ruled-out attempt is read first";
    transport2.reply(page_path, order_page({}));
    ASSERT_EQ(transport2.sent_count(save_path), 1u);
    transport2.reply(save_path, ok({{"orderNo", "MK-copy2"}, {"orderStatus", "succeed"}}));
    EXPECT_EQ(history.orders_of("http://sandbox.invalid", "demo-client-id"),
              std::vector<std::string>{"MK-copy2"});
    // This copy's next unknown attempt never takes the other copy's order for its own.
    flow.back_to_choosing();
    flow.choose_subordinate("9223372036854775001");
    flow.review();
    ASSERT_TRUE(flow.confirm());
    const std::int64_t sent_at = clock.epoch_ms();
    transport.reply(save_path, failure(TransportFailure::connection_lost));
    transport.reply(page_path, order_page({order("MK-copy2", sent_at - 1'000)}));
    EXPECT_EQ(flow.reconciliation().status, ReconcileStatus::none) << "accounted for by the other copy";
}

// The apps read an order list that failed again by themselves, with growing pauses (the CLI has its
// own loop); "Check again" stays.
TEST_F(RenewalFlowTest, AnOrderListThatFailedIsReadAgainByItselfWithBackoff) {
    flow.set_retry_errors(true);
    reach_review_for_myself();
    ASSERT_TRUE(flow.confirm());
    transport.reply(save_path, failure(TransportFailure::timed_out));
    for (int tries = 0; tries < max_error_retries; ++tries) {
        transport.reply(page_path, raw(502, "<html><title>Bad Gateway</title></html>"));
        ASSERT_EQ(flow.reconciliation().status, ReconcileStatus::error);
        ASSERT_TRUE(flow.recheck_at_ms()) << tries;
        EXPECT_EQ(*flow.recheck_at_ms() - clock.epoch_ms(), error_retry_delay_ms(tries));
        clock.now += error_retry_delay_ms(tries) - 1;
        flow.tick();
        EXPECT_EQ(transport.pending_count(page_path), 0u) << "not before its time";
        clock.now += 1;
        flow.tick();
        ASSERT_EQ(transport.pending_count(page_path), 1u) << tries;
    }
    transport.reply(page_path, raw(502, "<html><title>Bad Gateway</title></html>"));
    EXPECT_FALSE(flow.recheck_at_ms()) << "then the person's Check again";
    flow.reconcile();
    transport.reply(page_path, order_page({order("MK-1", clock.epoch_ms(), flow.attempt().po_number)}));
    EXPECT_EQ(flow.reconciliation().status, ReconcileStatus::found);
    EXPECT_EQ(transport.sent_count(save_path), 1u);
}
