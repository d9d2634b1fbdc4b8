// Whole-file writes that readers never see half done: the text goes to a temporary file in the same
// folder, which then replaces the target with rename(2). Used for the settings, receipts and the
// test hooks file.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace rd::desktop {

struct AtomicWriteOptions {
    bool sync = true; // fsync before the rename: the file survives a crash (skip for throw-away files)
};

// Creates missing parent folders. On failure returns false, writes the reason to *error (if given)
// and leaves any existing file untouched.
bool write_file_atomically(const std::filesystem::path& path, std::string_view contents, std::string* error,
                           AtomicWriteOptions options = {});

} // namespace rd::desktop
