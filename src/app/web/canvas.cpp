#include "app/web/canvas.h"

#include <GLFW/glfw3.h>
#include <emscripten/html5.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>

#include <algorithm>
#include <cfloat>
#include <cmath>

namespace rd::web {

namespace {

constexpr const char* canvas_selector = "#canvas";
const Canvas* input_canvas = nullptr; // GLFW callbacks carry no user data here

void on_cursor_pos(GLFWwindow* window, double x, double y) {
    const Canvas& c = *input_canvas;
    ImGui_ImplGlfw_CursorPosCallback(window, x * c.css_width / c.fb_width / c.ui_scale,
                                     y * c.css_height / c.fb_height / c.ui_scale);
}

void on_cursor_enter(GLFWwindow* window, int entered) {
    // The backend's "left" state would make it poll glfwGetCursorPos (backing-store pixels)
    // every frame, so only the "entered" half goes to it.
    if (entered) ImGui_ImplGlfw_CursorEnterCallback(window, 1);
    else ImGui::GetIO().AddMousePosEvent(-FLT_MAX, -FLT_MAX);
}

} // namespace

std::pair<int, int> Canvas::backing_store_size() {
    double css_width = 0, css_height = 0;
    emscripten_get_element_css_size(canvas_selector, &css_width, &css_height);
    const double ratio = emscripten_get_device_pixel_ratio();
    return {std::max(1, static_cast<int>(std::lround(css_width * ratio))),
            std::max(1, static_cast<int>(std::lround(css_height * ratio)))};
}

void Canvas::fit(app::Frame& frame, bool renderer_ready) {
    double width = 0, height = 0;
    emscripten_get_element_css_size(canvas_selector, &width, &height);
    if (width < 1 || height < 1) return; // hidden or not laid out yet
    const double device_ratio = emscripten_get_device_pixel_ratio();
    const int backing_width = static_cast<int>(std::lround(width * device_ratio));
    const int backing_height = static_cast<int>(std::lround(height * device_ratio));
    if (backing_width != fb_width || backing_height != fb_height) {
        // Not glfwSetWindowSize: emscripten's asks for fullscreen when the size equals the screen's.
        // GLFW's own idea of the size is unused (the frame sets ImGui's display size).
        emscripten_set_canvas_element_size(canvas_selector, backing_width, backing_height);
        fb_width = backing_width;
        fb_height = backing_height;
    }
    css_width = width;
    css_height = height;
    ratio = device_ratio;
    frame.set_pixel_scale(static_cast<float>(device_ratio) * ui_scale, renderer_ready);
}

float css_per_unit() {
    return input_canvas ? input_canvas->ui_scale : 1.0f;
}

void install_input_callbacks(GLFWwindow* window, const Canvas& canvas) {
    input_canvas = &canvas;
    glfwSetCursorPosCallback(window, on_cursor_pos);
    glfwSetCursorEnterCallback(window, on_cursor_enter);
    glfwSetMouseButtonCallback(window, ImGui_ImplGlfw_MouseButtonCallback);
    glfwSetKeyCallback(window, ImGui_ImplGlfw_KeyCallback);
    glfwSetCharCallback(window, ImGui_ImplGlfw_CharCallback);
    // The wheel reaches ImGui through the backend's own Emscripten wheel callback.
    ImGui_ImplGlfw_CursorEnterCallback(window, 1); // see on_cursor_enter
    ImGui::GetIO().AddMousePosEvent(-FLT_MAX, -FLT_MAX);
}

} // namespace rd::web
