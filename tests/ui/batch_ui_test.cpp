// The batch renewal's UI, headless, driven by real ImGui input events over the fake transport:
// selection by checkbox and by Select shown, the batch review, one order at a time, the state hook.
#include "tests/ui/ui_harness.h"

#include "core/api_paths.h"
#include "core/batch_journal.h"
#include "tests/core/fixtures.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

using namespace rd;
using namespace rd::test;

namespace {

constexpr const char* save_path = paths::create_order;

// Ten users 5001..5010; the even ones are "Harbour" companies, the odd ones "Alpine".
nlohmann::json ten_users() {
    nlohmann::json users = nlohmann::json::array();
    for (int i = 1; i <= 10; ++i)
        users.push_back({{"partnerId", std::to_string(5000 + i)},
                         {"email", "u" + std::to_string(i) + "@example.invalid"},
                         {"company", (i % 2 ? "Alpine " : "Harbour ") + std::to_string(i)},
                         {"firstName", "F"},
                         {"lastName", "L"}});
    return users;
}

HttpResponse placed(const std::string& order_no) {
    return ok({{"instanceId", "1"},
               {"orderId", "2"},
               {"orderNo", order_no},
               {"orderStatus", "succeed"},
               {"productNo", "15"},
               {"transactionNo", "3"}},
              "req-" + order_no);
}

// Selects myself, 5001 and 5003 by checkbox, chooses the contact and opens the batch review.
void reach_batch_review(UiHarness& ui) {
    ui.sign_in_and_load(ten_users());
    ui.click("select:myself");
    ui.click("select:5001");
    ui.click("select:5003");
    ui.click("contact:3197218168379846218");
    ui.click("Review batch");
}

} // namespace

TEST(BatchUi, CheckboxesSelectAndReviewBatchAppearsFromTwo) {
    UiHarness ui;
    ui.sign_in_and_load(ten_users());
    EXPECT_FALSE(ui.has_widget("Review batch"));
    ui.click("select:5001");
    EXPECT_FALSE(ui.has_widget("Review batch")) << "one user is a single renewal";
    ui.click("select:myself");
    ASSERT_TRUE(ui.has_widget("Review batch"));
    ui.click("select:5001"); // unticked again
    EXPECT_FALSE(ui.has_widget("Review batch"));
    EXPECT_EQ(state(ui)["screen"], "choosing");
    EXPECT_FALSE(state(ui)["chosen"]["target"]) << "ticking a row does not choose it for a single renewal";
}

TEST(BatchUi, SelectShownTakesTheFilteredRowsOnlyAndClearEmpties) {
    UiHarness ui;
    ui.sign_in_and_load(ten_users());
    ui.click("select:5001");
    ui.click_and_type("Search users", "harbour");
    EXPECT_FALSE(ui.has_widget("user:5001"));
    ui.click("Select shown");
    ui.click("contact:3197218168379846218");
    ui.click("Review batch");
    ASSERT_EQ(state(ui)["screen"], "batch_review");
    for (const char* id : {"5001", "5002", "5004", "5006", "5008", "5010"})
        EXPECT_TRUE(ui.has_widget(std::string("batch:") + id)) << id;
    for (const char* id : {"myself", "5003", "5005"})
        EXPECT_FALSE(ui.has_widget(std::string("batch:") + id)) << id;
    ui.click("Back");
    EXPECT_EQ(state(ui)["screen"], "choosing");
    ui.click("Clear selection");
    EXPECT_FALSE(ui.has_widget("Review batch"));
}

TEST(BatchUi, ReviewListsEveryOrderAndSendsNothing) {
    UiHarness ui;
    reach_batch_review(ui);
    ASSERT_EQ(state(ui)["screen"], "batch_review");
    EXPECT_TRUE(ui.has_widget("batch:myself"));
    EXPECT_TRUE(ui.has_widget("batch:5001"));
    EXPECT_TRUE(ui.has_widget("batch:5003"));
    EXPECT_TRUE(ui.has_widget("Sending to"));
    EXPECT_EQ(ui.transport.sent_count(save_path), 0u);
    EXPECT_EQ(state(ui)["batch"]["size"], 0) << "nothing started yet";
}

TEST(BatchUi, ConfirmSendsOneOrderAtATimeAndTheHookCounts) {
    UiHarness ui;
    reach_batch_review(ui);
    ui.click("Confirm batch", 2);
    ui.press(ImGuiKey_Enter);
    ASSERT_EQ(state(ui)["screen"], "batch_running");
    EXPECT_EQ(ui.transport.pending_count(save_path), 1u);
    EXPECT_EQ(ui.transport.sent_count(save_path), 1u);
    EXPECT_TRUE(state(ui)["batch"]["running"]);
    EXPECT_EQ(state(ui)["batch"]["size"], 3);
    EXPECT_TRUE(ui.app->needs_frames());
    EXPECT_TRUE(ui.app->order_in_flight());

    ui.transport.reply(save_path, placed("MK1"));
    ui.frame();
    EXPECT_EQ(ui.transport.pending_count(save_path), 1u) << "the next row, alone";
    EXPECT_EQ(state(ui)["batch"]["placed"], 1);
    ui.transport.reply(save_path,
                       api_error(400, "insufficient_balance", "no", "feedfacefeedfacefeedfacefeedface"));
    ui.frame();
    EXPECT_EQ(ui.transport.pending_count(save_path), 1u);
    ui.transport.reply(save_path, placed("MK3"));
    ui.frame();
    EXPECT_EQ(ui.transport.sent_count(save_path), 3u);
    const auto done = state(ui);
    EXPECT_EQ(done["screen"], "batch_done");
    EXPECT_EQ(
        done["batch"],
        nlohmann::json(
            {{"size", 3}, {"sent", 3}, {"placed", 2}, {"failed", 1}, {"unknown", 0}, {"running", false}}));
    // The bodies: the partner itself first (no partnerId), then 5001 and 5003.
    EXPECT_EQ(ui.transport.sent[ui.transport.sent.size() - 3].body.find("partnerId"), std::string::npos);

    ui.click("Copy CSV");
    ASSERT_FALSE(ui.copied.empty());
    EXPECT_NE(ui.copied.back().find("MK3"), std::string::npos);
    ui.click("Export CSV");
    ASSERT_EQ(ui.saved.size(), 1u);
    EXPECT_EQ(ui.saved[0].first.rfind("renewdesk-batch-", 0), 0u);
    EXPECT_NE(ui.saved[0].second.find("MK1"), std::string::npos);

    ui.click("Retry failed"); // a new batch of the failed row, reviewed first: nothing sent by itself
    EXPECT_EQ(state(ui)["screen"], "batch_review");
    EXPECT_TRUE(ui.has_widget("batch:5001"));
    EXPECT_FALSE(ui.has_widget("batch:5003"));
    EXPECT_EQ(ui.transport.sent_count(save_path), 3u);
    ui.click("Confirm batch");
    EXPECT_EQ(ui.transport.sent_count(save_path), 4u);
    ui.transport.reply(save_path, placed("MK4"));
    ui.frame();
    EXPECT_EQ(state(ui)["screen"], "batch_done");
    ui.click("Back to choices");
    EXPECT_EQ(state(ui)["screen"], "choosing");
}

TEST(BatchUi, AnUnknownRowStopsTheBatchUntilThePersonContinues) {
    UiHarness ui;
    reach_batch_review(ui);
    ui.click("Confirm batch");
    ui.transport.reply(save_path, failure(TransportFailure::connection_lost));
    ui.frame();
    EXPECT_EQ(state(ui)["screen"], "batch_running");
    EXPECT_EQ(state(ui)["batch"]["unknown"], 1);
    EXPECT_EQ(ui.transport.pending_count(save_path), 0u) << "stopped at the unknown row";
    EXPECT_TRUE(ui.has_widget("Batch reconciliation"));
    EXPECT_TRUE(ui.has_widget("Stop batch"));
    ui.click("Stop batch");
    ui.frame();
    EXPECT_EQ(ui.transport.sent_count(save_path), 1u) << "nothing re-sent, nothing more sent";
}

TEST(BatchUi, AnInterruptedBatchResumesAfterSignInAtItsUnknownRow) {
    UiHarness ui;
    MemoryJournalStore batch_store;
    BatchRow placed_row{.target = {"5001", "Alpine 1"}, .status = BatchRowStatus::placed, .order_no = "MK1"};
    BatchRow in_flight{.target = {"5002", "Harbour 2"}, .status = BatchRowStatus::sending};
    BatchRow waiting{.target = {"5003", "Alpine 3"}};
    batch_store.save(batch_journal_to_json({.sent_at_ms = ui.clock.epoch_ms() - 60'000,
                                            .base_url = "http://sandbox.invalid",
                                            .client_id = "demo-client-id",
                                            .plan_id = Id64{3049036224189325312ULL},
                                            .billing_id = Id64{3197218168379846218ULL},
                                            .rows = {placed_row, in_flight, waiting},
                                            .in_flight = 1}));
    ui::AppEnvironment environment = ui.environment();
    environment.batch_journal = &batch_store;
    ui.app = std::make_unique<ui::App>(ui.transport, ui.clock, std::move(environment));
    ui.sign_in_and_load(ten_users());
    ASSERT_EQ(state(ui)["screen"], "batch_running");
    EXPECT_EQ(state(ui)["batch"]["unknown"], 1);
    EXPECT_TRUE(ui.has_widget("Batch reconciliation"));
    ui.click("Continue batch"); // not before the order list has answered
    EXPECT_EQ(ui.transport.sent_count(save_path), 0u);
    ui.transport.reply(paths::order_list, ok({{"results", nlohmann::json::array()}}));
    ui.click("Continue batch"); // not before a reading a settle time after the resumed check began
    EXPECT_EQ(ui.transport.sent_count(save_path), 0u);
    ui.clock.now += BatchRun::default_settle_ms;
    ui.frame();
    ui.transport.reply(paths::order_list, ok({{"results", nlohmann::json::array()}}));
    ui.click("Continue batch");
    ASSERT_EQ(ui.transport.sent_count(save_path), 1u) << "the waiting row only; the unknown one never again";
    EXPECT_NE(ui.transport.sent.back().body.find("\"5003\""), std::string::npos);
    ui.transport.reply(save_path, placed("MK3"));
    ui.frame();
    EXPECT_EQ(state(ui)["screen"], "batch_done");
    EXPECT_EQ(state(ui)["batch"]["placed"], 2);
    EXPECT_EQ(state(ui)["batch"]["failed"], 1) << "ruled out by a late enough reading";
}

// A row whose order exists but renewed nothing (here: cancelled): Retry failed shows that order on the
// review and asks; Confirm batch sends nothing until the person says they checked it.
TEST(BatchUi, RetryFailedAsksFirstWhenAnOrderOfTheRowExists) {
    UiHarness ui;
    reach_batch_review(ui);
    ui.click("Confirm batch");
    ui.transport.reply(save_path, placed("MK1"));
    ui.frame();
    const HttpResponse cancelled = ok({{"instanceId", "1"},
                                       {"orderId", "2"},
                                       {"orderNo", "MK2"},
                                       {"orderStatus", "cancelled"},
                                       {"productNo", "15"},
                                       {"transactionNo", "3"}},
                                      "req-MK2");
    ui.transport.reply(save_path, cancelled);
    ui.frame();
    ui.transport.reply(save_path, placed("MK3"));
    ui.frame();
    ASSERT_EQ(state(ui)["screen"], "batch_done");
    ASSERT_EQ(state(ui)["batch"]["failed"], 1);

    ui.click("Retry failed");
    EXPECT_EQ(state(ui)["screen"], "batch_review");
    EXPECT_TRUE(ui.has_widget("Earlier orders"));
    const std::string drawn = ui.drawn_text();
    EXPECT_NE(drawn.find("order MK2 exists: cancelled"), std::string::npos) << drawn;
    ui.click("Confirm batch");
    EXPECT_EQ(ui.transport.sent_count(save_path), 3u) << "not before the person answered";
    EXPECT_EQ(state(ui)["screen"], "batch_review");
    ui.click("I have checked these orders: send new ones");
    ui.click("Confirm batch");
    EXPECT_EQ(ui.transport.sent_count(save_path), 4u);
    EXPECT_EQ(state(ui)["screen"], "batch_running");
}

// Without an order that exists (nothing was created), Retry failed asks nothing more than a review.
TEST(BatchUi, RetryFailedOfRowsWithoutAnOrderAsksNothingMore) {
    UiHarness ui;
    reach_batch_review(ui);
    ui.click("Confirm batch");
    ui.transport.reply(save_path, placed("MK1"));
    ui.frame();
    ui.transport.reply(save_path,
                       api_error(400, "insufficient_balance", "no", "feedfacefeedfacefeedfacefeedface"));
    ui.frame();
    ui.transport.reply(save_path, placed("MK3"));
    ui.frame();
    ui.click("Retry failed");
    EXPECT_FALSE(ui.has_widget("Earlier orders"));
    ui.click("Confirm batch");
    EXPECT_EQ(ui.transport.sent_count(save_path), 4u);
}
