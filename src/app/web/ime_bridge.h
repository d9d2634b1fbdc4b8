// Typing any script on the web page. Emscripten's GLFW only hears `keypress` characters, which no
// input method produces; so the page shell (web/shell.js, "Input methods") keeps a hidden <input>
// at ImGui's text caret while a field has the keyboard. The browser's input method (Chinese,
// Japanese, Korean, dead keys, emoji pickers) composes there, shown inline at the caret, and the
// committed text comes back through rd_web_ime_text. Plain typing still arrives through GLFW.
#pragma once

namespace rd::web {

using ImeWake = void (*)(); // resumes the paused frame loop

void install_ime_bridge(ImeWake wake); // on the current ImGui context (io.SetPlatformImeDataFn)
void sync_ime();                       // after each drawn frame: the caret to the page, when it moved

} // namespace rd::web
