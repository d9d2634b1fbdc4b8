#include "credentials.h"
#include "terminal.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <unistd.h>

using namespace rd::cli;

namespace {

// The first line read from a pipe holding `text`.
std::optional<std::string> line_from_pipe(const std::string& text) {
    int fds[2];
    EXPECT_EQ(pipe(fds), 0);
    EXPECT_EQ(write(fds[1], text.data(), text.size()), static_cast<ssize_t>(text.size()));
    close(fds[1]);
    auto line = read_secret_line(fds[0]);
    close(fds[0]);
    return line;
}

} // namespace

TEST(Credentials, SecretStdinTakesTheFirstLineWithoutItsEnding) {
    EXPECT_EQ(line_from_pipe("s3cret\nsecond line\n").value_or("?"), "s3cret");
    EXPECT_EQ(line_from_pipe("s3cret\r\n").value_or("?"), "s3cret");
    EXPECT_EQ(line_from_pipe("no newline").value_or("?"), "no newline");
    EXPECT_EQ(line_from_pipe("\n").value_or("?"), "");
    EXPECT_FALSE(line_from_pipe("").has_value());
}

TEST(Credentials, TheSecretIsTakenOutOfTheEnvironment) {
    setenv("RENEWDESK_CLIENT_SECRET", "from-env", 1);
    EXPECT_EQ(take_secret_from_environment().value_or(""), "from-env");
    EXPECT_EQ(std::getenv("RENEWDESK_CLIENT_SECRET"), nullptr); // a child started later cannot inherit it
    EXPECT_FALSE(take_secret_from_environment().has_value());
}

TEST(Terminal, ColumnsComeFromTheEnvironmentOnlyWhenTheyAreANumber) {
    EXPECT_EQ(width_from_env("120").value_or(0), 120u);
    EXPECT_FALSE(width_from_env(nullptr).has_value());
    EXPECT_FALSE(width_from_env("").has_value());
    EXPECT_FALSE(width_from_env("0").has_value());
    EXPECT_FALSE(width_from_env("80x").has_value());
}
