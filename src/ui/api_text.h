// Text that came from the API (names, companies, emails, order fields) as the screens draw it.
// Dear ImGui cannot shape scripts such as Arabic, Hebrew, Devanagari or Thai, so each run of them is
// drawn as a placeholder ("[Arabic text]", or its Chinese words) instead of broken glyphs, and the screen
// gets one hint line saying so. Only the drawing changes: search (user_filter), copy, the order and
// the receipt file use the exact text.
#pragma once

#include <string>

namespace rd::ui {

// `text` with each run that needs shaping replaced by its placeholder; unchanged when none does.
// A replacement is remembered for the frame's hint line.
std::string api_text(const std::string& text);

// Call once per frame before the screen draws; draw_shaping_notice() after it shows the hint line
// when anything drawn this frame was replaced.
void begin_api_text_frame();
void draw_shaping_notice();
bool shaping_notice_due(); // something was replaced since begin_api_text_frame()

} // namespace rd::ui
