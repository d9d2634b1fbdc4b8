// A batch and what every copy on this computer accounted for (attempt_history.h): rows' orders are
// recorded, a ruled-out row is remembered, and a row whose customer had an attempt ruled out within
// the hour is sent only after the list showed that attempt's order did not commit late.
#include "tests/core/batch_test_fixture.h"

#include <gtest/gtest.h>

using namespace rd;
using namespace rd::test;

namespace {

struct BatchHistoryWorld : BatchWorld {
    MemoryAttemptHistory history;
    BatchHistoryWorld() { batch.set_history(&history); }

    std::vector<std::string> accounted() {
        return history.orders_of("http://sandbox.invalid", "demo-client-id");
    }

    // An earlier attempt for customer 1001 (reference RD-EARKYR23) that a check ruled out a minute ago.
    std::int64_t rule_out_earlier_attempt(const std::string& reference = "RD-EARKYR23") {
        const std::int64_t sent = clock.epoch_ms() - 90'000;
        history.add_ruled_out({.reference = reference,
                               .target = "1001",
                               .base_url = "http://sandbox.invalid",
                               .client_id = "demo-client-id",
                               .sent_at_ms = sent,
                               .at_ms = clock.epoch_ms() - 60'000,
                               .billing_id = batch_billing});
        return sent;
    }
};

std::vector<BatchTarget> alpha_and_beta() {
    return {{"1001", "Alpha"}, {"1002", "Beta"}};
}

} // namespace

TEST(BatchLateCommit, EveryPlacedRowIsAccountedForAtOnce) {
    BatchHistoryWorld w;
    w.batch.start(alpha_and_beta(), batch_plan, batch_billing, "");
    w.answer(0, receipt("MK-A"));
    EXPECT_EQ(w.accounted(), std::vector<std::string>{"MK-A"}) << "before the next row is sent";
    w.answer(1, receipt("MK-B"));
    EXPECT_EQ(w.accounted(), (std::vector<std::string>{"MK-A", "MK-B"}));
}

TEST(BatchLateCommit, AnOrderAnotherCopyAccountedForIsNeverTakenForAnUnknownRow) {
    BatchHistoryWorld w;
    w.history.add_orders({"MK-other-copy"}, "http://sandbox.invalid", "demo-client-id", w.clock.epoch_ms());
    w.batch.start({{"1001", "Alpha"}}, batch_plan, batch_billing, "");
    const std::string reference = w.batch.rows()[0].target.po_number.value();
    w.answer(0, failure(TransportFailure::connection_lost));
    // Its reference is ours, but another copy placed and recorded it: it is not this row's.
    w.transport.reply(batch_page_path,
                      listed_page({listed_order("MK-other-copy", w.clock.epoch_ms() + 1, reference)}));
    EXPECT_NE(w.batch.reconciliation().status, ReconcileStatus::found);
}

TEST(BatchLateCommit, ARowRuledOutIsRememberedForTheLateCommitCheck) {
    BatchHistoryWorld w;
    w.batch.start({{"1001", "Alpha"}}, batch_plan, batch_billing, "");
    const std::string reference = w.batch.rows()[0].target.po_number.value();
    w.answer(0, failure(TransportFailure::connection_lost));
    w.transport.reply(batch_page_path, listed_page({}));
    EXPECT_TRUE(w.history.load().ruled_out.empty()) << "an early 'none' is not a ruling";
    w.clock.now += BatchRun::default_settle_ms;
    w.batch.tick();
    w.transport.reply(batch_page_path, listed_page({}));
    w.batch.resume();
    ASSERT_EQ(w.batch.rows()[0].status, BatchRowStatus::failed);
    const auto ruled_out = w.history.load().ruled_out;
    ASSERT_EQ(ruled_out.size(), 1u);
    EXPECT_EQ(ruled_out[0].reference, reference);
    EXPECT_EQ(ruled_out[0].target, "1001");
}

TEST(BatchLateCommit, TheEarlierAttemptsLateOrderIsTheRowsAndNothingIsSentForIt) {
    BatchHistoryWorld w;
    const std::int64_t sent = w.rule_out_earlier_attempt();
    w.batch.start(alpha_and_beta(), batch_plan, batch_billing, "");
    EXPECT_EQ(w.transport.sent_count(batch_save_path), 0u) << "the list is read first";
    ASSERT_EQ(w.transport.pending_count(batch_page_path), 1u);
    EXPECT_TRUE(w.batch.counts().running);
    w.transport.reply(batch_page_path, listed_page({listed_order("MK-late", sent + 40'000, "RD-EARKYR23")}));
    const BatchRow& alpha = w.batch.rows()[0];
    EXPECT_EQ(alpha.status, BatchRowStatus::placed);
    EXPECT_TRUE(alpha.found_late);
    EXPECT_EQ(alpha.order_no, "MK-late");
    EXPECT_TRUE(w.history.load().ruled_out.empty()) << "explained now";
    // Beta had no earlier attempt: it goes out at once, and only it.
    w.answer(1, receipt("MK-B"));
    EXPECT_EQ(w.transport.sent_count(batch_save_path), 1u);
    EXPECT_EQ(w.accounted(), (std::vector<std::string>{"MK-late", "MK-B"}));
    EXPECT_FALSE(w.batch.counts().running);
}

TEST(BatchLateCommit, WithoutTheLateOrderTheRowIsSentOnceWithAReferenceOfItsOwn) {
    BatchHistoryWorld w;
    const std::int64_t sent = w.rule_out_earlier_attempt();
    w.batch.start(alpha_and_beta(), batch_plan, batch_billing, "");
    // A colleague's order with another reference is not the earlier attempt's.
    w.transport.reply(batch_page_path, listed_page({listed_order("MK-colleague", sent + 1'000, "COL-1")}));
    ASSERT_EQ(w.transport.pending_count(batch_save_path), 1u);
    EXPECT_NE(w.batch.rows()[0].target.po_number.value(), "RD-EARKYR23");
    w.answer(0, receipt("MK-A"));
    w.answer(1, receipt("MK-B"));
    EXPECT_EQ(w.transport.sent_count(batch_save_path), 2u);
    EXPECT_FALSE(w.batch.rows()[0].found_late);
    EXPECT_EQ(w.history.load().ruled_out.size(), 1u) << "still watched for the rest of the hour";
}

TEST(BatchLateCommit, AnUnreadableListSendsNothingForThatRowAndTheBatchGoesOn) {
    BatchHistoryWorld w;
    w.rule_out_earlier_attempt();
    w.batch.start(alpha_and_beta(), batch_plan, batch_billing, "");
    w.transport.reply(batch_page_path, raw(502, "<html><title>Bad Gateway</title></html>"));
    EXPECT_EQ(w.batch.rows()[0].status, BatchRowStatus::failed);
    EXPECT_TRUE(w.batch.rows()[0].order_no.empty());
    w.answer(1, receipt("MK-B"));
    EXPECT_EQ(w.transport.sent_count(batch_save_path), 1u) << "only Beta's order left";
    // "Retry failed" makes a batch of Alpha alone; it reads the list again before sending.
    const std::vector<BatchTarget> retry = w.batch.failed_targets();
    ASSERT_EQ(retry.size(), 1u);
    w.batch.start(retry, batch_plan, batch_billing, "");
    EXPECT_EQ(w.transport.pending_count(batch_page_path), 1u);
    EXPECT_EQ(w.transport.sent_count(batch_save_path), 1u);
}

TEST(BatchLateCommit, StoppedWhileTheListIsReadNothingIsSent) {
    BatchHistoryWorld w;
    w.rule_out_earlier_attempt();
    w.batch.start(alpha_and_beta(), batch_plan, batch_billing, "");
    w.batch.stop();
    w.transport.reply(batch_page_path, listed_page({}));
    EXPECT_EQ(w.transport.sent_count(batch_save_path), 0u);
    EXPECT_EQ(w.batch.rows()[0].status, BatchRowStatus::skipped);
    EXPECT_FALSE(w.batch.counts().running);
}

TEST(BatchLateCommit, AnAttemptRuledOutMoreThanAnHourAgoHoldsNothingUp) {
    BatchHistoryWorld w;
    w.rule_out_earlier_attempt();
    w.clock.now += late_commit_watch_ms - 59'000; // an hour and a second since it was ruled out
    w.batch.start({{"1001", "Alpha"}}, batch_plan, batch_billing, "");
    if (w.transport.pending_count("/oauth/token")) // the token of an hour ago has expired: a new one
        w.transport.reply("/oauth/token", ok(token_result("token-2", "refresh-2")));
    EXPECT_EQ(w.transport.pending_count(batch_page_path), 0u);
    EXPECT_EQ(w.transport.pending_count(batch_save_path), 1u);
}

// A PO number the person typed is shared by the batch's rows and may be a colleague's too: an order
// carrying it is the earlier attempt's only when its details show that attempt.
TEST(BatchLateCommit, AColleaguesOrderWithTheTypedPoNumberDoesNotHoldUpTheRow) {
    BatchHistoryWorld w;
    const std::int64_t sent = w.rule_out_earlier_attempt("PO-77");
    w.batch.start({{"1001", "Alpha"}}, batch_plan, batch_billing, "PO-77");
    w.ordered_for["MK-col"] = "1009"; // another customer
    w.transport.reply(batch_page_path, listed_page({listed_order("MK-col", sent + 20'000, "PO-77")}));
    EXPECT_FALSE(w.batch.rows()[0].found_late);
    w.answer(0, receipt("MK-A"));
    EXPECT_EQ(w.transport.sent_count(batch_save_path), 1u);
}

TEST(BatchLateCommit, AnOrderWithTheTypedPoNumberThatNothingProvesIsNotSentAgain) {
    BatchHistoryWorld w;
    const std::int64_t sent = w.rule_out_earlier_attempt("PO-77");
    w.batch.start(alpha_and_beta(), batch_plan, batch_billing, "PO-77");
    // MK-x's details show nothing: it may be the earlier attempt's, or a colleague's.
    w.transport.reply(batch_page_path, listed_page({listed_order("MK-x", sent + 20'000, "PO-77")}));
    const BatchRow& alpha = w.batch.rows()[0];
    EXPECT_EQ(alpha.status, BatchRowStatus::ambiguous);
    ASSERT_TRUE(alpha.error);
    EXPECT_EQ(alpha.error->detail.kind, DetailKind::batch_late_orders_unproven);
    EXPECT_EQ(alpha.error->detail.value, "MK-x");
    EXPECT_EQ(w.history.load().ruled_out.size(), 1u) << "not explained";
    w.answer(1, receipt("MK-B")); // Beta goes on, and only Beta was sent
    EXPECT_EQ(w.transport.sent_count(batch_save_path), 1u);
    EXPECT_EQ(w.batch.counts().ambiguous, 1);
}

TEST(BatchLateCommit, TheEarlierAttemptsOrderWithTheTypedPoNumberIsFoundByItsDetails) {
    BatchHistoryWorld w;
    const std::int64_t sent = w.rule_out_earlier_attempt("PO-77");
    w.batch.start({{"1001", "Alpha"}}, batch_plan, batch_billing, "PO-77");
    w.ordered_for["MK-late"] = "1001";
    w.transport.reply(batch_page_path, listed_page({listed_order("MK-late", sent + 40'000, "PO-77")}));
    EXPECT_TRUE(w.batch.rows()[0].found_late);
    EXPECT_EQ(w.batch.rows()[0].order_no, "MK-late");
    EXPECT_EQ(w.transport.sent_count(batch_save_path), 0u);
}
