// The desktop app's remembered settings: base URL, Client ID, CA bundle, UI language, theme, UI scale and
// window size, as JSON in $XDG_CONFIG_HOME/renewdesk/settings.json (or ~/.config/renewdesk/settings.json).
// The Client Secret and tokens have no field here, so they cannot be written: a secret someone put into the
// file by hand is dropped by the next save. A file that cannot be read is kept aside as settings.json.corrupt
// and replaced; the app starts with defaults and tells the person.
//
//   auto loaded = rd::desktop::load_settings(dir / "settings.json");
//   if (loaded.problem) tell_the_person(*loaded.problem);
//   rd::desktop::save_settings(dir / "settings.json", loaded.settings, &error);
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace rd::desktop {

struct DesktopSettings {
    std::string base_url;  // empty: none remembered
    std::string client_id; // empty: none remembered
    // CA certificates (PEM) that servers are verified with instead of the system's: an intranet's
    // TLS-inspecting proxy CA. Verification stays on. Set by hand in the file; --ca-bundle wins.
    std::string ca_bundle;
    std::string language; // the UI language chosen in the top bar: "en" or "zh"; empty: none chosen
    std::string theme;    // the theme chosen in the top bar: "light" or "dark"; empty: none (the system's)
    int ui_scale = 0;     // the UI scale chosen in the header, in percent (the UI clamps it); 0: none
    int window_width = 0; // GLFW screen coordinates; 0: none remembered
    int window_height = 0;

    bool operator==(const DesktopSettings&) const = default;
};

// An unreadable settings file, as facts (the UI words them).
struct UnreadableSettings {
    std::filesystem::path file;
    std::string reason;            // why it could not be read
    std::filesystem::path kept_as; // where it was moved; empty: it could not be moved
    std::string cleanup_error;     // moving it aside or writing defaults in its place failed: why
};

struct LoadedSettings {
    DesktopSettings settings;
    std::optional<UnreadableSettings> problem; // set when the file was unreadable
};

// $XDG_CONFIG_HOME/renewdesk (when absolute, as the XDG spec requires), else $HOME/.config/renewdesk;
// empty when neither variable is usable (config_dir.cpp). Windows: %APPDATA%\RenewDesk
// (src/platform/windows/config_dir.cpp).
std::filesystem::path default_config_dir();

// A missing file gives defaults and no problem.
LoadedSettings load_settings(const std::filesystem::path& file);

// As load_settings, but the file is never moved or rewritten: an unreadable one gives defaults and the
// problem (kept_as empty). For readers that do not own the file, such as renewdesk-cli.
LoadedSettings read_settings(const std::filesystem::path& file);

// Atomic (temporary file + rename) and synced.
bool save_settings(const std::filesystem::path& file, const DesktopSettings& settings, std::string* error);

std::string settings_json(const DesktopSettings& settings);

} // namespace rd::desktop
