#include "tools/sandbox/connection_drop.h"

#include <arpa/inet.h>
#include <dirent.h>
#include <linux/sockios.h>
#include <netinet/in.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <string>
#include <thread>

namespace sandbox {

namespace {

// Port of a bound/connected socket address, or -1.
int port_of(const sockaddr_storage& address) {
    if (address.ss_family == AF_INET) return ntohs(reinterpret_cast<const sockaddr_in&>(address).sin_port);
    if (address.ss_family == AF_INET6) return ntohs(reinterpret_cast<const sockaddr_in6&>(address).sin6_port);
    return -1;
}

bool endpoints_match(int fd, ConnectionPorts ports) {
    struct stat info {};
    if (fstat(fd, &info) != 0 || !S_ISSOCK(info.st_mode)) return false;
    sockaddr_storage local{}, peer{};
    socklen_t local_size = sizeof local, peer_size = sizeof peer;
    if (getsockname(fd, reinterpret_cast<sockaddr*>(&local), &local_size) != 0) return false;
    if (getpeername(fd, reinterpret_cast<sockaddr*>(&peer), &peer_size) != 0) return false;
    // The accepted socket has our port locally and the client's port as peer; a client socket in the
    // same process (in-process tests) has them the other way round.
    return port_of(local) == ports.local && port_of(peer) == ports.remote;
}

// The descriptor of the accepted socket with these ports, or -1.
int find_connection(ConnectionPorts ports) {
    if (ports.local <= 0 || ports.remote <= 0) return -1;
    DIR* dir = opendir("/proc/self/fd");
    if (!dir) return -1;
    int found = -1;
    const int own_fd = dirfd(dir);
    while (const dirent* entry = readdir(dir)) {
        if (entry->d_name[0] < '0' || entry->d_name[0] > '9') continue;
        const int fd = std::atoi(entry->d_name);
        if (fd == own_fd || !endpoints_match(fd, ports)) continue;
        found = fd;
        break;
    }
    closedir(dir);
    return found;
}

// Waits until the peer acknowledged every byte written on `fd` (the send queue is empty), at most 5 s.
void wait_until_acknowledged(int fd) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    int unacknowledged = 0;
    while (ioctl(fd, SIOCOUTQ, &unacknowledged) == 0 && unacknowledged > 0 &&
           std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
}

} // namespace

ConnectionPorts connection_ports(const httplib::Request& request) {
    return {request.local_port, request.remote_port};
}

bool drop_connection(const httplib::Request& request) {
    const int fd = find_connection(connection_ports(request));
    return fd >= 0 && shutdown(fd, SHUT_RDWR) == 0;
}

bool reset_connection(ConnectionPorts ports) {
    const int fd = find_connection(ports);
    if (fd < 0) return false;
    wait_until_acknowledged(fd);
    const linger no_linger{1, 0}; // and when httplib closes it later: no FIN, no lingering
    setsockopt(fd, SOL_SOCKET, SO_LINGER, &no_linger, sizeof no_linger);
    // Disconnecting a connected TCP socket sends RST (tcp_disconnect), unlike shutdown(), which sends FIN.
    sockaddr unspecified{};
    unspecified.sa_family = AF_UNSPEC;
    return connect(fd, &unspecified, sizeof unspecified) == 0;
}

} // namespace sandbox
