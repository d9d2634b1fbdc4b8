#include "platform/desktop/receipt_file.h"

#include "platform/desktop/atomic_file.h"

namespace rd::desktop {

std::string safe_file_name(const std::string& name) {
    std::string safe;
    for (const char c : name) {
        const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                           c == '.' || c == '-' || c == '_';
        safe += plain ? c : '_';
    }
    if (safe.empty() || safe.find_first_not_of('.') == std::string::npos) safe = "receipt_" + safe;
    return safe;
}

SavedReceipt save_receipt(const std::filesystem::path& config_dir, const std::string& file_name,
                          const std::string& contents) {
    if (config_dir.empty()) return {.error = "neither XDG_CONFIG_HOME nor HOME is set"};
    SavedReceipt result{.file = config_dir / "receipts" / safe_file_name(file_name)};
    result.saved = write_file_atomically(result.file, contents, &result.error);
    return result;
}

} // namespace rd::desktop
