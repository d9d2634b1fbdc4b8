#include "cli/credentials.h"

#include "cli/terminal.h"
#include "core/text.h"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#ifdef _WIN32 // MinGW's C runtime has open/read/fstat, under Windows' own flags
#include <io.h>
constexpr int secret_open_flags = O_RDONLY | O_BINARY | O_NOINHERIT;
#else
constexpr int secret_open_flags = O_RDONLY | O_CLOEXEC | O_NOCTTY;
#endif

namespace rd::cli {

std::optional<std::string> take_secret_from_environment() {
    char* value = std::getenv("RENEWDESK_CLIENT_SECRET");
    if (!value) return std::nullopt;
    std::string secret = value;
    wipe_bytes(value, std::strlen(value));
#ifdef _WIN32
    _putenv_s("RENEWDESK_CLIENT_SECRET", ""); // an empty value removes it (from the process's block too)
#else
    unsetenv("RENEWDESK_CLIENT_SECRET");
#endif
    if (secret.empty()) return std::nullopt;
    return secret;
}

std::optional<std::string> read_secret_line(int fd) {
    // Byte by byte with read(2): no stdio buffer keeps a copy of the secret.
    std::string line;
    bool got_any = false;
    char c = 0;
    while (true) {
        const ssize_t n = read(fd, &c, 1);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        got_any = true;
        if (c == '\n') break;
        line += c;
    }
    wipe_bytes(&c, 1);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (!got_any) return std::nullopt;
    return line;
}

std::optional<std::string> read_secret_file(const std::string& path, std::string* problem,
                                            [[maybe_unused]] std::string* warning) {
    const int fd = open(path.c_str(), secret_open_flags);
    if (fd < 0) {
        *problem = "--secret-file " + path + ": " + std::strerror(errno);
        return std::nullopt;
    }
    struct stat info {};
    if (fstat(fd, &info) != 0 || S_ISDIR(info.st_mode)) {
        close(fd);
        *problem = "--secret-file " + path + ": not a file";
        return std::nullopt;
    }
#ifndef _WIN32 // Windows' permissions are ACLs, which st_mode does not show
    if (S_ISREG(info.st_mode) && (info.st_mode & (S_IRWXG | S_IRWXO)) && warning)
        *warning = "--secret-file " + path + " can be read by other users: chmod 600 it";
#endif
    auto line = read_secret_line(fd);
    close(fd);
    if (!line || line->empty()) {
        *problem = "--secret-file " + path + " held no Client Secret";
        return std::nullopt;
    }
    return line;
}

Credentials::~Credentials() {
    wipe_string(client_id);
    wipe_string(client_secret);
}

std::optional<std::string> complete_credentials(Credentials& credentials,
                                                const std::string& remembered_client_id,
                                                std::optional<std::string> secret_from_env, bool secret_stdin,
                                                const std::string& secret_file) {
    if (const char* id = std::getenv("RENEWDESK_CLIENT_ID"); id && *id) credentials.client_id = id;
    else if (!remembered_client_id.empty()) credentials.client_id = remembered_client_id;
    else if (auto typed = ask_on_terminal("Client ID: "); typed && !typed->empty())
        credentials.client_id = *typed;
    if (credentials.client_id.empty())
        return "no Client ID: set RENEWDESK_CLIENT_ID (or clientId in settings.json), or run on a terminal "
               "to "
               "type it";

    if (secret_from_env) {
        credentials.client_secret = std::move(*secret_from_env);
        wipe_string(*secret_from_env);
    } else if (!secret_file.empty()) {
        std::string problem, warning;
        auto line = read_secret_file(secret_file, &problem, &warning);
        if (!warning.empty()) std::fprintf(stderr, "renewdesk-cli: %s\n", warning.c_str());
        if (!line) return problem;
        credentials.client_secret = std::move(*line);
        wipe_string(*line);
    } else if (secret_stdin) {
        auto line = read_secret_line(STDIN_FILENO);
        if (line) {
            credentials.client_secret = std::move(*line);
            wipe_string(*line);
        }
        if (credentials.client_secret.empty()) return "--secret-stdin: standard input held no Client Secret";
    } else if (auto typed = ask_on_terminal("Client Secret: ", /*hide=*/true)) {
        credentials.client_secret = std::move(*typed);
        wipe_string(*typed);
    }
    if (credentials.client_secret.empty())
        return "no Client Secret: set RENEWDESK_CLIENT_SECRET, name a file with --secret-file, pipe it with "
               "--secret-stdin, or run on a terminal to type it";
    return std::nullopt;
}

} // namespace rd::cli
