#include "settings_store.h"

#include "atomic_file.h"
#include "text.h"

#include <nlohmann/json.hpp>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>

namespace rd::desktop {
namespace {

using nlohmann::json;

// A field of the wrong type is ignored, not fatal: the rest of the file is still good.
void read_string(const json& object, const char* key, std::string& out) {
    auto it = object.find(key);
    if (it != object.end() && it->is_string()) out = it->get<std::string>();
}

void read_size(const json& object, const char* key, int& out) {
    auto it = object.find(key);
    if (it != object.end() && it->is_number_integer()) {
        const auto value = it->get<long long>();
        if (value > 0 && value < 100000) out = static_cast<int>(value);
    }
}

DesktopSettings from_json(const json& document) {
    DesktopSettings settings;
    read_string(document, "baseUrl", settings.base_url);
    read_string(document, "clientId", settings.client_id);
    if (auto window = document.find("window"); window != document.end() && window->is_object()) {
        read_size(*window, "width", settings.window_width);
        read_size(*window, "height", settings.window_height);
    }
    return settings;
}

// Moves the unreadable file aside and writes defaults in its place; returns the sentence for the person.
std::string replace_unreadable(const std::filesystem::path& file, const std::string& reason) {
    std::string problem = "Your settings file " + file.string() + " could not be read (" + reason + "). ";
    std::filesystem::path backup = file;
    backup += ".corrupt";
    std::error_code ec;
    std::filesystem::rename(file, backup, ec);
    std::string error;
    if (ec) {
        problem += "It could not be moved aside (" + ec.message() + ") and was left as it is.";
    } else if (!save_settings(file, DesktopSettings{}, &error)) {
        problem += "It was moved to " + backup.string() + ", but a new one could not be written (" + error + ").";
    } else {
        problem += "It was replaced with defaults; the old file is kept as " + backup.string() + ".";
    }
    return problem;
}

} // namespace

std::filesystem::path default_config_dir() {
    const char* xdg = std::getenv("XDG_CONFIG_HOME");
    if (xdg && *xdg == '/') return std::filesystem::path(xdg) / "renewdesk";
    const char* home = std::getenv("HOME");
    if (home && *home == '/') return std::filesystem::path(home) / ".config" / "renewdesk";
    return {};
}

LoadedSettings load_settings(const std::filesystem::path& file) {
    std::error_code ec;
    if (!std::filesystem::exists(file, ec) && !ec) return {};

    std::ifstream in(file, std::ios::binary);
    if (!in) return {{}, replace_unreadable(file, std::strerror(errno))};
    std::ostringstream text;
    text << in.rdbuf();
    if (in.bad()) return {{}, replace_unreadable(file, "read error")};

    const json document = json::parse(text.str(), nullptr, /*allow_exceptions=*/false);
    if (document.is_discarded()) return {{}, replace_unreadable(file, "it is not valid JSON")};
    if (!document.is_object()) return {{}, replace_unreadable(file, "it is not a JSON object")};
    return {from_json(document), {}};
}

std::string settings_json(const DesktopSettings& settings) {
    json document = json::object();
    document["baseUrl"] = settings.base_url;
    document["clientId"] = settings.client_id;
    if (settings.window_width > 0 && settings.window_height > 0)
        document["window"] = {{"width", settings.window_width}, {"height", settings.window_height}};
    return json_text(document, 2) + "\n"; // a typed Base URL may hold any bytes
}

bool save_settings(const std::filesystem::path& file, const DesktopSettings& settings, std::string* error) {
    return write_file_atomically(file, settings_json(settings), error);
}

} // namespace rd::desktop
