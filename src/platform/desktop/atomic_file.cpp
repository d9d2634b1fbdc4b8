#include "platform/desktop/atomic_file.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace rd::desktop {
namespace {

bool fail(std::string* error, const std::string& what, int code) {
    if (error) *error = what + ": " + std::strerror(code);
    return false;
}

bool write_all(int fd, std::string_view contents) {
    while (!contents.empty()) {
        const ssize_t written = ::write(fd, contents.data(), contents.size());
        if (written < 0 && errno == EINTR) continue;
        if (written <= 0) return false;
        contents.remove_prefix(static_cast<size_t>(written));
    }
    return true;
}

} // namespace

bool write_file_atomically(const std::filesystem::path& path, std::string_view contents, std::string* error,
                           AtomicWriteOptions options) {
    std::error_code ec;
    if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path(), ec);
    if (ec) return fail(error, "cannot create " + path.parent_path().string(), ec.value());

    // mkstemp: a unique name (two writers never share a temporary) created with mode 0600.
    std::string temp = path.string() + ".tmp-XXXXXX";
    const int fd = ::mkstemp(temp.data());
    if (fd < 0) return fail(error, "cannot create a temporary file beside " + path.string(), errno);
    bool ok = write_all(fd, contents);
    int code = ok ? 0 : errno;
    if (ok && options.sync && ::fsync(fd) != 0) ok = false, code = errno;
    if (::close(fd) != 0 && ok) ok = false, code = errno;
    if (ok && std::rename(temp.c_str(), path.c_str()) != 0) ok = false, code = errno;
    if (!ok) {
        ::unlink(temp.c_str());
        return fail(error, "cannot write " + path.string(), code);
    }
    if (options.sync) sync_directory_of(path);
    return true;
}

void sync_directory_of(const std::filesystem::path& path) {
    const std::filesystem::path folder = path.has_parent_path() ? path.parent_path() : ".";
    const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return;
    (void)::fsync(fd);
    ::close(fd);
}

} // namespace rd::desktop
