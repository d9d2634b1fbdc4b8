// The desktop window's GLFW callbacks, bridged to ImGui's GLFW backend: GLFW reports window
// coordinates, ImGui wants logical units (divided by `ui_scale`); every event marks the window as
// woken so the loop draws; the input ImGui is given is counted for the test hooks (input_log.h);
// closing asks the app first while an order is being sent.
#pragma once

#include "app/desktop/input_log.h"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

namespace rd::ui {
class App;
}

namespace rd::desktop {

struct WindowEvents {
    float ui_scale = 1;     // window coordinates per ImGui unit (kept current by the shell)
    bool woke = true;       // input or a window event since the shell last looked
    ui::App* app = nullptr; // while it exists: asked before the window closes
    InputLog input;         // what the callbacks handed to ImGui
};

// Installs the callbacks after ImGui_ImplGlfw_InitForOpenGL(window, false); `events` must outlive the window.
void install_window_callbacks(GLFWwindow* window, WindowEvents& events);

// The input counts with ImGui's side after the frame just drawn (what it holds back, its mouse).
InputFacts input_facts(const WindowEvents& events);

} // namespace rd::desktop
