// renewdesk-cli's terminal: the table width, questions and prompts on /dev/tty (never stdin, which
// may carry the secret or be a pipe), the secret typed with echo off (echo comes back before the
// process ends or stops by SIGINT, SIGTERM, SIGHUP, SIGQUIT or SIGTSTP, and goes off again on SIGCONT
// while still asking), and the \r progress line on stderr when stderr is a terminal.
#pragma once

#include <cstddef>
#include <optional>
#include <string>

namespace rd::cli {

// Columns of stdout when it is a terminal, else $COLUMNS, else nullopt (no truncation).
std::optional<std::size_t> output_width();
// Pure half of output_width: `columns_env` is $COLUMNS (or null).
std::optional<std::size_t> width_from_env(const char* columns_env);

bool stderr_is_terminal();

// Asks `prompt` on /dev/tty and reads one line; nullopt when there is no terminal (or it closed).
// With `hide`, the typed text is not echoed.
std::optional<std::string> ask_on_terminal(const std::string& prompt, bool hide = false);
// "[y/N]" questions: true only for y or yes. nullopt when there is no terminal.
std::optional<bool> confirm_on_terminal(const std::string& question);

// Ctrl+C or SIGTERM: the first one sets a flag the main loop reads (a batch stops sending, the order
// on its way finishes); a second one ends the process. Installed by watch_interrupts().
void watch_interrupts();
bool interrupted();

// How the progress line is drawn: not at all when stderr is not a terminal (a pipe, a log, the
// journal); with a carriage return and blanks only, no escape sequence, when TERM is dumb or unset;
// with "\r\x1b[K" otherwise. `term` is $TERM (or null).
enum class ProgressStyle { none, plain, ansi };
ProgressStyle progress_style(bool stderr_terminal, const char* term);

// One progress line on stderr, rewritten in place (progress_style()).
class Progress {
  public:
    Progress();
    ~Progress() { clear(); }
    void show(const std::string& text);
    void clear(); // before writing anything else to the terminal
  private:
    ProgressStyle style_;
    std::string shown_;
};

} // namespace rd::cli
