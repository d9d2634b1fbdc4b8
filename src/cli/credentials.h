// Where renewdesk-cli's credentials come from, never the command line:
//   Client ID      RENEWDESK_CLIENT_ID, else settings.json's clientId, else asked on /dev/tty
//   Client Secret  RENEWDESK_CLIENT_SECRET, else the first line of a file (--secret-file FILE: e.g. a
//                  systemd credential, $CREDENTIALS_DIRECTORY/NAME), else the first line of stdin
//                  (--secret-stdin), else asked on /dev/tty with echo off
// The secret is taken out of the environment first thing (wiped and unset), so no child process (the
// sandbox) inherits it.
#pragma once

#include <optional>
#include <string>

namespace rd::cli {

// RENEWDESK_CLIENT_SECRET, its bytes in the environment overwritten and the variable unset.
std::optional<std::string> take_secret_from_environment();

// The first line read from `fd` without its line ending; nullopt when there is nothing to read.
std::optional<std::string> read_secret_line(int fd);

// The first line of the file at `path` (--secret-file). nullopt, with `problem` in words (naming the
// file, never its contents), when it cannot be read or holds no secret. `warning` is set when the
// file can be read by its group or others.
std::optional<std::string> read_secret_file(const std::string& path, std::string* problem,
                                            std::string* warning);

struct Credentials {
    std::string client_id;
    std::string client_secret;
    ~Credentials();
};

// Fills in what is missing from env / settings / stdin / the terminal; the problem in words (for exit 4)
// when something could not be had.
std::optional<std::string> complete_credentials(Credentials& credentials,
                                                const std::string& remembered_client_id,
                                                std::optional<std::string> secret_from_env, bool secret_stdin,
                                                const std::string& secret_file = {});

} // namespace rd::cli
