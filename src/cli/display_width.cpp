#include "cli/display_width.h"

#include "core/text.h"

#include <utf8proc.h>

namespace rd::cli {

int char_width(char32_t c) {
    if (c < 0x20 || (c >= 0x7F && c < 0xA0)) return 0; // printable() shows these as U+FFFD
    if (c > 0x10FFFF) return 1;
    // utf8proc's width from the Unicode data it was built with: East Asian Wide and Fullwidth, emoji
    // included, two; combining marks (Indic vowel signs and viramas included), zero-width characters
    // and format controls none.
    const int width = utf8proc_charwidth(static_cast<utf8proc_int32_t>(c));
    return width < 0 ? 0 : width > 2 ? 2 : width;
}

std::size_t display_width(std::string_view utf8) {
    std::size_t width = 0;
    for (std::size_t at = 0; at < utf8.size();) {
        char32_t c = 0;
        const std::size_t length = decode_utf8(utf8, at, c);
        if (length == 0) {
            ++width; // a stray byte: the terminal shows one replacement character
            ++at;
            continue;
        }
        width += static_cast<std::size_t>(char_width(c));
        at += length;
    }
    return width;
}

std::string truncate_to_width(std::string_view utf8, std::size_t width) {
    if (display_width(utf8) <= width) return std::string(utf8);
    if (width == 0) return {};
    const std::size_t room = width - 1; // the ellipsis takes one column
    std::size_t used = 0, at = 0;
    while (at < utf8.size()) {
        char32_t c = 0;
        std::size_t length = decode_utf8(utf8, at, c);
        const std::size_t w = length == 0 ? 1 : static_cast<std::size_t>(char_width(c));
        if (length == 0) length = 1;
        if (used + w > room) break;
        used += w;
        at += length;
    }
    return std::string(utf8.substr(0, at)) + "\xE2\x80\xA6";
}

std::string printable(std::string_view utf8) {
    std::string out;
    out.reserve(utf8.size());
    for (std::size_t at = 0; at < utf8.size();) {
        char32_t c = 0;
        const std::size_t length = decode_utf8(utf8, at, c);
        if (length != 0 && (c < 0x20 || (c >= 0x7F && c < 0xA0))) {
            out += "\xEF\xBF\xBD";
            at += length;
            continue;
        }
        const std::size_t take = length == 0 ? 1 : length;
        out.append(utf8.substr(at, take));
        at += take;
    }
    return out;
}

} // namespace rd::cli
