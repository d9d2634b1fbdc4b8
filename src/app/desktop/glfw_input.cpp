#include "app/desktop/glfw_input.h"

#include "ui/app.h"

#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_internal.h> // ImGuiContext::InputEventsQueue: input ImGui has not handled yet

#include <cfloat>

namespace rd::desktop {

namespace {

WindowEvents* events = nullptr;

// After an event went to ImGui: counted (the test hooks), and the loop draws.
void handed_over(InputLog::Kind kind) {
    events->input.consumed(kind, static_cast<unsigned>(ImGui::GetFrameCount()));
    events->woke = true;
}

void on_cursor_pos(GLFWwindow* window, double x, double y) {
    ImGui_ImplGlfw_CursorPosCallback(window, x / events->ui_scale, y / events->ui_scale);
    handed_over(InputLog::Kind::move);
}

void on_cursor_enter(GLFWwindow* window, int entered) {
    // The backend's "left" state would make it poll glfwGetCursorPos (unscaled) every frame, so only
    // the "entered" half goes to it.
    if (entered) ImGui_ImplGlfw_CursorEnterCallback(window, 1);
    else ImGui::GetIO().AddMousePosEvent(-FLT_MAX, -FLT_MAX);
    handed_over(InputLog::Kind::move);
}

} // namespace

void install_window_callbacks(GLFWwindow* window, WindowEvents& target) {
    events = &target;
    glfwSetCursorPosCallback(window, on_cursor_pos);
    glfwSetCursorEnterCallback(window, on_cursor_enter);
    glfwSetMouseButtonCallback(window, [](GLFWwindow* w, int button, int action, int mods) {
        ImGui_ImplGlfw_MouseButtonCallback(w, button, action, mods);
        handed_over(action == GLFW_PRESS ? InputLog::Kind::button_down : InputLog::Kind::button_up);
    });
    glfwSetScrollCallback(window, [](GLFWwindow* w, double x, double y) {
        ImGui_ImplGlfw_ScrollCallback(w, x, y);
        handed_over(InputLog::Kind::wheel);
    });
    glfwSetKeyCallback(window, [](GLFWwindow* w, int key, int scancode, int action, int mods) {
        ImGui_ImplGlfw_KeyCallback(w, key, scancode, action, mods);
        if (action == GLFW_REPEAT) events->woke = true; // the backend drops repeats (ImGui makes its own)
        else handed_over(action == GLFW_PRESS ? InputLog::Kind::key_down : InputLog::Kind::key_up);
    });
    glfwSetCharCallback(window, [](GLFWwindow* w, unsigned int c) {
        ImGui_ImplGlfw_CharCallback(w, c);
        handed_over(InputLog::Kind::character);
    });
    glfwSetWindowFocusCallback(window, [](GLFWwindow* w, int focused) {
        ImGui_ImplGlfw_WindowFocusCallback(w, focused);
        events->woke = true;
    });
    // Exposure, resizes and scale changes need a new frame but carry no input.
    glfwSetWindowRefreshCallback(window, [](GLFWwindow*) { events->woke = true; });
    glfwSetFramebufferSizeCallback(window, [](GLFWwindow*, int, int) { events->woke = true; });
    glfwSetWindowContentScaleCallback(window, [](GLFWwindow*, float, float) { events->woke = true; });
    // While an order is being sent the UI asks first; the loop closes once app->wants_close().
    glfwSetWindowCloseCallback(window, [](GLFWwindow* w) {
        if (events->app && !events->app->allow_close()) glfwSetWindowShouldClose(w, GLFW_FALSE);
        events->woke = true;
    });

    ImGui_ImplGlfw_CursorEnterCallback(window, 1); // see on_cursor_enter
    ImGui::GetIO().AddMousePosEvent(-FLT_MAX, -FLT_MAX);
}

InputFacts input_facts(const WindowEvents& events) {
    InputFacts facts = events.input.counts();
    facts.queued = static_cast<unsigned>(ImGui::GetCurrentContext()->InputEventsQueue.Size);
    const ImGuiIO& io = ImGui::GetIO();
    facts.mouse_inside = ImGui::IsMousePosValid(&io.MousePos);
    if (facts.mouse_inside) facts.mouse_x = io.MousePos.x, facts.mouse_y = io.MousePos.y;
    return facts;
}

} // namespace rd::desktop
