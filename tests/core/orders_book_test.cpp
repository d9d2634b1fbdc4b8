// OrdersBook over a fake order list: paging, newest first whatever the API's order, seconds or
// milliseconds, the filter, status refreshes capped at four in flight, and the status-change flag.
#include "core/orders_book.h"

#include "core/api_paths.h"
#include "tests/core/fake_transport.h"

#include <gtest/gtest.h>

using namespace rd;
using namespace rd::test;

namespace {

nlohmann::json order(const std::string& id, const std::string& no, std::int64_t created,
                     const std::string& status = "pending", const std::string& reference = "") {
    return {{"id", id},
            {"orderNo", no},
            {"orderStatus", status},
            {"currencyCode", "USD"},
            {"createTime", created},
            {"customReferenceNo", reference}};
}

HttpResponse page(const nlohmann::json& results, int page_no, int total_pages) {
    return ok({{"count", 99},
               {"total", 99},
               {"pageNo", page_no},
               {"pageSize", 25},
               {"totalPage", total_pages},
               {"results", results}});
}

HttpResponse details_with_status(const std::string& status) {
    return ok({{"basicInformation", {{"productId", "15"}}},
               {"orderInformation", {{"orderNo", "X"}, {"orderStatus", status}}}});
}

struct OrdersBookTest : ::testing::Test {
    FakeTransport transport;
    FakeClock clock;
    ApiClient client{transport, clock, {}};
    OrdersBook book{client};

    void SetUp() override {
        client.sign_in("demo", "secret", [](Result<Done>) {});
        transport.reply("/oauth/token", ok(token_result()));
    }

    bool answer(const std::string& part, HttpResponse response) {
        if (transport.pending_count(part) == 0) return false;
        transport.reply(part, std::move(response));
        return true;
    }

    std::vector<std::string> order_nos() const {
        std::vector<std::string> nos;
        for (const BookOrder& o : book.orders())
            nos.push_back(o.summary.order_no);
        return nos;
    }

    // Three orders, of which two are pending, listed oldest first in one page.
    void load_three() {
        book.refresh();
        ASSERT_TRUE(
            answer(paths::order_list, page({order("91", "A", 1000, "pending"),
                                            order("92", "B", 2000, "succeed"), order("93", "C", 3000, "con")},
                                           1, 1)));
    }
};

TEST_F(OrdersBookTest, ReadsEveryPageInTurnAndSortsNewestFirst) {
    book.refresh();
    EXPECT_EQ(book.status(), BookStatus::loading);
    ASSERT_EQ(transport.pending.size(), 1u);
    EXPECT_NE(transport.pending[0].request.url.find("pageNo=1&pageSize=25"), std::string::npos);
    ASSERT_TRUE(answer(paths::order_list,
                       page({order("1", "A", 1'700'000'000'000), order("2", "B", 1'700'000'100'000)}, 1, 2)));
    ASSERT_EQ(transport.pending.size(), 1u);
    EXPECT_NE(transport.pending[0].request.url.find("pageNo=2&pageSize=25"), std::string::npos);
    ASSERT_TRUE(
        answer(paths::order_list, page(nlohmann::json::array({order("3", "C", 1'700'000'200'000)}), 2, 2)));
    EXPECT_EQ(book.status(), BookStatus::loaded);
    EXPECT_EQ(book.pages_read(), 2);
    EXPECT_EQ(order_nos(), (std::vector<std::string>{"C", "B", "A"}));
}

TEST_F(OrdersBookTest, NewestFirstWhenTheApiSortsEitherWay) {
    for (bool newest_first : {true, false}) {
        nlohmann::json list = {order("1", "old", 100), order("2", "mid", 200), order("3", "new", 300)};
        if (newest_first) list = {list[2], list[1], list[0]};
        book.refresh();
        ASSERT_TRUE(answer(paths::order_list, page(list, 1, 1)));
        EXPECT_EQ(order_nos(), (std::vector<std::string>{"new", "mid", "old"}));
    }
}

TEST_F(OrdersBookTest, DetectsSecondsAndMilliseconds) {
    book.refresh();
    // 1,700,000,500 s is later than 1,700,000,000,000 ms: seconds are recognised, not compared raw.
    ASSERT_TRUE(answer(paths::order_list,
                       page({order("1", "ms", 1'700'000'000'000), order("2", "s", 1'700'000'500)}, 1, 1)));
    EXPECT_EQ(order_nos(), (std::vector<std::string>{"s", "ms"}));
    EXPECT_EQ(book.orders()[0].created_ms, 1'700'000'500'000);
    EXPECT_EQ(book.orders()[1].created_ms, 1'700'000'000'000);
}

TEST_F(OrdersBookTest, FiltersByStatusAndText) {
    book.refresh();
    ASSERT_TRUE(answer(paths::order_list, page({order("11", "MK-1", 1, "pending", "PO-Alpha"),
                                                order("12", "MK-2", 2, "succeed", "po-beta"),
                                                order("13", "MK-3", 3, "pending", "")},
                                               1, 1)));
    EXPECT_EQ(book.shown({}).size(), 3u);
    EXPECT_EQ(book.shown({.status = "pending"}), (std::vector<std::size_t>{0, 2}));
    EXPECT_EQ(book.shown({.text = "PO-"}), (std::vector<std::size_t>{1, 2}));
    EXPECT_EQ(book.shown({.status = "pending", .text = "alpha"}), (std::vector<std::size_t>{2}));
    EXPECT_EQ(book.shown({.text = "nothing"}).size(), 0u);
    EXPECT_EQ(book.statuses(), (std::vector<std::string>{"pending", "succeed"}));
}

TEST_F(OrdersBookTest, AnErrorIsKeptWithItsRequestId) {
    book.refresh();
    ASSERT_TRUE(answer(paths::order_list, api_error(500, "server_error", "boom", "abc")));
    EXPECT_EQ(book.status(), BookStatus::error);
    ASSERT_TRUE(book.error().has_value());
    EXPECT_EQ(book.error()->request_id, "abc");
}

TEST_F(OrdersBookTest, AnUnreadablePageIsAnErrorWithTheRepliesRequestId) {
    book.refresh();
    ASSERT_TRUE(answer(paths::order_list, ok({{"results", {1, 2}}}, "req-shape")));
    EXPECT_EQ(book.status(), BookStatus::error);
    ASSERT_TRUE(book.error().has_value());
    EXPECT_EQ(book.error()->request_id, "req-shape");
}

TEST_F(OrdersBookTest, RefreshingAllPendingKeepsAtMostFourInFlight) {
    nlohmann::json list = nlohmann::json::array();
    for (int i = 0; i < 10; ++i)
        list.push_back(order("90" + std::to_string(i), "N" + std::to_string(i), 1000 + i, "pending"));
    list.push_back(order("999", "done", 5, "succeed"));
    book.refresh();
    ASSERT_TRUE(answer(paths::order_list, page(list, 1, 1)));
    EXPECT_EQ(book.pending_count(), 10u);
    book.refresh_all_pending();
    std::size_t answered = 0;
    while (transport.pending_count(paths::order_details_prefix) > 0) {
        EXPECT_LE(transport.pending_count(paths::order_details_prefix), 4u);
        EXPECT_LE(book.requests_in_flight(), 4u);
        ASSERT_TRUE(answer(paths::order_details_prefix, details_with_status("pending")));
        ++answered;
    }
    EXPECT_EQ(answered, 10u);
    EXPECT_EQ(transport.sent_count("/get/999"), 0u); // a final order is not asked again
    EXPECT_FALSE(book.refreshing());
}

TEST_F(OrdersBookTest, AChangedStatusIsFlagged) {
    load_three();
    book.refresh_order("91");
    book.refresh_order("91"); // already on its way: not sent twice
    EXPECT_EQ(transport.pending_count("/get/91"), 1u);
    ASSERT_TRUE(answer("/get/91", details_with_status("succeed")));
    const BookOrder& changed = book.orders()[2];
    EXPECT_EQ(changed.summary.order_no, "A");
    EXPECT_TRUE(changed.status_changed);
    EXPECT_EQ(changed.previous_status, "pending");
    EXPECT_EQ(changed.summary.order_status, "succeed");
    book.refresh_order("93");
    ASSERT_TRUE(answer("/get/93", details_with_status("con")));
    EXPECT_FALSE(book.orders()[0].status_changed);
}

TEST_F(OrdersBookTest, AFailedRefreshKeepsTheStatusAndSaysSo) {
    load_three();
    book.refresh_order("93");
    ASSERT_TRUE(answer("/get/93", failure(TransportFailure::timed_out)));
    EXPECT_TRUE(book.orders()[0].refresh_failed);
    EXPECT_EQ(book.orders()[0].summary.order_status, "con");
    EXPECT_FALSE(book.refreshing());
}

TEST_F(OrdersBookTest, AListRefreshFlagsStatusesThatMoved) {
    load_three();
    book.refresh();
    ASSERT_TRUE(answer(paths::order_list,
                       page({order("91", "A", 1000, "cancelled"), order("92", "B", 2000, "succeed")}, 1, 1)));
    EXPECT_EQ(order_nos(), (std::vector<std::string>{"B", "A"}));
    EXPECT_TRUE(book.orders()[1].status_changed);
    EXPECT_FALSE(book.orders()[0].status_changed);
}

TEST_F(OrdersBookTest, DetailsAskForTheIdVerbatim) {
    const std::string id = "18446744073709551615123"; // beyond 64 bits: never parsed as a number
    book.open_details(id);
    ASSERT_EQ(transport.pending.size(), 1u);
    EXPECT_NE(transport.pending[0].request.url.find(std::string(paths::order_details_prefix) + id),
              std::string::npos);
    ASSERT_TRUE(answer(id, details_with_status("pending")));
    EXPECT_EQ(book.details().status, BookStatus::loaded);
    EXPECT_EQ(book.details().details.order_status, "pending");
    EXPECT_EQ(paths::order_details("a/b?c"), std::string(paths::order_details_prefix) + "a%2Fb%3Fc");
}

TEST_F(OrdersBookTest, ResetDropsLateAnswers) {
    book.refresh();
    book.reset();
    ASSERT_TRUE(answer(paths::order_list, page(nlohmann::json::array({order("1", "A", 1)}), 1, 1)));
    EXPECT_EQ(book.status(), BookStatus::idle);
    EXPECT_TRUE(book.orders().empty());
}

} // namespace
