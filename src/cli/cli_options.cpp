#include "cli/cli_options.h"

#include "ui/words/error_words.h"

#include <algorithm>
#include <charconv>
#include <map>
#include <set>

namespace rd::cli {
namespace {

const std::map<std::string, Command> commands = {
    {"users", Command::users},       {"plans", Command::plans}, {"contacts", Command::contacts},
    {"orders", Command::orders},     {"order", Command::order}, {"renew", Command::renew},
    {"licenses", Command::licenses},
};

const std::set<std::string> valued_options = {
    "--base-url", "--ca-bundle", "--search", "--status", "--page",           "--for",        "--from",
    "--plan",     "--billing",   "--po",     "--result", "--settle-seconds", "--secret-file"};
const std::set<std::string> flag_options = {"--sandbox", "--secret-stdin",        "--json",    "--help",
                                            "-h",        "--allow-insecure-http", "--yes",     "--resume",
                                            "--no-wait", "--allow-duplicates",    "--version", "--verbose"};
const std::set<std::string> global_options = {
    "--base-url", "--sandbox", "--ca-bundle",  "--secret-stdin",
    "--json",     "--help",    "-h",           "--allow-insecure-http",
    "--version",  "--verbose", "--secret-file"};

// The options each command takes besides the global ones.
const std::set<std::string>& command_options(Command command) {
    static const std::set<std::string> none;
    static const std::set<std::string> users = {"--search"};
    static const std::set<std::string> orders = {"--status", "--page"};
    static const std::set<std::string> renew = {
        "--for",    "--from",    "--plan",           "--billing",         "--po", "--yes", "--result",
        "--resume", "--no-wait", "--settle-seconds", "--allow-duplicates"};
    switch (command) {
    case Command::users: return users;
    case Command::orders: return orders;
    case Command::renew: return renew;
    default: return none;
    }
}

const char* command_name(Command command) {
    for (const auto& [name, value] : commands)
        if (value == command) return name.c_str();
    return "";
}

bool parse_int(const std::string& text, int& out) {
    const char* end = text.data() + text.size();
    auto [ptr, ec] = std::from_chars(text.data(), end, out);
    return ec == std::errc{} && ptr == end && !text.empty();
}

ParsedArgs fail(std::string error) {
    return {std::nullopt, std::move(error)};
}

} // namespace

ParsedArgs parse_args(const std::vector<std::string>& args) {
    CliOptions options;
    std::map<std::string, std::string> values; // option -> value ("" for flags), each at most once
    std::vector<std::string> positional;
    bool options_ended = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        std::string arg = args[i];
        if (options_ended || arg.empty() || arg[0] != '-' || arg == "-") {
            if (options.command == Command::none) {
                auto it = commands.find(arg);
                if (it == commands.end()) return fail("unknown command '" + arg + "'");
                options.command = it->second;
            } else {
                positional.push_back(arg);
            }
            continue;
        }
        if (arg == "--") {
            options_ended = true;
            continue;
        }
        std::optional<std::string> inline_value;
        if (auto eq = arg.find('='); eq != std::string::npos && arg.rfind("--", 0) == 0) {
            inline_value = arg.substr(eq + 1);
            arg.resize(eq);
        }
        std::string value;
        if (valued_options.count(arg)) {
            if (inline_value) value = *inline_value;
            else if (i + 1 < args.size()) value = args[++i];
            else return fail(arg + " needs a value");
        } else if (flag_options.count(arg)) {
            if (inline_value) return fail(arg + " takes no value");
        } else {
            return fail("unknown option '" + arg + "'");
        }
        if (arg == "-h") arg = "--help";
        if (!values.emplace(arg, value).second) return fail(arg + " is given twice");
    }

    if (values.count("--help")) {
        options.help = true;
        return {options, ""};
    }
    // --version wins over a command; with --verbose (when that option is known) it prints the licences.
    if (values.count("--version") || options.command == Command::licenses) {
        if (options.command == Command::licenses && !positional.empty())
            return fail("'licenses' takes no argument '" + positional[0] + "'");
        options.version = true;
        options.version_verbose = options.command == Command::licenses || values.count("--verbose") > 0;
        return {options, ""};
    }
    if (options.command == Command::none) return fail("no command given");
    const std::string name = command_name(options.command);
    for (const auto& [option, value] : values)
        if (!global_options.count(option) && !command_options(options.command).count(option))
            return fail(option + " does not go with '" + name + "'");

    if (options.command == Command::order) {
        if (positional.size() != 1) return fail("'order' takes exactly one order id");
        if (positional[0].empty()) return fail("the order id is empty");
        options.order_id = positional[0];
    } else if (!positional.empty()) {
        return fail("'" + name + "' takes no argument '" + positional[0] + "'");
    }

    auto has = [&](const char* option) { return values.count(option) > 0; };
    auto get = [&](const char* option) { return values.at(option); };
    if (has("--base-url")) {
        if (get("--base-url").empty()) return fail("--base-url is empty");
        options.base_url = get("--base-url");
    }
    options.sandbox = has("--sandbox");
    if (has("--ca-bundle")) {
        if (get("--ca-bundle").empty()) return fail("--ca-bundle is empty");
        options.ca_bundle = get("--ca-bundle");
    }
    options.secret_stdin = has("--secret-stdin");
    options.verbose = has("--verbose");
    if (has("--secret-file")) {
        if (get("--secret-file").empty()) return fail("--secret-file is empty");
        if (options.secret_stdin) return fail("give --secret-stdin or --secret-file, not both");
        options.secret_file = get("--secret-file");
    }
    options.json = has("--json");
    options.allow_insecure_http = has("--allow-insecure-http");
    if (has("--search")) options.search = get("--search");
    if (has("--status")) options.status = get("--status");
    if (has("--page")) {
        int page = 0;
        if (!parse_int(get("--page"), page) || page < 1) return fail("--page needs a whole number from 1 up");
        options.page = page;
    }
    if (options.command != Command::renew) return {options, ""};

    options.yes = has("--yes");
    options.resume = has("--resume");
    options.no_wait = has("--no-wait");
    options.allow_duplicates = has("--allow-duplicates");
    if (options.allow_duplicates && !has("--from"))
        return fail("--allow-duplicates goes with a batch (--from)");
    if (has("--for") && has("--from")) return fail("give --for or --from, not both");
    if (has("--for") && options.resume) return fail("--resume goes with a batch (--from), not --for");
    if (!has("--for") && !has("--from") && !options.resume)
        return fail("'renew' needs --for myself|PARTNER_ID, --from FILE.csv or --resume");
    if (has("--for")) {
        const std::string target = get("--for");
        if (target.empty()) return fail("--for needs 'myself' or a partnerId");
        options.renew_for = target == "myself" ? "" : target;
    }
    if (has("--from")) {
        if (get("--from").empty()) return fail("--from is empty");
        options.from_csv = get("--from");
    }
    if (has("--plan")) {
        auto id = parse_typed_id(get("--plan"), TypedId::plan);
        if (!id) return fail("--plan: " + ui::error_detail_words(id.error(), ui::Language::en));
        options.plan_id = id.value();
    }
    if (has("--billing")) {
        auto id = parse_typed_id(get("--billing"), TypedId::billing_contact);
        if (!id) return fail("--billing: " + ui::error_detail_words(id.error(), ui::Language::en));
        options.billing_id = id.value();
    }
    // A resumed batch keeps the billing contact it was started with.
    if (!options.billing_id && !(options.resume && !options.from_csv))
        return fail("'renew' needs --billing ID (see 'renewdesk-cli contacts')");
    if (has("--po")) {
        const std::string& po = get("--po");
        const auto first = po.find_first_not_of(" \t");
        options.po_number =
            first == std::string::npos ? "" : po.substr(first, po.find_last_not_of(" \t") - first + 1);
    }
    if (has("--result")) {
        if (!has("--from") && !options.resume) return fail("--result goes with a batch (--from)");
        if (get("--result").empty()) return fail("--result is empty");
        options.result_csv = get("--result");
    }
    if (options.resume && !has("--from") && (has("--plan") || has("--po")))
        return fail("a resumed batch keeps its plan and PO number: --plan and --po go with --from");
    if (has("--settle-seconds")) {
        int seconds = 0;
        if (!parse_int(get("--settle-seconds"), seconds) || seconds < 0 || seconds > 3600)
            return fail("--settle-seconds needs a whole number from 0 to 3600");
        options.settle_seconds = seconds;
    }
    return {options, ""};
}

const char* help_text() {
    return R"(Usage: renewdesk-cli [GLOBAL OPTIONS] COMMAND [OPTIONS]

Renews Yeastar "Remote Management" (product 15) through the Partner Portal OpenAPI.

Commands:
  users [--search TEXT]        subordinate users (search: partnerId, company, name, email;
                               case-insensitive for cased scripts, exact otherwise)
  plans                        plans of product 15; * marks the preferred one
  contacts                     billing contacts
  orders [--status S] [--page N]
                               every order (up to 1,000), newest first; --page N: only API page N
                               (25 orders); --status: only orders with that status word
  order ID                     the details of one order (its id or order number)
  licenses                     the version, RenewDesk's licence, the third-party components with
                               their licences and the installed THIRD-PARTY-NOTICES text
  renew --for myself|PARTNER_ID [--plan ID] --billing ID [--po NUMBER] [--yes]
                               renews one account: prints the review and the exact body, asks
                               "Send this order? [y/N]" on the terminal unless --yes, sends once
  renew --from FILE.csv [--plan ID] --billing ID [--po NUMBER] [--yes] [--result OUT.csv] [--resume]
                               a batch, one order at a time; FILE.csv rows: partnerId[,planId[,poNumber]]
                               ("myself" or an empty partnerId: the partner itself; a header line
                               starting with partnerId, blank lines and # comments are skipped).
                               The result CSV goes to --result, default FILE.result.csv beside FILE.csv.
  renew --resume [--yes] [--result OUT.csv]
                               resumes an interrupted batch: its unresolved order is checked first,
                               then the rows still waiting are sent (result CSV default:
                               renewdesk-batch.result.csv here, or FILE.result.csv with --from).
                               Ctrl+C (or SIGTERM) in a batch sends no new row; the one on its way
                               finishes.

Renew options:
  --plan ID                    plan id (default: the plan named "Remote Management Account")
  --billing ID                 billing contact id (see 'contacts')
  --po NUMBER                  PO number sent as poNumber (finds the order again if its outcome is unknown)
  --yes                        send without asking (a batch also goes on after a resolved unknown row)
  --no-wait                    while another RenewDesk (the app, another renewdesk-cli) is sending
                               from the same config folder, exit 6 at once instead of waiting for it
  --allow-duplicates           a batch may name the same customer on more than one row (refused
                               otherwise, with the line numbers)
  --settle-seconds N           how long after an unknown outcome the order list must be read before
                               "no order was created" is believed (default 30)

Global options (before or after the command):
  --base-url URL               the API (default: settings.json's baseUrl, else
                               https://openapi.partner.yeastar.com)
  --sandbox                    start the renewdesk-sandbox beside this program and use it
  --ca-bundle FILE             verify TLS with these CA certificates (PEM) instead of the system's
  --allow-insecure-http        allow sending credentials over http:// to a host that is not this computer
  --secret-stdin               read the Client Secret from the first line of standard input
  --secret-file FILE           read the Client Secret from the first line of FILE (e.g. a systemd
                               credential: --secret-file %d/renewdesk-client-secret)
  --json                       one JSON document on stdout (ids as strings, exactly as received)
  --verbose                    one line per API call on stderr: method, path, HTTP status or the
                               failure, requestId, milliseconds (never a secret, token or body);
                               also RENEWDESK_LOG=debug
  --version                    print the version line (renewdesk-cli X.Y.Z, its commit and build type)
                               and exit; --version --verbose: as the 'licenses' command
  -h, --help                   this text

Credentials (never on the command line):
  Client ID      RENEWDESK_CLIENT_ID, else settings.json's clientId, else asked on the terminal
  Client Secret  RENEWDESK_CLIENT_SECRET, else --secret-file or --secret-stdin, else asked on the
                 terminal (not echoed)
Settings and journals: $XDG_CONFIG_HOME/renewdesk (or ~/.config/renewdesk), shared with the desktop app.

Exit codes:
  0  listed, or the order was placed (succeeded or pending payment: the output says which)
  1  usage: a bad option, a bad input file (a customer twice without --allow-duplicates), another
     batch journaled than --from names, nothing sent without a terminal or --yes
  2  failed: nothing was placed (the API refused it, the answer was no, or a listing was refused),
     or the order exists but renewed nothing (failed, invalid, cancelled, refunded)
  3  outcome unknown: the order list could neither show the order nor rule it out
  4  could not sign in (credentials missing or refused, host unreachable)
  5  ambiguous: orders were created after this one was sent that RenewDesk cannot prove to be its
     own (stderr lists them): check them in the Partner Portal before ordering again
  6  busy (--no-wait): another RenewDesk holds the journal; nothing was sent
  A batch exits with its worst row's code (5 over 3 over 2 over 0).
)";
}

} // namespace rd::cli
