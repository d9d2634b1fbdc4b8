// The desktop app's shell: a GLFW window with an OpenGL 3.3 core context, Dear ImGui, the RenewDesk
// UI (rd::ui::App) and the libcurl transport. It owns the window, the event wait and the GLFW
// bridges; what happens inside a frame is shared with the web page (src/app/frame.h), what the app
// offers the UI is src/app/desktop/desktop_environment.h. The product lives in src/ui and src/core.
//
// Frames are drawn on demand (Frame::needs_frame): the loop sleeps in glfwWaitEvents() until input
// or a window event arrives; while busy it wakes at most 60 times a second.
//
// HiDPI: ImGui works in logical units, as the web page works in CSS pixels (the screens' fixed
// widths assume that). One unit is `ui_scale` window coordinates and `content_scale` framebuffer
// pixels; the font is rasterised at device resolution. On X11 and Windows window coordinates are
// pixels (ui_scale = content scale); on macOS they are points (ui_scale = 1, framebuffer 2x). The UI
// scale chosen in the header (App::ui_scale) multiplies both, so everything, fixed widths too, grows.
#include "app/frame.h"
#include "core/clock.h"
#include "platform/glyph_files.h"
#include "platform/platform_transport.h"
#include "render/imgui_renderer.h"
#include "ui/app.h"
#include "ui/ui_scale.h"

#include "about/about.h"
#include "app/desktop/desktop_environment.h"
#include "app/desktop/desktop_options.h"
#include "app/desktop/glfw_input.h"
#include "app/desktop/glfw_session.h"
#include "app/desktop/stop_signals.h"
#include "app/desktop/test_hooks.h"
#include "platform/desktop/sandbox_process.h"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

namespace {

namespace shell = rd::desktop; // the GLFW side of the shell (src/app/desktop)

const auto process_start = std::chrono::steady_clock::now(); // static initialisation: before main()

constexpr double frame_interval = 1.0 / 60.0;             // pace while busy
constexpr int default_width = 1100, default_height = 760; // scaled to the monitor by GLFW

struct Desktop {
    GLFWwindow* window = nullptr;
    std::optional<float> forced_scale; // --scale
    float app_scale = 1;               // the UI scale chosen in the header (App::ui_scale), times the above
    int win_w = 0, win_h = 0, fb_w = 0, fb_h = 0;
    shell::WindowEvents events; // the GLFW callbacks' side
    std::optional<rd::app::Frame> frame;
};

Desktop g;
std::atomic<bool> glyphs_arrived{false}; // set by the glyph reader threads, taken by the loop

// Reads the window's sizes and scale; the font follows the scale (e.g. the window moved to another
// monitor). One ImGui unit is `ui_scale` window coordinates and the content scale in pixels.
rd::app::FrameSize update_metrics(bool renderer_ready) {
    glfwGetWindowSize(g.window, &g.win_w, &g.win_h);
    glfwGetFramebufferSize(g.window, &g.fb_w, &g.fb_h);
    float scale = 1, unused = 1;
    if (g.forced_scale) scale = *g.forced_scale;
    else glfwGetWindowContentScale(g.window, &scale, &unused);
    if (!(scale >= 0.5f && scale <= 8.0f)) scale = 1;
    scale *= g.app_scale;
    const float pixel_ratio = g.win_w > 0 && g.fb_w > 0 ? static_cast<float>(g.fb_w) / g.win_w : 1.0f;
    g.events.ui_scale = scale / pixel_ratio;
    g.frame->set_pixel_scale(scale, renderer_ready);
    return {g.win_w / g.events.ui_scale, g.win_h / g.events.ui_scale, g.fb_w, g.fb_h};
}

void draw_frame(rd::ui::App& app) {
    g.app_scale = app.ui_scale(); // a click on the header's UI scale button shows from this frame
    const rd::app::FrameSize size = update_metrics(true);
    if (!size.drawable()) return; // minimised
    ImGui_ImplGlfw_NewFrame();
    g.frame->draw(app, size);
    glfwSwapBuffers(g.window);
}

rd::desktop::ScreenMapping screen_mapping() {
    int x = 0, y = 0;
    glfwGetWindowPos(g.window, &x, &y);
    return {.origin_x = static_cast<float>(x),
            .origin_y = static_cast<float>(y),
            .scale = g.events.ui_scale,
            .width = static_cast<float>(g.win_w),
            .height = static_cast<float>(g.win_h)};
}

double ms_since_start() {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - process_start)
        .count();
}

GLFWwindow* create_window(const rd::desktop::DesktopOptions& options,
                          const rd::desktop::DesktopSettings& settings) {
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE); // macOS gives 3.3 core only so
    glfwWindowHint(GLFW_DEPTH_BITS, 0);
    glfwWindowHint(GLFW_STENCIL_BITS, 0);
    glfwWindowHint(GLFW_VISIBLE, GLFW_FALSE); // shown once placed

    int width = default_width, height = default_height;
    bool exact =
        true; // a size given or remembered is used as is; the default one follows the monitor's scale
    if (options.window_size) width = options.window_size->a, height = options.window_size->b;
    else if (settings.window_width > 0) width = settings.window_width, height = settings.window_height;
    else exact = false;
    glfwWindowHint(GLFW_SCALE_TO_MONITOR, exact ? GLFW_FALSE : GLFW_TRUE);

    GLFWwindow* window = glfwCreateWindow(std::clamp(width, 320, 16384), std::clamp(height, 240, 16384),
                                          "RenewDesk", nullptr, nullptr);
    if (!window) return nullptr;
    glfwSetWindowSizeLimits(window, 320, 240, GLFW_DONT_CARE, GLFW_DONT_CARE);
    if (options.window_pos) glfwSetWindowPos(window, options.window_pos->a, options.window_pos->b);
    return window;
}

// The event wait: sleeps until input, a window event or the time the UI is due (`due_in_ms`);
// while busy (or settling) wakes at most 60 times a second.
void wait_for_events(bool pacing, double last_frame, std::optional<std::int64_t> due_in_ms) {
    const double wait = last_frame + frame_interval - glfwGetTime();
    if (!pacing && due_in_ms) glfwWaitEventsTimeout(static_cast<double>(*due_in_ms) / 1000.0);
    else if (!pacing) glfwWaitEvents();
    else if (wait > 0) glfwWaitEventsTimeout(wait);
    else glfwPollEvents();
}

} // namespace

int main(int argc, char** argv) {
    namespace desk = rd::desktop;
    const desk::ParsedOptions parsed = desk::parse_options(argc, argv);
    if (!parsed.error.empty() || parsed.options.help) {
        if (!parsed.error.empty()) std::fprintf(stderr, "renewdesk: %s\n", parsed.error.c_str());
        std::fputs(desk::usage_text, parsed.error.empty() ? stdout : stderr);
        return parsed.error.empty() ? 0 : 1;
    }
    const desk::DesktopOptions& options = parsed.options;
    if (options.version) { // before any window: works without a display
        const auto text = rd::about::version_text(rd::about::Program::desktop, options.verbose,
                                                  rd::about::executable_dir());
        std::fputs(text.c_str(), stdout);
        return 0;
    }
    desk::block_stop_signals(); // before any thread (curl's resolver, the watcher) exists

    std::unique_ptr<desk::SandboxProcess> sandbox;
    if (options.sandbox) {
        std::string error;
        sandbox = desk::SandboxProcess::start(desk::sibling_sandbox_binary(), &error);
        if (!sandbox) {
            std::fprintf(stderr, "renewdesk: could not start the sandbox: %s\n", error.c_str());
            return 1;
        }
    }
    desk::DesktopEnvironment environment(options, sandbox ? sandbox->url() : "");
    std::error_code ec;
    if (!environment.ca_bundle().empty() && !std::filesystem::is_regular_file(environment.ca_bundle(), ec)) {
        std::fprintf(stderr, "renewdesk: CA bundle %s (%s): no such file\n", environment.ca_bundle().c_str(),
                     options.ca_bundle.empty() ? "caBundle in the settings" : "--ca-bundle");
        return 1;
    }

    // ---- window, GL context and ImGui ----
    if (!shell::start_glfw()) return shell::no_graphics("cannot start the window system");
    g.window = create_window(options, environment.settings());
    if (!g.window) {
        shell::end_glfw(nullptr);
        return shell::no_graphics("cannot open a window with an OpenGL 3.3 core context");
    }
    glfwMakeContextCurrent(g.window);
    glfwSwapInterval(1);
    g.forced_scale = options.scale;
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    // Glyph slices come from glyphs/ beside the executable; an arrival wakes the event wait.
    const std::unique_ptr<rd::GlyphFiles> glyph_files = rd::make_glyph_files([] {
        glyphs_arrived.store(true); // from the reader thread: the loop draws with the slice
        glfwPostEmptyEvent();
    });
    g.frame.emplace(rd::app::FrameSettings{.glyph_files = glyph_files.get()});
    ImGui_ImplGlfw_InitForOpenGL(g.window, false); // also sets the OS clipboard functions
    shell::install_window_callbacks(g.window, g.events);
    // The UI scale the App starts with (the remembered one), so the first font build is the last.
    const int remembered_scale = environment.settings().ui_scale;
    g.app_scale =
        static_cast<float>(rd::ui::clamp_ui_scale(remembered_scale > 0 ? remembered_scale : 100)) / 100;
    update_metrics(false); // builds the font for the window's scale
    std::string error;
    if (!rd::render::init(&error)) {
        ImGui_ImplGlfw_Shutdown();
        ImGui::DestroyContext();
        shell::end_glfw(g.window);
        return shell::no_graphics("cannot set up OpenGL drawing", error);
    }
    glfwShowWindow(g.window);
    shell::glfw_started_up();

    // ---- the app ----
    rd::SteadyClock clock;
    std::unique_ptr<rd::Transport> transport = rd::make_platform_transport(
        {.ca_bundle_path = environment.ca_bundle().empty() ? nullptr : environment.ca_bundle().c_str()});
    rd::ui::AppEnvironment app_environment = environment.app_environment();
    // The header's About line shows where the licence texts are installed, with Copy path: a program
    // opened by the app (xdg-open) would be a surprise; the path works with any viewer, and
    // `renewdesk --version --verbose` prints the same text.
    app_environment.licences_file = rd::about::find_notices(rd::about::executable_dir()).string();
    auto app = std::make_unique<rd::ui::App>(*transport, clock, std::move(app_environment));
    g.events.app = app.get();
    std::optional<desk::TestHooks> hooks;
    if (!options.test_hooks_file.empty()) hooks.emplace(options.test_hooks_file);
    desk::watch_stop_signals(shell::request_stop);

    double last_frame = 0;
    bool pacing = true; // busy or settling: frames are due
    while (!shell::stop_requested() && !glfwWindowShouldClose(g.window) && !app->wants_close()) {
        wait_for_events(pacing, last_frame, app->ms_until_due());
        const bool busy = g.frame->busy(*transport, *app);
        transport->poll(); // handlers change the UI's state: `busy` already asks for that frame
        const bool due = app->ms_until_due() == 0; // a timed step of the UI (it runs in a frame)
        const bool draw = g.frame->needs_frame(g.events.woke || due || glyphs_arrived.exchange(false), busy);
        g.events.woke = false;
        pacing = draw;
        if (!draw) continue;
        last_frame = glfwGetTime();
        draw_frame(*app);
        const unsigned frames = g.frame->frames_drawn();
        if (frames == 1 && (options.print_timing || hooks))
            std::fprintf(stderr, "renewdesk: first frame drawn %.0f ms after start\n", ms_since_start());
        if (hooks) {
            app->set_render_facts(
                {.missing_glyphs = g.frame->glyph_facts().missing, .drawn_text = g.frame->captured_text()});
            hooks->after_frame(app->state_json(), app->widget_rects(), frames, screen_mapping(),
                               shell::input_facts(g.events));
        }
    }

    // ---- shutdown ----
    if (!glfwGetWindowAttrib(g.window, GLFW_ICONIFIED)) {
        desk::DesktopSettings next = environment.settings();
        glfwGetWindowSize(g.window, &next.window_width, &next.window_height);
        environment.save(next);
    }
    g.events.app = nullptr;
    app.reset(); // cancels requests while the transport still exists
    transport.reset();
    rd::render::shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    shell::end_glfw(g.window);
    return 0; // `sandbox` stops its child on the way out
}
