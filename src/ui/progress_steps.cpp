#include "ui/progress_steps.h"

#include "ui/kit/widgets.h"
#include "ui/theme.h"

#include <imgui.h>

#include <algorithm>

namespace rd::ui {

namespace {
constexpr Text step_names[] = {Text::step_who, Text::step_plan_billing, Text::step_review};
// The UI font has U+2713 (src/render/ui_font.cpp); written as UTF-8 so no source encoding matters.
constexpr const char* check_mark = "\xE2\x9C\x93";
constexpr const char* arrow = "\xE2\x86\x92"; // U+2192, also embedded
} // namespace

ProgressSteps progress_steps(const RenewalFlow& flow) {
    const Selection& chosen = flow.selection();
    const bool on_review = flow.stage() == Stage::reviewing || flow.stage() == Stage::submitting;
    const bool who = on_review || chosen.target.has_value();
    const bool plan_billing = on_review || (chosen.plan_id && chosen.billing_id);
    ProgressSteps steps;
    steps.states[0] = who ? StepState::done : StepState::current;
    steps.states[1] = plan_billing ? StepState::done : who ? StepState::current : StepState::to_do;
    steps.states[2] = on_review ? StepState::current : StepState::to_do;
    return steps;
}

std::string step_words(int index, StepState state) {
    std::string words = std::to_string(index + 1) + " " + tr(step_names[index]);
    switch (state) {
    case StepState::done: return words + " " + check_mark + " " + tr(Text::step_done);
    case StepState::current: return words + " (" + tr(Text::step_current) + ")";
    case StepState::to_do: return words + " (" + tr(Text::step_to_do) + ")";
    }
    return words;
}

// The widest the step's words get in any state: where the row wraps depends on the width and the
// language only, so choosing something never moves the screen below it by a line.
float widest_words(int index) {
    float widest = 0;
    for (StepState state : {StepState::to_do, StepState::current, StepState::done})
        widest = std::max(widest, ImGui::CalcTextSize(step_words(index, state).c_str()).x);
    return widest;
}

// The current step in the heading colour, done ones in the good colour, the rest dimmed: the words say
// the same, the colour only helps the eye. A step that does not fit on the line starts the next one.
void draw_progress_steps(const ProgressSteps& steps) {
    const Palette& palette = current_palette();
    const std::string joint = std::string(" ") + arrow + " ";
    const float width = ImGui::GetContentRegionAvail().x;
    float used = 0; // on the current line, counting every step at its widest
    ImGui::BeginGroup();
    for (int i = 0; i < 3; ++i) {
        const StepState state = steps.states[static_cast<std::size_t>(i)];
        const float widest = widest_words(i);
        if (i > 0) {
            const float joined = ImGui::CalcTextSize(joint.c_str()).x + widest;
            if (used + joined > width) {
                used = 0;
            } else {
                ImGui::SameLine(0, 0);
                ImGui::TextDisabled("%s", joint.c_str());
                ImGui::SameLine(0, 0);
                used += joined - widest;
            }
        }
        const ImVec4 colour = state == StepState::done      ? palette.good
                              : state == StepState::current ? palette.heading
                                                            : ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled);
        ImGui::PushStyleColor(ImGuiCol_Text, colour);
        ImGui::TextUnformatted(step_words(i, state).c_str());
        ImGui::PopStyleColor();
        if (i < 2) { // the slot keeps its widest width, so the next step sits where it always does
            ImGui::SameLine(0, 0);
            ImGui::Dummy(ImVec2(std::max(0.0f, widest - ImGui::GetItemRectSize().x), 0));
        }
        used += widest;
    }
    ImGui::EndGroup();
    name_item("Progress steps");
}

} // namespace rd::ui
