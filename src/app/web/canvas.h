// The page's canvas: its backing store kept at CSS size x devicePixelRatio (ImGui works in CSS
// pixels divided by the app's UI scale, with a framebuffer scale; the font is rasterised at device
// resolution), and GLFW's pointer events, which come in backing-store pixels, handed to ImGui in
// those units.
#pragma once

#include "app/frame.h"

#include <utility>

struct GLFWwindow;

namespace rd::web {

struct Canvas {
    double css_width = 0, css_height = 0; // in CSS pixels
    int fb_width = 0, fb_height = 0;      // the backing store, in device pixels
    double ratio = 0;                     // devicePixelRatio at the last fit()
    float ui_scale = 1;                   // CSS pixels per ImGui unit: the app's UI scale (App::ui_scale)

    // The backing store's size for the canvas as laid out now (at least 1 x 1).
    static std::pair<int, int> backing_store_size();

    // Sizes the backing store (canvas.width/height; the CSS size stays the stylesheet's) and sets
    // the frame's pixel scale (which rebuilds the font when the ratio changed).
    void fit(app::Frame& frame, bool renderer_ready);
    app::FrameSize frame_size() const {
        return {static_cast<float>(css_width) / ui_scale, static_cast<float>(css_height) / ui_scale, fb_width,
                fb_height};
    }
};

// After ImGui_ImplGlfw_InitForOpenGL(window, false); `canvas` must outlive the window.
void install_input_callbacks(GLFWwindow* window, const Canvas& canvas);

// CSS pixels per ImGui unit (the UI scale) of that canvas: what the page's own elements placed at
// ImGui's coordinates (the input method's caret, test hooks) multiply by. 1 before it is installed.
float css_per_unit();

} // namespace rd::web
