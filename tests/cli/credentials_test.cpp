#include "cli/credentials.h"
#include "cli/terminal.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fcntl.h>
#include <sys/stat.h>
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

namespace {

// A file in a fresh temporary folder holding `text`, with `mode`.
std::string secret_file(const std::string& text, mode_t mode = 0600) {
    char dir[] = "/tmp/renewdesk-secret-XXXXXX";
    EXPECT_NE(mkdtemp(dir), nullptr);
    const std::string path = std::string(dir) + "/renewdesk-client-secret";
    const int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL, mode);
    EXPECT_GE(fd, 0);
    EXPECT_EQ(write(fd, text.data(), text.size()), static_cast<ssize_t>(text.size()));
    close(fd);
    chmod(path.c_str(), mode);
    return path;
}

} // namespace

TEST(Credentials, SecretFileTakesItsFirstLineAndWarnsWhenOthersCanReadIt) {
    std::string problem, warning;
    const std::string path = secret_file("s3cret\nsecond line\n");
    EXPECT_EQ(read_secret_file(path, &problem, &warning).value_or("?"), "s3cret");
    EXPECT_TRUE(problem.empty());
    EXPECT_TRUE(warning.empty());

    const std::string shared = secret_file("s3cret", 0644); // no newline: a systemd credential
    EXPECT_EQ(read_secret_file(shared, &problem, &warning).value_or("?"), "s3cret");
    EXPECT_NE(warning.find("can be read by other users"), std::string::npos) << warning;
    EXPECT_EQ(warning.find("s3cret\n"), std::string::npos);
}

TEST(Credentials, ASecretFileThatCannotBeReadIsNamedButNeverShown) {
    std::string problem, warning;
    EXPECT_FALSE(read_secret_file("/nonexistent/renewdesk-client-secret", &problem, &warning).has_value());
    EXPECT_EQ(problem, "--secret-file /nonexistent/renewdesk-client-secret: No such file or directory");
    EXPECT_FALSE(read_secret_file("/tmp", &problem, &warning).has_value());
    EXPECT_EQ(problem, "--secret-file /tmp: not a file");
    const std::string empty = secret_file("\nnot-the-first-line\n");
    EXPECT_FALSE(read_secret_file(empty, &problem, &warning).has_value());
    EXPECT_EQ(problem, "--secret-file " + empty + " held no Client Secret");
}

TEST(Credentials, CompleteCredentialsReadsTheSecretFileWhenTheEnvironmentHasNone) {
    setenv("RENEWDESK_CLIENT_ID", "id-1", 1);
    Credentials from_file;
    EXPECT_FALSE(
        complete_credentials(from_file, "", std::nullopt, false, secret_file("from-file\n")).has_value());
    EXPECT_EQ(from_file.client_secret, "from-file");
    Credentials env_first; // RENEWDESK_CLIENT_SECRET wins, as over --secret-stdin
    EXPECT_FALSE(
        complete_credentials(env_first, "", std::string("from-env"), false, secret_file("x\n")).has_value());
    EXPECT_EQ(env_first.client_secret, "from-env");
    Credentials missing;
    EXPECT_EQ(complete_credentials(missing, "", std::nullopt, false, "/nonexistent/s").value_or(""),
              "--secret-file /nonexistent/s: No such file or directory");
    unsetenv("RENEWDESK_CLIENT_ID");
}
