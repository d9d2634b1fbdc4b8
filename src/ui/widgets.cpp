#include "widgets.h"

#include <imgui.h>

namespace rd::ui {

std::map<std::string, WidgetRect>& tracked_rects() {
    static std::map<std::string, WidgetRect> rects;
    return rects;
}

std::string& focused_label() {
    static std::string label;
    return label;
}

void track(const std::string& label) {
    if (ImGui::IsItemFocused()) focused_label() = label;
    ImVec2 min = ImGui::GetItemRectMin();
    ImVec2 max = ImGui::GetItemRectMax();
    tracked_rects()[label] = WidgetRect{min.x, min.y, max.x - min.x, max.y - min.y};
}

void heading(const char* text) {
    ImGui::Spacing();
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.55f, 0.75f, 1.0f, 1.0f));
    ImGui::TextUnformatted(text);
    ImGui::PopStyleColor();
    ImGui::Separator();
}

void error_box(const ApiError& error) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1.0f, 0.55f, 0.5f, 1.0f));
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(error.describe().c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
}

void hint(const char* text) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(text);
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
}

void spinner_text(const char* text) {
    static const char* dots[] = {"", ".", "..", "..."};
    int phase = static_cast<int>(ImGui::GetTime() * 3.0) % 4;
    ImGui::Text("%s%s", text, dots[phase]);
}

void row_label(const char* label) {
    ImGui::TextDisabled("%s", label);
    ImGui::SameLine(160.0f);
}

void label_value_row(const char* label, const std::string& value) {
    row_label(label);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(value.empty() ? "-" : value.c_str());
    ImGui::PopTextWrapPos();
}

bool button(const char* label, bool enabled, float width) {
    ImGui::BeginDisabled(!enabled);
    bool pressed = ImGui::Button(label, ImVec2(width, 0));
    ImGui::EndDisabled();
    track(label);
    return pressed && enabled;
}

} // namespace rd::ui
