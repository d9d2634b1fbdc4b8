#include "about/about.h"

#include "core/build_info.h"

#include <fstream>
#include <sstream>
#include <system_error>

#ifdef _WIN32
#include <windows.h>
#endif

namespace rd::about {

namespace {

// Keep in step with tools/notices (the texts) and README.md's "Licence" section.
const Component imgui{"Dear ImGui 1.90.1", "MIT", "built in"};
const Component stb{"stb_truetype, stb_rectpack, stb_textedit (in Dear ImGui)",
                    "MIT or public domain (Unlicense)", "built in"};
const Component json{"nlohmann/json 3.11", "MIT", "built in (header-only)"};
const Component inter{"Inter (font)", "SIL Open Font License 1.1", "embedded subset and glyphs/ slices"};
const Component noto{"Noto Sans CJK SC (font)", "SIL Open Font License 1.1", "glyphs/ slices"};
const Component glfw{"GLFW 3", "zlib", "linked (Debian package libglfw3)"};
const Component curl{"libcurl", "curl licence (MIT-style)", "linked (Debian package libcurl4)"};
const Component utf8proc{"utf8proc", "MIT and the Unicode data licence",
                         "linked (Debian package libutf8proc2)"};
const Component httplib{"cpp-httplib 0.11", "MIT", "linked (Debian package libcpp-httplib0.11)"};
// The Windows programs (the windows preset) link everything in: no Debian packages there.
const Component glfw_built_in{"GLFW 3.3.8", "zlib", "built in (from Debian's glfw3 sources)"};
const Component utf8proc_built_in{"utf8proc 2.8.0", "MIT and the Unicode data licence",
                                  "built in (from Debian's utf8proc sources)"};
const Component mingw_runtime{"MinGW-w64 runtime, winpthreads, libstdc++",
                              "MinGW-w64 licences (ZPL, MIT), GPL 3 with the GCC Runtime Library Exception",
                              "built in (static runtime)"};

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

} // namespace

const char* program_name(Program program) {
    switch (program) {
    case Program::desktop: return "renewdesk";
    case Program::cli: return "renewdesk-cli";
    case Program::sandbox: return "renewdesk-sandbox";
    }
    return "renewdesk";
}

std::vector<Component> components(Program program) {
    switch (program) {
#ifdef _WIN32 // WinHTTP instead of libcurl; everything linked statically
    case Program::desktop: return {imgui, stb, json, inter, noto, glfw_built_in, mingw_runtime};
    case Program::cli: return {json, utf8proc_built_in, mingw_runtime};
#else
    case Program::desktop: return {imgui, stb, json, inter, noto, glfw, curl};
    case Program::cli: return {json, curl, utf8proc};
#endif
    case Program::sandbox: return {json, httplib};
    }
    return {};
}

std::filesystem::path executable_dir() {
#ifdef _WIN32 // the one Windows line of this file: the sandbox (a Linux program) links it too
    std::wstring self(32768, L'\0');
    const DWORD length = GetModuleFileNameW(nullptr, self.data(), static_cast<DWORD>(self.size()));
    if (length == 0 || length >= self.size()) return {};
    self.resize(length);
    return std::filesystem::path(self).parent_path();
#else
    std::error_code ec;
    const std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", ec);
    return ec ? std::filesystem::path() : self.parent_path();
#endif
}

std::filesystem::path find_notices(const std::filesystem::path& executable_dir) {
    if (executable_dir.empty()) return {};
    const std::filesystem::path folders[] = {executable_dir,
                                             executable_dir / ".." / "share" / "doc" / "renewdesk"};
    for (const auto& folder : folders)
        for (const char* name : {"THIRD-PARTY-NOTICES", "THIRD-PARTY-NOTICES.txt"}) {
            std::error_code ec;
            const std::filesystem::path file = folder / name;
            if (std::filesystem::is_regular_file(file, ec)) return file.lexically_normal();
        }
    return {};
}

std::string version_text(Program program, bool verbose, const std::filesystem::path& executable_dir) {
    std::string text = build_info::version_line(program_name(program)) + "\n";
    if (!verbose) return text;
    text += "RenewDesk: MIT licence, copyright The RenewDesk authors (LICENSE).\n";
    text += "Third-party components in this program:\n";
    for (const Component& c : components(program))
        text += std::string("  ") + c.name + ": " + c.licence + "; " + c.how + "\n";
#ifdef _WIN32
    text += "Windows' own libraries (WinHTTP, OpenGL, the C runtime) are part of Windows.\n";
#else
    text += "System libraries (the C and C++ runtimes, OpenSSL, zlib, ... from Debian) are dependencies,\n"
            "not shipped: their licences are in /usr/share/doc/<package>/copyright.\n";
#endif
    const std::filesystem::path notices = find_notices(executable_dir);
    if (notices.empty()) {
        text += "Licence texts: THIRD-PARTY-NOTICES was not found beside this program or in\n"
                "../share/doc/renewdesk/ (tools/notices writes it; releases and packages carry it).\n";
        return text;
    }
    text += "Licence texts: " + notices.string() + "\n\n";
    std::string body = read_file(notices);
    if (!body.empty() && body.back() != '\n') body += '\n';
    return text + body;
}

} // namespace rd::about
