// AttemptHistory: what one computer or browser accounted for (orders) and ruled out (attempts whose
// order may still commit late), as every copy of RenewDesk on it shares it.
#include "core/attempt_history.h"
#include "core/batch_journal.h"
#include "core/order_journal.h"

#include <gtest/gtest.h>

using namespace rd;

namespace {
constexpr std::int64_t t0 = 1'800'000'000'000;
const std::string host = "https://openapi.example";
} // namespace

TEST(AttemptHistory, RoundTripsAndReadsOlderFilesWithoutRuledOut) {
    AttemptHistoryDoc doc;
    doc.orders.push_back({"MK1", host, "client", t0});
    doc.ruled_out.push_back(
        {"RD-ABCDEFGH", "p-7", host, "client", t0 - 40'000, t0, Id64{18446744073709551615ULL}});
    AttemptHistoryDoc back;
    ASSERT_TRUE(parse_attempt_history(attempt_history_to_json(doc), back));
    ASSERT_EQ(back.orders.size(), 1u);
    EXPECT_EQ(back.orders[0].order_no, "MK1");
    ASSERT_EQ(back.ruled_out.size(), 1u);
    EXPECT_EQ(back.ruled_out[0].reference, "RD-ABCDEFGH");
    EXPECT_EQ(back.ruled_out[0].sent_at_ms, t0 - 40'000);
    EXPECT_EQ(back.ruled_out[0].billing_id, Id64{18446744073709551615ULL}) << "exact, as a string";
    AttemptHistoryDoc before_billing; // a ruled-out attempt written before the billing contact was kept
    ASSERT_TRUE(parse_attempt_history(
        R"({"orders":[],"ruledOut":[{"reference":"PO-1","target":"","baseUrl":"h","clientId":"c","sentAtMs":1,"atMs":2}]})",
        before_billing));
    ASSERT_EQ(before_billing.ruled_out.size(), 1u);
    EXPECT_EQ(before_billing.ruled_out[0].billing_id, Id64{}) << "not known: never proof by details";
    AttemptHistoryDoc older;
    ASSERT_TRUE(parse_attempt_history(
        R"({"version":1,"orders":[{"orderNo":"MK2","baseUrl":"h","clientId":"c","atMs":5}]})", older));
    EXPECT_EQ(older.orders.size(), 1u);
    EXPECT_TRUE(older.ruled_out.empty());
    AttemptHistoryDoc bad;
    EXPECT_FALSE(parse_attempt_history("[]", bad));
    EXPECT_TRUE(parse_attempt_history(R"({"orders":[],"ruledOut":[{"reference":""},7]})", bad));
    EXPECT_TRUE(bad.ruled_out.empty()) << "unreadable entries are skipped";
}

TEST(AttemptHistory, RuledOutAttemptsAreWatchedForAnHourForTheirOwnCustomerAndAccount) {
    MemoryAttemptHistory history;
    history.add_ruled_out({"RD-ABCDEFGH", "p-7", host, "client", t0 - 40'000, t0});
    EXPECT_EQ(history.ruled_out_for("p-7", host, "client", t0 + 1000).size(), 1u);
    EXPECT_TRUE(history.ruled_out_for("p-8", host, "client", t0).empty()) << "another customer";
    EXPECT_TRUE(history.ruled_out_for("", host, "client", t0).empty())
        << "the partner itself is another customer";
    EXPECT_TRUE(history.ruled_out_for("p-7", host, "other", t0).empty()) << "another account";
    EXPECT_TRUE(history.ruled_out_for("p-7", host, "client", t0 + late_commit_watch_ms + 1).empty());
    history.forget_ruled_out("RD-ABCDEFGH");
    EXPECT_TRUE(history.ruled_out_for("p-7", host, "client", t0).empty());
}

TEST(AttemptHistory, OrdersAreKeptADayOneEntryEachTheNewestKept) {
    MemoryAttemptHistory history;
    history.add_orders({"MK1", "", "MK2"}, host, "client", t0);
    history.add_orders({"MK1"}, host, "client", t0 + 5);
    EXPECT_EQ(history.orders_of(host, "client"), (std::vector<std::string>{"MK2", "MK1"}));
    EXPECT_TRUE(history.orders_of(host, "other").empty());
    history.add_orders({"MK3"}, host, "client", t0 + orders_keep_ms + 10);
    EXPECT_EQ(history.orders_of(host, "client"), (std::vector<std::string>{"MK3"})) << "a day later";
    std::vector<std::string> many;
    for (int i = 0; i < 2100; ++i)
        many.push_back("MK" + std::to_string(i));
    history.add_orders(many, host, "client", t0 + orders_keep_ms + 20);
    const auto kept = history.orders_of(host, "client");
    ASSERT_EQ(kept.size(), history_max_entries);
    EXPECT_EQ(kept.back(), "MK2099");
}

// While a journal beside the history is unresolved, the orders accounted for since its window's start
// stay however old they get: a journal resumed three days later must still not take another copy's
// order for its own. Once the journal is gone, the day's limit applies again.
TEST(AttemptHistory, OrdersStayWhileAnUnresolvedJournalsWindowReachesThem) {
    constexpr std::int64_t day = 24 * 3600'000LL;
    MemoryAttemptHistory history;
    const JournalEntry journal{
        .sent_at_ms = t0, .base_url = host, .client_id = "client", .po_number = "RD-OPEN0001"};
    history.journals = {journal_to_json(journal)};
    EXPECT_EQ(oldest_journaled_send(history.journals), t0);
    history.add_orders({"MK-since"}, host, "client", t0 + 60'000);
    history.add_orders({"MK-before-window"}, host, "client", t0 - 2 * window_reach_back_ms);
    history.add_orders({"MK-later"}, host, "client", t0 + 3 * day); // prunes at three days
    EXPECT_EQ(history.orders_of(host, "client"), (std::vector<std::string>{"MK-since", "MK-later"}));

    history.journals.clear(); // settled: its journal is gone
    history.add_orders({"MK-last"}, host, "client", t0 + 3 * day + 1);
    EXPECT_EQ(history.orders_of(host, "client"), (std::vector<std::string>{"MK-later", "MK-last"}));
}

TEST(AttemptHistory, ABatchRecordHoldsOrdersOnlyWhileARowIsUnresolved) {
    BatchRecord record{.sent_at_ms = t0, .base_url = host, .client_id = "client"};
    record.rows.push_back(BatchRow{.target = {"1001", "Alpha"}, .status = BatchRowStatus::placed});
    EXPECT_EQ(oldest_journaled_send({batch_journal_to_json(record)}), std::nullopt);
    record.rows.push_back(BatchRow{.target = {"1002", "Beta"}, .status = BatchRowStatus::unknown});
    EXPECT_EQ(oldest_journaled_send({batch_journal_to_json(record)}), t0);
    const JournalEntry newer{.sent_at_ms = t0 + 5'000, .base_url = host, .client_id = "client"};
    EXPECT_EQ(oldest_journaled_send({journal_to_json(newer), batch_journal_to_json(record), "not json", ""}),
              t0);
}
