// Terminal display width of UTF-8 text, without the C library's locale: widths from utf8proc's
// charwidth (the Unicode data it ships), so East Asian wide and fullwidth characters and emoji take two
// columns, combining marks (Indic vowel signs too) and zero-width characters none, everything else one
// (a byte that is not UTF-8 counts one). Enough to line up a table of names in any script; emoji
// sequences joined by ZWJ still count each emoji.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace rd::cli {

int char_width(char32_t c); // 0, 1 or 2
std::size_t display_width(std::string_view utf8);

// `utf8` cut to at most `width` columns, ending in "…" when it was cut; never splits a character,
// and keeps the combining marks that follow the last character kept.
std::string truncate_to_width(std::string_view utf8, std::size_t width);

// For a terminal: control characters (C0, DEL, C1) become U+FFFD so a name cannot move the cursor
// or recolour the screen; everything else is kept exactly.
std::string printable(std::string_view utf8);

} // namespace rd::cli
