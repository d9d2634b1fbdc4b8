// The hidden secret prompt (terminal.h) on a real pseudo-terminal: echo comes back on every way out
// (SIGINT, SIGTERM, SIGHUP, SIGQUIT), before a stop (SIGTSTP), and goes off again on SIGCONT while the
// prompt still reads. The pty's ECHO flag is read through a descriptor of this process, so it is seen
// after the prompting process stopped or ended.
//
// Process layout, as under a shell: forkpty() makes a session leader on a new pty (the "shell"); it
// forks the prompting process into a process group of its own and makes that the foreground group.
// (A session leader's own group is orphaned, and Linux drops SIGTSTP's stop for orphaned groups.)
#include "cli/terminal.h"

#include <gtest/gtest.h>

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <fstream>
#include <poll.h>
#include <pty.h>
#include <string>
#include <sys/resource.h>
#include <sys/wait.h>
#include <termios.h>
#include <thread>
#include <unistd.h>

namespace {

constexpr int exit_read_secret = 0, exit_wrong_secret = 3, exit_interrupted = 4;

// Not a speed limit: only how long a test waits for something that should happen before it gives up.
constexpr auto patience = std::chrono::seconds(20);

template <class Predicate> bool wait_for(Predicate predicate) {
    const auto deadline = std::chrono::steady_clock::now() + patience;
    while (!predicate()) {
        if (std::chrono::steady_clock::now() > deadline) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return true;
}

[[noreturn]] void run_prompt(bool watch) {
    rlimit no_core{0, 0};
    setrlimit(RLIMIT_CORE, &no_core); // SIGQUIT's default action would dump one
    if (watch) rd::cli::watch_interrupts();
    const auto secret = rd::cli::ask_on_terminal("Secret: ", /*hide=*/true);
    if (rd::cli::interrupted()) _exit(exit_interrupted);
    _exit(secret && *secret == "s3cret" ? exit_read_secret : exit_wrong_secret);
}

// The "shell": the prompting process in the foreground group; ends as it ended (128 + signal when
// killed by one, as a shell reports it).
[[noreturn]] void run_shell(int report_fd, bool watch) {
    const pid_t prompt = fork();
    if (prompt == 0) {
        std::signal(SIGTTOU, SIG_IGN); // tcsetpgrp from a background group, as shells do
        setpgid(0, 0);
        tcsetpgrp(STDIN_FILENO, getpgrp());
        std::signal(SIGTTOU, SIG_DFL);
        close(report_fd);
        run_prompt(watch);
    }
    setpgid(prompt, prompt);
    [[maybe_unused]] auto written = write(report_fd, &prompt, sizeof prompt);
    close(report_fd);
    int status = 0;
    while (waitpid(prompt, &status, 0) < 0 && errno == EINTR) {
    }
    _exit(WIFSIGNALED(status) ? 128 + WTERMSIG(status) : WEXITSTATUS(status));
}

class PromptOnPty {
  public:
    explicit PromptOnPty(bool watch = false) {
        int fds[2];
        if (pipe(fds) != 0) return;
        shell_ = forkpty(&master_, nullptr, nullptr, nullptr);
        if (shell_ == 0) {
            close(fds[0]);
            run_shell(fds[1], watch);
        }
        close(fds[1]);
        if (shell_ < 0) return;
        if (read(fds[0], &prompt_, sizeof prompt_) != sizeof prompt_) prompt_ = -1;
        close(fds[0]);
        slave_ = open(ptsname(master_), O_RDWR | O_NOCTTY | O_CLOEXEC);
    }
    ~PromptOnPty() {
        if (prompt_ > 0) kill(prompt_, SIGKILL);
        if (shell_ > 0 && !reaped_) {
            kill(shell_, SIGKILL);
            waitpid(shell_, nullptr, 0);
        }
        if (slave_ >= 0) close(slave_);
        if (master_ >= 0) close(master_);
    }
    bool started() const { return shell_ > 0 && prompt_ > 0 && slave_ >= 0; }
    pid_t prompt() const { return prompt_; }

    bool echo() const {
        termios settings{};
        return tcgetattr(slave_, &settings) == 0 && (settings.c_lflag & ECHO) != 0;
    }
    // The prompting process's state letter in /proc: 'T' when stopped.
    char state() const {
        std::ifstream stat("/proc/" + std::to_string(prompt_) + "/stat");
        std::string line;
        std::getline(stat, line);
        const auto paren = line.rfind(')');
        return paren == std::string::npos || paren + 2 >= line.size() ? '?' : line[paren + 2];
    }
    void type(const std::string& text) const {
        [[maybe_unused]] auto n = write(master_, text.data(), text.size());
    }
    // Everything the terminal showed so far.
    std::string shown() {
        char buffer[512];
        pollfd ready{master_, POLLIN, 0};
        while (poll(&ready, 1, 0) > 0 && (ready.revents & POLLIN)) {
            const ssize_t n = read(master_, buffer, sizeof buffer);
            if (n <= 0) break;
            shown_.append(buffer, static_cast<std::size_t>(n));
        }
        return shown_;
    }
    // The shell's exit status: the prompt's exit code, or 128 + the signal that ended it.
    int wait_exit() {
        int status = 0;
        if (waitpid(shell_, &status, 0) != shell_) return -1;
        reaped_ = true;
        prompt_ = -1;
        return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    }

  private:
    int master_ = -1;
    int slave_ = -1;
    pid_t shell_ = -1;
    pid_t prompt_ = -1;
    bool reaped_ = false;
    std::string shown_;
};

} // namespace

TEST(PromptEcho, StopRestoresEchoContinueHidesItAgainQuitRestoresIt) {
    PromptOnPty pty;
    ASSERT_TRUE(pty.started());
    ASSERT_TRUE(wait_for([&] { return !pty.echo(); })) << "the prompt never turned echo off";

    kill(pty.prompt(), SIGTSTP); // Ctrl+Z
    ASSERT_TRUE(wait_for([&] { return pty.state() == 'T'; })) << "state " << pty.state();
    EXPECT_TRUE(pty.echo()) << "stopped with echo off: the shell would be typed blind";

    kill(pty.prompt(), SIGCONT); // fg
    ASSERT_TRUE(wait_for([&] { return !pty.echo(); })) << "continued, still prompting, but echo stayed on";
    EXPECT_NE(pty.state(), 'T');

    kill(pty.prompt(), SIGQUIT);
    EXPECT_EQ(pty.wait_exit(), 128 + SIGQUIT);
    EXPECT_TRUE(pty.echo());
}

TEST(PromptEcho, AfterAStopTheSecretIsStillReadAndNeverShown) {
    PromptOnPty pty;
    ASSERT_TRUE(pty.started());
    ASSERT_TRUE(wait_for([&] { return !pty.echo(); }));
    kill(pty.prompt(), SIGTSTP);
    ASSERT_TRUE(wait_for([&] { return pty.state() == 'T'; }));
    kill(pty.prompt(), SIGCONT);
    ASSERT_TRUE(wait_for([&] { return !pty.echo(); }));
    pty.type("s3cret\n");
    EXPECT_EQ(pty.wait_exit(), exit_read_secret);
    EXPECT_TRUE(pty.echo());
    const std::string shown = pty.shown();
    EXPECT_NE(shown.find("Secret: "), std::string::npos) << shown;
    EXPECT_EQ(shown.find("s3cret"), std::string::npos) << shown;
}

class PromptEchoOnSignal : public testing::TestWithParam<int> {};

TEST_P(PromptEchoOnSignal, TheProcessEndsByTheSignalWithEchoBackOn) {
    PromptOnPty pty;
    ASSERT_TRUE(pty.started());
    ASSERT_TRUE(wait_for([&] { return !pty.echo(); }));
    kill(pty.prompt(), GetParam());
    EXPECT_EQ(pty.wait_exit(), 128 + GetParam()); // ended by it, as the shell expects
    EXPECT_TRUE(pty.echo()) << strsignal(GetParam());
}

INSTANTIATE_TEST_SUITE_P(EveryWayOut, PromptEchoOnSignal, testing::Values(SIGINT, SIGTERM, SIGHUP, SIGQUIT),
                         [](const testing::TestParamInfo<int>& info) {
                             return std::string(sigabbrev_np(info.param));
                         });

TEST(PromptEcho, WhileABatchWatchesInterruptsCtrlCEndsThePromptNotTheProcess) {
    PromptOnPty pty(/*watch=*/true);
    ASSERT_TRUE(pty.started());
    ASSERT_TRUE(wait_for([&] { return !pty.echo(); }));
    kill(pty.prompt(), SIGINT);
    EXPECT_EQ(pty.wait_exit(), exit_interrupted);
    EXPECT_TRUE(pty.echo());
}
