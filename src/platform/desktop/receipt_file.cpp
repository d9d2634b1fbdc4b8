#include "receipt_file.h"

#include "atomic_file.h"

namespace rd::desktop {

std::string safe_file_name(const std::string& name) {
    std::string safe;
    for (const char c : name) {
        const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
                           c == '-' || c == '_';
        safe += plain ? c : '_';
    }
    if (safe.empty() || safe.find_first_not_of('.') == std::string::npos) safe = "receipt_" + safe;
    return safe;
}

std::string save_receipt(const std::filesystem::path& config_dir, const std::string& file_name,
                         const std::string& contents) {
    if (config_dir.empty()) return "Could not save the receipt: neither XDG_CONFIG_HOME nor HOME is set.";
    const std::filesystem::path file = config_dir / "receipts" / safe_file_name(file_name);
    std::string error;
    if (!write_file_atomically(file, contents, &error)) return "Could not save the receipt: " + error;
    return "Saved to " + file.string();
}

} // namespace rd::desktop
