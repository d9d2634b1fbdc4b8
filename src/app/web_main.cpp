// The web page's main: Emscripten's GLFW on canvas #canvas with a WebGL2 context, Dear ImGui, the
// RenewDesk UI and the fetch transport, driven by the browser's animation frames.
// Frames are drawn on demand: only after input (the page shell raises Module.rdWake from its event
// listeners), while a request is in flight or the UI animates, plus a few settle frames. Once
// nothing is due the main loop pauses itself (no animation-frame callbacks at all while idle) and
// rd_web_wake resumes it: the shell calls it on input, resizes, pixel-ratio changes and pastes, the
// fetch transport (through page_shell's wake hook) when a reply arrives, and a timer when the UI
// is due at a time (App::ms_until_due). HiDPI and pointer scaling: src/app/web/canvas.h.
// The page shell (web/shell.js) passes its settings as program arguments and provides
// Module.rdShell (src/platform/web/page_shell.h); it asks before the page is left while
// rd_web_order_in_flight() says an order is being sent. What happens inside a frame is shared with
// the desktop app: src/app/frame.h. Start-up runs in three tasks (main, start_drawing, start_app)
// and restores the font atlas the build baked for the screen's scale when the shell fetched one
// (src/render/baked_atlas.h).
#include "app/frame.h"
#include "app/web/browser_paste.h"
#include "app/web/canvas.h"
#include "app/web/ime_bridge.h"
#include "app/web/licences_link.h"
#include "app/web/mirror_bridge.h"
#include "app/web/page_options.h"
#include "core/clock.h"
#include "platform/glyph_files.h"
#include "platform/platform_transport.h"
#include "platform/web/deployment_check.h"
#include "platform/web/local_storage_history.h"
#include "platform/web/local_storage_journal.h"
#include "platform/web/page_shell.h"
#include "render/imgui_renderer.h"
#include "render/ui_font.h"
#include "ui/app.h"
#include "ui/ui_scale.h"

#include <GLFW/glfw3.h>
#include <emscripten/emscripten.h>
#include <emscripten/html5.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <optional>
#include <string>

namespace {

struct WebApp {
    GLFWwindow* window = nullptr;
    std::unique_ptr<rd::Transport> transport;
    std::unique_ptr<rd::GlyphFiles> glyph_files; // glyph slices from glyphs/ beside the page
    rd::SteadyClock clock;
    rd::web::LocalStorageJournal journal;
    rd::web::LocalStorageHistory history;
    rd::web::LocalStorageJournal batch_journal{rd::web::inflight_batch_key,
                                               rd::web::LocalStorageJournal::batch_max_bytes};
    std::unique_ptr<rd::ui::App> app;
    std::optional<rd::app::Frame> frame;
    rd::web::Canvas canvas;
    int cursor = ImGuiMouseCursor_Arrow;
    bool loop_paused = false;      // emscripten_pause_main_loop'ed until the next wake
    bool drawing_started = false;  // start_drawing has offered the baked atlas and fitted the canvas
    bool waiting_for_font = false; // start_drawing waits for the UI font (no baked atlas fitted)
    double frame_ms = 0;           // CPU time of the last Frame::draw (the test hooks' frameMs)
    std::string state_json;        // keeps the test hooks' strings alive for JS
    std::string widget_json;
    rd::web::PageOptions options; // the shell's settings (program arguments), read once in main()
};

WebApp* g = nullptr; // main() returns before the app has started (see start_app): it lives on the heap

rd::ui::AppEnvironment make_environment(const rd::web::PageOptions& options) {
    rd::ui::AppEnvironment env;
    env.default_base_url = options.default_base_url;
    env.served_by_sandbox = options.sandbox;
    if (options.sandbox) env.sandbox_base_url = options.default_base_url;
    env.journal = &g->journal;
    env.batch_journal = &g->batch_journal;
    env.history = &g->history;
    env.remembered_base_url = options.remembered_base_url;
    env.remembered_client_id = options.remembered_client_id;
    env.remember = rd::web::remember_sign_in;
    // The UI language: chosen before in this browser, else the browser's own, else English.
    env.language = rd::ui::language_from_tag(rd::web::remembered_language());
    if (!env.language) env.language = rd::ui::language_from_tag(rd::web::browser_language());
    env.remember_language = [](rd::ui::Language language) {
        rd::web::remember_language(rd::ui::language_code(language));
    };
    // The theme: chosen before in this browser, else prefers-color-scheme (followed as it changes).
    env.theme = rd::ui::theme_from_code(rd::web::remembered_theme());
    env.system_theme = options.prefers_dark ? rd::ui::Theme::dark : rd::ui::Theme::light;
    env.remember_theme = [](rd::ui::Theme theme) { rd::web::remember_theme(rd::ui::theme_code(theme)); };
    if (const int percent = rd::web::remembered_ui_scale(); percent > 0) env.ui_scale = percent;
    env.remember_ui_scale = [](int percent) { rd::web::remember_ui_scale(percent); };
    env.copy_to_clipboard = [](const std::string& text) { rd::web::copy_text(text.c_str()); };
    env.open_licences = rd::web::open_licences; // the header's About line: THIRD-PARTY-NOTICES.txt
    env.save_file = [](const std::string& name, const std::string& contents) {
        rd::web::download(name, contents);
        return rd::ui::SavedFile{.outcome = rd::ui::SavedFile::Outcome::downloaded, .where = name};
    };
    // The page checks its own deployment (Resource Timing of its API requests): a server that keeps
    // browser connections open gets a warning on the review screen.
    env.deployment_facts = rd::web::deployment_facts;
    return env;
}

// Runs the paused main loop again from the next animation frame; nothing while it runs.
void resume_frame_loop() {
    if (!g || !g->loop_paused) return;
    g->loop_paused = false;
    emscripten_resume_main_loop();
}

void main_loop_iteration() {
    // The shell wakes the loop on a devicePixelRatio change (a media query); the ratio is also
    // compared here (one property read) in case a zoom or a screen move raised no event.
    const bool due = g->app->ms_until_due() == 0; // a timed step of the UI (it runs in a frame)
    const bool rescaled = g->app->ui_scale() != g->canvas.ui_scale; // the header's UI scale button
    g->canvas.ui_scale = g->app->ui_scale();
    const bool woke =
        rd::web::take_wake() || emscripten_get_device_pixel_ratio() != g->canvas.ratio || due || rescaled;
    if (woke) g->canvas.fit(*g->frame, true);
    const bool busy = g->frame->busy(*g->transport, *g->app) || rd::web::paste_pending();
    g->transport->poll(); // handlers change the UI's state: `busy` already covers that frame
    const rd::app::FrameSize size = g->canvas.frame_size();
    if (!g->frame->needs_frame(woke, busy)) { // settled: leave the last frame up and sleep
        g->loop_paused = true;
        emscripten_pause_main_loop();
        if (const auto due_in = g->app->ms_until_due()) // a timer wakes it when the UI is due
            emscripten_async_call([](void*) { resume_frame_loop(); }, nullptr, static_cast<int>(*due_in));
        return;
    }
    if (!size.drawable()) return;
    ImGui_ImplGlfw_NewFrame();
    const double started = emscripten_get_now();
    g->frame->draw(*g->app, size);
    g->frame_ms = emscripten_get_now() - started;
    const int cursor = ImGui::GetIO().MouseDrawCursor ? ImGuiMouseCursor_None : ImGui::GetMouseCursor();
    if (cursor != g->cursor) rd::web::set_mouse_cursor(g->cursor = cursor);
    rd::web::settle_paste();
    rd::web::sync_ime();    // the page's input-method element follows the caret
    rd::web::sync_mirror(); // the page's accessible mirror follows the screen
}

} // namespace

// ---- exported to the page shell (test hooks are read-only) ----
extern "C" {

// The shell saw input, a resize, a pixel-ratio change or a paste (it sets Module.rdWake first).
EMSCRIPTEN_KEEPALIVE void rd_web_wake() {
    resume_frame_loop();
}

EMSCRIPTEN_KEEPALIVE void rd_web_paste(const char* utf8) {
    if (!g) return;
    rd::web::receive_paste(utf8);
    g->frame->wake();
    resume_frame_loop();
}

// The browser's prefers-color-scheme changed (1: dark): followed unless a theme was chosen in the page.
EMSCRIPTEN_KEEPALIVE void rd_web_system_theme(int dark) {
    if (!g || !g->app) return;
    g->app->set_system_theme(dark ? rd::ui::Theme::dark : rd::ui::Theme::light);
    g->frame->wake();
    resume_frame_loop();
}

// 1 while the frame loop is paused (nothing due: no frames until a wake).
EMSCRIPTEN_KEEPALIVE int rd_web_loop_paused() {
    return g && g->loop_paused ? 1 : 0;
}

EMSCRIPTEN_KEEPALIVE unsigned rd_web_frames() {
    return g && g->frame ? g->frame->frames_drawn() : 0;
}

// 1 while an order is being sent (its outcome not yet known): the shell then asks before unloading.
EMSCRIPTEN_KEEPALIVE int rd_web_order_in_flight() {
    return g && g->app && g->app->order_in_flight() ? 1 : 0;
}

// The UI's state plus "frameMs": the CPU time of the last drawn frame (Frame::draw) in ms.
EMSCRIPTEN_KEEPALIVE const char* rd_web_state_json() {
    if (!g || !g->app) return "{}";
    const rd::app::GlyphFacts& glyphs = g->frame->glyph_facts();
    g->app->set_render_facts({.missing_glyphs = glyphs.missing, .drawn_text = g->frame->captured_text()});
    g->state_json = g->app->state_json();
    if (const size_t end = g->state_json.rfind('}'); end != std::string::npos) {
        // The two texts are the program's own (fixed words, "HTTP 404"); kept JSON-safe all the same.
        auto plain = [](std::string text) {
            for (char& c : text)
                if (c == '"' || c == '\\' || static_cast<unsigned char>(c) < 0x20) c = ' ';
            return text;
        };
        char member[448];
        std::snprintf(
            member, sizeof member,
            "%s\"frameMs\":%.3f,\"glyphs\":{\"slices\":%d,\"bytes\":%zu,\"waitMs\":%.1f,\"buildMs\":%.1f,"
            "\"baked\":\"%.96s\",\"uiFont\":\"%.96s\"}",
            end > 1 ? "," : "", g->frame_ms, glyphs.slices_loaded, glyphs.loaded_bytes, glyphs.last_wait_ms,
            glyphs.last_build_ms, plain(glyphs.baked).c_str(), plain(glyphs.ui_font).c_str());
        g->state_json.insert(end, member);
    }
    return g->state_json.c_str();
}

// Test hook: the next frame records the text it draws; state().drawnText has it afterwards.
EMSCRIPTEN_KEEPALIVE void rd_web_capture_text() {
    if (!g || !g->frame) return;
    g->frame->capture_text();
    g->frame->wake();
    resume_frame_loop();
}

// {"x":..,"y":..,"w":..,"h":..} in CSS pixels relative to the canvas, or "null".
EMSCRIPTEN_KEEPALIVE const char* rd_web_widget_json(const char* label) {
    if (!g || !g->app) return "null";
    const auto& rects = g->app->widget_rects();
    const auto it = rects.find(label);
    if (it == rects.end()) return "null";
    const rd::ui::WidgetRect& r = it->second;
    const float s = g->canvas.ui_scale; // ImGui units -> CSS pixels
    char text[320];
    std::snprintf(text, sizeof text,
                  "{\"x\":%.2f,\"y\":%.2f,\"w\":%.2f,\"h\":%.2f,\"visible\":%s,\"still\":%d,"
                  "\"clip\":{\"x\":%.2f,\"y\":%.2f,\"w\":%.2f,\"h\":%.2f}}",
                  r.x * s, r.y * s, r.w * s, r.h * s, r.visible ? "true" : "false", r.still, r.clip_x * s,
                  r.clip_y * s, r.clip_w * s, r.clip_h * s);
    g->widget_json = text;
    return g->widget_json.c_str();
}

} // extern "C"

namespace {

// Start-up runs as three tasks, each yielding to the browser before the next (emscripten_async_call
// with 0 ms: a macrotask), so no single task blocks the page for the whole start (Lighthouse's "total
// blocking time": on a slow phone one task was about 150-180 ms): main() makes the window, ImGui
// and the input bridges; start_drawing() the font atlas (baked or built) and the GL program;
// start_app() the App, the first frame and the frame loop. Input that arrives in between only wakes
// a loop that does not run yet (rd_web_wake and the other hooks check what exists); the shell keeps
// its loading screen up until the first frame is drawn (page_started).
void start_app(void*) {
    g->transport = rd::make_platform_transport();
    g->app = std::make_unique<rd::ui::App>(*g->transport, g->clock, make_environment(g->options));
    rd::web::set_wake_handler(resume_frame_loop);
    rd::web::mark("rd app");
    main_loop_iteration(); // the first frame now, not at the next animation frame
    rd::web::mark("rd first frame");
    rd::web::page_started();
    emscripten_set_main_loop(main_loop_iteration, 0, false);
}

void start_drawing(void*) {
    if (!g->drawing_started) {
        g->drawing_started = true;
        // The UI scale the App will start with (its remembered one), so the first font build is the last.
        const int remembered_scale = rd::web::remembered_ui_scale();
        g->canvas.ui_scale =
            static_cast<float>(rd::ui::clamp_ui_scale(remembered_scale > 0 ? remembered_scale : 100)) / 100;
        // The atlas baked at build time for this scale, when the shell found one: restored, not rasterised.
        g->frame->offer_baked_atlas(rd::web::take_baked_atlas());
        g->canvas.fit(*g->frame, false); // also builds (or restores) the font for the current pixel ratio
    } else {
        g->frame->take_arrived_glyphs(false); // the UI font, and the build that waited for it
    }
    // No baked atlas for this scale (or it did not fit): the atlas is built once the UI font, asked
    // for by the frame, has arrived; its arrival calls this again (the glyph files' wake).
    g->waiting_for_font = !g->frame->has_atlas();
    if (g->waiting_for_font) {
        const std::string& font = g->frame->glyph_facts().ui_font;
        if (font != "requested")
            rd::web::show_fatal_error(("The page could not load its font (" + font +
                                       "). Check that the web server serves the glyphs folder, then reload.")
                                          .c_str());
        return;
    }
    rd::web::mark("rd font");
    std::string error;
    if (!rd::render::init(&error)) {
        rd::web::show_fatal_error(("The page could not set up WebGL2 drawing: " + error).c_str());
        return;
    }
    rd::web::mark("rd gl");
    emscripten_async_call(start_app, nullptr, 0);
}

} // namespace

int main(int argc, char** argv) {
    rd::web::mark("rd main");
    g = new WebApp;
    g->options = rd::web::parse_page_options(argc, argv);

    if (!glfwInit()) {
        rd::web::show_fatal_error("The page could not start its window layer (GLFW).");
        return 1;
    }
    glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API); // WebGL2 = OpenGL ES 3.0
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    // Keep in step with web/shell.js's webgl2Available(), whose context GLFW gets back.
    glfwWindowHint(GLFW_ALPHA_BITS, 0); // an opaque canvas composites faster
    glfwWindowHint(GLFW_DEPTH_BITS, 0);
    glfwWindowHint(GLFW_STENCIL_BITS, 0);
    const auto [width, height] = rd::web::Canvas::backing_store_size();
    g->window = glfwCreateWindow(width, height, "RenewDesk", nullptr, nullptr);
    if (!g->window) {
        rd::web::show_fatal_error(
            "This browser could not create a WebGL2 context. Enable hardware acceleration or use a "
            "current Chrome, Edge, Firefox or Safari.");
        return 1;
    }
    glfwMakeContextCurrent(g->window);
    rd::web::mark("rd window");

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    g->glyph_files = rd::make_glyph_files([] { // a slice or the UI font arrived: draw with it
        if (g->waiting_for_font) {
            g->waiting_for_font = false;
            emscripten_async_call(start_drawing, nullptr, 0);
            return;
        }
        if (g->frame) g->frame->wake();
        resume_frame_loop();
    });
    g->frame.emplace(rd::app::FrameSettings{
        .mac_behaviours = g->options.mac, .shell_sets_cursor = true, .glyph_files = g->glyph_files.get()});
    ImGui_ImplGlfw_InitForOpenGL(g->window, false);
    rd::web::install_input_callbacks(g->window, g->canvas);
    rd::web::install_browser_clipboard();
    rd::web::install_ime_bridge([] {
        g->frame->wake();
        resume_frame_loop();
    });
    rd::web::install_mirror_bridge([] {
        g->frame->wake();
        resume_frame_loop();
    });
    rd::web::mark("rd imgui");
    emscripten_async_call(start_drawing, nullptr, 0);
    return 0;
}
