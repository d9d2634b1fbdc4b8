// The desktop app's command line. Every option has a name; unset ones are empty.
//
//   renewdesk [--base-url URL | --sandbox] [--ca-bundle FILE] [--test-hooks FILE] [--window-pos X,Y]
//             [--window-size W,H] [--scale S] [--print-timing]
//   renewdesk --version [--verbose] | --help
#pragma once

#include <optional>
#include <string>

namespace rd::desktop {

struct IntPair {
    int a = 0;
    int b = 0;
};

struct DesktopOptions {
    std::optional<std::string> base_url; // overrides the remembered one for this run
    bool sandbox = false;                // start renewdesk-sandbox beside the executable and use it
    std::string ca_bundle;               // CA certificates (PEM) of an intranet proxy; verification stays on
    std::string test_hooks_file;         // write state and widget rectangles here after each changed frame
    std::optional<IntPair> window_pos;   // screen coordinates of the window's top-left corner
    std::optional<IntPair> window_size;  // screen coordinates; overrides the remembered size
    std::optional<float> scale;          // UI scale instead of the monitor's content scale
    bool print_timing = false;           // start-up time on stderr (also with --test-hooks)
    bool help = false;
    bool version = false; // print the version line and exit
    bool verbose = false; // with --version: the licences too
};

struct ParsedOptions {
    DesktopOptions options;
    std::string error; // non-empty: the command line was wrong; print it and the usage
};

ParsedOptions parse_options(int argc, const char* const* argv);

extern const char* const usage_text;

} // namespace rd::desktop
