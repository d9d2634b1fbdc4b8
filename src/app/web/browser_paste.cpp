#include "app/web/browser_paste.h"

#include "platform/web/page_shell.h"

#include <imgui.h>
#include <imgui_internal.h> // ImGuiContext::InputEventsQueue: input ImGui has not handled yet

#include <string>

namespace rd::web {

namespace {

std::string paste_text;     // text of the last `paste` event
bool pending_paste = false; // not yet taken by ImGui's paste shortcut

void set_clipboard_text(void*, const char* text) {
    rd::web::copy_text(text);
}

// Ctrl+V reaches ImGui as key events, and the browser fires the document's `paste` event right
// after them, in the same task, before the next frame. ImGui's paste shortcut then reads that text
// here, once. (ImGui ignores typed characters while Ctrl is held, so the shortcut is the reliable route.)
const char* get_clipboard_text(void*) {
    if (!pending_paste) return "";
    pending_paste = false;
    return paste_text.c_str();
}

} // namespace

void install_browser_clipboard() {
    ImGuiIO& io = ImGui::GetIO();
    io.SetClipboardTextFn = set_clipboard_text;
    io.GetClipboardTextFn = get_clipboard_text;
}

void receive_paste(const char* utf8) {
    paste_text = utf8;
    pending_paste = true;
}

bool paste_pending() {
    return pending_paste;
}

// A paste without the shortcut (a browser menu): once ImGui has handled every queued input event
// and has not asked for the text, it is typed into the focused field instead.
void settle_paste() {
    const ImGuiIO& io = ImGui::GetIO();
    if (!pending_paste || !ImGui::GetCurrentContext()->InputEventsQueue.empty() || io.KeyCtrl || io.KeySuper)
        return;
    pending_paste = false;
    ImGui::GetIO().AddInputCharactersUTF8(paste_text.c_str()); // single-line fields drop control characters
}

} // namespace rd::web
