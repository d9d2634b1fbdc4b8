#include "widgets.h"

#include "api_text.h"
#include "error_words.h"
#include "theme.h"

#include <imgui.h>

#include <algorithm>
#include <cstdarg>
#include <cstdio>

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

std::string format(Text text, ...) {
    std::va_list args;
    va_start(args, text);
    std::va_list copy;
    va_copy(copy, args);
    const int length = std::vsnprintf(nullptr, 0, tr(text), copy);
    va_end(copy);
    std::string out(length > 0 ? static_cast<std::size_t>(length) : 0, '\0');
    if (length > 0) std::vsnprintf(out.data(), out.size() + 1, tr(text), args);
    va_end(args);
    return out;
}

std::string label(Text text) {
    return std::string(tr(text)) + "###" + en(text);
}

void heading(const char* text) {
    ImGui::Spacing();
    ImGui::PushStyleColor(ImGuiCol_Text, current_palette().heading);
    ImGui::TextUnformatted(text);
    ImGui::PopStyleColor();
    ImGui::Separator();
}

void error_box(const ApiError& error) {
    ImGui::PushStyleColor(ImGuiCol_Text, current_palette().bad);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(error_words(error).c_str());
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

const std::vector<Text>& row_label_texts() {
    static const std::vector<Text> texts = {
        Text::sending_to,      Text::renew_for,    Text::plan,        Text::price_as_listed,
        Text::billing_contact, Text::term,         Text::po_number,   Text::order_no,
        Text::order_id,        Text::order_status, Text::instance_id, Text::transaction_no,
        Text::product_no,      Text::request_id,   Text::status,      Text::created,
    };
    return texts;
}

float row_label_column() {
    float widest = 0;
    for (Text text : row_label_texts())
        widest = std::max(widest, ImGui::CalcTextSize(tr(text)).x);
    return std::max(160.0f, ImGui::GetStyle().WindowPadding.x + widest + 2 * ImGui::GetStyle().ItemSpacing.x);
}

void row_label(Text label) {
    ImGui::TextDisabled("%s", tr(label));
    ImGui::SameLine(row_label_column());
}

void label_value_row(Text label, const std::string& value) {
    row_label(label);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(value.empty() ? "-" : api_text(value).c_str());
    ImGui::PopTextWrapPos();
}

bool button(Text text, bool enabled, float min_width) {
    const float fits = ImGui::CalcTextSize(tr(text)).x + 2 * ImGui::GetStyle().FramePadding.x;
    ImGui::BeginDisabled(!enabled);
    bool pressed = ImGui::Button(label(text).c_str(), ImVec2(std::max(min_width, fits), 0));
    ImGui::EndDisabled();
    track(en(text));
    return pressed && enabled;
}

void toned_text(Tone tone, const std::string& text) {
    ImGui::PushStyleColor(ImGuiCol_Text, tone_colour(tone));
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(text.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
}

void destination_row(const std::string& base_url, bool is_sandbox) {
    const std::string host = url_host(base_url);
    row_label(Text::sending_to);
    toned_text(is_sandbox ? Tone::good : Tone::pending,
               format(is_sandbox ? Text::sending_to_sandbox_fmt : Text::sending_to_real_fmt, host.c_str()));
    track(en(Text::sending_to));
}

} // namespace rd::ui
