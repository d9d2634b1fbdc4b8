// renewdesk-cli's command line: what the person asked for, parsed without side effects so the whole
// grammar is testable. Global options may come before or after the command. Credentials never come
// from here (they come from the environment, stdin or the terminal: see credentials.h).
//
//   auto parsed = rd::cli::parse_args({"users", "--json"});
//   if (!parsed.options) print(parsed.error), exit(exit_usage);
#pragma once

#include "core/ids.h"

#include <optional>
#include <string>
#include <vector>

namespace rd::cli {

enum class Command { none, users, plans, contacts, orders, order, renew, licenses };

struct CliOptions {
    // Global.
    std::optional<std::string> base_url;
    bool sandbox = false;
    std::string ca_bundle;
    bool secret_stdin = false;
    std::string secret_file; // --secret-file FILE ("" = none)
    bool verbose = false;    // --verbose: one line per API call on stderr (call_log.h)
    bool json = false;
    bool help = false;
    bool version = false;         // --version: the version line (rd::about::version_text)
    bool version_verbose = false; // --version --verbose, or the `licenses` command: the licences too
    bool allow_insecure_http = false;

    Command command = Command::none;
    std::string search;                   // users --search
    std::string status;                   // orders --status ("" for all)
    std::optional<int> page;              // orders --page (1-based)
    std::string order_id;                 // order ID, verbatim
    std::optional<std::string> renew_for; // "" = myself, else the partnerId
    std::optional<std::string> from_csv;  // renew --from FILE
    std::optional<Id64> plan_id;
    std::optional<Id64> billing_id;
    std::string po_number; // "" = none
    bool yes = false;
    std::optional<std::string> result_csv;
    bool resume = false;
    bool no_wait = false;          // renew: exit 5 at once while another RenewDesk holds the journal
    bool allow_duplicates = false; // renew --from: a customer may appear on more than one row
    int settle_seconds = 30;
};

struct ParsedArgs {
    std::optional<CliOptions> options; // nullopt: `error` says what is wrong
    std::string error;
};

ParsedArgs parse_args(const std::vector<std::string>& args);

// The --help text: usage, commands, options, credentials and exit codes.
const char* help_text();

} // namespace rd::cli
