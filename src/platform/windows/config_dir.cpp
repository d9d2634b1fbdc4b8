// Windows' default_config_dir() (settings_store.h): %APPDATA%\RenewDesk, the roaming profile's
// application data (FOLDERID_RoamingAppData), else the APPDATA variable; empty when neither is known.
#include "platform/desktop/settings_store.h"

#include <cstdlib>

#include <windows.h>

#include <knownfolders.h>
#include <shlobj.h>

namespace rd::desktop {

std::filesystem::path default_config_dir() {
    wchar_t* folder = nullptr;
    std::filesystem::path base;
    if (SHGetKnownFolderPath(FOLDERID_RoamingAppData, KF_FLAG_DEFAULT, nullptr, &folder) == S_OK && folder)
        base = folder;
    CoTaskMemFree(folder); // also when the call failed
    if (base.empty()) {
        const wchar_t* appdata = _wgetenv(L"APPDATA");
        if (appdata && *appdata) base = appdata;
    }
    if (base.empty() || !base.is_absolute()) return {};
    return base / L"RenewDesk";
}

} // namespace rd::desktop
