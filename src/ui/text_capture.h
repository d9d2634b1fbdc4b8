// Keeps a shell's text capture (ImGui::LogToBuffer before App::draw, LogBuffer read after it) alive
// through the whole frame. ImGui ends a capture, and empties its buffer, at the End() of every
// top-level window, the modal close question included; so while a capture runs the App ends its
// windows through end_window(), which keeps what was captured so far and captures on, and
// finish_frame() hands everything back in the buffer for the shell to read.
#pragma once

#include <string>

namespace rd::ui {

// A capture in progress (one per UiContext).
struct TextCapture {
    bool active = false;
    std::string text; // what ended windows captured
};

void begin_capture_frame();     // first thing in App::draw: is the shell capturing this frame?
void end_window(void (*end)()); // ImGui::End or ImGui::EndPopup, the capture kept across it
void finish_capture_frame();    // last thing in App::draw: the buffer holds the frame's text

} // namespace rd::ui
