#include "platform/desktop/sandbox_process.h"

#include "platform/desktop/executable_path.h"

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace rd::desktop {
namespace {

constexpr std::string_view listening_prefix = "listening on ";

// Reads up to the first newline, waiting at most until `deadline`. Empty on timeout or EOF.
std::string read_first_line(int fd, std::chrono::steady_clock::time_point deadline) {
    std::string line;
    for (;;) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) return {};
        pollfd p{.fd = fd, .events = POLLIN};
        const int ready = ::poll(&p, 1, static_cast<int>(left.count()));
        if (ready < 0 && errno == EINTR) continue;
        if (ready <= 0) return {};
        char c = 0; // byte by byte: what follows the first line must stay in the pipe, unread
        const ssize_t n = ::read(fd, &c, 1);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return {};
        if (c == '\n') return line;
        line += c;
    }
}

bool wait_for_exit(pid_t pid, std::chrono::milliseconds limit) {
    const auto deadline = std::chrono::steady_clock::now() + limit;
    do {
        int status = 0;
        const pid_t done = ::waitpid(pid, &status, WNOHANG);
        if (done == pid || (done < 0 && errno == ECHILD)) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    } while (std::chrono::steady_clock::now() < deadline);
    return false;
}

} // namespace

std::filesystem::path sibling_sandbox_binary() {
    const std::filesystem::path self = executable_path();
    if (self.empty()) return "renewdesk-sandbox";
    return self.parent_path() / "renewdesk-sandbox";
}

std::unique_ptr<SandboxProcess> SandboxProcess::start(const std::filesystem::path& binary, std::string* error,
                                                      int timeout_ms) {
    if (::access(binary.c_str(), X_OK) != 0) {
        *error = binary.string() + " is missing or not executable (" + std::strerror(errno) + ")";
        return nullptr;
    }
    int out[2];
    if (::pipe2(out, O_CLOEXEC) != 0) {
        *error = std::string("pipe: ") + std::strerror(errno);
        return nullptr;
    }
    const pid_t parent = ::getpid();
    const pid_t pid = ::fork();
    if (pid < 0) {
        *error = std::string("fork: ") + std::strerror(errno);
        ::close(out[0]);
        ::close(out[1]);
        return nullptr;
    }
    if (pid == 0) {
        // Child: only async-signal-safe calls until exec.
        ::prctl(PR_SET_PDEATHSIG, SIGTERM);
        if (::getppid() != parent) ::_exit(127); // the app died before prctl took effect
        sigset_t none;
        sigemptyset(&none);
        ::sigprocmask(SIG_SETMASK, &none,
                      nullptr);        // the app blocks its stop signals; the sandbox must not inherit that
        ::dup2(out[1], STDOUT_FILENO); // dup2 clears O_CLOEXEC on the copy
        const char* argv[] = {binary.c_str(), "--port", "0", nullptr};
        ::execv(binary.c_str(), const_cast<char* const*>(argv));
        ::_exit(127);
    }
    ::close(out[1]);

    std::unique_ptr<SandboxProcess> process(new SandboxProcess(pid, out[0]));
    const std::string line =
        read_first_line(out[0], std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms));
    if (!line.starts_with(listening_prefix)) {
        *error = binary.string() + (line.empty() ? " did not report its address in time"
                                                 : " printed \"" + line + "\" instead of its address");
        return nullptr; // the destructor stops the child
    }
    process->url_ = line.substr(listening_prefix.size());
    return process;
}

SandboxProcess::~SandboxProcess() {
    ::kill(pid_, SIGTERM);
    if (!wait_for_exit(pid_, std::chrono::seconds(2))) {
        ::kill(pid_, SIGKILL);
        wait_for_exit(pid_, std::chrono::seconds(2));
    }
    ::close(stdout_fd_);
}

} // namespace rd::desktop
