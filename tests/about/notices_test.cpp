// tools/notices: every component named with its licence's name and its text, per target; a missing
// source of truth fails it (exit 1, the file named) instead of writing a shorter notice.
#include "tests/about/run_program.h"

#include <gtest/gtest.h>

#include <utility>
#include <vector>

using rd::test::quoted;
using rd::test::run_command;

namespace {

std::string notices(const std::string& options) {
    const auto result = run_command(quoted(RD_PYTHON3) + " " + quoted(RD_NOTICES_SCRIPT) + " --imgui " +
                                    quoted(RD_IMGUI_DIR) + " " + options);
    EXPECT_EQ(result.exit_code, 0);
    return result.out;
}

// "NAME\nLicence: LICENCE" heads each component's full text.
void expect_component(const std::string& text, const std::string& name, const std::string& licence) {
    EXPECT_NE(text.find("\n" + name + "\nLicence: " + licence + "\n"), std::string::npos) << name;
}

} // namespace

TEST(ThirdPartyNotices, TheDesktopPackageNamesEveryComponentWithItsLicence) {
    const std::string text = notices("--for desktop");
    expect_component(text, "Dear ImGui 1.90.1", "MIT");
    expect_component(text, "stb_truetype, stb_rectpack, stb_textedit (imstb_*.h, inside Dear ImGui)",
                     "MIT or public domain (Unlicense)");
    expect_component(text, "nlohmann/json 3.11", "MIT (Expat)");
    expect_component(text, "Inter (font; Inter-Regular.otf)", "SIL Open Font License 1.1");
    expect_component(text, "Noto Sans CJK SC (font; NotoSansCJK-Regular.ttc)", "SIL Open Font License 1.1");
    expect_component(text, "GLFW 3", "zlib");
    expect_component(text, "libcurl", "curl licence (MIT-style)");
    expect_component(text, "cpp-httplib 0.11", "MIT (Expat)");
    // The texts themselves, from their sources.
    EXPECT_NE(text.find("Copyright (c) 2014-2024 Omar Cornut"), std::string::npos);
    EXPECT_NE(text.find("ALTERNATIVE B - Public Domain (www.unlicense.org)"), std::string::npos);
    EXPECT_NE(text.find("SIL OPEN FONT LICENSE"), std::string::npos);
    EXPECT_NE(text.find("Daniel Stenberg"), std::string::npos);
    EXPECT_NE(text.find("RenewDesk does not ship: the GNU C library"),
              std::string::npos); // named, not bundled
    EXPECT_EQ(text.find("Emscripten"), std::string::npos);
}

TEST(ThirdPartyNotices, ThePageNamesTheEmscriptenRuntimeAndNoDesktopLibrary) {
    const std::string text = notices("--for web");
    expect_component(text, "Dear ImGui 1.90.1", "MIT");
    expect_component(text, "Noto Sans CJK SC (font; NotoSansCJK-Regular.ttc)", "SIL Open Font License 1.1");
    expect_component(text, "musl libc (inside Emscripten)", "MIT");
    EXPECT_NE(text.find("Emscripten runtime"), std::string::npos);
    EXPECT_EQ(text.find("\nGLFW 3\n"), std::string::npos);
    EXPECT_EQ(text.find("\nlibcurl\n"), std::string::npos);
}

TEST(ThirdPartyNotices, TheWindowsProgramsNameWhatTheyLinkStaticallyAndNoCurl) {
    const std::string text = notices("--for windows"); // GLFW and utf8proc: the bootstrapped .cache/
    expect_component(text, "Dear ImGui 1.90.1", "MIT");
    expect_component(text, "nlohmann/json 3.11", "MIT (Expat)");
    expect_component(text, "GLFW 3.3.8", "zlib");
    expect_component(text, "utf8proc 2.8.0", "MIT (Expat) and the Unicode data licence");
    expect_component(text, "MinGW-w64 runtime 10 (C runtime start-up, headers) and winpthreads",
                     "ZPL-2.1, MIT and others (per file, below)");
    expect_component(text, "libstdc++ and libgcc (GCC 12, MinGW-w64)",
                     "GPL-3 with the GCC Runtime Library Exception");
    EXPECT_NE(text.find("GCC RUNTIME LIBRARY EXCEPTION"), std::string::npos);
    EXPECT_NE(text.find("mingw-w64-libraries/winpthreads"), std::string::npos);
    // WinHTTP instead of curl; no sandbox on Windows.
    EXPECT_EQ(text.find("curl"), std::string::npos);
    EXPECT_EQ(text.find("cpp-httplib"), std::string::npos);
    EXPECT_EQ(text.find("Emscripten"), std::string::npos);
}

TEST(ThirdPartyNotices, AMissingSourceFailsNamingIt) {
    const auto result = run_command(quoted(RD_PYTHON3) + " " + quoted(RD_NOTICES_SCRIPT) +
                                    " --imgui /nonexistent-imgui 2>&1 >/dev/null");
    EXPECT_EQ(result.exit_code, 1);
    EXPECT_NE(result.out.find("/nonexistent-imgui/LICENSE.txt"), std::string::npos) << result.out;
}
