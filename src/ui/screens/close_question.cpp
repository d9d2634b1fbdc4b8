// The question a close asks while an order is on its way, over whatever screen shows.
#include "ui/app_impl.h"
#include "ui/kit/widgets.h"
#include "ui/text_capture.h"

#include <imgui.h>

namespace rd::ui {

// The shell asked to close while an order is on its way: ask the person, never decide for them.
void App::Impl::draw_close_question() {
    if (!close_asked) return;
    if (flow.stage() != Stage::submitting &&
        !batch_sending()) { // the outcome arrived meanwhile: show it, ask again on the next close
        close_asked = false;
        return;
    }
    const std::string title = label(Text::close_title);
    ImGui::OpenPopup(title.c_str());
    if (!ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    alert_lines({tr(Text::close_outcome_not_known), tr(Text::close_finds_out_later)});
    if (button(Text::keep_open, true, 140)) actions.push_back({.kind = ActionKind::keep_open});
    ImGui::SameLine();
    if (button(Text::close_anyway, true, 140)) actions.push_back({.kind = ActionKind::close_anyway});
    end_window(ImGui::EndPopup);
}

} // namespace rd::ui
