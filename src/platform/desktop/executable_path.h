// The running program's own file, for what lives beside it (the glyph slices, renewdesk-sandbox).
// Linux: /proc/self/exe (executable_path.cpp); Windows: GetModuleFileNameW
// (src/platform/windows/executable_path.cpp). Empty when it cannot be known.
#pragma once

#include <filesystem>

namespace rd::desktop {

std::filesystem::path executable_path();

} // namespace rd::desktop
