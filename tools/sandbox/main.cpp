// renewdesk-sandbox command line: runs the stand-in Partner Portal API until SIGINT/SIGTERM.
#include "about/about.h"
#include "tools/sandbox/control_api.h"
#include "tools/sandbox/sandbox_server.h"

#include <pthread.h>

#include <chrono>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <optional>
#include <string>
#include <thread>

namespace {

constexpr const char* kUsage =
    "usage: renewdesk-sandbox [options]\n"
    "A local stand-in of the Yeastar Partner Portal OpenAPI. Options:\n"
    "  --port N                      listen on port N (default 0: any free port; the first line printed\n"
    "                                is \"listening on http://HOST:PORT\")\n"
    "  --host H                      listen on address H (default 127.0.0.1)\n"
    "  --latency-ms N                add N milliseconds to every API reply (default 0)\n"
    "  --users N                     add N generated subordinate users to the fixture ones (default 0)\n"
    "  --token-lifetime S            access tokens expire after S seconds (default 1800)\n"
    "  --fixtures DIR                read the fixture JSON files from DIR (default: sandbox-fixtures/\n"
    "                                beside this program, else ../share/renewdesk/sandbox-fixtures)\n"
    "  --serve DIR                   serve the files in DIR at / beside the API (e.g. the web page)\n"
    "  --cors                        send permissive CORS headers (the real API sends none)\n"
    "  --one-request-per-connection  close every connection after one request\n"
    "  --order-sort newest|oldest    order of the order list by creation time (default newest)\n"
    "  --order-time-unit ms|s|s_string|ms_string|date_text|missing|out_of_range\n"
    "                                shape of the orders' createTime (default ms; see GET "
    "/__sandbox/config)\n"
    "  --require-user-agent VALUE    refuse every API request whose User-Agent is not exactly VALUE\n"
    "                                (400 invalid_user_agent); without it, any User-Agent present will do\n"
    "  --version [--verbose]         print the version and exit (--verbose: the licences too)\n"
    "  -h, --help                    print this help and exit\n"
    "Control endpoints (no auth):\n"
    "  ";

bool parse_int(const char* text, int& out) {
    char* end = nullptr;
    const long value = std::strtol(text, &end, 10);
    if (end == text || *end != '\0' || value < 0 || value > 100000000) return false;
    out = static_cast<int>(value);
    return true;
}

template <typename Value>
bool parse_named(const char* text, std::optional<Value> (*named)(const std::string&), Value& out) {
    const auto value = named(text);
    if (value) out = *value;
    return value.has_value();
}

void print_usage(FILE* stream) {
    std::string endpoints = sandbox::kControlEndpoints; // one per line
    for (auto at = endpoints.find(" | "); at != std::string::npos; at = endpoints.find(" | ", at))
        endpoints.replace(at, 3, "\n  ");
    std::fprintf(stream, "%s%s\n", kUsage, endpoints.c_str());
}

// False, with the offending argument in `bad`, on an unknown option or a missing or invalid value.
bool parse_args(int argc, char** argv, sandbox::SandboxOptions& options, std::string& bad) {
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        bad = arg;
        if (arg == "--cors") {
            options.cors = true;
            continue;
        }
        if (arg == "--one-request-per-connection") {
            options.one_request_per_connection = true;
            continue;
        }
        if (arg == "--help" || arg == "-h") {
            print_usage(stdout);
            std::exit(0);
        }
        if (i + 1 >= argc) return false;
        const char* value = argv[++i];
        bad = arg + " " + value;
        bool ok = true;
        if (arg == "--port") ok = parse_int(value, options.port) && options.port <= 65535;
        else if (arg == "--host") options.host = value;
        else if (arg == "--latency-ms") ok = parse_int(value, options.latency_ms);
        else if (arg == "--users") ok = parse_int(value, options.generated_users);
        else if (arg == "--token-lifetime") ok = parse_int(value, options.token_lifetime_s);
        else if (arg == "--fixtures") options.fixtures_dir = value;
        else if (arg == "--serve") options.serve_dir = value;
        else if (arg == "--require-user-agent") options.required_user_agent = value;
        else if (arg == "--order-sort")
            ok = parse_named(value, sandbox::order_sort_named, options.order_sort);
        else if (arg == "--order-time-unit")
            ok = parse_named(value, sandbox::time_unit_named, options.order_time_unit);
        else ok = false;
        if (!ok) return false;
    }
    return true;
}

} // namespace

int main(int argc, char** argv) {
    // --version [--verbose] (either order): the version line, with --verbose the licences; nothing else.
    if (argc >= 2 && argc <= 3) {
        const std::string first = argv[1], second = argc == 3 ? argv[2] : "";
        const bool version = first == "--version" || second == "--version";
        const bool verbose = first == "--verbose" || second == "--verbose";
        if (version && (argc == 2 || verbose)) {
            std::fputs(
                rd::about::version_text(rd::about::Program::sandbox, verbose, rd::about::executable_dir())
                    .c_str(),
                stdout);
            return 0;
        }
    }
    sandbox::SandboxOptions options;
    std::string bad_argument;
    if (!parse_args(argc, argv, options, bad_argument)) {
        std::fprintf(stderr, "renewdesk-sandbox: unknown option or invalid value: %s\n",
                     bad_argument.c_str());
        print_usage(stderr);
        return 2;
    }

    // Block the stop signals before any thread exists, so every server thread inherits the mask and
    // only sigwait() below sees them.
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGINT);
    sigaddset(&stop_signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

    sandbox::SandboxServer server(options);
    try {
        server.start();
    } catch (const std::exception& e) {
        std::fprintf(stderr, "renewdesk-sandbox: %s\n", e.what());
        return 1;
    }
    const std::string url = server.base_url();
    std::printf("listening on %s\n", url.c_str());
    std::printf("client id: demo-client-id\n");
    std::printf("client secret: demo-client-secret\n");
    std::printf("control: %s\n", sandbox::kControlEndpoints);
    if (!options.serve_dir.empty())
        std::printf("serving %s at %s/\n", options.serve_dir.c_str(), url.c_str());
    std::fflush(stdout);

    int signal_number = 0;
    sigwait(&stop_signals, &signal_number);
    std::fprintf(stderr, "renewdesk-sandbox: signal %d, stopping\n", signal_number);
    // stop() waits for connections still open, and a browser's unused socket stays open up to
    // kFirstRequestWaitSeconds when every connection serves one request. A stopped stand-in keeps no
    // state worth that wait: after a short grace for replies being written, the process ends.
    std::thread([&server] {
        server.stop();
        std::_Exit(0);
    }).detach();
    std::this_thread::sleep_for(std::chrono::seconds(2));
    std::fflush(stderr);
    std::_Exit(0);
}
