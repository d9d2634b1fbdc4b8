// Windows' atomic_file.h: the text goes to a new file beside the target, flushed, which then replaces
// the target with ReplaceFileW (an existing target: its attributes and permissions carry over) or
// MoveFileExW (no target yet). Either is a rename within one folder: readers see the old file or the
// new one, never half of one.
#include "platform/desktop/atomic_file.h"

#include "platform/windows/wide_text.h"

#include <atomic>
#include <chrono>
#include <thread>

#include <windows.h>

namespace rd::desktop {
namespace {

bool fail(std::string* error, const std::string& what, DWORD code) {
    if (error) *error = what + ": " + windows::system_error_text(code);
    return false;
}

bool write_all(HANDLE file, std::string_view contents) {
    while (!contents.empty()) {
        const DWORD chunk = contents.size() > (1u << 30) ? (1u << 30) : static_cast<DWORD>(contents.size());
        DWORD written = 0;
        if (!WriteFile(file, contents.data(), chunk, &written, nullptr) || written == 0) return false;
        contents.remove_prefix(written);
    }
    return true;
}

// A name no other writer uses: this process's id and a counter (CREATE_NEW refuses a clash anyway).
std::wstring temporary_name(const std::filesystem::path& path) {
    static std::atomic<unsigned> counter{0};
    return path.native() + L".tmp-" + std::to_wstring(GetCurrentProcessId()) + L"-" +
           std::to_wstring(counter++);
}

// Puts `temp` in place of `target`. A reader that has the target open without FILE_SHARE_DELETE (the
// C runtime's and std::ifstream's opens) makes the swap fail for that moment: retried for a while.
DWORD replace(const std::wstring& temp, const std::wstring& target) {
    DWORD code = ERROR_SUCCESS;
    for (int attempt = 0; attempt < 50; ++attempt) {
        if (GetFileAttributesW(target.c_str()) != INVALID_FILE_ATTRIBUTES) {
            if (ReplaceFileW(target.c_str(), temp.c_str(), nullptr, REPLACEFILE_IGNORE_MERGE_ERRORS, nullptr,
                             nullptr))
                return ERROR_SUCCESS;
            code = GetLastError();
            if (code == ERROR_FILE_NOT_FOUND) continue; // removed in between: moved into place below
        } else {
            if (MoveFileExW(temp.c_str(), target.c_str(), MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH))
                return ERROR_SUCCESS;
            code = GetLastError();
        }
        if (code != ERROR_SHARING_VIOLATION && code != ERROR_ACCESS_DENIED && code != ERROR_LOCK_VIOLATION &&
            code != ERROR_UNABLE_TO_REMOVE_REPLACED)
            return code;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return code;
}

} // namespace

bool write_file_atomically(const std::filesystem::path& path, std::string_view contents, std::string* error,
                           AtomicWriteOptions options) {
    std::error_code ec;
    if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path(), ec);
    if (ec) {
        if (error) *error = "cannot create " + windows::utf8(path.parent_path()) + ": " + ec.message();
        return false;
    }

    const std::wstring temp = temporary_name(path);
    // Not inheritable (no child gets it) and not shared: nobody else opens it before it is in place.
    const HANDLE file =
        CreateFileW(temp.c_str(), GENERIC_WRITE, 0, nullptr, CREATE_NEW, FILE_ATTRIBUTE_NORMAL, nullptr);
    if (file == INVALID_HANDLE_VALUE)
        return fail(error, "cannot create a temporary file beside " + windows::utf8(path), GetLastError());
    bool ok = write_all(file, contents);
    DWORD code = ok ? ERROR_SUCCESS : GetLastError();
    if (ok && options.sync && !FlushFileBuffers(file)) ok = false, code = GetLastError();
    if (!CloseHandle(file) && ok) ok = false, code = GetLastError();
    if (ok && (code = replace(temp, path.native())) != ERROR_SUCCESS) ok = false;
    if (!ok) {
        DeleteFileW(temp.c_str());
        return fail(error, "cannot write " + windows::utf8(path), code);
    }
    return true;
}

// Nothing to do: NTFS journals the rename itself (MOVEFILE_WRITE_THROUGH waits for it), and a folder
// cannot be flushed from a program as fsync does on Linux.
void sync_directory_of(const std::filesystem::path&) {}

} // namespace rd::desktop
