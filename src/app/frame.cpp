#include "app/frame.h"

#include "core/transport.h"
#include "platform/glyph_files.h"
#include "render/baked_atlas.h"
#include "render/gl.h"
#include "render/glyph_table.h"
#include "render/imgui_renderer.h"
#include "render/ui_font.h"
#include "ui/app.h"
#include "ui/heading_font.h"

#include <imgui.h>
#include <imgui_internal.h> // InputEventsQueue: input ImGui has not handled yet; LogBuffer: captured text

#include <cstdio>

namespace rd::app {

namespace {
constexpr float font_size = 15.0f; // ImGui units: CSS pixels on the web, logical units on the desktop
constexpr std::chrono::seconds glyph_retry{10}; // a slice that failed is asked for again after this
constexpr int ui_font_slot = -1;                // the UI font among the glyph files (slices are >= 0)

double ms_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}
} // namespace

Frame::Frame(const FrameSettings& settings) : glyph_files_(settings.glyph_files) {
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr; // nothing persists but what the app remembers on purpose
    io.LogFilename = nullptr;
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard; // Tab, arrows, Space and Enter reach everything
    if (settings.shell_sets_cursor) io.ConfigFlags |= ImGuiConfigFlags_NoMouseCursorChange;
    io.ConfigMacOSXBehaviors = settings.mac_behaviours;
    // A blinking caret would need frames forever; with frames on demand it would freeze mid-blink.
    io.ConfigInputTextCursorBlink = false;
    // Colours: the UI's light or dark theme (src/ui/theme.h), applied by the App every frame.
    glyphs_.set_heading(ui::heading_scale, ui::heading_codepoints());
}

void Frame::set_pixel_scale(float scale, bool renderer_ready) {
    if (scale == font_scale_ && !rebuild_due_) {
        pending_scale_ = 0; // back at the scale the atlas has
        return;
    }
    ImGuiIO& io = ImGui::GetIO();
    const auto started = std::chrono::steady_clock::now();
    std::string problem;
    const bool restored =
        !baked_.empty() && glyphs_.restore(*io.Fonts, font_size * scale, baked_, &problem) != nullptr;
    if (!baked_.empty()) glyph_facts_.baked = restored ? "used" : problem;
    baked_ = {}; // one use: later scales and slices build
    if (!restored && !render::ui_font_ready()) {
        // A restore that failed cleared the atlas: then there is none until the font arrives.
        if (!problem.empty()) font_scale_ = 0;
        pending_scale_ = scale;
        request_ui_font();
        return;
    }
    if (!restored) glyphs_.build(*io.Fonts, font_size * scale);
    pending_scale_ = 0;
    rebuild_due_ = false;
    glyph_facts_.last_build_ms = ms_since(started);
    io.FontGlobalScale = 1.0f / scale;
    font_scale_ = scale;
    if (renderer_ready) render::upload_font_atlas();
}

std::vector<unsigned char> Frame::bake_atlas(float scale) {
    ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
    font_scale_ = 0;
    baked_ = {};
    set_pixel_scale(scale, false);
    return render::save_atlas(atlas, glyphs_.recipe_key(font_size * scale));
}

void Frame::offer_baked_atlas(std::vector<unsigned char> bytes) {
    baked_ = std::move(bytes);
    if (baked_.empty()) glyph_facts_.baked = "the page offered no baked atlas";
}

bool Frame::busy(const Transport& transport, const ui::App& app) const {
    // A glyph slice on its way is not "busy": its arrival wakes the loop (the shells' glyph hooks), so an
    // unanswered slice request does not keep the loop drawing until the fetch times out.
    return !transport.idle() || app.needs_frames() || !ImGui::GetCurrentContext()->InputEventsQueue.empty();
}

void Frame::request_ui_font() {
    if (!glyph_files_ || ui_font_in_flight_) return;
    const auto now = std::chrono::steady_clock::now();
    if (const auto retry = retry_after_.find(ui_font_slot);
        retry != retry_after_.end() && now < retry->second)
        return;
    ui_font_in_flight_ = true;
    glyph_facts_.ui_font = "requested";
    glyph_files_->request(ui_font_slot, render::ui_font_file());
}

void Frame::take_ui_font(GlyphFile& file) {
    ui_font_in_flight_ = false;
    if (file.ok && render::provide_ui_font(std::move(file.bytes))) {
        glyph_facts_.ui_font = "loaded";
        rebuild_due_ = pending_scale_ > 0;
        return;
    }
    glyph_facts_.ui_font = file.ok ? "not this build's UI font" : file.problem;
    retry_after_[ui_font_slot] = std::chrono::steady_clock::now() + glyph_retry;
    std::fprintf(stderr, "renewdesk: UI font %s not loaded: %s\n", render::ui_font_file(),
                 glyph_facts_.ui_font.c_str());
}

// Between frames: merges the slices that arrived into the atlas (one rebuild for all of them), and
// builds what waited for the UI font.
void Frame::take_arrived_glyphs(bool renderer_ready) {
    if (!glyph_files_) return;
    for (GlyphFile& file : glyph_files_->take_arrived()) {
        if (file.slice == ui_font_slot) {
            take_ui_font(file);
            continue;
        }
        --glyphs_in_flight_;
        if (file.ok && glyphs_.add_loaded(file.slice, std::move(file.bytes))) {
            rebuild_due_ = true;
            ++glyph_facts_.slices_loaded;
            continue;
        }
        glyphs_.mark_failed(file.slice);
        retry_after_[file.slice] = std::chrono::steady_clock::now() + glyph_retry;
        std::fprintf(stderr, "renewdesk: glyph slice %s not loaded: %s\n",
                     render::glyph_slice_names[file.slice],
                     file.ok ? "not a font file" : file.problem.c_str());
    }
    if (!rebuild_due_) return;
    set_pixel_scale(pending_scale_ > 0 ? pending_scale_ : font_scale_, renderer_ready);
    glyph_facts_.loaded_bytes = glyphs_.loaded_bytes();
}

// After a frame: asks for every slice it drew placeholders for (failed ones again after a while).
void Frame::request_glyphs(const render::GlyphScan& seen) {
    glyph_facts_.missing = seen.missing;
    if (glyphs_in_flight_ == 0 && batch_open_) {
        glyph_facts_.last_wait_ms = ms_since(batch_started_);
        batch_open_ = false;
    }
    if (!glyph_files_) return;
    if (pending_scale_ > 0) request_ui_font(); // again, once a failed fetch may be retried
    const auto now = std::chrono::steady_clock::now();
    for (const int slice : seen.needed) {
        const auto state = glyphs_.state(slice);
        // Loaded but not in the atlas yet: its build waits for the UI font.
        if (state == render::GlyphAtlas::State::requested || state == render::GlyphAtlas::State::loaded)
            continue;
        if (state == render::GlyphAtlas::State::failed && now < retry_after_[slice]) continue;
        if (!batch_open_) batch_started_ = now;
        batch_open_ = true;
        glyphs_.mark_requested(slice);
        ++glyphs_in_flight_;
        glyph_files_->request(slice, render::glyph_slice_path(slice));
    }
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
    take_arrived_glyphs(true);
    ImGui::NewFrame();
    const bool capturing = capture_asked_;
    if (capturing) ImGui::LogToBuffer(0);         // 0: tree nodes keep their state while captured
    app.set_heading_font(glyphs_.heading_font()); // each build replaces it (the old one went with Clear())
    app.draw();
    if (capturing) {
        captured_text_ = ImGui::GetCurrentContext()->LogBuffer.c_str();
        ImGui::LogFinish();
        capture_asked_ = false;
    }
    ImGui::Render();
    request_glyphs(glyphs_.scan(*ImGui::GetDrawData()));

    const ImVec4 clear = ImGui::GetStyleColorVec4(ImGuiCol_WindowBg);
    glViewport(0, 0, size.framebuffer_width, size.framebuffer_height);
    glClearColor(clear.x, clear.y, clear.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    render::draw(ImGui::GetDrawData());
    ++frames_;
}

} // namespace rd::app
