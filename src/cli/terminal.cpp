// terminal.h on POSIX (the shared half: terminal_shared.cpp; Windows: terminal_windows.cpp).
#include "cli/terminal.h"

#include "core/text.h"

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <iterator>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

namespace rd::cli {
namespace {

volatile std::sig_atomic_t interrupt_count = 0;
volatile std::sig_atomic_t watching = 0; // watch_interrupts(): the first Ctrl+C or SIGTERM is a stop

// The hidden prompt's terminal and its settings from before echo went off. `hiding`: a hidden prompt is
// reading, so echo belongs off while this process is in the foreground; `echo_off`: it is off now.
// Changed only with the prompt's signals blocked (in the handlers: by their sa_mask).
int echo_fd = -1;
termios saved_termios{};
volatile std::sig_atomic_t hiding = 0;
volatile std::sig_atomic_t echo_off = 0;

// Every way out of (or away from) the prompt a person or a service manager can cause, and SIGCONT.
constexpr int prompt_signals[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGTSTP, SIGCONT};
constexpr std::size_t prompt_signal_count = std::size(prompt_signals);
struct sigaction previous_actions[prompt_signal_count];
bool installed[prompt_signal_count];

sigset_t prompt_signal_set() {
    sigset_t set;
    sigemptyset(&set);
    for (int signal : prompt_signals)
        sigaddset(&set, signal);
    return set;
}

// Async-signal-safe (tcsetattr, tcgetattr, tcgetpgrp, getpgrp are).
void restore_echo() {
    if (echo_off) {
        tcsetattr(echo_fd, TCSANOW, &saved_termios);
        echo_off = 0;
    }
}

void hide_echo(int when) {
    if (!hiding || echo_off) return;
    // Continued in the background (bg): leave the terminal to the shell. The read() that follows
    // stops this process again (SIGTTIN), and the SIGCONT of the next fg comes back here.
    if (tcgetpgrp(echo_fd) != getpgrp()) return;
    if (tcgetattr(echo_fd, &saved_termios) != 0) return;
    termios quiet = saved_termios;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    if (tcsetattr(echo_fd, when, &quiet) == 0) echo_off = 1;
}

// Ends the process by `signal`'s default action, so the parent sees how it ended.
void die_by(int signal) {
    restore_echo();
    std::signal(signal, SIG_DFL);
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, signal);
    sigprocmask(SIG_UNBLOCK, &set, nullptr);
    std::raise(signal);
}

void on_signal(int signal) {
    restore_echo();
    if ((signal == SIGINT || signal == SIGTERM) && interrupt_count == 0) { // a stop, like Ctrl+C
        interrupt_count = 1;
        return;
    }
    die_by(signal);
}

// While a hidden prompt reads: echo comes back before the process stops or ends, and goes off again
// when it is continued in the foreground.
void on_prompt_signal(int signal) {
    switch (signal) {
    case SIGCONT: hide_echo(TCSANOW); return;
    case SIGTSTP: {
        restore_echo();
        struct sigaction stop {};
        struct sigaction mine {};
        stop.sa_handler = SIG_DFL;
        sigaction(SIGTSTP, &stop, &mine);
        sigset_t set;
        sigemptyset(&set);
        sigaddset(&set, SIGTSTP);
        sigprocmask(SIG_UNBLOCK, &set, nullptr);
        std::raise(SIGTSTP); // stopped here until SIGCONT
        sigprocmask(SIG_BLOCK, &set, nullptr);
        sigaction(SIGTSTP, &mine, nullptr);
        hide_echo(TCSANOW);
        return;
    }
    case SIGINT:
    case SIGTERM:
        if (watching) return on_signal(signal); // a batch's stop: the read loop sees interrupted()
        break;
    default: break;
    }
    die_by(signal);
}

// Installs on_prompt_signal for every prompt signal not ignored (an ignored one stays ignored), echo
// off; call with the prompt signals blocked.
void start_hiding(int fd) {
    struct sigaction action {};
    action.sa_handler = on_prompt_signal;
    action.sa_mask = prompt_signal_set();
    action.sa_flags = 0; // no SA_RESTART: read() returns EINTR, and the loop looks at interrupted()
    for (std::size_t i = 0; i < prompt_signal_count; ++i) {
        installed[i] = false;
        if (sigaction(prompt_signals[i], nullptr, &previous_actions[i]) != 0) continue;
        if (previous_actions[i].sa_handler == SIG_IGN) continue;
        installed[i] = sigaction(prompt_signals[i], &action, nullptr) == 0;
    }
    echo_fd = fd;
    hiding = 1;
    hide_echo(TCSAFLUSH); // typed ahead before the prompt: not part of the secret
}

// Echo back on and the signals' previous actions; true when echo had been off. Call blocked, too.
bool stop_hiding() {
    hiding = 0;
    const bool was_off = echo_off;
    restore_echo();
    for (std::size_t i = 0; i < prompt_signal_count; ++i)
        if (installed[i]) sigaction(prompt_signals[i], &previous_actions[i], nullptr);
    echo_fd = -1;
    return was_off;
}

} // namespace

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
    const sigset_t blocked = prompt_signal_set();
    sigset_t before;
    if (hide) {
        sigprocmask(SIG_BLOCK, &blocked, &before);
        start_hiding(fd);
        sigprocmask(SIG_SETMASK, &before, nullptr);
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
    if (hide) {
        sigprocmask(SIG_BLOCK, &blocked, &before);
        const bool was_hidden = stop_hiding();
        sigprocmask(SIG_SETMASK, &before, nullptr);
        const char newline = '\n';
        if (was_hidden) { // the Enter that was not echoed
            [[maybe_unused]] auto ignored = write(fd, &newline, 1);
        }
    }
    wipe_bytes(&c, 1);
    close(fd);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (!got_any) return std::nullopt;
    return line;
}

void watch_interrupts() {
    struct sigaction action {};
    action.sa_handler = on_signal;
    watching = 1;
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr); // a service manager's or kill's stop: the same as Ctrl+C
}

bool interrupted() {
    return interrupt_count != 0;
}

} // namespace rd::cli
