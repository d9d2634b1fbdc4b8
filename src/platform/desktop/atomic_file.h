// Whole-file writes that readers never see half done: the text goes to a temporary file in the same
// folder, which then replaces the target with rename(2). Used for the settings, receipts, the order
// journal and the test hooks file.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace rd::desktop {

struct AtomicWriteOptions {
    bool sync = true; // fsync the file before the rename and the folder after it: the new file survives
                      // a crash (skip for throw-away files)
};

// Creates missing parent folders. On failure returns false, writes the reason to *error (if given)
// and leaves any existing file untouched.
bool write_file_atomically(const std::filesystem::path& path, std::string_view contents, std::string* error,
                           AtomicWriteOptions options = {});

// fsync of the folder holding `path`, so that a rename or removal there survives a crash. Best
// effort: some file systems cannot sync a folder, and nothing better can be done then.
void sync_directory_of(const std::filesystem::path& path);

} // namespace rd::desktop
