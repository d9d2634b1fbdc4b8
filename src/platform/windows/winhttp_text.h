// UTF-16 copies of secrets for WinHTTP: built without temporary copies, and wiped. (Plain UTF-8 <->
// UTF-16: wide_text.h.)
#pragma once

#include <string>
#include <string_view>

namespace rd {

// Appends the UTF-16 of `text` to `out` without a temporary copy (for header values: secrets). UTF-16
// never needs more units than UTF-8 has bytes: reserve that much first and `out` is never moved, so
// no unwiped copy is left behind.
void append_wide(std::wstring& out, std::string_view text);

// wipe_string (core/text.h) for the UTF-16 copy of a header value.
void wipe_wide(std::wstring& text);

} // namespace rd
