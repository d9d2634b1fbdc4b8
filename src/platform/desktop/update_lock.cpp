#include "platform/desktop/update_lock.h"

#include <cerrno>
#include <cstdio>
#include <cstring>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace rd::desktop {

UpdateLock::UpdateLock(const std::filesystem::path& file) {
    std::error_code ec;
    std::filesystem::create_directories(file.parent_path(), ec);
    const std::string path = file.string() + ".lock";
    fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd_ < 0) {
        std::fprintf(stderr, "renewdesk: cannot open %s: %s\n", path.c_str(), std::strerror(errno));
        return;
    }
    int rc = 0;
    while ((rc = ::flock(fd_, LOCK_EX)) != 0 && errno == EINTR) {
    }
    if (rc != 0) std::fprintf(stderr, "renewdesk: cannot lock %s: %s\n", path.c_str(), std::strerror(errno));
}

UpdateLock::~UpdateLock() {
    if (fd_ >= 0) ::close(fd_); // releases the lock
}

} // namespace rd::desktop
