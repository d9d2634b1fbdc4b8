// The batch screens in Chinese, walked with ImGui's text capture: no English word left but the data
// the test put on screen (ids, companies, order numbers, request ids).
#include "tests/ui/english_words.h"
#include "tests/ui/ui_harness.h"

#include "core/api_paths.h"
#include "tests/core/fixtures.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

using namespace rd;
using namespace rd::test;

namespace {

void expect_chinese_only(UiHarness& ui, const std::string& screen) {
    std::set<std::string> data = {"sandbox", "invalid", "MK1", "req", "http", "RenewDesk"};
    for (const char* name : {"partner_list.json", "plans_flat_lists.json", "billing_contacts.json"})
        for (const std::string& word : ascii_words(fixture_text(name)))
            data.insert(word);
    const std::string text = ui.drawn_text();
    EXPECT_NE(text.find("批量"), std::string::npos) << screen << ": " << text;
    EXPECT_EQ(english_left(text, data), std::vector<std::string>{}) << screen << ":\n" << text;
}

} // namespace

TEST(BatchLanguage, ReviewRunningAndDoneInChinese) {
    UiHarness ui({.language = ui::Language::zh});
    ui.sign_in_and_load();
    ui.click("select:myself");
    ui.click("select:9223372036854775001");
    ui.click("contact:3197218168379846218");
    ui.click("Review batch");
    expect_chinese_only(ui, "batch review");
    ui.click("Confirm batch");
    expect_chinese_only(ui, "batch running");
    ui.transport.reply(paths::create_order, ok({{"orderNo", "MK1"}, {"orderStatus", "succeed"}}, "req1"));
    ui.transport.reply(paths::create_order, api_error(400, "insufficient_balance", "no", "req2"));
    ui.frame();
    ASSERT_EQ(nlohmann::json::parse(ui.app->state_json())["screen"], "batch_done");
    expect_chinese_only(ui, "batch done");
}
