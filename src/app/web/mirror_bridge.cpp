#include "app/web/mirror_bridge.h"

#include "ui/kit/mirror.h"

#include <emscripten/emscripten.h>

#include <cstdlib>
#include <cstring>

// The page's mirror (web/mirror.js, Module.rdMirror) rebuilds what changed from the description.
EM_JS(void, rd_js_mirror_update, (const char* json), {
    const mirror = Module['rdMirror'];
    if (mirror) mirror['update'](UTF8ToString(json)); // quoted: Closure keeps the name
});

namespace rd::web {

namespace {

MirrorWake wake_loop = nullptr;
std::uint64_t sent_version = 0;
bool sent_any = false;

} // namespace

void install_mirror_bridge(MirrorWake wake) {
    wake_loop = wake;
}

void sync_mirror() {
    if (sent_any && ui::mirror::version() == sent_version) return;
    sent_any = true;
    sent_version = ui::mirror::version();
    rd_js_mirror_update(ui::mirror::json().c_str());
}

} // namespace rd::web

// ---- exported to the page's mirror ----
extern "C" {

// A buffer for a request's text, written by the page (a field's text can be a secret: the request
// wipes and frees it, so no copy stays in the wasm heap or on its stack).
EMSCRIPTEN_KEEPALIVE char* rd_web_mirror_buffer(int bytes) {
    return bytes > 0 ? static_cast<char*>(std::calloc(static_cast<std::size_t>(bytes), 1)) : nullptr;
}

// kind: 0 activate, 1 focus, 2 set_text. key and text are NUL-terminated UTF-8 in buffers from
// rd_web_mirror_buffer; both are wiped and freed here.
EMSCRIPTEN_KEEPALIVE void rd_web_mirror_request(int kind, char* key, char* text) {
    using rd::ui::mirror::RequestKind;
    if (key && kind >= 0 && kind <= 2) {
        rd::ui::mirror::push_request({.kind = static_cast<RequestKind>(kind),
                                      .key = key,
                                      .text = text ? std::string(text) : std::string()});
    }
    for (char* buffer : {key, text}) {
        if (!buffer) continue;
        std::memset(buffer, 0, std::strlen(buffer));
        std::free(buffer);
    }
    if (rd::web::wake_loop) rd::web::wake_loop();
}

} // extern "C"
