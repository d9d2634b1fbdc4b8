// Where the desktop app keeps downloaded receipts: <config dir>/receipts/<file name>. The name comes
// from the UI and contains the server's order number, so it is reduced to a plain file name first.
#pragma once

#include <filesystem>
#include <string>

namespace rd::desktop {

// Letters, digits, '.', '-' and '_' survive; anything else (path separators included) becomes '_'.
// Never empty, never "." or "..".
std::string safe_file_name(const std::string& name);

// Writes the receipt atomically; returns the sentence the UI shows: "Saved to <path>" or why not.
std::string save_receipt(const std::filesystem::path& config_dir, const std::string& file_name,
                         const std::string& contents);

} // namespace rd::desktop
