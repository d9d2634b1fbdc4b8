// UTF-8 (the core's text) to and from UTF-16 (WinHTTP's), and wiping the UTF-16 copies of secrets.
#pragma once

#include <string>
#include <string_view>

namespace rd {

// Invalid UTF-8 becomes U+FFFD: a URL or header with it is refused by the server, not by a throw.
std::wstring wide_from_utf8(std::string_view text);
std::string utf8_from_wide(std::wstring_view text);
// Appends the UTF-16 of `text` to `out` without a temporary copy (for header values: secrets). UTF-16
// never needs more units than UTF-8 has bytes: reserve that much first and `out` is never moved, so
// no unwiped copy is left behind.
void append_wide(std::wstring& out, std::string_view text);

// wipe_string (core/text.h) for the UTF-16 copy of a header value.
void wipe_wide(std::wstring& text);

} // namespace rd
