// How renewdesk-cli's progress line is drawn (terminal.h): never on a pipe or log, and without escape
// sequences on a dumb terminal.
#include "cli/terminal.h"

#include <gtest/gtest.h>

using rd::cli::progress_style;
using rd::cli::ProgressStyle;

TEST(Terminal, NoProgressLineWhenStderrIsNotATerminal) {
    EXPECT_EQ(progress_style(false, "xterm-256color"), ProgressStyle::none);
    EXPECT_EQ(progress_style(false, "dumb"), ProgressStyle::none);
    EXPECT_EQ(progress_style(false, nullptr), ProgressStyle::none);
}

TEST(Terminal, ADumbOrUnknownTerminalGetsNoEscapeSequences) {
    EXPECT_EQ(progress_style(true, "dumb"), ProgressStyle::plain);
    EXPECT_EQ(progress_style(true, ""), ProgressStyle::plain);
    EXPECT_EQ(progress_style(true, nullptr), ProgressStyle::plain);
    EXPECT_EQ(progress_style(true, "xterm"), ProgressStyle::ansi);
    EXPECT_EQ(progress_style(true, "linux"), ProgressStyle::ansi);
}
