// Windows' update_lock.h: LockFileEx on "<file>.lock", waited for (lock_file.h).
#include "platform/desktop/update_lock.h"

#include "platform/windows/lock_file.h"
#include "platform/windows/wide_text.h"

#include <cstdio>

namespace rd::desktop {

UpdateLock::UpdateLock(const std::filesystem::path& file) {
    std::error_code ec;
    std::filesystem::create_directories(file.parent_path(), ec);
    std::filesystem::path lock = file;
    lock += L".lock";
    const HANDLE handle = windows::open_lock_file(lock);
    if (handle == INVALID_HANDLE_VALUE) {
        std::fprintf(stderr, "renewdesk: cannot open %s: %s\n", windows::utf8(lock).c_str(),
                     windows::system_error_text(GetLastError()).c_str());
        return;
    }
    if (!windows::lock_range(handle, /*wait=*/true))
        std::fprintf(stderr, "renewdesk: cannot lock %s: %s\n", windows::utf8(lock).c_str(),
                     windows::system_error_text(GetLastError()).c_str());
    fd_ = windows::to_descriptor(handle);
}

UpdateLock::~UpdateLock() {
    windows::close_descriptor(fd_); // releases the lock
}

} // namespace rd::desktop
