// Where the desktop app keeps downloaded receipts: <config dir>/receipts/<file name>. The name comes
// from the UI and contains the server's order number, so it is reduced to a plain file name first.
#pragma once

#include <filesystem>
#include <string>

namespace rd::desktop {

// Letters, digits, '.', '-' and '_' survive; anything else (path separators included) becomes '_'.
// Never empty, never "." or "..".
std::string safe_file_name(const std::string& name);

struct SavedReceipt {
    bool saved = false;
    std::filesystem::path file; // where it was (or would have been) written
    std::string error;          // when not saved: why, as the system put it
};

// Writes the receipt atomically (the UI words the outcome).
SavedReceipt save_receipt(const std::filesystem::path& config_dir, const std::string& file_name,
                          const std::string& contents);

} // namespace rd::desktop
