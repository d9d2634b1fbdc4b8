#include "platform/desktop/executable_path.h"

namespace rd::desktop {

std::filesystem::path executable_path() {
    std::error_code error;
    std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", error);
    if (error) return {};
    return self;
}

} // namespace rd::desktop
