#include "app/desktop/desktop_options.h"

#include <charconv>
#include <cstdlib>
#include <string_view>

namespace rd::desktop {

const char* const usage_text =
    "usage: renewdesk [options]\n"
    "  --base-url URL       Partner Portal API to use (default: the remembered one, else\n"
    "                       https://openapi.partner.yeastar.com)\n"
    "  --sandbox            start the local sandbox (renewdesk-sandbox beside this program) and use it\n"
    "  --ca-bundle FILE     verify servers with the CA certificates (PEM) in FILE instead of the\n"
    "                       system's, e.g. an intranet proxy's (also \"caBundle\" in settings.json)\n"
    "  --window-size W,H    window size in screen coordinates\n"
    "  --window-pos X,Y     window position in screen coordinates\n"
    "  --scale S            UI scale (default: the monitor's content scale)\n"
    "  --print-timing       print the start-up time to stderr\n"
    "  --test-hooks FILE    write the UI state and widget rectangles (screen pixels) to FILE\n"
    "  --version            print the version and exit; with --verbose also the licences and where\n"
    "                       their full texts (THIRD-PARTY-NOTICES) are installed\n"
    "  --help               show this text\n";

namespace {

bool parse_int(std::string_view text, int& out) {
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
    return ec == std::errc() && end == text.data() + text.size();
}

std::optional<IntPair> parse_pair(std::string_view text) {
    const auto comma = text.find(',');
    if (comma == std::string_view::npos) return std::nullopt;
    IntPair pair;
    if (!parse_int(text.substr(0, comma), pair.a) || !parse_int(text.substr(comma + 1), pair.b))
        return std::nullopt;
    return pair;
}

std::optional<float> parse_scale(const char* text) {
    char* end = nullptr;
    const float value = std::strtof(text, &end);
    if (end == text || *end != '\0' || !(value >= 0.5f && value <= 4.0f)) return std::nullopt;
    return value;
}

} // namespace

ParsedOptions parse_options(int argc, const char* const* argv) {
    ParsedOptions parsed;
    DesktopOptions& o = parsed.options;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg == "--sandbox") {
            o.sandbox = true;
            continue;
        }
        if (arg == "--print-timing") {
            o.print_timing = true;
            continue;
        }
        if (arg == "--help" || arg == "-h") {
            o.help = true;
            continue;
        }
        if (arg == "--version" || arg == "--verbose") {
            (arg == "--version" ? o.version : o.verbose) = true;
            continue;
        }
        if (i + 1 >= argc) {
            parsed.error =
                std::string(arg) + (arg.starts_with("--") ? " needs a value" : ": unknown argument");
            return parsed;
        }
        const char* value = argv[++i];
        bool ok = true;
        if (arg == "--base-url") o.base_url = value, ok = *value != '\0';
        else if (arg == "--test-hooks") o.test_hooks_file = value, ok = *value != '\0';
        else if (arg == "--ca-bundle") o.ca_bundle = value, ok = *value != '\0';
        else if (arg == "--window-pos") ok = (o.window_pos = parse_pair(value)).has_value();
        else if (arg == "--window-size") {
            o.window_size = parse_pair(value);
            ok = o.window_size && o.window_size->a > 0 && o.window_size->b > 0;
        } else if (arg == "--scale") ok = (o.scale = parse_scale(value)).has_value();
        else {
            parsed.error = std::string(arg) + ": unknown option";
            return parsed;
        }
        if (!ok) {
            parsed.error = std::string(arg) + ": invalid value \"" + value + "\"";
            return parsed;
        }
    }
    if (o.sandbox && o.base_url) parsed.error = "--sandbox and --base-url exclude each other";
    if (o.verbose && !o.version) parsed.error = "--verbose goes with --version";
    return parsed;
}

} // namespace rd::desktop
