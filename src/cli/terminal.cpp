#include "terminal.h"

#include "display_width.h"
#include "text.h"

#include <cerrno>
#include <charconv>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

namespace rd::cli {
namespace {

volatile std::sig_atomic_t interrupt_count = 0;
// The terminal's settings while echo is off, restored by the signal handler too.
int echo_fd = -1;
termios saved_termios{};
volatile std::sig_atomic_t echo_off = 0;

void restore_echo() {
    if (echo_off) {
        tcsetattr(echo_fd, TCSANOW, &saved_termios);
        echo_off = 0;
    }
}

void on_signal(int signal) {
    restore_echo();
    if ((signal == SIGINT || signal == SIGTERM) && interrupt_count == 0) { // a stop, like Ctrl+C
        interrupt_count = 1;
        return;
    }
    std::signal(signal, SIG_DFL);
    std::raise(signal);
}

} // namespace

std::optional<std::size_t> width_from_env(const char* columns_env) {
    if (!columns_env || !*columns_env) return std::nullopt;
    std::size_t columns = 0;
    const char* end = columns_env + std::strlen(columns_env);
    auto [ptr, ec] = std::from_chars(columns_env, end, columns);
    if (ec != std::errc{} || ptr != end || columns == 0) return std::nullopt;
    return columns;
}

std::optional<std::size_t> output_width() {
    if (isatty(STDOUT_FILENO)) {
        winsize size{};
        if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) return size.ws_col;
    }
    return width_from_env(std::getenv("COLUMNS"));
}

bool stderr_is_terminal() {
    return isatty(STDERR_FILENO) == 1;
}

std::optional<std::string> ask_on_terminal(const std::string& prompt, bool hide) {
    const int fd = open("/dev/tty", O_RDWR | O_CLOEXEC | O_NOCTTY);
    if (fd < 0) return std::nullopt;
    if (write(fd, prompt.data(), prompt.size()) < 0) {
        close(fd);
        return std::nullopt;
    }
    if (hide && tcgetattr(fd, &saved_termios) == 0) {
        termios quiet = saved_termios;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        echo_fd = fd;
        // Handlers first, so Ctrl+C while echo is off restores it.
        struct sigaction action {};
        action.sa_handler = on_signal;
        sigaction(SIGTERM, &action, nullptr);
        sigaction(SIGHUP, &action, nullptr);
        struct sigaction previous_int {};
        sigaction(SIGINT, nullptr, &previous_int);
        if (previous_int.sa_handler != on_signal) {
            struct sigaction dies {};
            dies.sa_handler = [](int signal) {
                restore_echo();
                std::signal(signal, SIG_DFL);
                std::raise(signal);
            };
            sigaction(SIGINT, &dies, nullptr);
        }
        echo_off = 1;
        tcsetattr(fd, TCSAFLUSH, &quiet);
    }
    std::string line;
    bool got_any = false;
    char c = 0;
    while (true) {
        const ssize_t n = read(fd, &c, 1);
        if (n < 0 && errno == EINTR) {
            if (interrupted()) break;
            continue;
        }
        if (n <= 0) break;
        got_any = true;
        if (c == '\n') break;
        line += c;
    }
    if (hide && echo_off) {
        restore_echo();
        const char newline = '\n';
        [[maybe_unused]] auto ignored = write(fd, &newline, 1); // the Enter that was not echoed
    }
    wipe_bytes(&c, 1);
    close(fd);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (!got_any) return std::nullopt;
    return line;
}

std::optional<bool> confirm_on_terminal(const std::string& question) {
    auto answer = ask_on_terminal(question);
    if (!answer) return std::nullopt;
    const std::string lower = ascii_lowercase(*answer);
    return lower == "y" || lower == "yes";
}

void watch_interrupts() {
    struct sigaction action {};
    action.sa_handler = on_signal;
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr); // a service manager's or kill's stop: the same as Ctrl+C
}

bool interrupted() {
    return interrupt_count != 0;
}

Progress::Progress() : enabled_(stderr_is_terminal()) {}

void Progress::show(const std::string& text) {
    if (!enabled_) return;
    std::string line = text;
    if (auto width = output_width(); width && *width > 1) line = truncate_to_width(text, *width - 1);
    std::fprintf(stderr, "\r\x1b[K%s", line.c_str());
    std::fflush(stderr);
    shown_ = line;
}

void Progress::clear() {
    if (!enabled_ || shown_.empty()) return;
    std::fprintf(stderr, "\r\x1b[K");
    std::fflush(stderr);
    shown_.clear();
}

} // namespace rd::cli
