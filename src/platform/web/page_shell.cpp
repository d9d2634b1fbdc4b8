#include "platform/web/page_shell.h"

#include <emscripten/emscripten.h>

// clang-format off
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
EM_JS(void, rd_js_browser_language, (char* buffer, int capacity), {
    var tag = (navigator.languages && navigator.languages[0]) || navigator.language || '';
    stringToUTF8(String(tag), buffer, capacity);
});
EM_JS(void, rd_js_remembered_language, (char* buffer, int capacity), {
    var code = '';
    try { code = localStorage.getItem('renewdesk.language') || ''; } catch (e) { /* storage off */ }
    stringToUTF8(code, buffer, capacity);
});
EM_JS(void, rd_js_remember_language, (const char* code), {
    try { localStorage.setItem('renewdesk.language', UTF8ToString(code)); } catch (e) { /* storage off */ }
});
EM_JS(void, rd_js_remembered_theme, (char* buffer, int capacity), {
    var code = '';
    try { code = localStorage.getItem('renewdesk.theme') || ''; } catch (e) { /* storage off */ }
    stringToUTF8(code, buffer, capacity);
});
EM_JS(int, rd_js_remembered_ui_scale, (), {
    var percent = 0;
    try { percent = parseInt(localStorage.getItem('renewdesk.uiScale') || '0', 10) || 0; } catch (e) { /* storage off */ }
    return percent;
});

EM_JS(void, rd_js_mark, (const char* name), {
    if (typeof performance == 'object' && performance.mark) performance.mark(UTF8ToString(name));
});
EM_JS(void, rd_js_page_started, (), { Module['rdShell'].started(); });
EM_JS(int, rd_js_baked_atlas_size, (), {
    var bytes = Module['rdBakedAtlas'];
    return bytes ? bytes.length : 0;
});
EM_JS(void, rd_js_take_baked_atlas, (unsigned char* buffer), {
    HEAPU8.set(Module['rdBakedAtlas'], buffer);
    Module['rdBakedAtlas'] = null;
});

EM_JS(void, rd_js_remember_ui_scale, (int percent), {
    try { localStorage.setItem('renewdesk.uiScale', String(percent)); } catch (e) { /* storage off */ }
});

EM_JS(void, rd_js_remember_theme, (const char* code), {
    try { localStorage.setItem('renewdesk.theme', UTF8ToString(code)); } catch (e) { /* storage off */ }
});
EM_JS(int, rd_js_journal_load, (char* buffer, int capacity, const char* key), {
    var text = Module['rdShell'].journalLoad(UTF8ToString(key));
    if (text === null) return -1;
    var length = lengthBytesUTF8(text);
    if (length < capacity) stringToUTF8(text, buffer, capacity);
    return length;
});
EM_JS(int, rd_js_journal_save, (const char* text, const char* key), {
    return Module['rdShell'].journalSave(UTF8ToString(text), UTF8ToString(key)) ? 1 : 0;
});
EM_JS(void, rd_js_journal_clear, (const char* key), { Module['rdShell'].journalClear(UTF8ToString(key)); });
EM_JS(double, rd_js_journal_claim, (const char* key), { return Module['rdShell'].journalClaim(UTF8ToString(key)); });
EM_JS(void, rd_js_journal_release, (const char* key), { Module['rdShell'].journalRelease(UTF8ToString(key)); });
EM_JS(void, rd_js_fatal, (const char* message), { Module['rdShell'].fatal(UTF8ToString(message)); });
EM_JS(void, rd_js_set_cursor, (int cursor), {
    // ImGuiMouseCursor_None = -1, Arrow, TextInput, ResizeAll, ResizeNS, ResizeEW, ResizeNESW,
    // ResizeNWSE, Hand, NotAllowed
    var names = ['default', 'text', 'move', 'ns-resize', 'ew-resize', 'nesw-resize', 'nwse-resize', 'pointer',
                 'not-allowed'];
    Module['canvas'].style.cursor = cursor < 0 ? 'none' : (names[cursor] || 'default');
});
// clang-format on

namespace rd::web {

namespace {
void (*wake_handler)() = nullptr;
}

bool take_wake() {
    return rd_js_take_wake() != 0;
}
void set_wake_handler(void (*handler)()) {
    wake_handler = handler;
}
void wake_frame_loop() {
    if (wake_handler) wake_handler();
}
void copy_text(const char* text) {
    rd_js_copy_text(text);
}
void download(const std::string& file_name, const std::string& contents) {
    rd_js_download(file_name.c_str(), contents.data(), contents.size());
}
void remember_sign_in(const std::string& base_url, const std::string& client_id) {
    rd_js_remember(base_url.c_str(), client_id.c_str());
}
std::string browser_language() {
    char tag[64] = {}; // a language tag is short; a longer one is cut, which keeps its first subtag
    rd_js_browser_language(tag, sizeof tag);
    return tag;
}
std::string remembered_language() {
    char code[16] = {};
    rd_js_remembered_language(code, sizeof code);
    return code;
}
void remember_language(const std::string& code) {
    rd_js_remember_language(code.c_str());
}
std::string remembered_theme() {
    char code[16] = {};
    rd_js_remembered_theme(code, sizeof code);
    return code;
}
void remember_theme(const std::string& code) {
    rd_js_remember_theme(code.c_str());
}

void page_started() {
    rd_js_page_started();
}

void mark(const char* name) {
    rd_js_mark(name);
}

std::vector<unsigned char> take_baked_atlas() {
    std::vector<unsigned char> bytes(static_cast<std::size_t>(rd_js_baked_atlas_size()));
    if (!bytes.empty()) rd_js_take_baked_atlas(bytes.data());
    return bytes;
}

int remembered_ui_scale() {
    return rd_js_remembered_ui_scale();
}

void remember_ui_scale(int percent) {
    rd_js_remember_ui_scale(percent);
}
void show_fatal_error(const char* message) {
    rd_js_fatal(message);
}
void set_mouse_cursor(int imgui_cursor) {
    rd_js_set_cursor(imgui_cursor);
}
int journal_load(char* buffer, int capacity, const std::string& key) {
    return rd_js_journal_load(buffer, capacity, key.c_str());
}
bool journal_save(const std::string& text, const std::string& key) {
    return rd_js_journal_save(text.c_str(), key.c_str()) != 0;
}
void journal_clear(const std::string& key) {
    rd_js_journal_clear(key.c_str());
}
double journal_claim(const std::string& key) {
    return rd_js_journal_claim(key.c_str());
}
void journal_release(const std::string& key) {
    rd_js_journal_release(key.c_str());
}

} // namespace rd::web
