// BatchRun with the fake transport: every fault at every row of a 4-row batch, one order per row at
// most, never two in flight, stop at unknown, resume once reconciliation has settled the row.
#include "tests/core/batch_test_fixture.h"

#include "core/order_body.h"

#include <gtest/gtest.h>

using namespace rd;
using namespace rd::test;

namespace {

enum class Fault { refused, not_sent, dropped_after_send, http_5xx_after_send, malformed_reply, timeout };

struct FaultCase {
    Fault fault;
    const char* name;
    bool unknown; // the order may have been created
};

const FaultCase fault_cases[] = {
    {Fault::refused, "refused", false},
    {Fault::not_sent, "not sent", false},
    {Fault::dropped_after_send, "dropped after send", true},
    {Fault::http_5xx_after_send, "HTTP 502 after send", true},
    {Fault::malformed_reply, "malformed reply", true},
    {Fault::timeout, "timeout", true},
};

HttpResponse faulty(Fault fault) {
    switch (fault) {
    case Fault::refused: return api_error(400, "invalid_param", "no such plan", "req-refused");
    case Fault::not_sent: return failure(TransportFailure::could_not_send);
    case Fault::dropped_after_send: return failure(TransportFailure::connection_lost);
    case Fault::http_5xx_after_send: return raw(502, "<html><title>502 Bad Gateway</title></html>");
    case Fault::malformed_reply: return raw(200, R"({"code":"success","res)");
    case Fault::timeout: return failure(TransportFailure::timed_out);
    }
    return failure(TransportFailure::timed_out);
}

// The unknown row's reconciliation: the order list shows it (committed) or, read again after the
// settle time, still does not (ruled out).
void reconcile(BatchWorld& w, std::size_t row, bool committed) {
    ASSERT_TRUE(w.batch.stopped_at_unknown());
    ASSERT_EQ(w.batch.unknown_row(), std::optional<std::size_t>(row));
    ASSERT_EQ(w.transport.pending_count(batch_save_path), 0u) << "nothing is sent while unknown";
    if (committed) {
        w.listed.push_back(listed_order("MK-late", w.clock.epoch_ms()));
        w.ordered_for["MK-late"] = w.batch.rows()[row].target.partner_id;
    }
    w.transport.reply(batch_page_path, listed_page(w.listed));
    if (!committed) {
        ASSERT_FALSE(w.batch.outcome_settled()) << "an early 'none' is not believed";
        w.batch.resume(); // ignored: not settled yet
        ASSERT_EQ(w.transport.pending_count(batch_save_path), 0u);
        ASSERT_TRUE(w.batch.recheck_at_ms());
        w.clock.now += BatchRun::default_settle_ms;
        w.batch.tick();
        w.transport.reply(batch_page_path, listed_page(w.listed));
    }
    ASSERT_TRUE(w.batch.outcome_settled());
    ASSERT_EQ(w.batch.reconciliation().status, committed ? ReconcileStatus::found : ReconcileStatus::none);
    if (committed) {
        EXPECT_EQ(w.batch.reconciliation().match->order_no, "MK-late") << "never an earlier row's";
    }
    EXPECT_TRUE(w.store.load()) << "the journal stays until the outcome is taken";
}

void run_with_fault(const FaultCase& c, std::size_t fault_row, bool committed) {
    SCOPED_TRACE(std::string(c.name) + " at row " + std::to_string(fault_row) +
                 (committed ? " (committed)" : " (not committed)"));
    BatchWorld w;
    w.start_four();
    for (std::size_t row = 0; row < 4; ++row) {
        if (row != fault_row) {
            ASSERT_NO_FATAL_FAILURE(w.place(row));
            continue;
        }
        ASSERT_NO_FATAL_FAILURE(w.answer(row, faulty(c.fault)));
        if (!c.unknown) {
            EXPECT_EQ(w.batch.rows()[row].status, BatchRowStatus::failed);
            continue;
        }
        EXPECT_EQ(w.batch.rows()[row].status, BatchRowStatus::unknown);
        EXPECT_EQ(w.batch.counts().unknown, 1);
        ASSERT_NO_FATAL_FAILURE(reconcile(w, row, committed));
        w.batch.resume();
        EXPECT_EQ(w.batch.rows()[row].status, committed ? BatchRowStatus::placed : BatchRowStatus::failed);
        if (committed) {
            EXPECT_EQ(w.batch.rows()[row].order_no, "MK-late");
        }
    }
    EXPECT_EQ(w.transport.sent_count(batch_save_path), 4u) << "one order per row, never two";
    EXPECT_EQ(w.transport.pending.size(), 0u);
    const BatchCounts counts = w.batch.counts();
    const bool failed = !c.unknown || !committed;
    EXPECT_EQ(counts.size, 4);
    EXPECT_EQ(counts.sent, 4);
    EXPECT_EQ(counts.placed, failed ? 3 : 4);
    EXPECT_EQ(counts.failed, failed ? 1 : 0);
    EXPECT_EQ(counts.unknown, 0);
    EXPECT_FALSE(counts.running);
    EXPECT_FALSE(w.store.load()) << "finished with no unknown row: the journal is cleared";
    const auto again = w.batch.failed_targets();
    ASSERT_EQ(again.size(), failed ? 1u : 0u);
    if (failed) {
        EXPECT_EQ(again[0].partner_id, BatchWorld::four()[fault_row].partner_id);
    }
}

} // namespace

TEST(BatchRun, EveryFaultAtEveryRowGivesTheRightStatusAndOneOrderPerRow) {
    for (const FaultCase& c : fault_cases)
        for (std::size_t row = 0; row < 4; ++row)
            for (bool committed : {true, false}) {
                if (!c.unknown && !committed) continue;
                run_with_fault(c, row, committed);
                if (::testing::Test::HasFatalFailure()) return;
            }
}

TEST(BatchRun, AllPlacedRowsFillInLiveAndPendingIsNotPlaced) {
    BatchWorld w;
    w.start_four();
    EXPECT_TRUE(w.batch.counts().running);
    w.place(0);
    EXPECT_EQ(w.batch.counts().placed, 1);
    EXPECT_EQ(w.batch.counts().sent, 2); // row 1 is on its way
    w.answer(1, receipt("MK1", "pending"));
    EXPECT_EQ(w.batch.rows()[1].status, BatchRowStatus::pending);
    EXPECT_EQ(w.batch.rows()[1].request_id, "req-MK1");
    w.place(2);
    w.place(3);
    EXPECT_EQ(w.batch.counts().placed, 3);
    EXPECT_EQ(w.batch.counts().pending, 1);
    EXPECT_NE(w.transport.sent[2].body.find("\"poNumber\""), std::string::npos);
    EXPECT_EQ(w.transport.sent[3].body.find("1002"), std::string::npos) << "row 2 is for the partner itself";
}

TEST(BatchRun, EachRowIsSentWithItsOwnPlanAndPoNumberOrTheBatchs) {
    const Id64 own_plan{18446744073709551615ULL}; // above 2^53: must leave as these exact digits
    BatchWorld w;
    w.batch.start({{.partner_id = "1001", .company = "Alpha", .plan_id = own_plan, .po_number = "PO-A"},
                   {.partner_id = "1002", .company = "Beta"},
                   {.partner_id = "", .company = "(myself)", .po_number = ""},
                   {.partner_id = "1004", .company = "Delta", .plan_id = own_plan}},
                  batch_plan, batch_billing, "PO-9");
    w.answer(0, api_error(422, "insufficient_balance", "no credit", "req-422"));
    w.place(1);
    w.place(2);
    w.place(3);
    ASSERT_EQ(w.transport.sent_count(batch_save_path), 4u);
    const auto body = [](std::optional<std::string> partner, Id64 plan, std::string po) {
        return renewal_order_body(RenewalOrder{
            .partner_id = partner, .billing_id = batch_billing, .plan_id = plan, .po_number = po});
    };
    EXPECT_EQ(w.transport.sent[1].body, body("1001", own_plan, "PO-A"));
    EXPECT_EQ(w.transport.sent[2].body, body("1002", batch_plan, "PO-9"));
    EXPECT_EQ(w.transport.sent[3].body, body(std::nullopt, batch_plan, "")) << "\"\" is no PO number";
    EXPECT_EQ(w.transport.sent[4].body, body("1004", own_plan, "PO-9"));
    EXPECT_NE(w.transport.sent[1].body.find("\"serviceId\": 18446744073709551615"), std::string::npos);
    EXPECT_EQ(w.transport.sent[3].body.find("poNumber"), std::string::npos);
    for (std::size_t row = 0; row < 4; ++row)
        EXPECT_EQ(w.transport.sent[row + 1].body, w.batch.order_body(row));

    ASSERT_EQ(w.batch.failed_targets().size(), 1u); // sent again as a new batch, with its own choices
    EXPECT_EQ(w.batch.failed_targets()[0].plan_id, std::optional<Id64>(own_plan));
    EXPECT_EQ(w.batch.failed_targets()[0].po_number, std::optional<std::string>("PO-A"));
    EXPECT_EQ(w.batch.csv(), "partnerId,company,orderNo,status,requestId\r\n"
                             "1001,Alpha,,failed,req-422\r\n"
                             "1002,Beta,MK1,placed,req-MK1\r\n"
                             ",(myself),MK2,placed,req-MK2\r\n"
                             "1004,Delta,MK3,placed,req-MK3\r\n");
}

TEST(BatchRun, AnUnknownRowIsReconciledByItsOwnPoNumber) {
    BatchWorld w;
    w.batch.start({{.partner_id = "1001", .company = "Alpha", .po_number = "PO-A"}}, batch_plan,
                  batch_billing, "PO-9");
    w.answer(0, failure(TransportFailure::timed_out));
    // Two orders since the attempt: the earlier one carries the batch's PO number, the later the row's.
    w.ordered_for["MK-own"] = "1001";
    w.transport.reply(batch_page_path, listed_page({listed_order("MK-other", w.clock.epoch_ms() + 1, "PO-9"),
                                                    listed_order("MK-own", w.clock.epoch_ms() + 2, "PO-A")}));
    ASSERT_TRUE(w.batch.outcome_settled());
    ASSERT_TRUE(w.batch.reconciliation().match);
    EXPECT_EQ(w.batch.reconciliation().match->order_no, "MK-own");
    EXPECT_TRUE(w.batch.reconciliation().matched_by_po_number);
}

// An order an earlier run (another process) placed seconds before is never taken for an unknown
// row's order: with nothing else in the list the row is ruled out after the settle time.
TEST(BatchRun, AKnownOrderOfAnEarlierRunIsNotTakenForTheUnknownRow) {
    BatchWorld w;
    w.batch.add_known_orders({"MK-earlier-run"});
    w.batch.start({{.partner_id = "1001", .company = "Alpha"}}, batch_plan, batch_billing, "PO-9");
    w.answer(0, failure(TransportFailure::connection_lost));
    // Same PO number, 5 s before the attempt: inside the clock-skew allowance, and it would match.
    const auto listed = listed_page({listed_order("MK-earlier-run", w.clock.epoch_ms() - 5'000, "PO-9")});
    w.transport.reply(batch_page_path, listed);
    EXPECT_EQ(w.batch.reconciliation().status, ReconcileStatus::none);
    ASSERT_FALSE(w.batch.outcome_settled()) << "an early 'none' is not believed";
    w.clock.now += BatchRun::default_settle_ms;
    w.batch.tick();
    w.transport.reply(batch_page_path, listed);
    ASSERT_TRUE(w.batch.outcome_settled());
    EXPECT_EQ(w.batch.reconciliation().status, ReconcileStatus::none);
    w.batch.resume();
    EXPECT_EQ(w.batch.rows()[0].status, BatchRowStatus::failed);
    EXPECT_EQ(w.batch.rows()[0].order_no, "");
    EXPECT_EQ(w.transport.sent_count(batch_save_path), 1u);
}

TEST(BatchRun, AnOrderNotKnownIsFoundForTheUnknownRow) {
    BatchWorld w;
    w.batch.add_known_orders({"MK-other"});
    w.batch.start({{.partner_id = "1001", .company = "Alpha"}}, batch_plan, batch_billing, "PO-9");
    w.answer(0, failure(TransportFailure::connection_lost));
    w.ordered_for["MK-mine"] = "1001";
    w.transport.reply(batch_page_path, listed_page({listed_order("MK-other", w.clock.epoch_ms() - 5'000),
                                                    listed_order("MK-mine", w.clock.epoch_ms() + 300)}));
    ASSERT_TRUE(w.batch.outcome_settled());
    ASSERT_EQ(w.batch.reconciliation().status, ReconcileStatus::found);
    EXPECT_EQ(w.batch.reconciliation().match->order_no, "MK-mine");
    w.batch.resume();
    EXPECT_EQ(w.batch.rows()[0].status, BatchRowStatus::placed);
    EXPECT_EQ(w.batch.rows()[0].order_no, "MK-mine");
}

// Known orders also apply to a batch resumed from its journal by a later run.
TEST(BatchRun, AKnownOrderIsNotTakenForTheJournaledRowOfAResumedBatch) {
    BatchWorld w;
    w.batch.start({{.partner_id = "1001", .company = "Alpha"}, {.partner_id = "1002", .company = "Beta"}},
                  batch_plan, batch_billing, "PO-9");
    const std::int64_t sent_at = w.clock.epoch_ms();
    ASSERT_TRUE(w.store.load()); // the run dies with row 0 in flight

    FakeTransport transport;
    ApiClient client{transport, w.clock, {.base_url = "http://sandbox.invalid"}};
    BatchWorld::sign_in(client, transport);
    BatchRun later(client, &w.store, w.clock);
    later.add_known_orders({"MK-earlier-run"});
    ASSERT_TRUE(later.resume_from_journal());
    const auto listed = listed_page({listed_order("MK-earlier-run", sent_at - 2'000)});
    transport.reply(batch_page_path, listed);
    EXPECT_EQ(later.reconciliation().status, ReconcileStatus::none);
    ASSERT_TRUE(later.recheck_at_ms());
    w.clock.now += *later.recheck_at_ms() - w.clock.epoch_ms(); // a resumed row: the order's timeout
    later.tick();
    transport.reply(batch_page_path, listed);
    ASSERT_TRUE(later.outcome_settled());
    EXPECT_EQ(later.reconciliation().status, ReconcileStatus::none);
}

TEST(BatchRun, StopSkipsTheWaitingRowsAndTheOneInFlightStillGetsItsOutcome) {
    BatchWorld w;
    w.start_four();
    w.place(0);
    w.batch.stop();
    EXPECT_EQ(w.batch.rows()[2].status, BatchRowStatus::skipped);
    EXPECT_EQ(w.batch.rows()[3].status, BatchRowStatus::skipped);
    w.answer(1, receipt("MK1"));
    EXPECT_EQ(w.batch.rows()[1].status, BatchRowStatus::placed);
    EXPECT_EQ(w.transport.sent_count(batch_save_path), 2u);
    EXPECT_FALSE(w.batch.counts().running);
    EXPECT_FALSE(w.store.load());
    w.batch.resume(); // nothing to resume
    EXPECT_EQ(w.transport.sent_count(batch_save_path), 2u);
}

TEST(BatchRun, StopAtAnUnknownRowKeepsItsJournalUntilReconciled) {
    BatchWorld w;
    w.start_four();
    w.answer(0, failure(TransportFailure::timed_out));
    w.transport.reply(batch_page_path, listed_page({})); // too early to rule it out
    w.batch.stop();
    EXPECT_EQ(w.batch.rows()[1].status, BatchRowStatus::skipped);
    EXPECT_EQ(w.batch.rows()[0].status, BatchRowStatus::unknown);
    EXPECT_TRUE(w.store.load());
    w.clock.now += BatchRun::default_settle_ms;
    w.batch.tick();
    w.transport.reply(batch_page_path, listed_page({}));
    EXPECT_EQ(w.batch.rows()[0].status, BatchRowStatus::failed);
    EXPECT_FALSE(w.store.load());
    EXPECT_EQ(w.transport.sent_count(batch_save_path), 1u);
}

TEST(BatchRun, StartIsIgnoredWhileABatchRunsOrWaitsAtAnUnknownRow) {
    BatchWorld w;
    w.start_four();
    w.batch.start(BatchWorld::four(), batch_plan, batch_billing, "");
    EXPECT_EQ(w.transport.sent_count(batch_save_path), 1u);
    w.answer(0, failure(TransportFailure::connection_lost));
    w.transport.reply(batch_page_path, listed_page({listed_order("MKx", w.clock.epoch_ms())}));
    w.batch.start(BatchWorld::four(), batch_plan, batch_billing, "");
    EXPECT_EQ(w.transport.sent_count(batch_save_path), 1u);
    EXPECT_EQ(w.batch.rows()[0].status, BatchRowStatus::unknown);
}

TEST(BatchRun, ReconciliationErrorKeepsTheBatchWaitingAndCanBeReadAgain) {
    BatchWorld w;
    w.start_four();
    w.answer(0, raw(504, "gateway"));
    w.transport.reply(batch_page_path, raw(500, "oops"));
    EXPECT_EQ(w.batch.reconciliation().status, ReconcileStatus::error);
    w.batch.resume();
    EXPECT_EQ(w.transport.sent_count(batch_save_path), 1u);
    w.batch.reconcile();
    w.ordered_for["MK0"] = "1001";
    w.transport.reply(batch_page_path, listed_page({listed_order("MK0", w.clock.epoch_ms())}));
    w.batch.resume();
    EXPECT_EQ(w.batch.rows()[0].order_no, "MK0");
    EXPECT_EQ(w.transport.sent_count(batch_save_path), 2u);
}

TEST(BatchRun, CsvQuotesNamesWithCommasQuotesAndNewlines) {
    BatchWorld w;
    w.batch.start({{"1001", "Alpha"}, {"1002", "Beta, \"B\" Ltd"}, {"1003", "多行\nCo"}, {"", "Δέλτα"}},
                  batch_plan, batch_billing, "");
    w.place(0);
    w.answer(1, api_error(422, "insufficient_balance", "no credit", "req-422"));
    w.batch.stop(); // row 2 is on its way, row 3 waits
    w.answer(2, receipt("MK2", "pending"));
    EXPECT_EQ(w.batch.csv(), "partnerId,company,orderNo,status,requestId\r\n"
                             "1001,Alpha,MK0,placed,req-MK0\r\n"
                             "1002,\"Beta, \"\"B\"\" Ltd\",,failed,req-422\r\n"
                             "1003,\"多行\nCo\",MK2,pending,req-MK2\r\n"
                             ",Δέλτα,,skipped,\r\n");
    ASSERT_EQ(w.batch.failed_targets().size(), 1u);
    EXPECT_EQ(w.batch.failed_targets()[0].company, "Beta, \"B\" Ltd");
}

TEST(BatchRun, CsvKeepsANameThatLooksLikeAFormulaText) {
    BatchWorld w;
    w.batch.start({{"1001", "=HYPERLINK(\"http://x.invalid\",\"pay\")"}, {"1002", "@SUM(A1)"}}, batch_plan,
                  batch_billing, "");
    w.place(0);
    w.place(1);
    EXPECT_EQ(w.batch.csv(),
              "partnerId,company,orderNo,status,requestId\r\n"
              "1001,\"'=HYPERLINK(\"\"http://x.invalid\"\",\"\"pay\"\")\",MK0,placed,req-MK0\r\n"
              "1002,\"'@SUM(A1)\",MK1,placed,req-MK1\r\n");
}
