#include "platform/desktop/journal_lock.h"

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>

#include <errno.h> // program_invocation_short_name
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace rd::desktop {
namespace {

std::int64_t now_epoch_ms() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

// Taken while the program starts (static initialisation): "started HH:MM" for the other copies.
const std::int64_t process_started_ms = now_epoch_ms();

std::string& program_name() {
    static std::string name = program_invocation_short_name;
    return name;
}

std::string read_all(int fd) {
    std::string text;
    char buffer[512];
    off_t offset = 0;
    for (;;) {
        const ssize_t n = ::pread(fd, buffer, sizeof buffer, offset);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0 || text.size() > 4096) break; // a holder's name is a few dozen bytes
        text.append(buffer, static_cast<std::size_t>(n));
        offset += n;
    }
    return text;
}

} // namespace

void set_journal_program(std::string name) {
    program_name() = std::move(name);
}

std::optional<JournalHolder> JournalLock::claim() {
    if (fd_ >= 0) return std::nullopt;
    std::error_code ec;
    std::filesystem::create_directories(file_.parent_path(), ec);
    const int fd = ::open(file_.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0) {
        std::fprintf(stderr, "renewdesk: cannot open the journal's lock %s: %s\n", file_.c_str(),
                     std::strerror(errno));
        return std::nullopt;
    }
    int rc = 0;
    while ((rc = ::flock(fd, LOCK_EX | LOCK_NB)) != 0 && errno == EINTR) {
    }
    if (rc != 0) {
        const int error = errno;
        JournalHolder holder;
        if (error == EWOULDBLOCK) holder = journal_holder_from_json(read_all(fd));
        else std::fprintf(stderr, "renewdesk: cannot lock %s: %s\n", file_.c_str(), std::strerror(error));
        ::close(fd);
        if (error != EWOULDBLOCK) return std::nullopt; // no flock here (some network folders): unguarded
        return holder;
    }
    fd_ = fd;
    const std::string me = journal_holder_to_json({.pid = static_cast<std::int64_t>(::getpid()),
                                                   .started_at_ms = process_started_ms,
                                                   .program = program_name()});
    if (::ftruncate(fd_, 0) != 0 || ::pwrite(fd_, me.data(), me.size(), 0) != static_cast<ssize_t>(me.size()))
        std::fprintf(stderr, "renewdesk: cannot write %s: %s\n", file_.c_str(), std::strerror(errno));
    return std::nullopt;
}

void JournalLock::release() {
    if (fd_ < 0) return;
    ::close(fd_); // drops the flock; the stale name stays, read only by whoever fails to lock
    fd_ = -1;
}

} // namespace rd::desktop
