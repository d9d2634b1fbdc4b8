// The build's identity, generated at build time (cmake/build_info.cmake): the one version from
// project(... VERSION ...), the git commit it was built from and the CMake build type. Link
// renewdesk_build_info to use it.
#pragma once

#include <string>

namespace rd::build_info {

const char* version();    // "1.0.0"
const char* commit();     // "197e3ca1b2c3", "…-modified" for a tree with changes, or "unknown"
const char* build_type(); // "Release", "Debug", ... or "unspecified"

// "renewdesk-cli 1.0.0 (commit 197e3ca1b2c3, Release)": the first line of every --version.
inline std::string version_line(const std::string& program) {
    return program + " " + version() + " (commit " + commit() + ", " + build_type() + ")";
}

} // namespace rd::build_info
