// settings.json: the bytes are written to a settings file (in a temporary folder, on /dev/shm when there
// is one, so the atomic writes stay cheap) and read with load_settings, exactly as the desktop app
// starts. What it loads must survive settings_json -> file -> load_settings unchanged.
#include "platform/desktop/settings_store.h"
#include "tests/fuzz/fuzz_support.h"

#include <nlohmann/json.hpp>

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <unistd.h>

using namespace rd;
using namespace rd::desktop;
namespace fs = std::filesystem;

namespace {

// /dev/shm/renewdesk-fuzz-settings-<pid>. libFuzzer often ends with _Exit (time is up, a crash), so
// nothing runs at exit: each start removes the folders of processes that are gone instead.
const fs::path& folder() {
    static const fs::path dir = [] {
        const fs::path base = fs::is_directory("/dev/shm") ? fs::path("/dev/shm") : fs::temp_directory_path();
        const std::string prefix = "renewdesk-fuzz-settings-";
        std::error_code ec;
        for (const auto& entry : fs::directory_iterator(base, ec)) {
            const std::string name = entry.path().filename().string();
            if (name.rfind(prefix, 0) != 0) continue;
            const long pid = std::strtol(name.c_str() + prefix.size(), nullptr, 10);
            if (pid > 0 && kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH)
                fs::remove_all(entry.path(), ec);
        }
        fs::path made = base / (prefix + std::to_string(getpid()));
        fs::create_directories(made);
        return made;
    }();
    return dir;
}

void write(const fs::path& file, const std::string& text) {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out << text;
    FUZZ_CHECK(out.good());
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const fs::path file = folder() / "settings.json";
    const std::string text = fuzz::bytes(data, size);
    write(file, text);

    const LoadedSettings loaded = load_settings(file);
    const nlohmann::json doc = nlohmann::json::parse(text, nullptr, false);
    FUZZ_CHECK(loaded.problem.has_value() != doc.is_object()); // anything else is set aside and said so
    if (loaded.problem) {
        FUZZ_CHECK(loaded.settings == DesktopSettings{});
        // Replaced with defaults, the old file kept beside it.
        FUZZ_CHECK(!load_settings(file).problem);
    }
    const DesktopSettings& s = loaded.settings;
    FUZZ_CHECK(s.window_width >= 0 && s.window_width < 100000 && s.window_height >= 0 &&
               s.window_height < 100000);

    // What the app would save next time, read back.
    const std::string saved = settings_json(s);
    FUZZ_CHECK(fuzz::valid_utf8(saved));
    const nlohmann::json saved_doc = nlohmann::json::parse(saved);
    for (const auto& [key, value] : saved_doc.items()) // no member could carry a secret
        FUZZ_CHECK(key == "baseUrl" || key == "clientId" || key == "caBundle" || key == "window");
    write(file, saved);
    const LoadedSettings again = load_settings(file);
    FUZZ_CHECK(!again.problem);
    DesktopSettings expected = s;
    if (expected.window_width == 0 || expected.window_height == 0)
        expected.window_width = expected.window_height = 0;
    FUZZ_CHECK(again.settings == expected);
    return 0;
}
