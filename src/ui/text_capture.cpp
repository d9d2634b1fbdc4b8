#include "ui/text_capture.h"

#include "ui/kit/ui_context.h"

#include <imgui.h>
#include <imgui_internal.h> // LogEnabled, LogType, LogBuffer

#include <string>

namespace rd::ui {
namespace {

TextCapture& capture() {
    return ui_context().capture;
}

bool shell_capturing() {
    const ImGuiContext& g = *ImGui::GetCurrentContext();
    return g.LogEnabled && g.LogType == ImGuiLogType_Buffer;
}

} // namespace

void begin_capture_frame() {
    capture().active = shell_capturing();
    capture().text.clear();
}

void end_window(void (*end)()) {
    TextCapture& state = capture();
    if (!state.active || !shell_capturing()) {
        end();
        return;
    }
    state.text += ImGui::GetCurrentContext()->LogBuffer.c_str();
    end();                                         // ImGui ends the capture here (and empties its buffer) ...
    if (!shell_capturing()) ImGui::LogToBuffer(0); // ... so it starts again, for the next window
    if (!state.text.empty() && state.text.back() != '\n') state.text += '\n';
}

void finish_capture_frame() {
    TextCapture& state = capture();
    if (!state.active) return;
    state.active = false;
    if (!shell_capturing()) ImGui::LogToBuffer(0);
    ImGuiTextBuffer& buffer = ImGui::GetCurrentContext()->LogBuffer;
    const std::string rest = buffer.c_str();
    buffer.clear();
    buffer.append((state.text + rest).c_str());
    state.text.clear();
}

} // namespace rd::ui
