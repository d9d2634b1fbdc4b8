// The UI driven by real ImGui input events, headless, over the fake transport.
#include "tests/ui/ui_harness.h"

#include "core/api_paths.h"
#include "core/renewal_flow.h"
#include "tests/core/fixtures.h"

#include <gtest/gtest.h>
#include <imgui_internal.h>
#include <nlohmann/json.hpp>

using namespace rd;
using namespace rd::test;

namespace {

constexpr const char* save_path = paths::create_order;
constexpr const char* page_path = paths::order_list;

} // namespace

TEST(AppUi, SignInByTypingSendsTheCredentialsAndForgetsTheSecretField) {
    UiHarness ui;
    ui.click_and_type("Client ID", "demo-client-id");
    ui.click_and_type("Client Secret", "demo-client-secret");
    ui.click("Sign in");
    ASSERT_EQ(ui.transport.sent.size(), 1u);
    EXPECT_NE(ui.transport.sent[0].body.find("client_id=demo-client-id"), std::string::npos);
    EXPECT_NE(ui.transport.sent[0].body.find("client_secret=demo-client-secret"), std::string::npos);
    EXPECT_EQ(state(ui)["screen"], "signing_in");
    EXPECT_TRUE(state(ui)["busy"]);
    ASSERT_EQ(ui.remembered.size(), 1u);
    EXPECT_EQ(ui.remembered[0].second, "demo-client-id"); // the id is remembered, the secret is not offered
    EXPECT_EQ(ui.app->state_json().find("demo-client-secret"), std::string::npos);
}

TEST(AppUi, EnterInTheSecretFieldSignsIn) {
    UiHarness ui;
    ui.click_and_type("Client ID", "id");
    ui.click_and_type("Client Secret", "secret");
    ui.press(ImGuiKey_Enter);
    EXPECT_EQ(ui.transport.sent_count("/oauth/token"), 1u);
}

TEST(AppUi, RenewalForASubordinateUserFoundBySearch) {
    UiHarness ui;
    ui.sign_in_and_load(fixture_json("partner_list.json"));
    EXPECT_EQ(state(ui)["screen"], "choosing");
    ui.click_and_type("Search users", "harbour");
    EXPECT_TRUE(ui.has_widget("user:reseller.two@example.invalid"));
    EXPECT_FALSE(ui.has_widget("user:9223372036854775001"));
    ui.click("user row 0");
    ui.click("contact:9223372036854775807");
    ui.click("Review order");
    ASSERT_EQ(state(ui)["screen"], "reviewing");
    ui.click("Confirm order");
    ASSERT_EQ(ui.transport.sent_count(save_path), 1u);
    auto body = nlohmann::json::parse(ui.transport.sent.back().body);
    EXPECT_EQ(body["partnerId"], "reseller.two@example.invalid");
    EXPECT_EQ(body["billingId"].get<std::uint64_t>(), 9223372036854775807ULL);
    EXPECT_EQ(body["serviceList"][0]["serviceId"].get<std::uint64_t>(), 3049036224189325312ULL);
}

TEST(AppUi, DoubleClickAndEnterOnConfirmSendOneOrder) {
    UiHarness ui;
    reach_review_for_myself(ui);
    ui.click("Confirm order", 2);
    ui.press(ImGuiKey_Enter);
    ui.press(ImGuiKey_Space);
    EXPECT_EQ(ui.transport.sent_count(save_path), 1u);
    EXPECT_EQ(state(ui)["screen"], "submitting");
    ui.transport.reply(save_path, raw(200, fixture_text("tutorial_order_response.json")));
    ui.frame();
    EXPECT_EQ(state(ui)["screen"], "done");
    EXPECT_EQ(state(ui)["ordersSent"], 1);
}

TEST(AppUi, ReceiptCanBeCopiedAndDownloaded) {
    UiHarness ui;
    reach_review_for_myself(ui);
    ui.click("Copy as curl");
    ASSERT_EQ(ui.copied.size(), 1u);
    EXPECT_NE(ui.copied[0].find("<ACCESS_TOKEN>"), std::string::npos);
    EXPECT_EQ(ui.copied[0].find("access-1"), std::string::npos);
    ui.click("Confirm order");
    ui.transport.reply(save_path, raw(200, fixture_text("tutorial_order_response.json")));
    ui.click("Copy receipt");
    EXPECT_NE(ui.copied.back().find("MK3400814131142238208"), std::string::npos);
    ui.click("Download receipt");
    ASSERT_EQ(ui.saved.size(), 1u);
    EXPECT_EQ(ui.saved[0].first, "renewdesk-receipt-MK3400814131142238208.json");
    EXPECT_NE(ui.saved[0].second.find("\"billingId\": 3197218168379846218"), std::string::npos);
    EXPECT_EQ(state(ui)["notice"], "Saved to /home/x/receipts/renewdesk-receipt-MK3400814131142238208.json");
    ui.click("Renew another");
    EXPECT_EQ(state(ui)["screen"], "choosing");
}

// The downloaded receipt's result is the API's, members in the order it sent them (not sorted).
TEST(AppUi, TheDownloadedReceiptKeepsTheResultAsTheApiSentIt) {
    UiHarness ui;
    reach_review_for_myself(ui);
    ui.click("Confirm order");
    ui.transport.reply(save_path, raw(200, R"({"code":"success","detailMessage":"","requestId":"r-1","result":
        {"orderNo":"MK1","orderStatus":"succeed","instanceId":"7","extra":{"z":1,"a":[2]}},"status":200})"));
    ui.click("Download receipt");
    ASSERT_EQ(ui.saved.size(), 1u);
    const std::string& text = ui.saved[0].second;
    const auto result = text.find("\"result\": {");
    ASSERT_NE(result, std::string::npos) << text;
    EXPECT_NE(text.find(R"("orderNo": "MK1",
    "orderStatus": "succeed",
    "instanceId": "7",
    "extra": {
      "z": 1,
      "a": [
        2
      ]
    })",
                        result),
              std::string::npos)
        << text;
}

TEST(AppUi, TheUiWordsWhatThePlatformReportsInItsOneNoticeLine) {
    UiHarness failing({.save_outcome = ui::SavedFile::Outcome::failed});
    reach_review_for_myself(failing);
    failing.click("Confirm order");
    failing.transport.reply(save_path, raw(200, fixture_text("tutorial_order_response.json")));
    failing.click("Download receipt");
    EXPECT_EQ(state(failing)["notice"], "Could not save the receipt: No space left on device");

    UiHarness reset({.settings_reset = ui::SettingsReset{.file = "/c/settings.json",
                                                         .reason = "it is not valid JSON",
                                                         .kept_as = "/c/settings.json.corrupt"}});
    reset.frame();
    EXPECT_EQ(state(reset)["notice"],
              "Your settings file /c/settings.json could not be read (it is not valid JSON). "
              "It was replaced with defaults; the old file is kept as /c/settings.json.corrupt.");
    reset.click("Dismiss");
    EXPECT_EQ(state(reset)["notice"], "");
}

TEST(AppUi, ApiErrorOnSaveShowsTheRequestId) {
    UiHarness ui;
    reach_review_for_myself(ui);
    ui.click("Confirm order");
    ui.transport.reply(save_path, api_error(400, "parameter_validation_failed", "billingId",
                                            "feedfacefeedfacefeedfacefeedface"));
    ui.frame();
    EXPECT_EQ(state(ui)["screen"], "failed");
    EXPECT_EQ(state(ui)["errorRequestId"], "feedfacefeedfacefeedfacefeedface");
    ui.click("Back to choices");
    EXPECT_EQ(state(ui)["screen"], "choosing");
}

TEST(AppUi, OutcomeUnknownReconcilesByItselfNotAResend) {
    UiHarness ui;
    reach_review_for_myself(ui);
    ui.click("Confirm order");
    ui.transport.reply(save_path, failure(TransportFailure::connection_lost));
    ui.frame();
    EXPECT_EQ(state(ui)["screen"], "outcome_unknown");
    EXPECT_EQ(state(ui)["reconciliation"]["status"], "checking");
    EXPECT_TRUE(state(ui)["journal"]["pending"]);
    EXPECT_FALSE(ui.has_widget("Confirm order"));
    ui.click("Start a new renewal"); // disabled until the order list has answered
    EXPECT_EQ(state(ui)["screen"], "outcome_unknown");
    ui.transport.reply(page_path, ok({{"results",
                                       {{{"id", "77"},
                                         {"orderNo", "MK77"},
                                         {"orderStatus", "pending"},
                                         {"customReferenceNo", state(ui)["orderReference"]},
                                         {"createTime", ui.clock.epoch_ms() + 300}}}}}));
    EXPECT_EQ(state(ui)["reconciliation"]["status"], "found");
    EXPECT_EQ(state(ui)["reconciliation"]["orderNo"], "MK77");
    EXPECT_EQ(state(ui)["reconciliation"]["matchedBy"], "reference");
    EXPECT_FALSE(state(ui)["journal"]["pending"]);
    ui.click("Check again");
    EXPECT_EQ(ui.transport.pending_count(page_path), 1u);
    ui.transport.reply(page_path, ok({{"results", nlohmann::json::array()}}));
    EXPECT_EQ(state(ui)["reconciliation"]["status"], "waiting") << "no order yet: read again later";
    ui.clock.now += RenewalFlow::default_settle_ms;
    ui.frame();
    ui.transport.reply(page_path, ok({{"results", nlohmann::json::array()}}));
    EXPECT_EQ(state(ui)["reconciliation"]["status"], "none");
    ui.click("Start a new renewal");
    EXPECT_EQ(state(ui)["screen"], "choosing");
    EXPECT_EQ(ui.transport.sent_count(save_path), 1u);
}

TEST(AppUi, ReceiptHeadingFollowsTheOrderStatus) {
    for (const auto& [status, heading] : std::vector<std::pair<std::string, std::string>>{
             {"succeed", "Order placed and paid"},
             {"pending", "Order placed - payment pending"},
             {"failed", "Order recorded, but it failed"},
             {"invalid", "Order recorded, but it is invalid"},
             {"cancelled", "Order recorded, then cancelled"},
             {"refunded", "Order recorded, then refunded"},
             {"confirming", "Order accepted with status \"confirming\" - check it in the Partner Portal"}}) {
        UiHarness ui;
        reach_review_for_myself(ui);
        ui.click("Confirm order");
        ui.transport.reply(save_path, ok({{"orderNo", "MK1"}, {"orderStatus", status}}));
        EXPECT_EQ(state(ui)["screen"], "done");
        EXPECT_EQ(state(ui)["receiptHeading"], heading) << status;
    }
}

TEST(AppUi, TheFailedScreenSaysWhoRefused) {
    UiHarness ui;
    reach_review_for_myself(ui);
    ui.click("Confirm order");
    ui.transport.reply(save_path, api_error(422, "insufficient_balance", "Top up first"));
    EXPECT_EQ(state(ui)["screen"], "failed");
    EXPECT_EQ(state(ui)["failure"], "refused");
    ui.click("Back to choices");
    ui.click("Review order");
    ui.click("Confirm order");
    ui.transport.reply(save_path, failure(TransportFailure::could_not_send));
    EXPECT_EQ(state(ui)["failure"], "not_sent");
    EXPECT_FALSE(state(ui)["journal"]["pending"]);
}

TEST(AppUi, StateAndScreensSurviveInvalidUtf8FromOutside) {
    UiHarness ui;
    reach_review_for_myself(ui);
    ui.click("Confirm order");
    // A Latin-1 proxy page: its title reaches the error excerpt as bytes that are not UTF-8.
    ui.transport.reply(save_path, raw(502, "<html><title>Passerelle \xe9 indisponible \xff</title></html>"));
    ui.frame();
    const std::string text = ui.app->state_json();
    const auto parsed = nlohmann::json::parse(text, nullptr, false);
    ASSERT_FALSE(parsed.is_discarded()) << text;
    EXPECT_EQ(parsed["screen"], "outcome_unknown");
    EXPECT_NE(parsed["error"].get<std::string>().find("Passerelle"), std::string::npos);
}

TEST(AppUi, TheSandboxHintAndTheReviewFollowTheBaseUrlInUse) {
    UiHarness ui;
    reach_review_for_myself(ui);
    EXPECT_TRUE(state(ui)["sendingToSandbox"]);
    EXPECT_TRUE(ui.has_widget("Sending to"));
    ui.click("Sign out");
    ui.click("Base URL");
    ui.press(ImGuiKey_End);
    ui.type("/real");
    ui.sign_in();
    EXPECT_FALSE(state(ui)["sendingToSandbox"]);
    EXPECT_EQ(state(ui)["targetHost"], "sandbox.invalid");
}

TEST(AppUi, CredentialsForPlainHttpOffThisComputerNeedASecondYes) {
    UiHarness ui(UiOptions{.warn_plain_http = true});
    ui.click("Base URL");
    ui.press(ImGuiKey_End);
    for (int i = 0; i < 40; ++i)
        ui.press(ImGuiKey_Backspace);
    ui.type("http://10.1.2.3:8080");
    ui.click_and_type("Client ID", "demo-client-id");
    ui.click_and_type("Client Secret", "demo-client-secret");
    ui.click("Sign in");
    EXPECT_TRUE(ui.transport.sent.empty()) << "nothing leaves before the second yes";
    ui.click("Sign in anyway");
    ASSERT_EQ(ui.transport.sent.size(), 1u);
    EXPECT_EQ(ui.transport.sent[0].url.rfind("http://10.1.2.3:8080/", 0), 0u);
}

TEST(AppUi, TheSecretLeavesNoCopyInImGuisEditBuffers) {
    UiHarness ui;
    ui.click_and_type("Client ID", "demo-client-id");
    ui.click_and_type("Client Secret", "demo-client-secret-0123456789");
    ui.press(ImGuiKey_Enter);
    ASSERT_EQ(ui.transport.sent.size(), 1u);
    const ImGuiInputTextState& editing = ImGui::GetCurrentContext()->InputTextState;
    const std::string a(editing.TextA.Data, editing.TextA.Data + editing.TextA.Capacity);
    const std::string initial(editing.InitialTextA.Data,
                              editing.InitialTextA.Data + editing.InitialTextA.Capacity);
    EXPECT_EQ(a.find("secret-0123"), std::string::npos);
    EXPECT_EQ(initial.find("secret-0123"), std::string::npos);
    std::u16string wide;
    for (int i = 0; i < editing.TextW.Capacity; ++i)
        wide += static_cast<char16_t>(editing.TextW.Data[i]);
    EXPECT_EQ(wide.find(u"secret-0123"), std::u16string::npos);
}

TEST(AppUi, APoNumberTypedOnTheReviewIsSent) {
    UiHarness ui;
    reach_review_for_myself(ui);
    ui.click_and_type("PO number", "PO-4711");
    ui.click("Confirm order");
    ASSERT_EQ(ui.transport.sent_count(save_path), 1u);
    EXPECT_NE(ui.transport.sent.back().body.find("\"poNumber\": \"PO-4711\""), std::string::npos);
}

TEST(AppUi, ClosingWhileAnOrderIsOnItsWayAsksFirst) {
    UiHarness ui;
    EXPECT_TRUE(ui.app->allow_close());
    reach_review_for_myself(ui);
    ui.click("Confirm order");
    EXPECT_TRUE(ui.app->order_in_flight());
    EXPECT_FALSE(ui.app->allow_close());
    ui.click("Keep open");
    EXPECT_FALSE(ui.app->wants_close());
    EXPECT_FALSE(ui.app->allow_close());
    ui.click("Close anyway");
    EXPECT_TRUE(ui.app->wants_close());
}

TEST(AppUi, AJournaledOrderIsAnnouncedAndReconciledAtSignIn) {
    JournalEntry entry{.sent_at_ms = 1'700'000'000'000,
                       .base_url = "http://sandbox.invalid",
                       .client_id = "demo-client-id",
                       .target = "",
                       .plan_id = Id64{3049036224189325312ULL},
                       .billing_id = Id64{3197218168379846218ULL}};
    UiHarness ui(UiOptions{.journal_text = journal_to_json(entry)});
    EXPECT_TRUE(ui.has_widget("Pending order"));
    EXPECT_TRUE(state(ui)["journal"]["pending"]);
    ui.sign_in();
    EXPECT_EQ(state(ui)["screen"], "outcome_unknown");
    ui.transport.reply(page_path, ok({{"results", nlohmann::json::array()}}));
    // Resumed: "none" is believed only from a reading a whole settle time after this check began.
    EXPECT_EQ(state(ui)["reconciliation"]["status"], "waiting");
    EXPECT_TRUE(state(ui)["journal"]["pending"]);
    ui.clock.now += RenewalFlow::default_settle_ms;
    ui.frame();
    ui.transport.reply(page_path, ok({{"results", nlohmann::json::array()}}));
    EXPECT_EQ(state(ui)["reconciliation"]["status"], "none");
    EXPECT_FALSE(state(ui)["journal"]["pending"]);
    EXPECT_FALSE(ui.journal.load());
}

TEST(AppUi, FailedLookupHasItsOwnRetry) {
    UiHarness ui;
    ui.sign_in();
    ui.transport.reply("/partner_list", ok(fixture_json("partner_list.json")));
    ui.transport.reply("/purchase_product_info", raw(503, "Service Unavailable"));
    ui.transport.reply("/billing_contact_list", ok(fixture_json("billing_contacts.json")));
    ui.click("Retry plans");
    EXPECT_EQ(ui.transport.pending_count("/purchase_product_info"), 1u);
    EXPECT_EQ(ui.transport.sent_count("/partner_list"), 1u);
}

TEST(AppUi, TenThousandUsersAreClippedAndSearchable) {
    UiHarness ui;
    nlohmann::json users = nlohmann::json::array();
    for (int i = 0; i < 10000; ++i)
        users.push_back({{"partnerId", std::to_string(9000000000000000000ULL + i)},
                         {"company", "Company " + std::to_string(i)},
                         {"email", "user" + std::to_string(i) + "@example.invalid"}});
    ui.sign_in_and_load(users);
    ui.frame();
    int visible = 0;
    for (const auto& [label, rect] : ui.app->widget_rects())
        visible += label.rfind("user:", 0) == 0;
    EXPECT_GT(visible, 0);
    EXPECT_LT(visible, 100); // only the rows on screen are drawn
    ui.click_and_type("Search users", "user9999@");
    EXPECT_TRUE(ui.has_widget("user:9000000000000009999"));
}

TEST(AppUi, TypedPlanIdIsValidatedOnScreen) {
    UiHarness ui;
    ui.sign_in_and_load(fixture_json("partner_list.json"));
    ui.click("Renew for myself");
    ui.click("contact:3197218168379846218");
    ui.click_and_type("Plan id", "12x");
    ui.click("Review order");
    EXPECT_EQ(state(ui)["screen"], "choosing");
}

namespace {

// Presses `key` until the tracked widget `label` has keyboard focus (at most `limit` presses).
bool focus_by_key(UiHarness& ui, ImGuiKey key, const std::string& label, int limit = 40) {
    for (int i = 0; i < limit; ++i) {
        if (state(ui)["focused"] == label) return true;
        ui.press(key);
    }
    return state(ui)["focused"] == label;
}

} // namespace

TEST(AppUi, RenewalByKeyboardAlone) {
    UiHarness ui;
    ui.frame();
    ui.frame();
    ui.type("demo-client-id"); // the Client ID field has focus when the page opens
    ui.press(ImGuiKey_Tab);
    ui.type("demo-client-secret");
    ui.press(ImGuiKey_Enter);
    ASSERT_EQ(ui.transport.sent_count("/oauth/token"), 1u);
    EXPECT_NE(ui.transport.sent[0].body.find("client_id=demo-client-id&client_secret=demo-client-secret"),
              std::string::npos);
    ui.transport.reply("/oauth/token", ok(token_result()));
    ui.transport.reply("/partner_list", ok(fixture_json("partner_list.json")));
    ui.transport.reply("/purchase_product_info", ok(fixture_json("plans_flat_lists.json")));
    ui.transport.reply("/billing_contact_list", ok(fixture_json("billing_contacts.json")));

    ui.frame();
    ui.frame();
    EXPECT_EQ(state(ui)["focused"], "Search users"); // the keyboard lands in the search box
    ui.type("harbour");
    ui.press(ImGuiKey_DownArrow); // "myself"
    ui.press(ImGuiKey_DownArrow); // the first match
    ui.press(ImGuiKey_Escape);
    ASSERT_TRUE(focus_by_key(ui, ImGuiKey_DownArrow, "contact:3197218168379846218"));
    ui.press(ImGuiKey_Space);
    ASSERT_TRUE(focus_by_key(ui, ImGuiKey_DownArrow, "Review order"));
    ui.press(ImGuiKey_Enter);
    ASSERT_EQ(state(ui)["screen"], "reviewing");
    ui.frame();
    EXPECT_EQ(state(ui)["focused"], "Back"); // never Confirm: a stray Enter must not order
    ASSERT_TRUE(focus_by_key(ui, ImGuiKey_RightArrow, "Confirm order"));
    ui.press(ImGuiKey_Enter);
    ui.press(ImGuiKey_Enter);
    EXPECT_EQ(ui.transport.sent_count(save_path), 1u);
    auto body = nlohmann::json::parse(ui.transport.sent.back().body);
    EXPECT_EQ(body["partnerId"], "reseller.two@example.invalid");
}

TEST(AppUi, UpAndDownInTheSearchBoxWalkMyselfAndTheMatches) {
    UiHarness ui;
    ui.sign_in_and_load(fixture_json("partner_list.json"));
    ui.frame();
    ui.press(ImGuiKey_DownArrow);
    EXPECT_TRUE(ui.has_widget("Renew for myself"));
    EXPECT_EQ(state(ui)["chosen"]["target"], true);
    ui.press(ImGuiKey_DownArrow);
    ui.press(ImGuiKey_DownArrow);
    ui.press(ImGuiKey_DownArrow); // stays on the last row
    ui.click("contact:3197218168379846218");
    ui.click("Review order");
    ui.click("Confirm order");
    auto body = nlohmann::json::parse(ui.transport.sent.back().body);
    EXPECT_EQ(body["partnerId"], "reseller.two@example.invalid"); // sorted by company: Alpine, Harbour
}

// A widget is "still" (the test hooks' sign that a click lands on it) only once it stood in the same
// place in the frame before: 0 on its first frame or right after it moved, then 1, then 2 at most.
TEST(AppUi, AWidgetIsStillOnlyAfterAFrameInTheSamePlace) {
    UiHarness ui;
    ui.frame();
    ui.frame();
    ui.frame();
    const auto still = [&] { return ui.app->widget_rects().at("Sign in").still; };
    EXPECT_EQ(still(), 2);
    const ui::WidgetRect before = ui.app->widget_rects().at("Sign in");
    ImGui::GetIO().DisplaySize = ImVec2(390, 844); // a phone: the form is narrower, the button moves
    ui.frame();
    const ui::WidgetRect moved = ui.app->widget_rects().at("Sign in");
    ASSERT_NE(std::make_pair(before.x, before.w), std::make_pair(moved.x, moved.w));
    EXPECT_EQ(moved.still, 0);
    ui.frame();
    EXPECT_EQ(still(), 1);
    ui.frame();
    ui.frame();
    EXPECT_EQ(still(), 2);
}
