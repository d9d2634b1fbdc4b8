// The three programs' --version: the version line with 1.0.0 on stdout, exit 0, nothing else started
// (the desktop app opens no window: this runs without a display).
#include "tests/about/run_program.h"

#include <gtest/gtest.h>

#include <regex>

using rd::test::quoted;
using rd::test::run_command;

namespace {

void expect_version_line(const std::string& program, const std::string& name) {
    const auto result = run_command("env -u DISPLAY -u WAYLAND_DISPLAY " + quoted(program) + " --version");
    EXPECT_EQ(result.exit_code, 0) << result.out;
    EXPECT_TRUE(std::regex_match(result.out, std::regex(name + R"( 1\.0\.0 \(commit [0-9a-z-]+, \w+\)\n)")))
        << result.out;
}

} // namespace

TEST(VersionOption, CliVersion) {
    expect_version_line(RD_CLI_PROGRAM, "renewdesk-cli");
}

TEST(VersionOption, SandboxVersion) {
    expect_version_line(RD_SANDBOX_PROGRAM, "renewdesk-sandbox");
}

TEST(VersionOption, DesktopVersionWithoutADisplay) {
    expect_version_line(RD_DESKTOP_PROGRAM, "renewdesk");
}

TEST(VersionOption, VerboseVersionNamesTheLicencesAndThePrintedNotices) {
    // The build writes bin/THIRD-PARTY-NOTICES.txt beside the programs (renewdesk_notices).
    const auto cli = run_command(quoted(RD_CLI_PROGRAM) + " licenses");
    EXPECT_EQ(cli.exit_code, 0);
    EXPECT_NE(cli.out.find("libcurl: curl licence"), std::string::npos) << cli.out;
    EXPECT_NE(cli.out.find("THIRD-PARTY-NOTICES.txt\n\nTHIRD-PARTY NOTICES for RenewDesk"),
              std::string::npos);
    const auto desktop = run_command("env -u DISPLAY " + quoted(RD_DESKTOP_PROGRAM) + " --version --verbose");
    EXPECT_EQ(desktop.exit_code, 0);
    EXPECT_NE(desktop.out.find("Dear ImGui 1.90.1: MIT"), std::string::npos) << desktop.out;
    EXPECT_NE(desktop.out.find("GLFW 3: zlib"), std::string::npos);
    const auto sandbox = run_command(quoted(RD_SANDBOX_PROGRAM) + " --version --verbose");
    EXPECT_EQ(sandbox.exit_code, 0);
    EXPECT_NE(sandbox.out.find("cpp-httplib 0.11: MIT"), std::string::npos) << sandbox.out;
}
