// UTF-8 (the product's strings) <-> UTF-16 (the Windows API's), and a Windows error code as text.
// std::filesystem::path's own narrow conversion on MinGW uses the ANSI code page, not UTF-8, so the
// Windows files build their paths from wide strings and word them back with utf8().
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace rd::windows {

std::wstring widen(std::string_view utf8);
std::string narrow(std::wstring_view utf16);
inline std::string utf8(const std::filesystem::path& path) {
    return narrow(path.native());
}

// FormatMessageW's words for a GetLastError() code, as UTF-8, without the trailing line break.
std::string system_error_text(unsigned long code);

} // namespace rd::windows
