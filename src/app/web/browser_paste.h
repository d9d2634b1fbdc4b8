// ImGui's clipboard on the web page: the browser's clipboard, not emscripten GLFW's page-local one.
// Copying goes through the page shell; pasting arrives as the document's `paste` event
// (rd_web_paste → receive_paste), because a page may only read the clipboard when the person pastes.
#pragma once

namespace rd::web {

void install_browser_clipboard(); // on the current ImGui context
void receive_paste(const char* utf8);
bool paste_pending(); // a paste ImGui has not taken yet: keep drawing frames
void settle_paste();  // after each frame: a paste without the shortcut is typed instead

} // namespace rd::web
