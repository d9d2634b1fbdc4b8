// AttemptHistory: what one computer or browser accounted for (orders) and ruled out (attempts whose
// order may still commit late), as every copy of RenewDesk on it shares it.
#include "attempt_history.h"

#include <gtest/gtest.h>

using namespace rd;

namespace {
constexpr std::int64_t t0 = 1'800'000'000'000;
const std::string host = "https://openapi.example";
} // namespace

TEST(AttemptHistory, RoundTripsAndReadsOlderFilesWithoutRuledOut) {
    AttemptHistoryDoc doc;
    doc.orders.push_back({"MK1", host, "client", t0});
    doc.ruled_out.push_back({"RD-ABCDEFGH", "p-7", host, "client", t0 - 40'000, t0});
    AttemptHistoryDoc back;
    ASSERT_TRUE(parse_attempt_history(attempt_history_to_json(doc), back));
    ASSERT_EQ(back.orders.size(), 1u);
    EXPECT_EQ(back.orders[0].order_no, "MK1");
    ASSERT_EQ(back.ruled_out.size(), 1u);
    EXPECT_EQ(back.ruled_out[0].reference, "RD-ABCDEFGH");
    EXPECT_EQ(back.ruled_out[0].sent_at_ms, t0 - 40'000);
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

// While an attempt whose outcome is not settled is journaled ("open"), the orders accounted for since
// its window's start are kept however old they get: a journal resumed three days later must still not
// take another copy's order for its own. Once it settles, the day's limit applies again.
TEST(AttemptHistory, OrdersStayWhileAnOpenAttemptsWindowReachesThem) {
    MemoryAttemptHistory history;
    constexpr std::int64_t day = 24 * 3600'000LL;
    history.open_attempt("RD-OPEN0001", t0, t0);
    history.add_orders({"MK-since"}, host, "client", t0 + 60'000);
    history.add_orders({"MK-before-window"}, host, "client", t0 - 2 * window_reach_back_ms);
    history.add_orders({"MK-later"}, host, "client", t0 + 3 * day); // prunes at three days
    EXPECT_EQ(history.orders_of(host, "client"), (std::vector<std::string>{"MK-since", "MK-later"}));
    AttemptHistoryDoc back;
    ASSERT_TRUE(parse_attempt_history(attempt_history_to_json(history.load()), back));
    ASSERT_EQ(back.open.size(), 1u);
    EXPECT_EQ(back.open[0].reference, "RD-OPEN0001");
    EXPECT_EQ(back.open[0].sent_at_ms, t0);

    history.close_attempt("RD-OPEN0001", t0);
    history.add_orders({"MK-last"}, host, "client", t0 + 3 * day + 1);
    EXPECT_EQ(history.orders_of(host, "client"), (std::vector<std::string>{"MK-later", "MK-last"}));
}

TEST(AttemptHistory, AnOpenAttemptLeftByAJournalDeletedByHandIsForgottenAfterAMonth) {
    MemoryAttemptHistory history;
    history.open_attempt("RD-LOST0001", t0, t0);
    history.add_orders({"MK-old"}, host, "client", t0 + 1);
    history.add_orders({"MK-new"}, host, "client", t0 + open_keep_ms + 1);
    EXPECT_TRUE(history.load().open.empty());
    EXPECT_EQ(history.orders_of(host, "client"), std::vector<std::string>{"MK-new"});
}
