#include "ui/layout.h"

#include <imgui.h>

#include <algorithm>

namespace rd::ui {

float column_margin(float display_width, float padding, float max_width) {
    return std::max(0.0f, (display_width - max_width) / 2 - padding);
}

float column_width(float display_width, float padding) {
    return std::max(0.0f, display_width - 2 * column_margin(display_width, padding) - 2 * padding);
}

float fit_width(float fixed, float beside) {
    return std::max(1.0f, std::min(fixed, ImGui::GetContentRegionAvail().x - beside));
}

float label_beside(const char* label) {
    const float text = ImGui::CalcTextSize(label, nullptr, true).x; // true: up to "##" or "###"
    return text > 0 ? text + ImGui::GetStyle().ItemInnerSpacing.x : 0;
}

void same_line_if_fits(float width) {
    ImGui::SameLine();
    if (ImGui::GetContentRegionAvail().x < width) ImGui::NewLine();
}

float button_width(Text text, float min_width) {
    return std::max(min_width, ImGui::CalcTextSize(tr(text)).x + 2 * ImGui::GetStyle().FramePadding.x);
}

void begin_scrolling_content(const char* id, float last_bar_height) {
    const ImGuiStyle& style = ImGui::GetStyle();
    const float bar =
        last_bar_height > 0 ? last_bar_height : ImGui::GetFrameHeightWithSpacing() + 2 * style.ItemSpacing.y;
    ImGui::BeginChild(id, ImVec2(0, -bar), ImGuiChildFlags_None, ImGuiWindowFlags_NavFlattened);
}

void end_scrolling_content() {
    ImGui::EndChild();
}

void keep_action_bar_height(float bar_top, float& bar_height) {
    bar_height = std::max(bar_height, ImGui::GetCursorPosY() - bar_top + ImGui::GetStyle().ItemSpacing.y);
}

void apply_spacing(ImGuiStyle& style) {
    style.WindowPadding = ImVec2(16, 16);
    style.FramePadding = ImVec2(8, 4);
    style.CellPadding = ImVec2(8, 4);
    style.ItemSpacing = ImVec2(8, 8);
    style.ItemInnerSpacing = ImVec2(8, 4);
    style.IndentSpacing = 20;
    style.ScrollbarSize = 12;
    style.GrabMinSize = 12;
    style.WindowRounding = 0;   // the main window is the page: no corners,
    style.WindowBorderSize = 0; // and no edge around the content column
    style.ChildRounding = 4;
    style.FrameRounding = 4;
    style.PopupRounding = 4;
    style.ScrollbarRounding = 4;
    style.GrabRounding = 4;
    style.TabRounding = 4;
}

} // namespace rd::ui
