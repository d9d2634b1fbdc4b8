// The page shell's services (web/shell.js, Module.rdShell), for the wasm side: the browser's
// clipboard, downloads, remembering the sign-in fields, language and theme in localStorage, the error
// page, the mouse cursor, the wake flag its event listeners raise, and the hook that wakes the paused
// frame loop.
// Thin calls, no policy.
#pragma once

#include <string>
#include <vector>

namespace rd::web {

bool take_wake();                 // true once after the shell saw input or a resize (Module.rdWake)
void copy_text(const char* text); // navigator.clipboard, with the shell's fallback
void download(const std::string& file_name, const std::string& contents);
void remember_sign_in(const std::string& base_url, const std::string& client_id);
// The browser's preferred language tag (navigator.languages[0], else navigator.language; "" if none).
std::string browser_language();
// The UI language chosen in the page (localStorage key renewdesk.language; "" when none or storage is off).
std::string remembered_language();
void remember_language(const std::string& code);
// The theme chosen in the page (localStorage key renewdesk.theme: "light" or "dark"; "" when none).
std::string remembered_theme();
void remember_theme(const std::string& code);
// The UI scale chosen in the page, in percent (localStorage key renewdesk.uiScale); 0 when none.
int remembered_ui_scale();
void remember_ui_scale(int percent);
// The font atlas the shell fetched for this screen's pixel scale before main() (Module.rdBakedAtlas,
// src/app/frame.h's offer_baked_atlas), handed over once; empty when there is none.
std::vector<unsigned char> take_baked_atlas();
// A User Timing mark (performance.mark): where main()'s start-up time goes, for
// tools/bench/web_startup_stages.js. A few microseconds each.
void mark(const char* name);
// The first frame is drawn: the shell takes its loading screen down.
void page_started();
void show_fatal_error(const char* message); // replaces the canvas with an error page
void set_mouse_cursor(int imgui_cursor);    // ImGuiMouseCursor_* as the canvas's CSS cursor

// A journal's localStorage slot, kept by the shell: the single order's (renewdesk.inflightOrder) or
// the batch's (renewdesk.inflightBatch).
// Returns the text's length in bytes, copying it when it fits with its terminating zero; -1 when
// there is none.
inline constexpr const char* inflight_order_key = "renewdesk.inflightOrder";
inline constexpr const char* inflight_batch_key = "renewdesk.inflightBatch";
inline constexpr const char* recent_orders_key = "renewdesk.recentOrders"; // local_storage_history.h
int journal_load(char* buffer, int capacity, const std::string& key = inflight_order_key);
// false when the browser refused (storage off or full)
bool journal_save(const std::string& text, const std::string& key = inflight_order_key);
void journal_clear(const std::string& key = inflight_order_key);
// The journal's owner (Web Locks, one tab at a time; web/shell.js says how): 0 when it is this tab's
// now, held until journal_release(); otherwise another tab holds it (or may: this tab asked for it and
// the browser has not answered yet; ask again next frame, the shell wakes the loop when it answers):
// when that tab started (epoch ms), -1 when not known, -2 while the browser has not said yet.
double journal_claim(const std::string& key = inflight_order_key);
void journal_release(const std::string& key = inflight_order_key);

// Something happened between frames that the paused frame loop must see (a reply arrived): the
// services call wake_frame_loop(); the page's main installs what that does. No handler: nothing.
void set_wake_handler(void (*handler)());
void wake_frame_loop();

} // namespace rd::web
