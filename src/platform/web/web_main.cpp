// The web page's main: Emscripten's GLFW on canvas #canvas with a WebGL2 context, Dear ImGui, the
// RenewDesk UI and the fetch transport, driven by the browser's animation frames.
// Frames are drawn on demand: only after input (the page shell raises Module.rdWake from its event
// listeners), while a request is in flight or the UI animates, plus a few settle frames.
// HiDPI: the canvas backing store is CSS size x devicePixelRatio; ImGui works in CSS pixels with
// a framebuffer scale, and the font is rasterised at device resolution.
// The page shell (web/shell.js) passes its settings as program arguments and provides
// Module.rdShell (clipboard, download, storage, error page); it asks before the page is left while
// rd_web_order_in_flight() says an order is being sent.
#include "app.h"
#include "clock.h"
#include "gl.h"
#include "imgui_renderer.h"
#include "platform_transport.h"
#include "ui_font.h"

#include <GLFW/glfw3.h>
#include <emscripten/emscripten.h>
#include <emscripten/html5.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_internal.h> // ImGuiContext::InputEventsQueue: input ImGui has not handled yet

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

// ---- the page shell's side (web/shell.js) ----
EM_JS(int, rd_js_take_wake, (), {
    var woke = Module['rdWake'] ? 1 : 0;
    Module['rdWake'] = false;
    return woke;
});
EM_JS(void, rd_js_copy_text, (const char* text), { Module['rdShell'].copyText(UTF8ToString(text)); });
EM_JS(void, rd_js_download, (const char* name, const char* data, size_t size), {
    Module['rdShell'].download(UTF8ToString(name), HEAPU8.slice(data, data + size));
});
EM_JS(void, rd_js_remember, (const char* base_url, const char* client_id), {
    Module['rdShell'].remember(UTF8ToString(base_url), UTF8ToString(client_id));
});
// The journal's text into `buffer`; returns its length in bytes (nothing copied when that does not
// leave room for the terminating zero), or -1 when there is none.
EM_JS(int, rd_js_journal_load, (char* buffer, int capacity), {
    var text = Module['rdShell'].journalLoad();
    if (text === null) return -1;
    var length = lengthBytesUTF8(text);
    if (length < capacity) stringToUTF8(text, buffer, capacity);
    return length;
});
EM_JS(int, rd_js_journal_save, (const char* text), {
    return Module['rdShell'].journalSave(UTF8ToString(text)) ? 1 : 0;
});
EM_JS(void, rd_js_journal_clear, (), { Module['rdShell'].journalClear(); });
EM_JS(void, rd_js_fatal, (const char* message), { Module['rdShell'].fatal(UTF8ToString(message)); });
EM_JS(void, rd_js_set_cursor, (int cursor), {
    // ImGuiMouseCursor_None = -1, Arrow, TextInput, ResizeAll, ResizeNS, ResizeEW, ResizeNESW,
    // ResizeNWSE, Hand, NotAllowed
    var names = ['default', 'text', 'move', 'ns-resize', 'ew-resize', 'nesw-resize', 'nwse-resize', 'pointer',
                 'not-allowed'];
    Module['canvas'].style.cursor = cursor < 0 ? 'none' : (names[cursor] || 'default');
});

namespace {

constexpr const char* canvas_selector = "#canvas";
constexpr float font_css_px = 15.0f;
constexpr int settle_frames = 3; // ImGui settles layout and hover state within a couple of frames

// The in-flight order journal in localStorage (key renewdesk.inflightOrder, kept by web/shell.js).
// When the browser refuses to store it (storage disabled or full) it lives in memory for this page.
class LocalStorageJournal final : public rd::JournalStore {
public:
    std::optional<std::string> load() override {
        if (memory_only_) return memory_;
        std::string text(1024, '\0');
        int length = rd_js_journal_load(text.data(), static_cast<int>(text.size()));
        if (length >= static_cast<int>(text.size()) && length <= max_bytes) { // longer: again, with room
            text.resize(static_cast<std::size_t>(length) + 1);
            length = rd_js_journal_load(text.data(), static_cast<int>(text.size()));
        }
        if (length < 0 || length >= static_cast<int>(text.size())) return std::nullopt;
        text.resize(static_cast<std::size_t>(length));
        return text;
    }
    void save(const std::string& text) override {
        memory_ = text;
        if (!memory_only_ && !rd_js_journal_save(text.c_str())) memory_only_ = true;
    }
    void clear() override {
        memory_.reset();
        rd_js_journal_clear();
    }

private:
    static constexpr int max_bytes = 64 * 1024; // one small record; anything bigger is not ours
    std::optional<std::string> memory_;
    bool memory_only_ = false;
};

struct Options {
    std::string default_base_url;
    bool sandbox = false;
    bool mac = false;
    std::string remembered_base_url;
    std::string remembered_client_id;
};

struct WebApp {
    GLFWwindow* window = nullptr;
    std::unique_ptr<rd::Transport> transport;
    rd::SteadyClock clock;
    LocalStorageJournal journal;
    std::unique_ptr<rd::ui::App> app;
    double css_width = 0, css_height = 0; // canvas size in CSS pixels
    int fb_width = 0, fb_height = 0;      // canvas backing store in device pixels
    double font_ratio = 0;                // device pixel ratio the font atlas was built for
    int settle = settle_frames;           // frames still to draw
    unsigned frames = 0;                  // frames drawn (test hook)
    int cursor = ImGuiMouseCursor_Arrow;
    std::string paste_text;               // text of the last `paste` event
    bool paste_pending = false;           // not yet taken by ImGui's paste shortcut
    std::string state_json;               // keeps the test hooks' strings alive for JS
    std::string widget_json;
};

WebApp* g = nullptr; // emscripten_set_main_loop never returns: the app lives on the heap

Options parse_arguments(int argc, char** argv) {
    Options options;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        const bool has_value = i + 1 < argc;
        if (arg == "--sandbox") options.sandbox = true;
        else if (arg == "--mac") options.mac = true;
        else if (arg == "--base-url" && has_value) options.default_base_url = argv[++i];
        else if (arg == "--remembered-base-url" && has_value) options.remembered_base_url = argv[++i];
        else if (arg == "--remembered-client-id" && has_value) options.remembered_client_id = argv[++i];
        else std::fprintf(stderr, "renewdesk: ignoring argument %s\n", argv[i]);
    }
    return options;
}

void load_fonts(double ratio) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    rd::render::add_ui_font(*io.Fonts, static_cast<float>(font_css_px * ratio));
    io.FontGlobalScale = static_cast<float>(1.0 / ratio); // glyphs drawn 1:1 on device pixels
    g->font_ratio = ratio;
}

// Sizes the backing store (canvas.width/height) to CSS size x devicePixelRatio; the CSS size stays
// the stylesheet's. Rebuilds the font when the ratio changed.
void fit_canvas(bool renderer_ready) {
    double css_width = 0, css_height = 0;
    emscripten_get_element_css_size(canvas_selector, &css_width, &css_height);
    if (css_width < 1 || css_height < 1) return; // hidden or not laid out yet
    const double ratio = emscripten_get_device_pixel_ratio();
    const int fb_width = static_cast<int>(std::lround(css_width * ratio));
    const int fb_height = static_cast<int>(std::lround(css_height * ratio));
    if (fb_width != g->fb_width || fb_height != g->fb_height) {
        // Not glfwSetWindowSize: emscripten's asks for fullscreen when the size equals the screen's.
        // GLFW's own idea of the size is unused (draw_frame sets ImGui's display size).
        emscripten_set_canvas_element_size(canvas_selector, fb_width, fb_height);
        g->fb_width = fb_width;
        g->fb_height = fb_height;
    }
    g->css_width = css_width;
    g->css_height = css_height;
    if (ratio != g->font_ratio) {
        load_fonts(ratio);
        if (renderer_ready) rd::render::upload_font_atlas();
    }
}

// ---- input: GLFW reports the pointer in backing-store pixels; ImGui wants CSS pixels ----
void on_cursor_pos(GLFWwindow* window, double x, double y) {
    ImGui_ImplGlfw_CursorPosCallback(window, x * g->css_width / g->fb_width, y * g->css_height / g->fb_height);
}

void on_cursor_enter(GLFWwindow* window, int entered) {
    // The backend's "left" state would make it poll glfwGetCursorPos (backing-store pixels)
    // every frame, so only the "entered" half goes to it.
    if (entered) ImGui_ImplGlfw_CursorEnterCallback(window, 1);
    else ImGui::GetIO().AddMousePosEvent(-FLT_MAX, -FLT_MAX);
}

void install_input_callbacks(GLFWwindow* window) {
    glfwSetCursorPosCallback(window, on_cursor_pos);
    glfwSetCursorEnterCallback(window, on_cursor_enter);
    glfwSetMouseButtonCallback(window, ImGui_ImplGlfw_MouseButtonCallback);
    glfwSetKeyCallback(window, ImGui_ImplGlfw_KeyCallback);
    glfwSetCharCallback(window, ImGui_ImplGlfw_CharCallback);
    // The wheel reaches ImGui through the backend's own Emscripten wheel callback.
    ImGui_ImplGlfw_CursorEnterCallback(window, 1); // see on_cursor_enter
    ImGui::GetIO().AddMousePosEvent(-FLT_MAX, -FLT_MAX);
}

// ---- clipboard: the browser's, not emscripten GLFW's page-local one ----
void set_clipboard_text(void*, const char* text) { rd_js_copy_text(text); }

// Ctrl+V reaches ImGui as key events, and the browser fires the document's `paste` event
// (rd_web_paste) right after them, in the same task, before the next frame. ImGui's paste
// shortcut then reads that text here, once. (ImGui ignores typed characters while Ctrl is held,
// so the shortcut is the reliable route.)
const char* get_clipboard_text(void*) {
    if (!g->paste_pending) return "";
    g->paste_pending = false;
    return g->paste_text.c_str();
}

// A paste without the shortcut (a browser menu): once ImGui has handled every queued input event
// and has not asked for the text, it is typed into the focused field instead.
void settle_paste() {
    const ImGuiIO& io = ImGui::GetIO();
    if (!g->paste_pending || !ImGui::GetCurrentContext()->InputEventsQueue.empty() || io.KeyCtrl || io.KeySuper)
        return;
    g->paste_pending = false;
    ImGui::GetIO().AddInputCharactersUTF8(g->paste_text.c_str()); // single-line fields drop control characters
}

rd::ui::AppEnvironment make_environment(const Options& options) {
    rd::ui::AppEnvironment env;
    env.default_base_url = options.default_base_url;
    env.served_by_sandbox = options.sandbox;
    if (options.sandbox) env.sandbox_base_url = options.default_base_url;
    env.journal = &g->journal;
    env.remembered_base_url = options.remembered_base_url;
    env.remembered_client_id = options.remembered_client_id;
    env.remember = [](const std::string& base_url, const std::string& client_id) {
        rd_js_remember(base_url.c_str(), client_id.c_str());
    };
    env.copy_to_clipboard = [](const std::string& text) { rd_js_copy_text(text.c_str()); };
    env.save_file = [](const std::string& name, const std::string& contents) {
        rd_js_download(name.c_str(), contents.data(), contents.size());
        return "downloaded " + name;
    };
    return env;
}

void draw_frame() {
    ImGui_ImplGlfw_NewFrame();
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(static_cast<float>(g->css_width), static_cast<float>(g->css_height));
    io.DisplayFramebufferScale = ImVec2(static_cast<float>(g->fb_width / g->css_width),
                                        static_cast<float>(g->fb_height / g->css_height));
    ImGui::NewFrame();
    g->app->draw();
    ImGui::Render();

    const int cursor = io.MouseDrawCursor ? ImGuiMouseCursor_None : ImGui::GetMouseCursor();
    if (cursor != g->cursor) rd_js_set_cursor(g->cursor = cursor);

    const ImVec4 clear = ImGui::GetStyleColorVec4(ImGuiCol_WindowBg);
    glViewport(0, 0, g->fb_width, g->fb_height);
    glClearColor(clear.x, clear.y, clear.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    rd::render::draw(ImGui::GetDrawData());
    ++g->frames;
    settle_paste();
}

void main_loop_iteration() {
    // devicePixelRatio is polled (one property read) because zoom and screen moves do not
    // reliably raise an event the shell could listen to.
    const bool woke = rd_js_take_wake() != 0 || emscripten_get_device_pixel_ratio() != g->font_ratio;
    if (woke) fit_canvas(true);
    // ImGui hands queued input to the UI a few events per frame ("trickling"): typed text keeps
    // frames coming until its queue is empty.
    const bool input_queued = !ImGui::GetCurrentContext()->InputEventsQueue.empty();
    const bool busy = !g->transport->idle() || g->app->needs_frames() || g->paste_pending || input_queued;
    g->transport->poll(); // handlers change the UI's state: `busy` already covers that frame
    if (woke || busy) g->settle = settle_frames;
    if (g->settle == 0 || g->fb_width == 0) return; // nothing changed: leave the last frame up
    --g->settle;
    draw_frame();
}

} // namespace

// ---- exported to the page shell (test hooks are read-only) ----
extern "C" {

EMSCRIPTEN_KEEPALIVE void rd_web_paste(const char* utf8) {
    if (!g) return;
    g->paste_text = utf8;
    g->paste_pending = true;
    g->settle = settle_frames;
}

EMSCRIPTEN_KEEPALIVE unsigned rd_web_frames() { return g ? g->frames : 0; }

// 1 while an order is being sent (its outcome not yet known): the shell then asks before unloading.
EMSCRIPTEN_KEEPALIVE int rd_web_order_in_flight() { return g && g->app && g->app->order_in_flight() ? 1 : 0; }

EMSCRIPTEN_KEEPALIVE const char* rd_web_state_json() {
    if (!g || !g->app) return "{}";
    g->state_json = g->app->state_json();
    return g->state_json.c_str();
}

// {"x":..,"y":..,"w":..,"h":..} in CSS pixels relative to the canvas, or "null".
EMSCRIPTEN_KEEPALIVE const char* rd_web_widget_json(const char* label) {
    if (!g || !g->app) return "null";
    const auto& rects = g->app->widget_rects();
    const auto it = rects.find(label);
    if (it == rects.end()) return "null";
    const rd::ui::WidgetRect& r = it->second;
    char text[160];
    std::snprintf(text, sizeof text, "{\"x\":%.2f,\"y\":%.2f,\"w\":%.2f,\"h\":%.2f}", r.x, r.y, r.w, r.h);
    g->widget_json = text;
    return g->widget_json.c_str();
}

} // extern "C"

int main(int argc, char** argv) {
    const Options options = parse_arguments(argc, argv);
    g = new WebApp;

    if (!glfwInit()) {
        rd_js_fatal("The page could not start its window layer (GLFW).");
        return 1;
    }
    glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API); // WebGL2 = OpenGL ES 3.0
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    glfwWindowHint(GLFW_ALPHA_BITS, 0); // an opaque canvas composites faster
    glfwWindowHint(GLFW_DEPTH_BITS, 0);
    glfwWindowHint(GLFW_STENCIL_BITS, 0);
    double css_width = 0, css_height = 0;
    emscripten_get_element_css_size(canvas_selector, &css_width, &css_height);
    const double ratio = emscripten_get_device_pixel_ratio();
    g->window = glfwCreateWindow(std::max(1, static_cast<int>(std::lround(css_width * ratio))),
                                 std::max(1, static_cast<int>(std::lround(css_height * ratio))), "RenewDesk",
                                 nullptr, nullptr);
    if (!g->window) {
        rd_js_fatal("This browser could not create a WebGL2 context. Enable hardware acceleration or use a "
                    "current Chrome, Edge, Firefox or Safari.");
        return 1;
    }
    glfwMakeContextCurrent(g->window);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr; // nothing persists but what the app remembers on purpose
    io.LogFilename = nullptr;
    io.ConfigFlags |= ImGuiConfigFlags_NoMouseCursorChange; // the CSS cursor is set in draw_frame()
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;   // Tab, arrows, Space and Enter reach everything
    io.ConfigMacOSXBehaviors = options.mac;
    ImGui::StyleColorsDark();
    ImGui_ImplGlfw_InitForOpenGL(g->window, false);
    install_input_callbacks(g->window);
    io.SetClipboardTextFn = set_clipboard_text;
    io.GetClipboardTextFn = get_clipboard_text;

    fit_canvas(false); // also builds the font for the current pixel ratio
    std::string error;
    if (!rd::render::init(&error)) {
        rd_js_fatal(("The page could not set up WebGL2 drawing: " + error).c_str());
        return 1;
    }

    g->transport = rd::make_platform_transport();
    g->app = std::make_unique<rd::ui::App>(*g->transport, g->clock, make_environment(options));
    emscripten_set_main_loop(main_loop_iteration, 0, true);
    return 0;
}
