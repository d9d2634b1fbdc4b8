// What `--version` prints in every RenewDesk program (renewdesk, renewdesk-cli, renewdesk-sandbox):
// the version line (build_info.h), and with --verbose RenewDesk's own licence, the third-party
// components the program ships with their licences, where the full licence texts
// (THIRD-PARTY-NOTICES, written by tools/notices) are installed, and that text itself. No ImGui,
// curl, GL or Emscripten: plain text and files only.
//
//   std::fputs(rd::about::version_text(rd::about::Program::cli, verbose,
//   rd::about::executable_dir()).c_str(), stdout);
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace rd::about {

enum class Program { desktop, cli, sandbox };

struct Component {
    const char* name;    // "Dear ImGui 1.90.1"
    const char* licence; // "MIT"
    const char* how;     // "built in", "linked (Debian package libcurl4)", ...
};

// "renewdesk", "renewdesk-cli", "renewdesk-sandbox".
const char* program_name(Program program);
// The third-party components in this program, in the order THIRD-PARTY-NOTICES has them.
std::vector<Component> components(Program program);

// The folder of the running executable (/proc/self/exe; on Windows GetModuleFileNameW); empty when it
// cannot be read.
std::filesystem::path executable_dir();
// The installed THIRD-PARTY-NOTICES (or THIRD-PARTY-NOTICES.txt) beside the executable, else in
// ../share/doc/renewdesk/ relative to it; empty when neither exists.
std::filesystem::path find_notices(const std::filesystem::path& executable_dir);

// The whole --version output: the version line; with `verbose` also the licences and the notices
// text (read from find_notices(executable_dir)). Ends with a newline.
std::string version_text(Program program, bool verbose, const std::filesystem::path& executable_dir);

} // namespace rd::about
