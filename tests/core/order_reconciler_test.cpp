// OrderReconciler over a fake order list: both sort orders, many pages, seconds or milliseconds,
// references, and errors. The list is generated here as the API would page it. The rules of proof
// (order_reconciler.h) are a table in order_reconciler_rules_test.cpp.
#include "core/order_reconciler.h"

#include "core/api_paths.h"
#include "tests/core/fake_transport.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <regex>

using namespace rd;
using namespace rd::test;

namespace {

constexpr const char* page_path = paths::order_list;

struct ListedOrder {
    std::string order_no;
    std::int64_t created_ms;
    std::string reference;
};

struct OrderList {
    std::vector<ListedOrder> orders; // oldest first
    bool newest_first = true;
    bool seconds = false;

    HttpResponse page(const std::string& url) const {
        std::smatch m;
        std::regex_search(url, m, std::regex("pageNo=(\\d+)&pageSize=(\\d+)"));
        const std::size_t page_no = std::stoul(m[1]), size = std::stoul(m[2]);
        std::vector<ListedOrder> sorted = orders;
        if (newest_first) std::reverse(sorted.begin(), sorted.end());
        nlohmann::json results = nlohmann::json::array();
        for (std::size_t i = (page_no - 1) * size; i < std::min(sorted.size(), page_no * size); ++i)
            results.push_back({{"id", "9" + std::to_string(i)},
                               {"orderNo", sorted[i].order_no},
                               {"orderStatus", "pending"},
                               {"createTime", seconds ? sorted[i].created_ms / 1000 : sorted[i].created_ms},
                               {"customReferenceNo", sorted[i].reference}});
        const std::size_t total_pages = std::max<std::size_t>(1, (sorted.size() + size - 1) / size);
        return ok({{"count", sorted.size()},
                   {"total", sorted.size()},
                   {"pageNo", page_no},
                   {"pageSize", size},
                   {"totalPage", total_pages},
                   {"results", results}});
    }
};

struct ReconcilerTest : ::testing::Test {
    FakeTransport transport;
    FakeClock clock;
    ApiClient client{transport, clock, {}};
    OrderReconciler reconciler{client};
    const std::int64_t attempt = clock.epoch_ms();

    void SetUp() override {
        client.sign_in("demo", "secret", [](Result<Done>) {});
        transport.reply("/oauth/token", ok(token_result()));
    }

    // Answers page requests from `list` until the reconciler is done; returns the pages asked for.
    std::vector<std::string> run(const OrderList& list, const std::string& reference = "RD-ABCDEFGH") {
        reconciler.start({.sent_at_ms = attempt,
                          .window_start_ms = attempt - window_margin_ms,
                          .reference = reference,
                          .reference_unique = true});
        std::vector<std::string> asked;
        while (reconciler.result().status == ReconcileStatus::checking) {
            if (transport.pending.empty()) throw std::runtime_error("the reconciler waits for nothing");
            const std::string url = transport.pending.front().request.url;
            asked.push_back(url.substr(url.find("pageNo")));
            transport.reply(page_path, list.page(url));
        }
        return asked;
    }

    // `older` orders well before the attempt, then `newer` after it.
    OrderList list_of(int older, int newer) const {
        OrderList list;
        for (int i = 0; i < older; ++i)
            list.orders.push_back({"MK-old-" + std::to_string(i), attempt - 86'400'000 + i * 1000, ""});
        for (int i = 0; i < newer; ++i) // other operators' orders carry their own references
            list.orders.push_back({"MK-new-" + std::to_string(i), attempt + 1000 + i * 1000,
                                   i == 0 ? "RD-ABCDEFGH" : "OTHER-" + std::to_string(i)});
        return list;
    }
};

} // namespace

TEST_F(ReconcilerTest, NewestFirstStopsAtTheFirstPageThatReachesBackPastTheAttempt) {
    OrderList list = list_of(100, 1);
    const auto asked = run(list);
    EXPECT_EQ(asked.size(), 1u);
    ASSERT_EQ(reconciler.result().status, ReconcileStatus::found);
    EXPECT_EQ(reconciler.result().match->order_no, "MK-new-0");
}

TEST_F(ReconcilerTest, OldestFirstReadsFromTheLastPage) {
    OrderList list = list_of(100, 1);
    list.newest_first = false;
    const auto asked = run(list);
    ASSERT_EQ(reconciler.result().status, ReconcileStatus::found);
    EXPECT_EQ(reconciler.result().match->order_no, "MK-new-0");
    // Page 5 holds only the new order, so page 4 is read to be sure nothing newer hides there.
    EXPECT_EQ(asked, (std::vector<std::string>{"pageNo=1&pageSize=25", "pageNo=5&pageSize=25",
                                               "pageNo=4&pageSize=25"}));
}

TEST_F(ReconcilerTest, MoreThanAPageOfNewOrdersIsReadInBothDirections) {
    for (bool newest_first : {true, false}) {
        OrderList list = list_of(40, 60);
        list.newest_first = newest_first;
        run(list);
        ASSERT_EQ(reconciler.result().status, ReconcileStatus::found) << newest_first;
        EXPECT_EQ(reconciler.result().since_attempt.size(), 60u) << newest_first;
        EXPECT_EQ(reconciler.result().match->order_no, "MK-new-0") << "the one with the reference";
        EXPECT_EQ(reconciler.result().matched_by, MatchedBy::reference);
    }
}

TEST_F(ReconcilerTest, NothingSinceTheAttemptIsNoneInBothDirectionsAndUnits) {
    for (bool newest_first : {true, false})
        for (bool seconds : {true, false}) {
            OrderList list = list_of(60, 0);
            list.newest_first = newest_first;
            list.seconds = seconds;
            run(list);
            EXPECT_EQ(reconciler.result().status, ReconcileStatus::none) << newest_first << seconds;
            EXPECT_TRUE(reconciler.result().since_attempt.empty());
        }
}

TEST_F(ReconcilerTest, CreateTimeInSecondsIsUnderstood) {
    OrderList list = list_of(30, 2);
    list.seconds = true;
    run(list);
    ASSERT_EQ(reconciler.result().status, ReconcileStatus::found);
    EXPECT_EQ(reconciler.result().since_attempt.size(), 2u);
    EXPECT_EQ(create_time_ms(1'700'000'000), 1'700'000'000'000);
    EXPECT_EQ(create_time_ms(1'700'000'000'123), 1'700'000'000'123);
}

TEST(CreateTime, ANegativeTimeIsKeptNotMultipliedPastTheInt64Range) { // found by tests/fuzz order_page
    EXPECT_EQ(create_time_ms(-9'223'372'036'854'775'807), -9'223'372'036'854'775'807);
    EXPECT_EQ(create_time_ms(-1), -1);
    EXPECT_EQ(create_time_ms(0), 0);
}

TEST_F(ReconcilerTest, ThePoNumberPicksTheOrderAmongSeveral) {
    OrderList list = list_of(10, 3);
    list.orders[11].reference = "PO-4711";
    list.orders[10].reference = "RD-OTHER234";
    run(list, "PO-4711");
    ASSERT_EQ(reconciler.result().status, ReconcileStatus::found);
    EXPECT_TRUE(reconciler.result().matched_by_po_number);
    EXPECT_EQ(reconciler.result().match->order_no, "MK-new-1");
}

TEST_F(ReconcilerTest, AnUndecidedFirstPageLearnsTheDirectionFromTheLastPage) {
    OrderList list;
    for (int i = 0; i < 30; ++i)
        list.orders.push_back({"MK-same-" + std::to_string(i), attempt - 3'600'000, ""});
    list.orders.push_back({"MK-new", attempt + 2000, "RD-ABCDEFGH"});
    list.newest_first = false; // page 1: 25 orders of the same second
    run(list);
    ASSERT_EQ(reconciler.result().status, ReconcileStatus::found);
    EXPECT_EQ(reconciler.result().match->order_no, "MK-new");
}

TEST_F(ReconcilerTest, TheWindowStartsAtTheAttemptOnTheApisClock) {
    OrderList list = list_of(5, 0);
    list.orders.push_back({"MK-skewed", attempt - 90'000, "RD-OTHER234"}); // the API's clock runs 90 s behind
    reconciler.start({.sent_at_ms = attempt,
                      .window_start_ms = check_window_start(attempt, ClockOffset{-91'000, -89'000}),
                      .reference = "RD-ABCDEFGH"});
    transport.reply(page_path, list.page("pageNo=1&pageSize=25"));
    ASSERT_EQ(reconciler.result().status, ReconcileStatus::none) << "in the window, but another's reference";
    ASSERT_EQ(reconciler.result().since_attempt.size(), 1u);
    EXPECT_EQ(reconciler.result().since_attempt[0].order_no, "MK-skewed");
}

TEST(CheckWindow, StartsAtTheLowestOffsetLessTheMarginOrMinutesEarlierWithoutADate) {
    EXPECT_EQ(check_window_start(1'000'000, ClockOffset{-90'500, -89'600}),
              1'000'000 - 90'500 - window_margin_ms);
    EXPECT_EQ(check_window_start(1'000'000, ClockOffset{90'000, 91'000}),
              1'000'000 + 90'000 - window_margin_ms);
    EXPECT_EQ(check_window_start(1'000'000, std::nullopt), 1'000'000 - unknown_clock_margin_ms);
}

TEST_F(ReconcilerTest, OrdersThisSessionAlreadyAccountedForAreNotTheAttempts) {
    OrderList list = list_of(5, 0);
    list.orders.push_back(
        {"MK-previous-renewal", attempt - 20'000, ""}); // renewed 20 s earlier, receipt shown
    reconciler.start({.sent_at_ms = attempt,
                      .window_start_ms = attempt - 30'000,
                      .known_order_nos = {"MK-previous-renewal"}});
    transport.reply(page_path, list.page("pageNo=1&pageSize=25"));
    EXPECT_EQ(reconciler.result().status, ReconcileStatus::none);
}

TEST_F(ReconcilerTest, AnUnreadablePageIsAnErrorNotNone) {
    reconciler.start({.sent_at_ms = attempt, .window_start_ms = attempt});
    transport.reply(page_path, raw(502, "<html><title>Bad Gateway</title></html>"));
    ASSERT_EQ(reconciler.result().status, ReconcileStatus::error);
    EXPECT_EQ(reconciler.result().error->http_status, 502);
    OrderList list = list_of(3, 0);
    reconciler.start({.sent_at_ms = attempt, .window_start_ms = attempt});
    transport.reply(page_path, list.page("pageNo=1&pageSize=25"));
    EXPECT_EQ(reconciler.result().status, ReconcileStatus::none);
}

TEST_F(ReconcilerTest, AnUndecodablePageIsAnErrorWithTheRepliesRequestId) {
    reconciler.start({.sent_at_ms = attempt, .window_start_ms = attempt});
    transport.reply(page_path, ok({{"results", {1, 2}}}, "req-shape"));
    ASSERT_EQ(reconciler.result().status, ReconcileStatus::error);
    ASSERT_TRUE(reconciler.result().error.has_value());
    EXPECT_EQ(reconciler.result().error->request_id, "req-shape");
}

TEST_F(ReconcilerTest, AnEmptyListIsNone) {
    run(OrderList{});
    EXPECT_EQ(reconciler.result().status, ReconcileStatus::none);
}

TEST_F(ReconcilerTest, AnEndlessListOfNewOrdersStopsWithAnError) {
    OrderList list = list_of(0, OrderReconciler::page_size * (OrderReconciler::max_pages + 3));
    list.orders.front().reference = "RD-OTHER234"; // ours is not among them
    const auto asked = run(list);
    EXPECT_EQ(reconciler.result().status, ReconcileStatus::error);
    EXPECT_EQ(asked.size(), static_cast<std::size_t>(OrderReconciler::max_pages));
}
