// The frame both shells share (the shell owns its loop, its window and its GL context; this owns
// what happens inside one frame), shaped like Tracy's Backend split:
//   - every ImGui io/style setting, in one place (the constructor);
//   - the UI font for a pixel scale (device pixels per ImGui unit: the device ratio times the header's UI
//     scale), and its larger heading size (src/ui/heading_font.h), rebuilt when the scale changes,
//     and glyphs on demand: slices fetched once their codepoints are drawn (src/render/glyph_atlas.h),
//     merged into the atlas between frames;
//   - whether a frame is needed: the settle/busy rule, including the peek at ImGui's input queue;
//   - one frame drawn: NewFrame, the app's UI, Render, clear and draw with src/render.
//
//   rd::app::Frame frame({.mac_behaviours = ...});       // after ImGui::CreateContext()
//   frame.set_pixel_scale(ratio, /*renderer_ready=*/false);
//   loop: bool busy = frame.busy(transport, app);
//         transport.poll();
//         if (frame.needs_frame(woke, busy)) { backend NewFrame; frame.draw(app, size); present; }
#pragma once

#include "render/glyph_atlas.h"

#include <chrono>
#include <cstddef>
#include <map>
#include <string>
#include <vector>

namespace rd {
struct GlyphFile;
class GlyphFiles;
class Transport;
} // namespace rd
namespace rd::ui {
class App;
}

namespace rd::app {

struct FrameSettings {
    bool mac_behaviours = false;       // ImGui's macOS shortcuts (Cmd for Ctrl, Option word moves)
    bool shell_sets_cursor = false;    // the shell applies ImGui's mouse cursor itself (the web page's CSS)
    GlyphFiles* glyph_files = nullptr; // where glyph slices come from; null: placeholders stay
};

// What the glyphs on demand did, for the test hooks and the benchmarks.
struct GlyphFacts {
    int missing = 0;              // codepoints the last frame drew as a placeholder or U+FFFD
    std::size_t loaded_bytes = 0; // slice bytes loaded so far
    int slices_loaded = 0;
    double last_wait_ms = 0;  // first request of a batch -> first frame drawn with all of it
    double last_build_ms = 0; // the last atlas rebuild (rasterising every loaded glyph)
    // The baked atlas offered at start (the web page's, issue 26): "" none offered, "used", or why
    // it was not used (then the atlas was built as usual).
    std::string baked;
    // The UI font, where the program fetches it (the web page): "" not asked for (never needed, or
    // embedded), "requested", "loaded", or why it was not taken (it is asked for again later).
    std::string ui_font;
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
    // Where the UI font is fetched (the web page) and not here yet, the build waits for it: the font
    // is asked for through the glyph files, the atlas there is stays, and the build happens between
    // the frames after it arrived (take_arrived_glyphs).
    void set_pixel_scale(float scale, bool renderer_ready);
    bool has_atlas() const { return font_scale_ > 0; }
    bool waits_for_ui_font() const { return pending_scale_ > 0; }

    // Between frames (draw() does it first): merges the glyph files that arrived (slices, the UI
    // font) and makes the build that waited for them.
    void take_arrived_glyphs(bool renderer_ready);

    // A baked atlas (render/baked_atlas.h): bake_atlas(scale) builds the atlas set_pixel_scale(scale)
    // would build at start and returns it as bytes (the build's renewdesk_bake_atlas writes them);
    // offer_baked_atlas(bytes) makes the next set_pixel_scale restore them instead of rasterising,
    // when they fit its scale (else it builds, and glyph_facts().baked says why).
    std::vector<unsigned char> bake_atlas(float scale);
    void offer_baked_atlas(std::vector<unsigned char> bytes);

    // Something changes without input: a request in flight, the UI animating, input that ImGui
    // has queued but not yet handed to the UI (it trickles a few events per frame). A glyph slice on
    // its way is not busy: the shell's glyph hook wakes the loop when it arrives.
    bool busy(const Transport& transport, const ui::App& app) const;

    // The settle rule: after input (`woke`) or while busy, draw; then a few settle frames; then
    // nothing until the next wake. Call once per loop iteration; true: draw a frame now.
    bool needs_frame(bool woke, bool busy);
    void wake() { settle_ = settle_frames; } // a wake that arrives outside the loop (a paste, a glyph slice)

    // One frame, after the platform backend's NewFrame(); `size` must be drawable().
    void draw(ui::App& app, const FrameSize& size);
    unsigned frames_drawn() const { return frames_; }
    const GlyphFacts& glyph_facts() const { return glyph_facts_; }

    // Test hook: the next frame records the text ImGui draws (ImGui's log capture: every widget's
    // text, password fields excepted, with clipping off for that one frame), read by captured_text().
    void capture_text() { capture_asked_ = true; }
    const std::string& captured_text() const { return captured_text_; }

  private:
    void request_glyphs(const render::GlyphScan& seen);
    void request_ui_font();
    void take_ui_font(GlyphFile& file);

    float font_scale_ = 0;     // 0: no font yet
    float pending_scale_ = 0;  // a build waiting for the UI font (0: none)
    bool rebuild_due_ = false; // slices arrived: build again even at the same scale
    bool ui_font_in_flight_ = false;
    std::vector<unsigned char> baked_; // offered, not used yet
    int settle_ = settle_frames;
    unsigned frames_ = 0;
    GlyphFiles* glyph_files_ = nullptr;
    render::GlyphAtlas glyphs_;
    GlyphFacts glyph_facts_;
    int glyphs_in_flight_ = 0;
    std::chrono::steady_clock::time_point batch_started_{}; // first request not yet drawn
    bool batch_open_ = false;
    std::map<int, std::chrono::steady_clock::time_point> retry_after_; // failed slices
    bool capture_asked_ = false;
    std::string captured_text_;
};

} // namespace rd::app
