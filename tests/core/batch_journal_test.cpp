// The batch journal: its record, written before every POST, and a new BatchRun over the same store
// (a reload or a crash) that reconciles the row in flight first and goes on only on resume().
#include "tests/core/batch_test_fixture.h"

#include "core/order_body.h"
#include "core/order_journal.h"

#include <gtest/gtest.h>

using namespace rd;
using namespace rd::test;

TEST(BatchJournal, RoundTripsTheRecord) {
    BatchRecord record{.sent_at_ms = 1'700'000'123'456,
                       .base_url = "http://sandbox.invalid",
                       .client_id = "demo-client-id",
                       .plan_id = Id64{18446744073709551615ULL},
                       .billing_id = batch_billing,
                       .po_number = "PO \"9\"",
                       .rows = {BatchRow{.target = {"1001", "Δέλτα, 株式会社"},
                                         .status = BatchRowStatus::placed,
                                         .order_no = "MK1",
                                         .order_status = "succeed",
                                         .request_id = "r1"},
                                BatchRow{.target = {"", "me"}, .status = BatchRowStatus::sending}},
                       .in_flight = 1};
    const std::string text = batch_journal_to_json(record);
    EXPECT_NE(text.find("\"18446744073709551615\""), std::string::npos);
    const auto back = batch_journal_from_json(text);
    ASSERT_TRUE(back);
    EXPECT_EQ(back->sent_at_ms, record.sent_at_ms);
    EXPECT_EQ(back->plan_id.value, 18446744073709551615ULL);
    EXPECT_EQ(back->po_number, "PO \"9\"");
    ASSERT_EQ(back->rows.size(), 2u);
    EXPECT_EQ(back->rows[0].target.company, "Δέλτα, 株式会社");
    EXPECT_EQ(back->rows[0].status, BatchRowStatus::placed);
    EXPECT_EQ(back->rows[0].order_no, "MK1");
    EXPECT_EQ(back->rows[1].status, BatchRowStatus::sending);
    EXPECT_EQ(back->in_flight, std::optional<std::size_t>(1));
}

TEST(BatchJournal, RoundTripsARowsOwnPlanAndPoNumber) {
    BatchRecord record{
        .sent_at_ms = 1'700'000'123'456,
        .client_id = "demo-client-id",
        .plan_id = batch_plan,
        .billing_id = batch_billing,
        .po_number = "PO-9",
        .rows = {BatchRow{.target = {.partner_id = "1001",
                                     .company = "Alpha",
                                     .plan_id = Id64{18446744073709551615ULL},
                                     .po_number = "PO \"A\""}},
                 BatchRow{.target = {.partner_id = "1002", .company = "Beta", .po_number = ""}},
                 BatchRow{.target = {.partner_id = "1003", .company = "Gamma"}}},
        .in_flight = 0};
    const std::string text = batch_journal_to_json(record);
    EXPECT_NE(text.find("\"version\":2"), std::string::npos) << "older builds must not resume it";
    EXPECT_NE(text.find(R"("requestId":"","planId":"18446744073709551615","poNumber":"PO \"A\"")"),
              std::string::npos)
        << text;
    const auto back = batch_journal_from_json(text);
    ASSERT_TRUE(back);
    ASSERT_EQ(back->rows.size(), 3u);
    EXPECT_EQ(back->rows[0].target.plan_id, std::optional<Id64>(Id64{18446744073709551615ULL}));
    EXPECT_EQ(back->rows[0].target.po_number, std::optional<std::string>("PO \"A\""));
    EXPECT_EQ(back->rows[1].target.plan_id, std::nullopt);
    EXPECT_EQ(back->rows[1].target.po_number, std::optional<std::string>("")) << "\"\" (none) is not absent";
    EXPECT_EQ(back->rows[2].target.plan_id, std::nullopt);
    EXPECT_EQ(back->rows[2].target.po_number, std::nullopt);
    EXPECT_EQ(batch_journal_to_json(*back), text);
}

TEST(BatchJournal, ABatchWithoutRowChoicesIsWrittenAsBefore) {
    const BatchRecord record{.sent_at_ms = 5,
                             .plan_id = batch_plan,
                             .rows = {BatchRow{.target = {"1001", "Alpha"}}},
                             .in_flight = 0};
    EXPECT_EQ(batch_journal_to_json(record),
              R"({"version":1,"kind":"renewdesk.batch","sentAtMs":5,"baseUrl":"","clientId":"",)"
              R"("planId":"3049036224189325312","billingId":"0","poNumber":"","inFlight":0,)"
              R"("rows":[{"partnerId":"1001","company":"Alpha","status":"waiting","orderNo":"",)"
              R"("orderStatus":"","requestId":""}]})");
}

TEST(BatchJournal, AnOlderJournalStillLoadsAndItsRowsTakeTheBatchsChoices) {
    // Written by a build before rows had their own plan and PO number.
    const std::string old_text =
        R"({"version":1,"kind":"renewdesk.batch","sentAtMs":1700000000000,"baseUrl":"http://sandbox.invalid",)"
        R"("clientId":"demo-client-id","planId":"3049036224189325312","billingId":"3197218168379846218",)"
        R"("poNumber":"PO-9","inFlight":null,"rows":[)"
        R"({"partnerId":"1001","company":"Alpha","status":"placed","orderNo":"MK0","orderStatus":"succeed","requestId":"r0"},)"
        R"({"partnerId":"1002","company":"Beta","status":"waiting","orderNo":"","orderStatus":"","requestId":""}]})";
    const auto record = batch_journal_from_json(old_text);
    ASSERT_TRUE(record);
    ASSERT_EQ(record->rows.size(), 2u);
    EXPECT_EQ(record->plan_id, batch_plan);
    EXPECT_EQ(record->po_number, "PO-9");
    for (const BatchRow& row : record->rows) {
        EXPECT_EQ(row.target.plan_id, std::nullopt);
        EXPECT_EQ(row.target.po_number, std::nullopt);
    }
    EXPECT_EQ(batch_journal_to_json(*record), old_text) << "and is written back unchanged";

    BatchWorld w;
    w.store.save(old_text);
    ASSERT_TRUE(w.batch.resume_from_journal());
    w.batch.resume(); // no row was in flight: goes on with the waiting one, with the batch's choices
    ASSERT_EQ(w.transport.pending_count(batch_save_path), 1u);
    EXPECT_EQ(
        w.transport.pending.back().request.body,
        renewal_order_body(RenewalOrder{
            .partner_id = "1002", .billing_id = batch_billing, .plan_id = batch_plan, .po_number = "PO-9"}));
}

TEST(BatchJournal, ARowsUnreadablePlanOrPoNumberMakesTheRecordUnreadable) {
    const BatchRecord record{
        .sent_at_ms = 5,
        .rows = {BatchRow{.target = {.partner_id = "1", .plan_id = Id64{7}, .po_number = "P"}}},
        .in_flight = 0};
    const std::string text = batch_journal_to_json(record);
    ASSERT_TRUE(batch_journal_from_json(text));
    for (const auto& [from, to] : std::vector<std::pair<std::string, std::string>>{
             {R"("planId":"7")", R"("planId":7)"},
             {R"("planId":"7")", R"("planId":"seven")"},
             {R"("planId":"7")", R"("planId":"18446744073709551616")"},
             {R"("poNumber":"P")", R"("poNumber":5)"}}) {
        std::string bad = text;
        const auto at = bad.rfind(from); // the row's, not the batch's
        ASSERT_NE(at, std::string::npos);
        bad.replace(at, from.size(), to);
        EXPECT_FALSE(batch_journal_from_json(bad)) << bad;
    }
    std::string absent = text; // null reads as absent: the batch's
    absent.replace(absent.rfind(R"("planId":"7")"), 12, R"("planId":null)");
    const auto back = batch_journal_from_json(absent);
    ASSERT_TRUE(back);
    EXPECT_EQ(back->rows[0].target.plan_id, std::nullopt);
}

TEST(BatchJournal, AnythingElseIsNotABatchRecord) {
    const std::string single = journal_to_json(JournalEntry{.sent_at_ms = 1, .plan_id = batch_plan});
    for (const std::string& text : {std::string(), std::string("{"), std::string("[]"), single,
                                    std::string(R"({"version":1,"kind":"renewdesk.batch"})")})
        EXPECT_FALSE(batch_journal_from_json(text)) << text;
    BatchRecord record{.sent_at_ms = 5, .rows = {BatchRow{}}, .in_flight = 0};
    std::string text = batch_journal_to_json(record);
    EXPECT_TRUE(batch_journal_from_json(text));
    EXPECT_FALSE(batch_journal_from_json(text.substr(0, text.size() - 3)));
    text.replace(text.find("\"inFlight\":0"), 12, "\"inFlight\":7");
    EXPECT_FALSE(batch_journal_from_json(text)) << "the row in flight must exist";
}

TEST(BatchJournal, WrittenBeforeEveryPostWithTheRowInFlight) {
    BatchWorld w;
    w.start_four();
    for (std::size_t row = 0; row < 4; ++row) {
        const auto stored = w.store.load();
        ASSERT_TRUE(stored);
        const auto record = batch_journal_from_json(*stored);
        ASSERT_TRUE(record);
        EXPECT_EQ(record->in_flight, std::optional<std::size_t>(row));
        EXPECT_EQ(record->rows[row].status, BatchRowStatus::sending);
        EXPECT_EQ(record->client_id, "demo-client-id");
        EXPECT_EQ(record->base_url, "http://sandbox.invalid");
        EXPECT_EQ(record->po_number, "PO-9");
        EXPECT_EQ(record->sent_at_ms, w.clock.epoch_ms());
        if (row > 0) {
            EXPECT_EQ(record->rows[row - 1].order_no, "MK" + std::to_string(row - 1));
        }
        EXPECT_EQ(stored->find("secret"), std::string::npos);
        EXPECT_EQ(stored->find("access-1"), std::string::npos);
        w.clock.now += 100; // the next row leaves later
        w.place(row);
    }
    EXPECT_FALSE(w.store.load());
}

namespace {

// A second life of the app over the same batch store: its own transport and client, signed in again.
struct Reloaded {
    explicit Reloaded(BatchWorld& before) : store(before.store), clock(before.clock) {
        BatchWorld::sign_in(client, transport);
        before.serve_details(transport); // the same API answers the reloaded copy
    }
    MemoryJournalStore& store;
    FakeClock& clock;
    FakeTransport transport;
    ApiClient client{transport, clock, {.base_url = "http://sandbox.invalid"}};
    BatchRun batch{client, &store, clock};
};

} // namespace

TEST(BatchJournal, ACrashMidRowResumesAtThatRowReconciledFirst) {
    BatchWorld w;
    w.start_four();
    w.place(0);
    // Row 1 is in flight when the app dies; its order was committed.
    w.listed.push_back(listed_order("MK1-committed", w.clock.epoch_ms()));
    w.ordered_for["MK1-committed"] = "1002";
    w.clock.now += 5'000;
    Reloaded r(w);
    EXPECT_TRUE(r.batch.journal_found());
    r.batch.start(BatchWorld::four(), batch_plan, batch_billing, "PO-9");
    EXPECT_EQ(r.transport.sent_count(batch_save_path), 0u) << "an unresolved batch blocks a new one";
    ASSERT_TRUE(r.batch.resume_from_journal());
    EXPECT_EQ(r.batch.rows()[0].status, BatchRowStatus::placed);
    EXPECT_EQ(r.batch.rows()[1].status, BatchRowStatus::unknown);
    EXPECT_EQ(r.batch.unknown_row(), std::optional<std::size_t>(1));
    EXPECT_EQ(r.transport.sent_count(batch_save_path), 0u);
    r.transport.reply(batch_page_path, listed_page(w.listed)); // MK0 is row 0's: not taken for row 1
    ASSERT_TRUE(r.batch.outcome_settled());
    EXPECT_EQ(r.batch.reconciliation().match->order_no, "MK1-committed");
    EXPECT_EQ(r.transport.sent_count(batch_save_path), 0u) << "waits for the person";
    r.batch.resume();
    EXPECT_EQ(r.batch.rows()[1].status, BatchRowStatus::placed);
    w.answer(2, receipt("MK2"), &r.transport, &r.batch);
    w.answer(3, receipt("MK3"), &r.transport, &r.batch);
    EXPECT_EQ(r.transport.sent_count(batch_save_path), 2u) << "rows 0 and 1 are never sent again";
    EXPECT_FALSE(r.store.load());
    EXPECT_EQ(r.batch.counts().placed, 4);
}

TEST(BatchJournal, ACrashedRowThatNeverArrivedIsRuledOutOnlyAfterTheSettleTime) {
    BatchWorld w;
    w.start_four();
    Reloaded r(w); // row 0 in flight; no order was created
    ASSERT_TRUE(r.batch.resume_from_journal());
    r.transport.reply(batch_page_path, listed_page({}));
    EXPECT_FALSE(r.batch.outcome_settled());
    // Resumed: no earlier than the order's own timeout after it was sent, and a settle time of this check.
    const std::int64_t order_timeout_ms = ApiClientOptions{}.order_timeout_ms;
    EXPECT_EQ(
        r.batch.recheck_at_ms(),
        std::optional<std::int64_t>(w.clock.epoch_ms() +
                                    std::max<std::int64_t>(order_timeout_ms, BatchRun::default_settle_ms)));
    r.clock.now += BatchRun::default_settle_ms;
    r.batch.tick();
    EXPECT_EQ(r.transport.pending_count(batch_page_path), 0u) << "not before the order's timeout";
    r.clock.now += order_timeout_ms - BatchRun::default_settle_ms;
    r.batch.tick();
    r.transport.reply(batch_page_path, listed_page({}));
    ASSERT_TRUE(r.batch.outcome_settled());
    r.batch.resume();
    EXPECT_EQ(r.batch.rows()[0].status, BatchRowStatus::failed);
    EXPECT_EQ(r.batch.failed_targets().size(), 1u);
    EXPECT_EQ(r.transport.pending_count(batch_save_path), 1u);
    EXPECT_EQ(r.batch.rows()[1].status, BatchRowStatus::sending);
}

TEST(BatchJournal, ACrashedBatchResumesWithEachRowsOwnPlanAndPoNumber) {
    const Id64 own_plan{18446744073709551615ULL};
    BatchWorld w;
    w.batch.start({{.partner_id = "1001", .company = "Alpha", .po_number = "PO-A"},
                   {.partner_id = "1002", .company = "Beta", .plan_id = own_plan, .po_number = ""}},
                  batch_plan, batch_billing, "PO-9");
    const std::string row0_body = w.batch.order_body(0);
    // Row 0 is in flight when the app dies; its order was committed with the row's PO number.
    w.listed.push_back(listed_order("MK-other", w.clock.epoch_ms() + 1, "PO-9"));
    w.listed.push_back(listed_order("MK0", w.clock.epoch_ms() + 2, "PO-A"));
    w.ordered_for["MK0"] = "1001";
    Reloaded r(w);
    ASSERT_TRUE(r.batch.resume_from_journal());
    EXPECT_EQ(r.batch.rows()[1].target.plan_id, std::optional<Id64>(own_plan));
    EXPECT_EQ(r.batch.order_body(0), row0_body);
    r.transport.reply(batch_page_path, listed_page(w.listed));
    ASSERT_TRUE(r.batch.outcome_settled());
    EXPECT_EQ(r.batch.reconciliation().match->order_no, "MK0") << "matched by the row's own PO number";
    r.batch.resume();
    EXPECT_EQ(r.transport.pending.back().request.body,
              renewal_order_body(RenewalOrder{
                  .partner_id = "1002", .billing_id = batch_billing, .plan_id = own_plan, .po_number = ""}));
    w.answer(1, receipt("MK1"), &r.transport, &r.batch);
    EXPECT_EQ(r.batch.counts().placed, 2);
}

TEST(BatchJournal, AnotherAccountsBatchIsNotResumed) {
    BatchWorld w;
    w.start_four();
    FakeTransport transport;
    ApiClient other{transport, w.clock, {.base_url = "http://sandbox.invalid"}};
    other.sign_in("another-client", "s", [](Result<Done>) {});
    transport.reply("/oauth/token", ok(token_result()));
    BatchRun batch{other, &w.store, w.clock};
    EXPECT_FALSE(batch.resume_from_journal());
    EXPECT_EQ(transport.sent.size(), 1u); // the token only
    EXPECT_TRUE(w.store.load());
}
