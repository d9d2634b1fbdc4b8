// `renewdesk --test-hooks FILE`: after each drawn frame whose UI state, widgets or input counts
// changed, and after the frame following such a change, FILE is replaced (atomically) by
//   {"state": <App::state_json()>, "frames": N, "since": S, "widgets": {"label": {"x","y","w","h"}},
//    "window": {"x","y","w","h","uiScale"},
//    "input": {"keyDowns","keyUps","chars","buttonDowns","buttonUps","moves","wheels","frame","queued",
//              "mouse": {"x","y"} or null}}
// with rectangles in screen pixels of the X display, so a test can click them with xdotool.
// `frames` counts the frames drawn, `since` is the first frame that drew this state, these rectangles
// and this input (the widgets' `still` counts aside): the UI can change its state in the middle of a
// frame (a click that opens another screen), so the window shows the state once a later frame drew
// the same (`frames` > `since`).
// "input" (input_log.h) counts what the window handed to ImGui; "frame" is the frame count when the
// latest of it arrived, so a file holding those counts comes from a frame drawn after it; "queued"
// is what ImGui still holds back for later frames. A test that sent input waits for the counts to
// reach what it sent and "queued" to be 0: then the UI has handled all of it.
// An idle app draws no frames and writes nothing.
// Read-only: nothing in the file can drive the app, and the state holds no ids or secrets.
#pragma once

#include "app/desktop/input_log.h"
#include "ui/app.h"

#include <filesystem>
#include <map>
#include <string>

namespace rd::desktop {

// How ImGui coordinates map to the screen: screen = origin + imgui * scale.
struct ScreenMapping {
    float origin_x = 0, origin_y = 0; // the window's client area on the screen
    float scale = 1;                  // screen coordinates per ImGui unit
    float width = 0, height = 0;      // client area size in screen coordinates
};

class TestHooks {
  public:
    explicit TestHooks(std::filesystem::path file) : file_(std::move(file)) {}

    void after_frame(const std::string& state_json, const std::map<std::string, ui::WidgetRect>& widgets,
                     unsigned frames, const ScreenMapping& mapping, const InputFacts& input);

  private:
    std::filesystem::path file_;
    std::string last_written_; // everything but `frames`, `since` and the widgets' `still`
    std::string last_stills_;  // those `still` counts
    unsigned since_ = 0;       // the frame that first drew last_written_
    bool drawn_over_ = false;  // a file with `frames` > `since_` was written
    bool reported_error_ = false;
};

} // namespace rd::desktop
