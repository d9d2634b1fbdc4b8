// The UI in Chinese: switching in the top bar, remembering the choice, English widget names for the
// tests, and every screen walked with ImGui's text capture: no English sentence or key name left.
#include "tests/ui/english_words.h"
#include "tests/ui/ui_harness.h"

#include "core/api_paths.h"
#include "core/order_journal.h"
#include "core/renewal_flow.h"
#include "tests/core/fixtures.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

using namespace rd;
using namespace rd::test;

namespace {

// Words of the data the test itself put on screen: the fixtures, what was sent (the order body and
// its path are shown on the review), the fake replies' request ids and bodies, the search typed, the
// transport's own failure words (a technical detail, shown as they are), order statuses as reported.
std::set<std::string> data_words(const UiHarness& ui) {
    std::set<std::string> words = {
        "sandbox", "invalid", "simulated", "transport",  "failure", "Top",    "first", "insufficient_balance",
        "succeed", "pending", "failed",    "confirming", "abcdef",  "fedcba", "oops",  "zzz"};
    std::string shown_data =
        std::string(paths::create_order) + " " + fixture_text("tutorial_order_body.json");
    for (const auto& request : ui.transport.sent)
        shown_data += " " + request.url + " " + request.body;
    shown_data += " poNumber " + ui.app->state_json(); // the reviewed body's reference and member name
    std::string token;
    for (char c : shown_data + " ") { // words, and snake_case tokens ("renew_plan") whole
        if (std::isalnum(static_cast<unsigned char>(c)) || c == '_') {
            token += c;
            continue;
        }
        if (!token.empty()) words.insert(token);
        token.clear();
    }
    for (const char* name : {"partner_list.json", "plans_flat_lists.json", "billing_contacts.json",
                             "tutorial_order_body.json", "tutorial_order_response.json"})
        for (const std::string& word : ascii_words(fixture_text(name)))
            words.insert(word);
    return words;
}

void expect_chinese_only(UiHarness& ui, const std::string& screen) {
    const std::string text = ui.drawn_text();
    // The header's UI scale button ("缩放 100%") is on every screen, and in Chinese only in the Chinese UI.
    EXPECT_NE(text.find("缩放"), std::string::npos) << screen << " has no Chinese at all: " << text;
    EXPECT_EQ(english_left(text, data_words(ui)), std::vector<std::string>{}) << screen << ":\n" << text;
}

void reach_review(UiHarness& ui) {
    ui.sign_in_and_load();
    ui.click("Renew for myself");
    ui.click("contact:3197218168379846218");
    ui.click("Review order");
}

UiHarness* chinese(UiOptions options = {}) {
    options.language = ui::Language::zh;
    return new UiHarness(std::move(options));
}

} // namespace

TEST(Language, TheTopBarSwitchesAndTheChoiceIsRemembered) {
    UiHarness ui;
    EXPECT_EQ(state(ui)["language"], "en");
    ui.click("language:zh");
    EXPECT_EQ(state(ui)["language"], "zh");
    ASSERT_EQ(ui.remembered_languages, std::vector<ui::Language>{ui::Language::zh});
    EXPECT_TRUE(ui.has_widget("Sign in")) << "widgets keep their English names";
    ui.sign_in_and_load();
    EXPECT_EQ(state(ui)["screen"], "choosing");
    ui.click("language:en");
    EXPECT_EQ(state(ui)["language"], "en");
    EXPECT_EQ(ui.remembered_languages.back(), ui::Language::en);
}

TEST(Language, TheRememberedLanguageIsUsedAtStart) {
    std::unique_ptr<UiHarness> ui(chinese());
    EXPECT_EQ(state(*ui)["language"], "zh");
    EXPECT_TRUE(ui->remembered_languages.empty());
}

TEST(Language, SignInScreensInChinese) {
    std::unique_ptr<UiHarness> ui(chinese());
    expect_chinese_only(*ui, "sign-in");
    JournalEntry entry{
        .sent_at_ms = 1'700'000'000'000, .base_url = "http://sandbox.invalid", .client_id = "demo"};
    std::unique_ptr<UiHarness> pending(chinese({.journal_text = journal_to_json(entry)}));
    expect_chinese_only(*pending, "sign-in with an order of unknown outcome");
    std::unique_ptr<UiHarness> plain(chinese({.warn_plain_http = true}));
    plain->click("Base URL");
    ImGui::GetIO().AddKeyEvent(ImGuiMod_Ctrl, true);
    plain->press(ImGuiKey_A);
    ImGui::GetIO().AddKeyEvent(ImGuiMod_Ctrl, false);
    plain->type("http://10.1.2.3");
    plain->click_and_type("Client ID", "demo-client-id");
    plain->click_and_type("Client Secret", "demo-client-secret");
    plain->click("Sign in");
    ASSERT_TRUE(plain->has_widget("Sign in anyway"));
    expect_chinese_only(*plain, "the plain-http warning");
}

TEST(Language, ChoosingAndReviewingInChinese) {
    std::unique_ptr<UiHarness> ui(chinese());
    ui->sign_in_and_load();
    expect_chinese_only(*ui, "choosing");
    ui->click_and_type("Search users", "zzz");
    expect_chinese_only(*ui, "choosing, no match");
    ui->click("Renew for myself");
    ui->click("contact:3197218168379846218");
    ui->click("Review order");
    ASSERT_EQ(state(*ui)["screen"], "reviewing");
    expect_chinese_only(*ui, "reviewing");
}

TEST(Language, ReceiptCloseQuestionAndNoticeInChinese) {
    std::unique_ptr<UiHarness> ui(chinese());
    reach_review(*ui);
    ui->click("Confirm order");
    EXPECT_FALSE(ui->app->allow_close());
    ASSERT_TRUE(ui->has_widget("Keep open"));
    expect_chinese_only(*ui, "the close question");
    ui->click("Keep open");
    ui->transport.reply(paths::create_order, raw(200, fixture_text("tutorial_order_response.json")));
    ASSERT_EQ(state(*ui)["screen"], "done");
    expect_chinese_only(*ui, "receipt");
    ui->click("Copy receipt");
    EXPECT_FALSE(state(*ui)["notice"].get<std::string>().empty());
    expect_chinese_only(*ui, "receipt with the notice line");
    for (const char* status : {"pending", "failed", "confirming", ""}) {
        std::unique_ptr<UiHarness> other(chinese());
        reach_review(*other);
        other->click("Confirm order");
        other->transport.reply(paths::create_order, ok({{"orderNo", "MK1"}, {"orderStatus", status}}));
        expect_chinese_only(*other, std::string("receipt for status ") + status);
    }
}

TEST(Language, FailedAndOutcomeUnknownInChinese) {
    std::unique_ptr<UiHarness> refused(chinese());
    reach_review(*refused);
    refused->click("Confirm order");
    refused->transport.reply(paths::create_order, api_error(422, "insufficient_balance", "Top up first"));
    ASSERT_EQ(state(*refused)["screen"], "failed");
    expect_chinese_only(*refused, "failed, refused");
    refused->click("Back to choices");
    refused->click("Review order");
    refused->click("Confirm order");
    refused->transport.reply(paths::create_order, failure(TransportFailure::could_not_send));
    expect_chinese_only(*refused, "failed, not sent");

    std::unique_ptr<UiHarness> ui(chinese());
    reach_review(*ui);
    ui->click("Confirm order");
    ui->transport.reply(paths::create_order, failure(TransportFailure::connection_lost));
    ASSERT_EQ(state(*ui)["screen"], "outcome_unknown");
    expect_chinese_only(*ui, "outcome unknown, checking");
    ui->transport.reply(paths::order_list, ok({{"results", nlohmann::json::array()}}));
    EXPECT_EQ(state(*ui)["reconciliation"]["status"], "waiting");
    expect_chinese_only(*ui, "outcome unknown, reading again later");
    ui->clock.now += RenewalFlow::default_settle_ms;
    ui->frame();
    ui->transport.reply(paths::order_list, raw(500, "oops"));
    expect_chinese_only(*ui, "outcome unknown, the order list failed");
    ui->click("Check again");
    ui->transport.reply(paths::order_list, ok({{"results",
                                                {{{"id", "77"},
                                                  {"orderNo", "MK77"},
                                                  {"orderStatus", "pending"},
                                                  {"customReferenceNo", state(*ui)["orderReference"]},
                                                  {"createTime", ui->clock.epoch_ms() + 300}}}}}));
    EXPECT_EQ(state(*ui)["reconciliation"]["status"], "found");
    expect_chinese_only(*ui, "outcome unknown, found");
}

TEST(Language, TextThatNeedsShapingIsAPlaceholderWithOneHint) {
    std::unique_ptr<UiHarness> ui(chinese());
    ui->sign_in();
    nlohmann::json users = fixture_json("partner_list.json");
    users[0]["company"] = "شركة الاتصالات";
    ui->transport.reply("/partner_list", ok(users));
    ui->transport.reply("/purchase_product_info", ok(fixture_json("plans_flat_lists.json")));
    ui->transport.reply("/billing_contact_list", ok(fixture_json("billing_contacts.json")));
    const std::string text = ui->drawn_text();
    EXPECT_NE(text.find("[阿拉伯文]"), std::string::npos) << text;
    EXPECT_EQ(text.find("شركة"), std::string::npos);
    EXPECT_TRUE(ui->has_widget("Shaping notice"));
    ui->click_and_type("Search users", "شركة"); // search uses the exact text
    EXPECT_TRUE(ui->has_widget("user:9223372036854775001"));
    EXPECT_FALSE(ui->has_widget("user:reseller.two@example.invalid"));
}
