// The frame both shells share (the shell owns its loop, its window and its GL context; this owns
// what happens inside one frame), shaped like Tracy's Backend split:
//   - every ImGui io/style setting, in one place (the constructor);
//   - the UI font for a pixel scale (device pixels per ImGui unit), rebuilt when the scale changes;
//   - whether a frame is needed: the settle/busy rule, including the peek at ImGui's input queue;
//   - one frame drawn: NewFrame, the app's UI, Render, clear and draw with src/render.
//
//   rd::app::Frame frame({.mac_behaviours = ...});       // after ImGui::CreateContext()
//   frame.set_pixel_scale(ratio, /*renderer_ready=*/false);
//   loop: bool busy = rd::app::Frame::busy(transport, app);
//         transport.poll();
//         if (frame.needs_frame(woke, busy)) { backend NewFrame; frame.draw(app, size); present; }
#pragma once

namespace rd {
class Transport;
}
namespace rd::ui {
class App;
}

namespace rd::app {

struct FrameSettings {
    bool mac_behaviours = false;    // ImGui's macOS shortcuts (Cmd for Ctrl, Option word moves)
    bool shell_sets_cursor = false; // the shell applies ImGui's mouse cursor itself (the web page's CSS)
};

// The display in ImGui units (CSS pixels on the web, logical units on the desktop) and the
// framebuffer in device pixels.
struct FrameSize {
    float width = 0, height = 0;
    int framebuffer_width = 0, framebuffer_height = 0;

    // False while minimised, hidden or not laid out yet: then no frame is started at all.
    bool drawable() const {
        return width > 0 && height > 0 && framebuffer_width > 0 && framebuffer_height > 0;
    }
};

class Frame {
  public:
    // ImGui settles layout and hover state within a couple of frames after anything changed.
    static constexpr int settle_frames = 3;

    explicit Frame(const FrameSettings& settings); // configures the current ImGui context

    // Rebuilds the font atlas when `scale` differs from the one it was built for; uploads it when
    // the renderer exists already. Glyphs are rasterised at device resolution and drawn 1:1.
    void set_pixel_scale(float scale, bool renderer_ready);
    float pixel_scale() const { return font_scale_; }

    // Something changes without input: a request in flight, the UI animating, or input that ImGui
    // has queued but not yet handed to the UI (it trickles a few events per frame).
    static bool busy(const Transport& transport, const ui::App& app);

    // The settle rule: after input (`woke`) or while busy, draw; then a few settle frames; then
    // nothing until the next wake. Call once per loop iteration; true: draw a frame now.
    bool needs_frame(bool woke, bool busy);
    void wake() { settle_ = settle_frames; } // a wake that arrives outside the loop (a paste)

    // One frame, after the platform backend's NewFrame(); `size` must be drawable().
    void draw(ui::App& app, const FrameSize& size);
    unsigned frames_drawn() const { return frames_; }

  private:
    float font_scale_ = 0; // 0: no font yet
    int settle_ = settle_frames;
    unsigned frames_ = 0;
};

} // namespace rd::app
