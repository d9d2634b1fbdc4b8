// The kit's tables on the real screens, headless: a cell too narrow for its text shows the whole text
// on hover (ImGui's tooltip window, at least as wide as the text) and the mirror's row has it whole; a
// cell that fits shows no tooltip; the batch's rows are in the mirror as rows that are read, not chosen.
#include "tests/ui/ui_harness.h"
#include "ui/kit/mirror.h"

#include "core/api_paths.h"
#include "tests/core/fixtures.h"

#include <gtest/gtest.h>
#include <imgui_internal.h> // FindWindowByName: the tooltip's window
#include <nlohmann/json.hpp>

using namespace rd;
using namespace rd::test;

namespace {

const std::string long_no = // wider than its column at 1280 px
    "MK3400814351713726999988887777666655554444333322221111000099998888777766665555";

const std::string long_reference = "PO-" + std::string(120, '7'); // a plain text cell, cut too

HttpResponse one_order_page() {
    return ok({{"total", 1},
               {"pageNo", 1},
               {"pageSize", 25},
               {"totalPage", 1},
               {"results",
                {{{"id", "3400814131142238201"},
                  {"orderNo", long_no},
                  {"orderStatus", "succeed"},
                  {"currencyCode", "USD"},
                  {"createTime", 1'700'000'000},
                  {"customReferenceNo", long_reference}}}}});
}

// The tooltip ImGui drew this frame, or null.
ImGuiWindow* shown_tooltip() {
    ImGuiWindow* window = ImGui::FindWindowByName("##Tooltip_00");
    return window && window->Active ? window : nullptr;
}

// Rests the mouse at a point and draws two frames (the tooltip appears on the hovered frame).
void hover(UiHarness& ui, float x, float y) {
    ui.io().AddMousePosEvent(x, y);
    ui.frame();
    ui.frame();
}

ImGuiTable* orders_table() {
    for (ImGuiWindow* window : ImGui::GetCurrentContext()->Windows)
        if (ImGuiTable* table = ImGui::TableFindByID(window->GetID("orders"))) return table;
    return nullptr;
}

// The width the order list gives its first column (the order number).
float order_number_column_width() {
    return orders_table() ? orders_table()->Columns[0].WidthGiven : 0;
}

nlohmann::json mirror_table(const std::string& key) {
    const nlohmann::json doc = nlohmann::json::parse(ui::mirror::json());
    for (const auto& node : doc["nodes"])
        if (node.value("r", "") == "table" && node.value("k", "") == key) return node;
    return nullptr;
}

} // namespace

TEST(Tables, ACutOrderNumberShowsWholeOnHoverAndInTheMirrorAFittingCellShowsNoTooltip) {
    UiHarness ui;
    ui.sign_in_and_load();
    ui.click("Orders");
    ui.transport.reply(paths::order_list, one_order_page());
    ui.frame();
    ui.frame();
    const ui::WidgetRect cell = ui.rect("order:" + long_no);
    ImGui::SetCurrentContext(ui.context);
    ASSERT_LT(order_number_column_width(), ImGui::CalcTextSize(long_no.c_str()).x) << "the test needs it cut";

    hover(ui, cell.x + 40, cell.y + cell.h / 2); // on the number's first digits (the rest is cut)
    ImGuiWindow* tooltip = shown_tooltip();
    ASSERT_NE(tooltip, nullptr) << "hovering a cut order number shows it whole";
    EXPECT_GE(tooltip->Size.x, ImGui::CalcTextSize(long_no.c_str()).x);

    hover(ui, cell.x + cell.w / 2, cell.y - cell.h); // the header row: nothing cut there
    EXPECT_EQ(shown_tooltip(), nullptr);

    const ImGuiTableColumn& currency = orders_table()->Columns[2]; // "USD": fits
    hover(ui, currency.MinX + 10, cell.y + cell.h / 2);
    EXPECT_EQ(shown_tooltip(), nullptr) << "a cell that fits shows no tooltip";

    const ImGuiTableColumn& reference = orders_table()->Columns[4]; // a plain text cell, cut
    hover(ui, reference.MinX + 20, cell.y + cell.h / 2);
    tooltip = shown_tooltip();
    ASSERT_NE(tooltip, nullptr) << "hovering a cut reference shows it whole";
    EXPECT_GE(tooltip->Size.x, ImGui::CalcTextSize(long_reference.c_str()).x);

    const nlohmann::json table = mirror_table("orders");
    ASSERT_FALSE(table.is_null());
    ASSERT_EQ(table["rows"].size(), 1u);
    EXPECT_EQ(table["rows"][0]["cells"][0], long_no) << "the mirror has the whole number";
}

TEST(Tables, TheBatchsRowsAreReadNotChosenInTheMirror) {
    UiHarness ui;
    ui.sign_in_and_load();
    ui.click("select:myself");
    ui.click("select:9223372036854775001");
    ui.click("contact:3197218168379846218");
    ui.click("Review batch");
    ui.frame(); // the batch review's first frame (the click's frame drew the choices)
    ASSERT_EQ(state(ui)["screen"], "batch_review");
    nlohmann::json review = mirror_table("batch review");
    ASSERT_FALSE(review.is_null());
    ASSERT_EQ(review["rows"].size(), 2u);
    EXPECT_EQ(review["rows"][0].value("ro", false), true);
    EXPECT_NE(review["rows"][1]["cells"][0].get<std::string>().find("9223372036854775001"),
              std::string::npos);
}
