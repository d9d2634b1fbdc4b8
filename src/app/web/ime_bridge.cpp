#include "app/web/ime_bridge.h"

#include "app/web/canvas.h"

#include <emscripten/emscripten.h>
#include <imgui.h>

// Places the page's input element at the caret (CSS pixels relative to the canvas: ImGui display
// coordinates times the UI scale) and focuses it, or blurs and hides it when no field wants text.
EM_JS(void, rd_js_ime_place, (int want, double x, double y, double line_height), {
    const ime = Module['rdIme'];
    if (ime) ime.place(!!want, x, y, line_height);
});

namespace rd::web {

namespace {

struct Caret {
    bool want = false; // a text field has the keyboard
    float x = 0, y = 0, line_height = 0;
    bool operator==(const Caret&) const = default;
};

// InputText sets WantVisible and the caret in every frame it has the keyboard (io.WantTextInput
// follows one frame later); ImGui calls only when any of it changed.
Caret reported;
Caret sent;            // what the page was told
bool sent_any = false; // the page was told anything yet
ImeWake wake_loop = nullptr;

void on_platform_ime_data(ImGuiViewport*, ImGuiPlatformImeData* data) {
    const float css = css_per_unit(); // the page places its element in CSS pixels
    reported = {data->WantVisible, data->InputPos.x * css, data->InputPos.y * css,
                data->InputLineHeight * css};
    if (!reported.want) reported = {};
}

} // namespace

void install_ime_bridge(ImeWake wake) {
    wake_loop = wake;
    ImGui::GetIO().SetPlatformImeDataFn = on_platform_ime_data;
}

void sync_ime() {
    if (sent_any && reported == sent) return;
    sent = reported;
    sent_any = true;
    rd_js_ime_place(sent.want ? 1 : 0, sent.x, sent.y, sent.line_height);
}

} // namespace rd::web

// ---- exported to the page shell ----
extern "C" {

// Text the input method committed (or an `input` event GLFW did not see): typed into the field
// that has the keyboard, exactly as given. Single-line fields drop control characters.
EMSCRIPTEN_KEEPALIVE void rd_web_ime_text(const char* utf8) {
    if (!ImGui::GetCurrentContext() || !utf8 || !*utf8) return;
    ImGui::GetIO().AddInputCharactersUTF8(utf8);
    if (rd::web::wake_loop) rd::web::wake_loop();
}

} // extern "C"
