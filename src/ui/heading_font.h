// Headings in a larger size of the UI font. The shell builds that font beside the body font (every
// atlas build, see src/app/frame.cpp) and hands it over here; the screens ask for it per text.
// The heading font carries Inter and the Chinese UI's glyphs of the heading texts below (from the
// ui-zh slice once it is loaded); a text with any glyph it lacks (a name from the API, Chinese before
// its slice arrived) is drawn in the body font, which fetches missing glyphs on demand.
//
//   if (ImFont* font = heading_font_for(text)) ImGui::PushFont(font); ... ImGui::PopFont();
#pragma once

#include "ui/words/catalog.h"

#include <string_view>
#include <vector>

struct ImFont;

namespace rd::ui {

inline constexpr float heading_scale = 1.35f; // heading size / body size

void set_heading_font(ImFont* font); // null: headings use the body font (headless tests)
// The heading font when it draws every codepoint of `text` (UTF-8), else null.
ImFont* heading_font_for(std::string_view text);
// Every codepoint of the texts shown as headings, in both languages, and of the product name: what
// the shell asks the heading font to carry from the ui-zh slice.
std::vector<char32_t> heading_codepoints();

} // namespace rd::ui
