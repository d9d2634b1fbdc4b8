// renewdesk-cli: the command-line face of RenewDesk's core (issue 14). Options are parsed
// (cli_options.h), the secret taken out of the environment, the base URL chosen and checked, then one
// command runs against the API with the same core the desktop app uses.
#include "about/about.h"
#include "cli/base_url.h"
#include "cli/call_log.h"
#include "cli/cli_options.h"
#include "cli/commands.h"
#include "cli/credentials.h"
#include "cli/exit_codes.h"
#include "cli/session.h"
#include "platform/desktop/sandbox_process.h"
#include "platform/desktop/settings_store.h"
#include "platform/platform_transport.h"

#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <filesystem>
#include <memory>
#include <string>
#include <system_error>
#include <unistd.h>
#include <vector>

int main(int argc, char** argv) {
    using namespace rd::cli;
    // First: no child (the sandbox) may inherit the secret, and no later failure may leave it there.
    std::optional<std::string> secret = take_secret_from_environment();

    const ParsedArgs parsed = parse_args(std::vector<std::string>(argv + 1, argv + argc));
    if (!parsed.options) {
        std::fprintf(stderr, "renewdesk-cli: %s\nTry 'renewdesk-cli --help'.\n", parsed.error.c_str());
        return exit_usage;
    }
    const CliOptions& options = *parsed.options;
    if (options.help) {
        std::fputs(help_text(), stdout);
        return exit_ok;
    }
    if (options.version) {
        const auto text = rd::about::version_text(rd::about::Program::cli, options.version_verbose,
                                                  rd::about::executable_dir());
        std::fputs(text.c_str(), stdout);
        return exit_ok;
    }

    const std::filesystem::path config_dir = rd::desktop::default_config_dir();
    rd::desktop::DesktopSettings settings;
    if (!config_dir.empty()) {
        // Read only: the desktop app owns the file (it moves an unreadable one aside; this never does).
        auto loaded = rd::desktop::read_settings(config_dir / "settings.json");
        if (loaded.problem)
            report("ignoring " + loaded.problem->file.string() + ": " + loaded.problem->reason);
        settings = std::move(loaded.settings);
    }

    std::unique_ptr<rd::desktop::SandboxProcess> sandbox;
    if (options.sandbox && !options.base_url) {
        std::string error;
        // The sandbox logs every request on its stderr, which it inherits: keep that off ours.
        std::fflush(stderr);
        const int saved_stderr = dup(STDERR_FILENO);
#ifdef _WIN32
        const int null = open("NUL", O_WRONLY); // unused there: --sandbox is refused (sandbox_process.h)
#else
        const int null = open("/dev/null", O_WRONLY | O_CLOEXEC);
#endif
        if (null >= 0) dup2(null, STDERR_FILENO);
        sandbox = rd::desktop::SandboxProcess::start(rd::desktop::sibling_sandbox_binary(), &error);
        if (saved_stderr >= 0) dup2(saved_stderr, STDERR_FILENO), close(saved_stderr);
        if (null >= 0) close(null);
        if (!sandbox) {
            report("could not start the sandbox: " + error);
            return exit_usage;
        }
    }
    const std::string base_url =
        choose_base_url(options.base_url, sandbox ? sandbox->url() : std::string(), settings.base_url);
    if (auto refusal = credentials_refusal(base_url, options.allow_insecure_http)) {
        report(*refusal);
        return exit_usage;
    }

    const std::string ca_bundle = !options.ca_bundle.empty() ? options.ca_bundle : settings.ca_bundle;
    std::error_code ec;
    if (!ca_bundle.empty() &&
        !std::filesystem::is_regular_file(ca_bundle, ec)) { // as the desktop app says it
        report("CA bundle " + ca_bundle + " (" +
               (options.ca_bundle.empty() ? "caBundle in " + (config_dir / "settings.json").string()
                                          : "--ca-bundle") +
               "): no such file");
        return exit_usage;
    }
    rd::TransportOptions transport_options;
    if (!ca_bundle.empty()) transport_options.ca_bundle_path = ca_bundle.c_str();
    std::unique_ptr<rd::Transport> transport = rd::make_platform_transport(transport_options);
    std::string log_warning; // --verbose or RENEWDESK_LOG=debug: one line per API call (call_log.h)
    if (call_log_wanted(options.verbose, std::getenv("RENEWDESK_LOG"), &log_warning))
        transport = std::make_unique<CallLog>(std::move(transport), stderr_call_log_options());
    if (!log_warning.empty()) report(log_warning);
    Session session(options, std::move(transport), base_url, config_dir, settings.client_id,
                    std::move(secret));
    if (secret) rd::wipe_string(*secret);

    switch (options.command) {
    case Command::users: return run_users(session);
    case Command::plans: return run_plans(session);
    case Command::contacts: return run_contacts(session);
    case Command::orders: return run_orders(session);
    case Command::order: return run_order(session);
    case Command::renew: return options.renew_for ? run_renew_one(session) : run_renew_batch(session);
    case Command::licenses:
    case Command::none: break;
    }
    return exit_usage;
}
