#include "connection_drop.h"

#include <arpa/inet.h>
#include <dirent.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <string>

namespace sandbox {

namespace {

// Port of a bound/connected socket address, or -1.
int port_of(const sockaddr_storage& address) {
    if (address.ss_family == AF_INET) return ntohs(reinterpret_cast<const sockaddr_in&>(address).sin_port);
    if (address.ss_family == AF_INET6) return ntohs(reinterpret_cast<const sockaddr_in6&>(address).sin6_port);
    return -1;
}

bool endpoints_match(int fd, const httplib::Request& request) {
    struct stat info {};
    if (fstat(fd, &info) != 0 || !S_ISSOCK(info.st_mode)) return false;
    sockaddr_storage local{}, peer{};
    socklen_t local_size = sizeof local, peer_size = sizeof peer;
    if (getsockname(fd, reinterpret_cast<sockaddr*>(&local), &local_size) != 0) return false;
    if (getpeername(fd, reinterpret_cast<sockaddr*>(&peer), &peer_size) != 0) return false;
    // The accepted socket has our port locally and the client's port as peer; a client socket in the
    // same process (in-process tests) has them the other way round.
    return port_of(local) == request.local_port && port_of(peer) == request.remote_port;
}

} // namespace

bool drop_connection(const httplib::Request& request) {
    if (request.local_port <= 0 || request.remote_port <= 0) return false;
    DIR* dir = opendir("/proc/self/fd");
    if (!dir) return false;
    bool dropped = false;
    const int own_fd = dirfd(dir);
    while (const dirent* entry = readdir(dir)) {
        if (entry->d_name[0] < '0' || entry->d_name[0] > '9') continue;
        const int fd = std::atoi(entry->d_name);
        if (fd == own_fd || !endpoints_match(fd, request)) continue;
        dropped = shutdown(fd, SHUT_RDWR) == 0;
        break;
    }
    closedir(dir);
    return dropped;
}

} // namespace sandbox
