// Windows' executable_path.h: GetModuleFileNameW, with a buffer grown until the path fits.
#include "platform/desktop/executable_path.h"

#include <string>

#include <windows.h>

namespace rd::desktop {

std::filesystem::path executable_path() {
    std::wstring path(MAX_PATH, L'\0');
    for (;;) {
        const DWORD length = GetModuleFileNameW(nullptr, path.data(), static_cast<DWORD>(path.size()));
        if (length == 0) return {};
        if (length < path.size()) {
            path.resize(length);
            return path;
        }
        if (path.size() >= 32768) return {}; // longer than any Windows path
        path.resize(path.size() * 2);
    }
}

} // namespace rd::desktop
