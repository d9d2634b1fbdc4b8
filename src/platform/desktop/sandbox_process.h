// `renewdesk --sandbox`: runs renewdesk-sandbox (the local stand-in of the Partner Portal API) as a
// child process on a free loopback port, for demos and training. The child is stopped when this
// object goes away, and by the kernel if the app dies without cleaning up (PR_SET_PDEATHSIG).
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <sys/types.h>

namespace rd::desktop {

class SandboxProcess {
  public:
    // Starts `binary --port 0` and waits (at most timeout_ms) for its "listening on URL" line.
    // On failure returns null and writes the reason to *error.
    static std::unique_ptr<SandboxProcess> start(const std::filesystem::path& binary, std::string* error,
                                                 int timeout_ms = 10000);
    ~SandboxProcess(); // SIGTERM, then SIGKILL if it has not exited within two seconds

    SandboxProcess(const SandboxProcess&) = delete;
    SandboxProcess& operator=(const SandboxProcess&) = delete;

    const std::string& url() const { return url_; }

  private:
    SandboxProcess(pid_t pid, int stdout_fd) : pid_(pid), stdout_fd_(stdout_fd) {}

    pid_t pid_;
    int stdout_fd_; // kept open: the sandbox prints a few more lines, which must not meet a closed pipe
    std::string url_;
};

// renewdesk-sandbox in the folder of the running executable.
std::filesystem::path sibling_sandbox_binary();

} // namespace rd::desktop
