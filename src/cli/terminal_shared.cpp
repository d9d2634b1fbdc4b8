// The parts of terminal.h that are the same on every system: $COLUMNS, the y/N question over
// ask_on_terminal() and the progress line. The terminal itself: terminal.cpp (POSIX),
// terminal_windows.cpp (the Windows console).
#include "cli/display_width.h"
#include "cli/terminal.h"
#include "core/text.h"

#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace rd::cli {

std::optional<std::size_t> width_from_env(const char* columns_env) {
    if (!columns_env || !*columns_env) return std::nullopt;
    std::size_t columns = 0;
    const char* end = columns_env + std::strlen(columns_env);
    auto [ptr, ec] = std::from_chars(columns_env, end, columns);
    if (ec != std::errc{} || ptr != end || columns == 0) return std::nullopt;
    return columns;
}

std::optional<bool> confirm_on_terminal(const std::string& question) {
    auto answer = ask_on_terminal(question);
    if (!answer) return std::nullopt;
    const std::string lower = ascii_lowercase(*answer);
    return lower == "y" || lower == "yes";
}

ProgressStyle progress_style(bool stderr_terminal, const char* term) {
    if (!stderr_terminal) return ProgressStyle::none;
    if (!term || !*term || std::strcmp(term, "dumb") == 0) return ProgressStyle::plain;
    return ProgressStyle::ansi;
}

Progress::Progress() : style_(progress_style(stderr_is_terminal(), std::getenv("TERM"))) {}

void Progress::show(const std::string& text) {
    if (style_ == ProgressStyle::none) return;
    std::string line = text;
    if (auto width = output_width(); width && *width > 1) line = truncate_to_width(text, *width - 1);
    std::string out = "\r";
    if (style_ == ProgressStyle::ansi) {
        out += "\x1b[K" + line;
    } else { // no escape sequences: blanks over what the longer line before left
        out += line;
        const std::size_t now = display_width(line), before = display_width(shown_);
        if (before > now) out += std::string(before - now, ' ') + "\r" + line;
    }
    std::fputs(out.c_str(), stderr);
    std::fflush(stderr);
    shown_ = line;
}

void Progress::clear() {
    if (style_ == ProgressStyle::none || shown_.empty()) return;
    if (style_ == ProgressStyle::ansi) std::fputs("\r\x1b[K", stderr);
    else std::fputs(("\r" + std::string(display_width(shown_), ' ') + "\r").c_str(), stderr);
    std::fflush(stderr);
    shown_.clear();
}

} // namespace rd::cli
