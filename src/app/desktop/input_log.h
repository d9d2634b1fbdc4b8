// The input the desktop window has handed to ImGui, counted for the test hooks (test_hooks.h): an
// end-to-end test sends X input (xdotool), then waits until the app has taken that much of it and
// drawn a frame with it, instead of sleeping a guessed time. The GLFW callbacks (glfw_input.cpp)
// count each event right after passing it to ImGui; ImGui's side (what it still holds back, where it
// has the mouse) is added when the hooks are written (glfw_input.h input_facts).
#pragma once

namespace rd::desktop {

struct InputFacts {
    // Counts since start, of events ImGui was given.
    unsigned key_downs = 0, key_ups = 0; // GLFW key presses and releases (a repeat is neither)
    unsigned chars = 0;                  // code points typed (GLFW's char callback)
    unsigned button_downs = 0, button_ups = 0;
    unsigned moves = 0;  // cursor positions, entering and leaving the window
    unsigned wheels = 0; // scroll steps
    unsigned frame = 0;  // ImGui frames begun when the latest of them arrived: the next one sees it

    // ImGui's side, after the last frame drawn. It trickles input: a button's press and release, or a
    // key and its character, reach the UI in separate frames, and what waits is `queued`.
    unsigned queued = 0;
    bool mouse_inside = false;      // ImGui has a mouse position in the window
    float mouse_x = 0, mouse_y = 0; // that position, in ImGui units
};

class InputLog {
  public:
    enum class Kind { key_down, key_up, character, button_down, button_up, move, wheel };

    // `imgui_frames`: ImGui::GetFrameCount() when the event was handed over.
    void consumed(Kind kind, unsigned imgui_frames) {
        ++count(kind);
        counts_.frame = imgui_frames;
    }
    const InputFacts& counts() const { return counts_; }

  private:
    unsigned& count(Kind kind) {
        switch (kind) {
        case Kind::key_down: return counts_.key_downs;
        case Kind::key_up: return counts_.key_ups;
        case Kind::character: return counts_.chars;
        case Kind::button_down: return counts_.button_downs;
        case Kind::button_up: return counts_.button_ups;
        case Kind::move: return counts_.moves;
        case Kind::wheel: break;
        }
        return counts_.wheels;
    }

    InputFacts counts_;
};

} // namespace rd::desktop
