// sandbox_process.h on Windows: not ported. renewdesk-sandbox (tools/sandbox, cpp-httplib) is built
// for Linux only, so there is nothing beside renewdesk.exe to start; --sandbox says so and the
// program stops, as when the sandbox cannot start on Linux.
#include "platform/desktop/sandbox_process.h"

#include "platform/desktop/executable_path.h"

namespace rd::desktop {

std::unique_ptr<SandboxProcess> SandboxProcess::start(const std::filesystem::path&, std::string* error, int) {
    if (error)
        *error = "--sandbox is not available on Windows: renewdesk-sandbox is a Linux program. Run it on "
                 "Linux (renewdesk-sandbox --port 8080) and give its address with --base-url";
    return nullptr;
}

SandboxProcess::~SandboxProcess() = default; // never constructed on Windows

std::filesystem::path sibling_sandbox_binary() {
    const std::filesystem::path self = executable_path();
    if (self.empty()) return L"renewdesk-sandbox.exe";
    return self.parent_path() / L"renewdesk-sandbox.exe";
}

} // namespace rd::desktop
