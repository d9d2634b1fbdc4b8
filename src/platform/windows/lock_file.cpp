#include "platform/windows/lock_file.h"

#include <fcntl.h>
#include <io.h>

namespace rd::windows {

HANDLE open_lock_file(const std::filesystem::path& file) {
    return CreateFileW(file.c_str(), GENERIC_READ | GENERIC_WRITE,
                       FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, nullptr, OPEN_ALWAYS,
                       FILE_ATTRIBUTE_NORMAL, nullptr);
}

bool lock_range(HANDLE file, bool wait) {
    OVERLAPPED where{};
    where.Offset = 0;
    where.OffsetHigh = 0x40000000; // 2^62
    const DWORD flags = LOCKFILE_EXCLUSIVE_LOCK | (wait ? 0 : LOCKFILE_FAIL_IMMEDIATELY);
    return LockFileEx(file, flags, 0, 1, 0, &where) != 0;
}

int to_descriptor(HANDLE file) {
    const int fd = _open_osfhandle(reinterpret_cast<intptr_t>(file), _O_RDWR | _O_BINARY);
    if (fd < 0) CloseHandle(file);
    return fd;
}

HANDLE from_descriptor(int fd) {
    return reinterpret_cast<HANDLE>(_get_osfhandle(fd));
}

void close_descriptor(int fd) {
    if (fd >= 0) _close(fd);
}

} // namespace rd::windows
