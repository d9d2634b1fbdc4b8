// `renewdesk --test-hooks FILE`: after each drawn frame whose UI state or widget rectangles changed,
// FILE is replaced (atomically) by
//   {"state": <App::state_json()>, "frames": N, "widgets": {"label": {"x","y","w","h"}},
//    "window": {"x","y","w","h","uiScale"}}
// with rectangles in screen pixels of the X display, so a test can click them with xdotool.
// Read-only: nothing in the file can drive the app, and the state holds no ids or secrets.
#pragma once

#include "app.h"

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
                     unsigned frames, const ScreenMapping& mapping);

  private:
    std::filesystem::path file_;
    std::string last_written_; // everything but the frame count
    bool reported_error_ = false;
};

} // namespace rd::desktop
