// Where the desktop app and renewdesk-cli keep their files on Linux (settings_store.h); Windows has its
// own (src/platform/windows/config_dir.cpp).
#include "platform/desktop/settings_store.h"

#include <cstdlib>

namespace rd::desktop {

std::filesystem::path default_config_dir() {
    const char* xdg = std::getenv("XDG_CONFIG_HOME");
    if (xdg && *xdg == '/') return std::filesystem::path(xdg) / "renewdesk";
    const char* home = std::getenv("HOME");
    if (home && *home == '/') return std::filesystem::path(home) / ".config" / "renewdesk";
    return {};
}

} // namespace rd::desktop
