#include "frame.h"

#include "app.h"
#include "gl.h"
#include "imgui_renderer.h"
#include "transport.h"
#include "ui_font.h"

#include <imgui.h>
#include <imgui_internal.h> // ImGuiContext::InputEventsQueue: input ImGui has not handled yet

namespace rd::app {

namespace {
constexpr float font_size = 15.0f; // ImGui units: CSS pixels on the web, logical units on the desktop
}

Frame::Frame(const FrameSettings& settings) {
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr; // nothing persists but what the app remembers on purpose
    io.LogFilename = nullptr;
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard; // Tab, arrows, Space and Enter reach everything
    if (settings.shell_sets_cursor) io.ConfigFlags |= ImGuiConfigFlags_NoMouseCursorChange;
    io.ConfigMacOSXBehaviors = settings.mac_behaviours;
    // A blinking caret would need frames forever; with frames on demand it would freeze mid-blink.
    io.ConfigInputTextCursorBlink = false;
    ImGui::StyleColorsDark();
}

void Frame::set_pixel_scale(float scale, bool renderer_ready) {
    if (scale == font_scale_) return;
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    render::add_ui_font(*io.Fonts, font_size * scale);
    io.FontGlobalScale = 1.0f / scale;
    font_scale_ = scale;
    if (renderer_ready) render::upload_font_atlas();
}

bool Frame::busy(const Transport& transport, const ui::App& app) {
    return !transport.idle() || app.needs_frames() || !ImGui::GetCurrentContext()->InputEventsQueue.empty();
}

bool Frame::needs_frame(bool woke, bool busy) {
    if (woke || busy) settle_ = settle_frames;
    if (settle_ == 0) return false;
    --settle_;
    return true;
}

void Frame::draw(ui::App& app, const FrameSize& size) {
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(size.width, size.height);
    io.DisplayFramebufferScale =
        ImVec2(size.framebuffer_width / size.width, size.framebuffer_height / size.height);
    ImGui::NewFrame();
    app.draw();
    ImGui::Render();

    const ImVec4 clear = ImGui::GetStyleColorVec4(ImGuiCol_WindowBg);
    glViewport(0, 0, size.framebuffer_width, size.framebuffer_height);
    glClearColor(clear.x, clear.y, clear.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    render::draw(ImGui::GetDrawData());
    ++frames_;
}

} // namespace rd::app
