// One owner per journal (JournalStore::claim) and "no order without its journal", with a store that
// another live copy can hold and whose disk can refuse a write: RenewalFlow and BatchRun.
#include "core/renewal_flow.h"
#include "tests/core/batch_test_fixture.h"
#include "tests/core/fixtures.h"

#include <gtest/gtest.h>

using namespace rd;
using namespace rd::test;

namespace {

// A journal store as the desktop's: `other` set = another live process holds it.
struct OwnedStore : JournalStore {
    std::optional<std::string> text;
    std::optional<JournalHolder> other;
    bool writable = true;
    bool held = false; // by this process

    std::optional<std::string> load() override { return text; }
    bool save(const std::string& t) override {
        EXPECT_TRUE(held) << "written only by its owner";
        if (!writable) return false;
        text = t;
        return true;
    }
    void clear() override {
        EXPECT_TRUE(held) << "cleared only by its owner";
        text.reset();
    }
    std::optional<JournalHolder> claim() override {
        if (other) return other;
        held = true;
        return std::nullopt;
    }
    void release() override { held = false; }
};

const JournalHolder cli_holder{.pid = 4242, .started_at_ms = 1'700'000'000'000, .program = "renewdesk-cli"};

struct JournalOwnerTest : ::testing::Test {
    FakeTransport transport;
    FakeClock clock;
    ApiClient client{transport, clock, {}};
    OwnedStore store;

    std::string entry_of(const std::string& base_url, const std::string& client_id) {
        return journal_to_json({.sent_at_ms = clock.epoch_ms() - 5000,
                                .base_url = base_url,
                                .client_id = client_id,
                                .target = "9007199254740993",
                                .target_name = "Example Ltd",
                                .plan_id = Id64{3049036224189325312ULL},
                                .billing_id = Id64{3197218168379846218ULL},
                                .po_number = "PO-7"});
    }

    // The owner's receipt for its attempt "PO-7", recorded in the shared history now.
    void owner_placed(MemoryAttemptHistory& history) {
        history.add_attempt_order({.order_no = "MK-owner",
                                   .base_url = "http://sandbox.invalid",
                                   .client_id = "demo-client-id",
                                   .at_ms = clock.epoch_ms(),
                                   .reference = "PO-7",
                                   .order_status = "succeed"});
    }

    void sign_in(RenewalFlow& flow) {
        flow.sign_in("http://sandbox.invalid", "demo-client-id", "demo-client-secret");
        transport.reply("/oauth/token", ok(token_result()));
    }

    void reach_review(RenewalFlow& flow) {
        sign_in(flow);
        transport.reply("/partner_list", ok(fixture_json("partner_list.json")));
        transport.reply("/purchase_product_info", ok(fixture_json("plans_flat_lists.json")));
        transport.reply("/billing_contact_list", ok(fixture_json("billing_contacts.json")));
        flow.choose_myself();
        flow.choose_billing_contact(Id64{3197218168379846218ULL});
        flow.review();
        ASSERT_EQ(flow.stage(), Stage::reviewing);
    }
};

} // namespace

TEST_F(JournalOwnerTest, ConfirmWhileAnotherCopyHoldsTheJournalSendsNothing) {
    RenewalFlow flow{client, &store};
    reach_review(flow);
    store.other = cli_holder;
    EXPECT_FALSE(flow.confirm());
    EXPECT_EQ(transport.sent_count(paths::create_order), 0u);
    EXPECT_EQ(flow.orders_sent(), 0);
    EXPECT_EQ(flow.stage(), Stage::failed) << "not back to reviewing: this confirmation is spent";
    EXPECT_EQ(flow.failure(), OrderOutcome::not_sent);
    ASSERT_TRUE(flow.busy_holder());
    EXPECT_EQ(flow.busy_holder()->pid, 4242);
    EXPECT_FALSE(flow.confirm()) << "a second click does nothing either";
    EXPECT_EQ(transport.sent_count(paths::create_order), 0u);
}

TEST_F(JournalOwnerTest, AJournalThatCannotBeWrittenSendsNothing) {
    RenewalFlow flow{client, &store};
    reach_review(flow);
    store.writable = false;
    EXPECT_FALSE(flow.confirm());
    EXPECT_EQ(transport.sent_count(paths::create_order), 0u) << "nothing leaves without its journal";
    EXPECT_EQ(flow.orders_sent(), 0);
    EXPECT_EQ(flow.stage(), Stage::failed);
    EXPECT_EQ(flow.failure(), OrderOutcome::not_sent);
    EXPECT_TRUE(flow.journal_unwritable());
    EXPECT_FALSE(flow.pending_journal());
    EXPECT_FALSE(store.held) << "released: nothing of ours is in it";
    EXPECT_FALSE(flow.confirm());
    EXPECT_EQ(transport.sent_count(paths::create_order), 0u);
}

TEST_F(JournalOwnerTest, ConfirmHoldsTheJournalUntilTheOutcomeIsKnown) {
    RenewalFlow flow{client, &store};
    reach_review(flow);
    ASSERT_TRUE(flow.confirm());
    EXPECT_TRUE(store.held);
    EXPECT_TRUE(store.text);
    transport.reply(paths::create_order, receipt("MK1"));
    EXPECT_EQ(flow.stage(), Stage::done);
    EXPECT_FALSE(store.text);
    EXPECT_FALSE(store.held);
}

TEST_F(JournalOwnerTest, AHeldJournalIsNeitherSettledNorClearedUntilItsOwnerIsGone) {
    const std::string written = entry_of("http://sandbox.invalid", "demo-client-id");
    store.text = written;
    store.other = cli_holder;
    RenewalFlow flow{client, &store};
    ASSERT_TRUE(flow.pending_journal());
    sign_in(flow);
    EXPECT_EQ(flow.stage(), Stage::signing_in) << "waits for the owner";
    ASSERT_TRUE(flow.busy_holder());
    EXPECT_EQ(flow.busy_holder()->program, "renewdesk-cli");
    EXPECT_TRUE(transport.pending.empty()) << "no order list read, no lookups";
    clock.now += 60'000;
    flow.tick();
    EXPECT_EQ(flow.stage(), Stage::signing_in);
    EXPECT_TRUE(transport.pending.empty());
    EXPECT_EQ(store.text, written) << "untouched";

    store.other.reset(); // the owner died with the outcome unknown: the attempt is adopted now
    flow.tick();
    EXPECT_FALSE(flow.busy_holder());
    EXPECT_EQ(flow.stage(), Stage::outcome_unknown);
    EXPECT_EQ(transport.pending_count(paths::order_list), 1u) << "reconciled first";
    EXPECT_TRUE(store.held);
}

TEST_F(JournalOwnerTest, AnOwnerThatSettledItsOrderLeavesNothingToAdopt) {
    store.text = entry_of("http://sandbox.invalid", "demo-client-id");
    store.other = cli_holder;
    RenewalFlow flow{client, &store};
    sign_in(flow);
    ASSERT_EQ(flow.stage(), Stage::signing_in);
    store.text.reset(); // the owner found out and cleared it
    store.other.reset();
    flow.tick();
    EXPECT_EQ(flow.stage(), Stage::choosing);
    EXPECT_FALSE(flow.pending_journal());
    EXPECT_EQ(transport.pending_count(paths::order_list), 0u);
    EXPECT_EQ(transport.pending_count("/partner_list"), 1u);
    EXPECT_FALSE(store.held);
}

// The copy that waited says what the owner recorded of the attempt in the shared history.
TEST_F(JournalOwnerTest, TheWaitingCopySaysTheOrderTheOwnerPlaced) {
    MemoryAttemptHistory history;
    store.text = entry_of("http://sandbox.invalid", "demo-client-id");
    store.other = cli_holder;
    RenewalFlow flow{client, &store};
    flow.set_history(&history);
    sign_in(flow);
    flow.tick();
    ASSERT_TRUE(flow.watched_attempt()) << "followed while the owner holds it";
    EXPECT_EQ(flow.watched_attempt()->po_number, "PO-7");
    EXPECT_FALSE(flow.finished_elsewhere());
    // The owner's receipt: recorded with its reference, then the journal cleared and let go.
    owner_placed(history);
    history.add_attempt_order({.order_no = "MK-unrelated",
                               .base_url = "http://sandbox.invalid",
                               .client_id = "demo-client-id",
                               .at_ms = clock.epoch_ms(),
                               .reference = "RD-OTHER234"});
    store.text.reset();
    store.other.reset();
    flow.tick();
    EXPECT_EQ(flow.stage(), Stage::choosing);
    EXPECT_FALSE(flow.watched_attempt());
    ASSERT_TRUE(flow.finished_elsewhere());
    ASSERT_TRUE(flow.finished_elsewhere()->order);
    EXPECT_EQ(flow.finished_elsewhere()->order->order_no, "MK-owner");
    EXPECT_EQ(flow.finished_elsewhere()->order->order_status, "succeed");
    EXPECT_EQ(transport.sent_count(paths::create_order), 0u);
    flow.sign_out();
    EXPECT_FALSE(flow.finished_elsewhere());
}

// The owner finishes while this copy's sign-in is on its way: the token reply finds the journal free
// and goes on, and still says what became of the attempt it had been following (an e2e run caught it
// going on in silence).
TEST_F(JournalOwnerTest, AnOwnerThatFinishesDuringTheSignInIsStillReported) {
    MemoryAttemptHistory history;
    store.text = entry_of("http://sandbox.invalid", "demo-client-id");
    store.other = cli_holder;
    RenewalFlow flow{client, &store};
    flow.set_history(&history);
    flow.forget_pending_journal(); // what the sign-in screen does: finds the journal held
    flow.tick();
    ASSERT_TRUE(flow.watched_attempt()) << "followed while the owner holds it";
    flow.sign_in("http://sandbox.invalid", "demo-client-id", "demo-client-secret");
    owner_placed(history);
    store.text.reset();
    store.other.reset();
    transport.reply("/oauth/token", ok(token_result()));
    EXPECT_EQ(flow.stage(), Stage::choosing);
    EXPECT_FALSE(flow.watched_attempt());
    ASSERT_TRUE(flow.finished_elsewhere());
    ASSERT_TRUE(flow.finished_elsewhere()->order);
    EXPECT_EQ(flow.finished_elsewhere()->order->order_no, "MK-owner");
    EXPECT_EQ(transport.sent_count(paths::create_order), 0u);
}

// "PO-7" typed again: an order recorded for it before this attempt was sent is an earlier attempt's.
TEST_F(JournalOwnerTest, AnEarlierAttemptsOrderWithTheSameTypedPoNumberIsNotTheOutcome) {
    MemoryAttemptHistory history;
    history.add_attempt_order({.order_no = "MK-earlier",
                               .base_url = "http://sandbox.invalid",
                               .client_id = "demo-client-id",
                               .at_ms = clock.epoch_ms() - 60'000,
                               .reference = "PO-7"});
    store.text = entry_of("http://sandbox.invalid", "demo-client-id"); // sent 5 s ago
    store.other = cli_holder;
    RenewalFlow flow{client, &store};
    flow.set_history(&history);
    sign_in(flow);
    flow.tick();
    store.text.reset(); // the owner's order was refused: no order, nothing recorded
    store.other.reset();
    flow.tick();
    ASSERT_TRUE(flow.finished_elsewhere());
    EXPECT_FALSE(flow.finished_elsewhere()->order) << "never the earlier attempt's order";
}

TEST_F(JournalOwnerTest, TheWaitingCopySaysWhenTheOwnersCheckFoundNoOrderOrLeftNoRecord) {
    for (const bool ruled_out : {true, false}) {
        SCOPED_TRACE(ruled_out ? "ruled out" : "no record");
        MemoryAttemptHistory history;
        OwnedStore owned;
        owned.text = entry_of("http://sandbox.invalid", "demo-client-id");
        owned.other = cli_holder;
        RenewalFlow flow{client, &owned};
        flow.set_history(&history);
        sign_in(flow);
        flow.tick();
        if (ruled_out)
            history.add_ruled_out({.reference = "PO-7",
                                   .target = "9007199254740993",
                                   .base_url = "http://sandbox.invalid",
                                   .client_id = "demo-client-id",
                                   .sent_at_ms = clock.epoch_ms() - 5000,
                                   .at_ms = clock.epoch_ms()});
        owned.text.reset();
        owned.other.reset();
        flow.tick();
        ASSERT_TRUE(flow.finished_elsewhere());
        EXPECT_FALSE(flow.finished_elsewhere()->order);
        EXPECT_EQ(flow.finished_elsewhere()->ruled_out, ruled_out);
        flow.sign_out();
    }
}

TEST(AttemptHistoryOrders, AnAttemptsOrderIsFoundByItsReferenceForItsAccountOnly) {
    MemoryAttemptHistory history;
    history.add_attempt_order(
        {.order_no = "MK-1", .base_url = "h", .client_id = "c", .at_ms = 1000, .reference = "PO-7"});
    history.add_attempt_order(
        {.order_no = "MK-2", .base_url = "h", .client_id = "other", .at_ms = 1000, .reference = "PO-8"});
    EXPECT_EQ(history.order_of_attempt("PO-7", "h", "c")->order_no, "MK-1");
    EXPECT_FALSE(history.order_of_attempt("PO-8", "h", "c")) << "another account's";
    EXPECT_FALSE(history.order_of_attempt("", "h", "c"));
    AttemptHistoryDoc back;
    ASSERT_TRUE(parse_attempt_history(attempt_history_to_json(history.load()), back));
    EXPECT_EQ(back.orders[0].reference, "PO-7");
    EXPECT_EQ(history.orders_of("h", "c"), std::vector<std::string>{"MK-1"}) << "accounted for as before";
}

TEST_F(JournalOwnerTest, AnotherCopysAttemptFoundAtConfirmIsReconciledInsteadOfANewOrder) {
    RenewalFlow flow{client, &store};
    reach_review(flow);
    store.text = entry_of("http://sandbox.invalid", "demo-client-id"); // written by a copy that died
    EXPECT_FALSE(flow.confirm());
    EXPECT_EQ(transport.sent_count(paths::create_order), 0u);
    EXPECT_EQ(flow.stage(), Stage::outcome_unknown);
    EXPECT_EQ(flow.attempt().po_number, "PO-7");
}

TEST_F(JournalOwnerTest, ForgettingDoesNotClearAJournalAnotherCopyHolds) {
    store.text = entry_of("https://elsewhere.example", "other");
    store.other = cli_holder;
    RenewalFlow flow{client, &store};
    reach_review(flow);
    flow.back_to_choosing();
    flow.forget_pending_journal();
    EXPECT_TRUE(store.text);
    EXPECT_TRUE(flow.pending_journal());
    EXPECT_TRUE(flow.busy_holder());
}

TEST(BatchJournalOwner, NoBatchStartsWhileAnotherCopyHoldsTheJournal) {
    BatchWorld w;
    OwnedStore store;
    store.other = cli_holder;
    BatchRun batch{w.client, &store, w.clock};
    batch.start(BatchWorld::four(), batch_plan, batch_billing, "PO-9");
    EXPECT_EQ(w.transport.sent_count(batch_save_path), 0u);
    EXPECT_FALSE(batch.counts().running);
    ASSERT_TRUE(batch.busy_holder());
    EXPECT_EQ(batch.busy_holder()->pid, 4242);
    store.other.reset();
    batch.tick();
    EXPECT_FALSE(batch.busy_holder()) << "free again";
    EXPECT_FALSE(store.held);
}

TEST(BatchJournalOwner, TheWaitingCopyFollowsTheOtherBatchAndSaysHowItEnded) {
    BatchWorld w;
    OwnedStore store;
    store.other = cli_holder;
    BatchRecord record{
        .sent_at_ms = w.clock.epoch_ms(),
        .base_url = "http://sandbox.invalid",
        .client_id = "demo-client-id",
        .plan_id = batch_plan,
        .billing_id = batch_billing,
        .po_number = "PO-9",
        .rows = {BatchRow{.target = {"1001", "Alpha"}, .status = BatchRowStatus::placed, .order_no = "MK0"},
                 BatchRow{.target = {"1002", "Beta"}, .status = BatchRowStatus::sending},
                 BatchRow{.target = {"1003", "Gamma"}}},
        .in_flight = 1};
    store.text = batch_journal_to_json(record);
    BatchRun batch{w.client, &store, w.clock};
    batch.start(BatchWorld::four(), batch_plan, batch_billing, "PO-9");
    batch.tick();
    ASSERT_TRUE(batch.watched_rows());
    EXPECT_EQ(count_rows(*batch.watched_rows()).placed, 1);
    EXPECT_FALSE(batch.finished_elsewhere());
    // The owner finishes: its last record, then the journal cleared and let go.
    record.rows[1].status = BatchRowStatus::failed;
    record.rows[2].status = BatchRowStatus::placed;
    record.rows[2].order_no = "MK2";
    record.in_flight.reset();
    store.text = batch_journal_to_json(record);
    batch.tick();
    store.text.reset();
    store.other.reset();
    batch.tick();
    EXPECT_FALSE(batch.busy_holder());
    EXPECT_FALSE(batch.watched_rows());
    ASSERT_TRUE(batch.finished_elsewhere());
    const BatchCounts ended = count_rows(*batch.finished_elsewhere());
    EXPECT_EQ(ended.size, 3);
    EXPECT_EQ(ended.placed, 2);
    EXPECT_EQ(ended.failed, 1);
    EXPECT_EQ(w.transport.sent_count(batch_save_path), 0u) << "it sent nothing of that batch";
}

// On the web the owner's last record and its clearing come in one task: the waiting tab never reads
// that record. The owner's final record in the shared history is the outcome then.
TEST(BatchJournalOwner, TheOwnersFinalRecordInTheHistoryIsTheOutcomeWhenTheLastWriteWasMissed) {
    BatchWorld w;
    OwnedStore store;
    MemoryAttemptHistory history;
    store.other = cli_holder;
    BatchRecord record{.sent_at_ms = w.clock.epoch_ms(),
                       .base_url = "http://sandbox.invalid",
                       .client_id = "demo-client-id",
                       .plan_id = batch_plan,
                       .billing_id = batch_billing,
                       .rows = {BatchRow{.target = {"1001", "Alpha"}, .status = BatchRowStatus::sending},
                                BatchRow{.target = {"1002", "Beta"}}},
                       .in_flight = 0};
    store.text = batch_journal_to_json(record);
    BatchRun batch{w.client, &store, w.clock};
    batch.set_history(&history);
    batch.start(BatchWorld::four(), batch_plan, batch_billing, "PO-9");
    batch.tick();
    ASSERT_TRUE(batch.watched_rows());
    // Unseen: both rows placed, the final record put in the history, the journal cleared.
    record.sent_at_ms += 2'000;
    record.rows[0].status = record.rows[1].status = BatchRowStatus::placed;
    record.in_flight.reset();
    history.set_last_batch(batch_journal_to_json(record));
    store.text.reset();
    store.other.reset();
    batch.tick();
    ASSERT_TRUE(batch.finished_elsewhere());
    EXPECT_EQ(count_rows(*batch.finished_elsewhere()).placed, 2);

    // Another account's last batch, or an older one, is not this batch's outcome: what was seen stays.
    for (const std::string& client : {std::string("other-client"), std::string("demo-client-id")}) {
        BatchRun again{w.client, &store, w.clock};
        again.set_history(&history);
        record.sent_at_ms = w.clock.epoch_ms() + 10'000;
        record.rows[0].status = BatchRowStatus::sending;
        record.rows[1].status = BatchRowStatus::waiting;
        store.text = batch_journal_to_json(record);
        store.other = cli_holder;
        again.start(BatchWorld::four(), batch_plan, batch_billing, "PO-9");
        again.tick();
        BatchRecord stale = record;
        stale.client_id = client;
        stale.sent_at_ms = client == "other-client" ? record.sent_at_ms : record.sent_at_ms - 1;
        history.set_last_batch(batch_journal_to_json(stale));
        store.text.reset();
        store.other.reset();
        again.tick();
        ASSERT_TRUE(again.finished_elsewhere());
        EXPECT_EQ(count_rows(*again.finished_elsewhere()).placed, 0) << client;
        EXPECT_EQ((*again.finished_elsewhere())[0].status, BatchRowStatus::sending) << "only what was seen";
    }
}

TEST(BatchRunHistory, AFinishedBatchLeavesItsFinalRecordInTheHistory) {
    BatchWorld w;
    MemoryAttemptHistory history;
    w.batch.set_history(&history);
    w.batch.start({{"1001", "Alpha"}}, batch_plan, batch_billing, "PO-9");
    w.answer(0, receipt("MK-A"));
    const auto last = batch_journal_from_json(history.load().last_batch);
    ASSERT_TRUE(last);
    ASSERT_EQ(last->rows.size(), 1u);
    EXPECT_EQ(last->rows[0].status, BatchRowStatus::placed);
    EXPECT_EQ(last->rows[0].order_no, "MK-A");
    EXPECT_FALSE(w.store.load()) << "the journal itself is cleared";
}

TEST(BatchJournalOwner, AnOwnerThatDiedWithARowUnresolvedIsNotCalledFinished) {
    BatchWorld w;
    OwnedStore store;
    store.other = cli_holder;
    store.text = batch_journal_to_json(
        BatchRecord{.sent_at_ms = w.clock.epoch_ms(),
                    .base_url = "http://sandbox.invalid",
                    .client_id = "demo-client-id",
                    .plan_id = batch_plan,
                    .billing_id = batch_billing,
                    .rows = {BatchRow{.target = {"1001", "Alpha"}, .status = BatchRowStatus::sending}},
                    .in_flight = 0});
    BatchRun batch{w.client, &store, w.clock};
    batch.start(BatchWorld::four(), batch_plan, batch_billing, "PO-9");
    batch.tick();
    store.other.reset(); // it died: the record stays, to be resumed here
    batch.tick();
    EXPECT_FALSE(batch.finished_elsewhere());
}

TEST(BatchJournalOwner, AHeldBatchJournalIsNotResumed) {
    BatchWorld w;
    w.start_four();
    const std::string record = *w.store.load(); // row 1 in flight, as a running copy wrote it
    OwnedStore store;
    store.text = record;
    store.other = cli_holder;
    BatchRun second{w.client, &store, w.clock};
    EXPECT_TRUE(second.journal_found());
    EXPECT_FALSE(second.resume_from_journal());
    EXPECT_TRUE(second.busy_holder());
    EXPECT_EQ(store.text, record);
    EXPECT_EQ(w.transport.pending_count(batch_page_path), 0u) << "not reconciled by the second copy";
    store.other.reset();
    EXPECT_TRUE(second.resume_from_journal()) << "adopted once its owner is gone";
    EXPECT_EQ(second.unknown_row(), 0u);
}

TEST(BatchJournalOwner, ARowWhoseRecordCannotBeWrittenIsNotSentAndTheBatchStops) {
    BatchWorld w;
    OwnedStore store;
    store.writable = false;
    BatchRun batch{w.client, &store, w.clock};
    batch.start(BatchWorld::four(), batch_plan, batch_billing, "PO-9");
    EXPECT_EQ(w.transport.sent_count(batch_save_path), 0u);
    EXPECT_EQ(batch.orders_sent(), 0);
    EXPECT_TRUE(batch.journal_unwritable());
    EXPECT_EQ(batch.rows()[0].status, BatchRowStatus::failed);
    ASSERT_TRUE(batch.rows()[0].error);
    for (std::size_t i = 1; i < batch.rows().size(); ++i)
        EXPECT_EQ(batch.rows()[i].status, BatchRowStatus::skipped);
    EXPECT_FALSE(batch.counts().running);
    EXPECT_FALSE(store.held);
}
