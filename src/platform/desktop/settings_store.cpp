#include "platform/desktop/settings_store.h"

#include "core/json.h"
#include "core/text.h"
#include "platform/desktop/atomic_file.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace rd::desktop {
namespace {

// A field of the wrong type is ignored, not fatal: the rest of the file is still good.
void read_string(const Json& object, const char* key, std::string& out) {
    auto it = object.find(key);
    if (it != object.end() && it->is_string()) out = it->get<std::string>();
}

void read_size(const Json& object, const char* key, int& out) {
    auto it = object.find(key);
    if (it != object.end() && it->is_number_integer()) {
        const auto value = it->get<long long>();
        if (value > 0 && value < 100000) out = static_cast<int>(value);
    }
}

DesktopSettings from_json(const Json& document) {
    DesktopSettings settings;
    read_string(document, "baseUrl", settings.base_url);
    read_string(document, "clientId", settings.client_id);
    read_string(document, "caBundle", settings.ca_bundle);
    read_string(document, "language", settings.language);
    read_string(document, "theme", settings.theme);
    read_size(document, "uiScale", settings.ui_scale);
    if (auto window = document.find("window"); window != document.end() && window->is_object()) {
        read_size(*window, "width", settings.window_width);
        read_size(*window, "height", settings.window_height);
    }
    return settings;
}

// Moves the unreadable file aside and writes defaults in its place.
LoadedSettings replace_unreadable(const std::filesystem::path& file, const std::string& reason) {
    UnreadableSettings problem{.file = file, .reason = reason};
    std::filesystem::path backup = file;
    backup += ".corrupt";
    std::error_code ec;
    std::filesystem::rename(file, backup, ec);
    if (ec) {
        problem.cleanup_error = ec.message();
    } else {
        problem.kept_as = backup;
        save_settings(file, DesktopSettings{}, &problem.cleanup_error);
    }
    return {{}, std::move(problem)};
}

// The settings in `file`, or nullopt with the reason in *reason. A missing file gives defaults.
std::optional<DesktopSettings> read_file(const std::filesystem::path& file, std::string* reason) {
    std::error_code ec;
    if (!std::filesystem::exists(file, ec) && !ec) return DesktopSettings{};

    std::ifstream in(file, std::ios::binary);
    if (!in) {
        *reason = std::strerror(errno);
        return std::nullopt;
    }
    std::ostringstream text;
    text << in.rdbuf();
    if (in.bad()) {
        *reason = "read error";
        return std::nullopt;
    }
    const Json document = Json::parse(text.view(), nullptr, /*allow_exceptions=*/false);
    if (document.is_discarded()) *reason = "it is not valid JSON";
    else if (!document.is_object()) *reason = "it is not a JSON object";
    else return from_json(document);
    return std::nullopt;
}

} // namespace

LoadedSettings load_settings(const std::filesystem::path& file) {
    std::string reason;
    if (auto settings = read_file(file, &reason)) return {std::move(*settings), {}};
    return replace_unreadable(file, reason);
}

LoadedSettings read_settings(const std::filesystem::path& file) {
    std::string reason;
    if (auto settings = read_file(file, &reason)) return {std::move(*settings), {}};
    return {{}, UnreadableSettings{.file = file, .reason = reason}};
}

std::string settings_json(const DesktopSettings& settings) {
    Json document = Json::object();
    document["baseUrl"] = settings.base_url;
    document["clientId"] = settings.client_id;
    if (!settings.ca_bundle.empty()) document["caBundle"] = settings.ca_bundle;
    if (!settings.language.empty()) document["language"] = settings.language;
    if (!settings.theme.empty()) document["theme"] = settings.theme;
    if (settings.ui_scale > 0) document["uiScale"] = settings.ui_scale;
    if (settings.window_width > 0 && settings.window_height > 0)
        document["window"] = {{"width", settings.window_width}, {"height", settings.window_height}};
    return json_text(document, 2) + "\n"; // a typed Base URL may hold any bytes
}

bool save_settings(const std::filesystem::path& file, const DesktopSettings& settings, std::string* error) {
    return write_file_atomically(file, settings_json(settings), error);
}

} // namespace rd::desktop
