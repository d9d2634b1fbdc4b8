// The desktop app's main: a GLFW window with an OpenGL 3.3 core context, Dear ImGui, the RenewDesk
// UI (rd::ui::App) and the libcurl transport. Thin and linear like imgui's example_glfw_opengl3:
// options and settings -> window -> ImGui -> loop -> shutdown. The product lives in src/ui and src/core.
//
// Frames are drawn on demand: the loop sleeps in glfwWaitEvents() until input or a window event
// arrives; while a request is in flight, the UI animates or ImGui still holds queued input, it wakes
// at most 60 times a second; after each of those it draws a few settle frames, then sleeps again.
//
// HiDPI: ImGui works in logical units, as the web page works in CSS pixels (the screens' fixed
// widths assume that). One unit is `ui_scale` window coordinates and `content_scale` framebuffer
// pixels; the font is rasterised at device resolution. On X11 and Windows window coordinates are
// pixels (ui_scale = content scale); on macOS they are points (ui_scale = 1, framebuffer 2x).
#include "app.h"
#include "clock.h"
#include "gl.h"
#include "imgui_renderer.h"
#include "platform_transport.h"
#include "ui_font.h"

#include "desktop_options.h"
#include "journal_file.h"
#include "receipt_file.h"
#include "sandbox_process.h"
#include "settings_store.h"
#include "stop_signals.h"
#include "test_hooks.h"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_internal.h> // ImGuiContext::InputEventsQueue: input ImGui has not handled yet

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cfloat>
#include <chrono>
#include <cstdio>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

namespace {

const auto process_start = std::chrono::steady_clock::now(); // static initialisation: before main()

constexpr const char* default_base_url = "https://openapi.partner.yeastar.com";
constexpr float font_size = 15.0f;            // logical units, as on the web
constexpr int settle_frames = 3;              // ImGui settles layout and hover state within a couple of frames
constexpr double frame_interval = 1.0 / 60.0; // pace while busy
constexpr int default_width = 1100, default_height = 760; // scaled to the monitor by GLFW
constexpr int exit_no_graphics = 2;

struct Desktop {
    GLFWwindow* window = nullptr;
    std::optional<float> forced_scale; // --scale
    float content_scale = 1;           // framebuffer pixels per ImGui unit
    float ui_scale = 1;                // window coordinates per ImGui unit
    float font_scale = 0;              // content scale the font atlas was built for
    int win_w = 0, win_h = 0, fb_w = 0, fb_h = 0;
    bool woke = true;                  // input or a window event since the last loop iteration
    int settle = settle_frames;        // frames still to draw
    unsigned frames = 0;
    std::string notice;                // shown over the UI until dismissed (an unreadable settings file)
    rd::ui::App* app = nullptr;        // while it exists: asked before the window closes
};

Desktop g; // GLFW callbacks reach the app through this

// ---- GLFW errors and the stop signals ----
std::string last_glfw_error;
bool glfw_ready = false; // after start-up, GLFW errors are printed as they happen
std::mutex glfw_alive_mutex; // the signal watcher may only wake GLFW between glfwInit and glfwTerminate
bool glfw_alive = false;
std::atomic<bool> stop_requested{false};

void on_glfw_error(int code, const char* description) {
    last_glfw_error = description ? description : "unknown error";
    if (glfw_ready) std::fprintf(stderr, "renewdesk: GLFW error %d: %s\n", code, last_glfw_error.c_str());
}

void set_glfw_alive(bool alive) {
    std::lock_guard lock(glfw_alive_mutex);
    glfw_alive = alive;
}

void on_stop_signal() {
    stop_requested = true;
    std::lock_guard lock(glfw_alive_mutex);
    if (glfw_alive) glfwPostEmptyEvent(); // thread-safe: ends glfwWaitEvents on the main thread
}

int no_graphics(const std::string& what) {
    while (!last_glfw_error.empty() && std::isspace(static_cast<unsigned char>(last_glfw_error.back())))
        last_glfw_error.pop_back(); // GL info logs end in a newline
    std::fprintf(stderr,
                 "renewdesk: %s (%s).\n"
                 "RenewDesk needs a desktop session with OpenGL 3.3 or newer. Check that DISPLAY points to a running "
                 "X server and that a graphics driver is installed (on Debian: apt install libgl1-mesa-dri).\n",
                 what.c_str(), last_glfw_error.empty() ? "no details" : last_glfw_error.c_str());
    return exit_no_graphics;
}

// ---- scale and fonts ----
void load_fonts(float content_scale) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    rd::render::add_ui_font(*io.Fonts, font_size * content_scale);
    io.FontGlobalScale = 1.0f / content_scale; // glyphs drawn 1:1 on framebuffer pixels
    g.font_scale = content_scale;
}

// Reads the window's sizes and scale; rebuilds the font when the scale changed (e.g. the window moved
// to another monitor).
void update_metrics(bool renderer_ready) {
    glfwGetWindowSize(g.window, &g.win_w, &g.win_h);
    glfwGetFramebufferSize(g.window, &g.fb_w, &g.fb_h);
    float scale = 1, unused = 1;
    if (g.forced_scale) scale = *g.forced_scale;
    else glfwGetWindowContentScale(g.window, &scale, &unused);
    if (!(scale >= 0.5f && scale <= 8.0f)) scale = 1;
    const float pixel_ratio = g.win_w > 0 && g.fb_w > 0 ? static_cast<float>(g.fb_w) / g.win_w : 1.0f;
    g.content_scale = scale;
    g.ui_scale = scale / pixel_ratio;
    if (scale != g.font_scale) {
        load_fonts(scale);
        if (renderer_ready) rd::render::upload_font_atlas();
    }
}

// ---- input: GLFW reports window coordinates; ImGui wants logical units ----
void on_cursor_pos(GLFWwindow* window, double x, double y) {
    ImGui_ImplGlfw_CursorPosCallback(window, x / g.ui_scale, y / g.ui_scale);
    g.woke = true;
}

void on_cursor_enter(GLFWwindow* window, int entered) {
    // The backend's "left" state would make it poll glfwGetCursorPos (unscaled) every frame, so only
    // the "entered" half goes to it.
    if (entered) ImGui_ImplGlfw_CursorEnterCallback(window, 1);
    else ImGui::GetIO().AddMousePosEvent(-FLT_MAX, -FLT_MAX);
    g.woke = true;
}

void install_input_callbacks(GLFWwindow* window) {
    glfwSetCursorPosCallback(window, on_cursor_pos);
    glfwSetCursorEnterCallback(window, on_cursor_enter);
    glfwSetMouseButtonCallback(window, [](GLFWwindow* w, int button, int action, int mods) {
        ImGui_ImplGlfw_MouseButtonCallback(w, button, action, mods);
        g.woke = true;
    });
    glfwSetScrollCallback(window, [](GLFWwindow* w, double x, double y) {
        ImGui_ImplGlfw_ScrollCallback(w, x, y);
        g.woke = true;
    });
    glfwSetKeyCallback(window, [](GLFWwindow* w, int key, int scancode, int action, int mods) {
        ImGui_ImplGlfw_KeyCallback(w, key, scancode, action, mods);
        g.woke = true;
    });
    glfwSetCharCallback(window, [](GLFWwindow* w, unsigned int c) {
        ImGui_ImplGlfw_CharCallback(w, c);
        g.woke = true;
    });
    glfwSetWindowFocusCallback(window, [](GLFWwindow* w, int focused) {
        ImGui_ImplGlfw_WindowFocusCallback(w, focused);
        g.woke = true;
    });
    // Exposure, resizes and scale changes need a new frame but carry no input.
    glfwSetWindowRefreshCallback(window, [](GLFWwindow*) { g.woke = true; });
    glfwSetFramebufferSizeCallback(window, [](GLFWwindow*, int, int) { g.woke = true; });
    glfwSetWindowContentScaleCallback(window, [](GLFWwindow*, float, float) { g.woke = true; });
    // While an order is being sent the UI asks first; the loop closes once app->wants_close().
    glfwSetWindowCloseCallback(window, [](GLFWwindow* w) {
        if (g.app && !g.app->allow_close()) glfwSetWindowShouldClose(w, GLFW_FALSE);
        g.woke = true;
    });

    ImGui_ImplGlfw_CursorEnterCallback(window, 1); // see on_cursor_enter
    ImGui::GetIO().AddMousePosEvent(-FLT_MAX, -FLT_MAX);
}

// ---- what the platform offers the UI ----
struct Persistence {
    std::filesystem::path config_dir;    // empty: nowhere to keep settings or receipts
    std::filesystem::path settings_file;
    rd::desktop::DesktopSettings settings; // as last written (or read)
    bool remember_sign_in = true;        // off with --sandbox: its port changes every run
    std::optional<rd::desktop::JournalFile> journal; // none without a config dir: the UI keeps it in memory

    void save(const rd::desktop::DesktopSettings& next) {
        if (settings_file.empty() || next == settings) return;
        std::string error;
        if (rd::desktop::save_settings(settings_file, next, &error)) settings = next;
        else std::fprintf(stderr, "renewdesk: could not save the settings: %s\n", error.c_str());
    }
};

rd::ui::AppEnvironment make_environment(const rd::desktop::DesktopOptions& options, const std::string& sandbox_url,
                                        Persistence& persistence) {
    rd::ui::AppEnvironment env;
    env.served_by_sandbox = !sandbox_url.empty();
    env.sandbox_base_url = sandbox_url;
    env.warn_plain_http = true;
    env.journal = persistence.journal ? &*persistence.journal : nullptr;
    env.default_base_url = env.served_by_sandbox ? sandbox_url : options.base_url.value_or(default_base_url);
    // An explicit --base-url or --sandbox wins over the remembered URL; the sandbox's demo credentials
    // are not the person's Client ID.
    if (!options.base_url && !env.served_by_sandbox) env.remembered_base_url = persistence.settings.base_url;
    if (!env.served_by_sandbox) env.remembered_client_id = persistence.settings.client_id;
    env.remember = [&persistence](const std::string& base_url, const std::string& client_id) {
        if (!persistence.remember_sign_in) return;
        rd::desktop::DesktopSettings next = persistence.settings;
        next.base_url = base_url;
        next.client_id = client_id;
        persistence.save(next);
    };
    env.copy_to_clipboard = [](const std::string& text) { ImGui::SetClipboardText(text.c_str()); };
    env.save_file = [&persistence](const std::string& name, const std::string& contents) {
        return rd::desktop::save_receipt(persistence.config_dir, name, contents);
    };
    return env;
}

void draw_notice() {
    if (g.notice.empty()) return;
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const float margin = 12.0f;
    ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + margin, viewport->WorkPos.y + viewport->WorkSize.y - margin),
                            ImGuiCond_Always, ImVec2(0.0f, 1.0f));
    ImGui::SetNextWindowSize(ImVec2(std::min(560.0f, viewport->WorkSize.x - 2 * margin), 0.0f));
    ImGui::Begin("##notice", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing |
                     ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoMove);
    ImGui::TextWrapped("%s", g.notice.c_str());
    if (ImGui::Button("Dismiss")) g.notice.clear();
    ImGui::End();
}

void draw_frame(rd::ui::App& app) {
    update_metrics(true);
    if (g.fb_w <= 0 || g.fb_h <= 0 || g.win_w <= 0 || g.win_h <= 0) return; // minimised
    ImGui_ImplGlfw_NewFrame();
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(g.win_w / g.ui_scale, g.win_h / g.ui_scale);
    io.DisplayFramebufferScale = ImVec2(g.fb_w / io.DisplaySize.x, g.fb_h / io.DisplaySize.y);
    ImGui::NewFrame();
    app.draw();
    draw_notice();
    ImGui::Render();

    const ImVec4 clear = ImGui::GetStyleColorVec4(ImGuiCol_WindowBg);
    glViewport(0, 0, g.fb_w, g.fb_h);
    glClearColor(clear.x, clear.y, clear.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    rd::render::draw(ImGui::GetDrawData());
    glfwSwapBuffers(g.window);
    ++g.frames;
}

rd::desktop::ScreenMapping screen_mapping() {
    int x = 0, y = 0;
    glfwGetWindowPos(g.window, &x, &y);
    return {.origin_x = static_cast<float>(x), .origin_y = static_cast<float>(y), .scale = g.ui_scale,
            .width = static_cast<float>(g.win_w), .height = static_cast<float>(g.win_h)};
}

double ms_since_start() {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - process_start).count();
}

GLFWwindow* create_window(const rd::desktop::DesktopOptions& options, const rd::desktop::DesktopSettings& settings) {
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE); // macOS gives 3.3 core only so
    glfwWindowHint(GLFW_DEPTH_BITS, 0);
    glfwWindowHint(GLFW_STENCIL_BITS, 0);
    glfwWindowHint(GLFW_VISIBLE, GLFW_FALSE); // shown once placed

    int width = default_width, height = default_height;
    bool exact = true; // a size given or remembered is used as is; the default one follows the monitor's scale
    if (options.window_size) width = options.window_size->a, height = options.window_size->b;
    else if (settings.window_width > 0) width = settings.window_width, height = settings.window_height;
    else exact = false;
    glfwWindowHint(GLFW_SCALE_TO_MONITOR, exact ? GLFW_FALSE : GLFW_TRUE);

    GLFWwindow* window = glfwCreateWindow(std::clamp(width, 320, 16384), std::clamp(height, 240, 16384), "RenewDesk",
                                          nullptr, nullptr);
    if (!window) return nullptr;
    glfwSetWindowSizeLimits(window, 320, 240, GLFW_DONT_CARE, GLFW_DONT_CARE);
    if (options.window_pos) glfwSetWindowPos(window, options.window_pos->a, options.window_pos->b);
    return window;
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
    std::error_code ec;
    if (!options.ca_bundle.empty() && !std::filesystem::is_regular_file(options.ca_bundle, ec)) {
        std::fprintf(stderr, "renewdesk: --ca-bundle %s: no such file\n", options.ca_bundle.c_str());
        return 1;
    }
    desk::block_stop_signals(); // before any thread (curl's resolver, the watcher) exists

    // ---- settings ----
    Persistence persistence;
    persistence.config_dir = desk::default_config_dir();
    persistence.remember_sign_in = !options.sandbox;
    if (persistence.config_dir.empty()) {
        std::fprintf(stderr, "renewdesk: neither XDG_CONFIG_HOME nor HOME is set: settings will not be kept\n");
    } else {
        persistence.settings_file = persistence.config_dir / "settings.json";
        persistence.journal.emplace(persistence.config_dir / desk::journal_file_name);
        desk::LoadedSettings loaded = desk::load_settings(persistence.settings_file);
        persistence.settings = loaded.settings;
        if (!loaded.problem.empty()) {
            std::fprintf(stderr, "renewdesk: %s\n", loaded.problem.c_str());
            g.notice = loaded.problem;
        }
    }

    // ---- sandbox ----
    std::unique_ptr<desk::SandboxProcess> sandbox;
    if (options.sandbox) {
        std::string error;
        sandbox = desk::SandboxProcess::start(desk::sibling_sandbox_binary(), &error);
        if (!sandbox) {
            std::fprintf(stderr, "renewdesk: could not start the sandbox: %s\n", error.c_str());
            return 1;
        }
    }

    // ---- window and GL context ----
    glfwSetErrorCallback(on_glfw_error);
    if (!glfwInit()) return no_graphics("cannot start the window system");
    set_glfw_alive(true);
    g.window = create_window(options, persistence.settings);
    if (!g.window) {
        set_glfw_alive(false);
        glfwTerminate();
        return no_graphics("cannot open a window with an OpenGL 3.3 core context");
    }
    glfwMakeContextCurrent(g.window);
    glfwSwapInterval(1);
    g.forced_scale = options.scale;

    // ---- ImGui ----
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr; // nothing persists but what the app remembers on purpose
    io.LogFilename = nullptr;
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    io.ConfigInputTextCursorBlink = false; // a blinking caret would need frames forever
    ImGui::StyleColorsDark();
    ImGui_ImplGlfw_InitForOpenGL(g.window, false); // also sets the OS clipboard functions
    install_input_callbacks(g.window);
    update_metrics(false); // builds the font for the window's scale

    std::string error;
    if (!rd::render::init(&error)) {
        ImGui_ImplGlfw_Shutdown();
        ImGui::DestroyContext();
        set_glfw_alive(false);
        glfwDestroyWindow(g.window);
        glfwTerminate();
        last_glfw_error = error;
        return no_graphics("cannot set up OpenGL drawing");
    }
    glfwShowWindow(g.window);
    glfw_ready = true;

    // ---- the app ----
    rd::SteadyClock clock;
    rd::TransportOptions transport_options;
    if (!options.ca_bundle.empty()) transport_options.ca_bundle_path = options.ca_bundle.c_str();
    std::unique_ptr<rd::Transport> transport = rd::make_platform_transport(transport_options);
    auto app = std::make_unique<rd::ui::App>(*transport, clock,
                                             make_environment(options, sandbox ? sandbox->url() : "", persistence));
    g.app = app.get();
    std::optional<desk::TestHooks> hooks;
    if (!options.test_hooks_file.empty()) hooks.emplace(options.test_hooks_file);
    desk::watch_stop_signals(on_stop_signal);

    double last_frame = 0;
    bool timing_printed = false;
    while (!stop_requested && !glfwWindowShouldClose(g.window) && !app->wants_close()) {
        // ImGui hands queued input to the UI a few events per frame ("trickling"): it needs frames
        // until the queue is empty.
        const bool busy = !transport->idle() || app->needs_frames() || !ImGui::GetCurrentContext()->InputEventsQueue.empty();
        if (busy || g.settle > 0) {
            const double wait = last_frame + frame_interval - glfwGetTime();
            if (wait > 0) glfwWaitEventsTimeout(wait);
            else glfwPollEvents();
        } else {
            glfwWaitEvents();
        }
        transport->poll(); // handlers change the UI's state: `busy` already asks for that frame
        if (g.woke || busy) g.settle = settle_frames;
        g.woke = false;
        if (g.settle == 0) continue;
        --g.settle;
        last_frame = glfwGetTime();
        draw_frame(*app);
        if (!timing_printed && g.frames == 1 && (options.print_timing || hooks)) {
            std::fprintf(stderr, "renewdesk: first frame drawn %.0f ms after start\n", ms_since_start());
            timing_printed = true;
        }
        if (hooks) hooks->after_frame(app->state_json(), app->widget_rects(), g.frames, screen_mapping());
    }

    // ---- shutdown ----
    if (!glfwGetWindowAttrib(g.window, GLFW_ICONIFIED)) {
        desk::DesktopSettings next = persistence.settings;
        glfwGetWindowSize(g.window, &next.window_width, &next.window_height);
        persistence.save(next);
    }
    g.app = nullptr;
    app.reset(); // cancels requests while the transport still exists
    transport.reset();
    rd::render::shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    glfw_ready = false;
    set_glfw_alive(false);
    glfwDestroyWindow(g.window);
    glfwTerminate();
    return 0; // `sandbox` stops its child on the way out
}
