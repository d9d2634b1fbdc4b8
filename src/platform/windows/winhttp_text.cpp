#include "platform/windows/winhttp_text.h"

#include "core/text.h"

#include <windows.h>

namespace rd {

void append_wide(std::wstring& out, std::string_view text) {
    if (text.empty()) return;
    const int size = static_cast<int>(text.size());
    const int length = MultiByteToWideChar(CP_UTF8, 0, text.data(), size, nullptr, 0);
    const std::size_t at = out.size();
    out.resize(at + static_cast<std::size_t>(length));
    MultiByteToWideChar(CP_UTF8, 0, text.data(), size, out.data() + at, length);
}

void wipe_wide(std::wstring& text) {
    text.resize(text.capacity()); // within capacity: every byte it ever held is overwritten
    wipe_bytes(reinterpret_cast<char*>(text.data()), text.size() * sizeof(wchar_t));
    text.clear();
    text.shrink_to_fit();
}

} // namespace rd
