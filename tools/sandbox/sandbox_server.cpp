#include "tools/sandbox/sandbox_server.h"

#include "tools/sandbox/api_endpoints.h"
#include "tools/sandbox/api_replies.h"
#include "tools/sandbox/connection_drop.h"
#include "tools/sandbox/connection_requests.h"
#include "tools/sandbox/control_api.h"
#include "tools/sandbox/form_fields.h"
#include "tools/sandbox/late_commit.h"
#include "tools/sandbox/other_orders.h"
#include "tools/sandbox/reply_envelope.h"
#include "tools/sandbox/reply_faults.h"
#include "tools/sandbox/runtime_config.h"
#include "tools/sandbox/sandbox_state.h"

#include <httplib.h>
#include <sys/socket.h>

#include <chrono>
#include <csignal>
#include <cstdio>
#include <stdexcept>
#include <thread>

namespace sandbox {

namespace {

using Clock = std::chrono::steady_clock;

// Per-request facts for the log line; httplib runs a request's routing and logging on one thread.
thread_local Clock::time_point t_request_start{};
thread_local bool t_dropped = false;

void sleep_ms(int ms) {
    if (ms > 0) std::this_thread::sleep_for(std::chrono::milliseconds(ms));
}

// The path for the log: no query string (httplib keeps it apart), no control characters, bounded.
std::string loggable_path(const std::string& path) {
    std::string out;
    for (char c : path.substr(0, 200))
        out.push_back(static_cast<unsigned char>(c) < 0x20 || c == 0x7f ? '?' : c);
    return out;
}

// Whether a queued fault applies to this request: refresh_refused only to refresh_token grants (any
// other token request passes it by without using it up), every other kind to any request.
bool fault_applies(const Fault& fault, const httplib::Request& request) {
    if (fault.kind != FaultKind::refresh_refused) return true;
    const auto fields = form_fields(request);
    const auto grant = fields.find("grant_type");
    return grant != fields.end() && grant->second == "refresh_token";
}

} // namespace

struct SandboxServer::Impl {
    SandboxOptions options;
    SandboxState state;
    httplib::Server server;
    std::thread thread;
    int port = 0;
    bool started = false;

    void configure();
    void dispatch(const httplib::Request& request, httplib::Response& response);
    void answer_api_path(const httplib::Request& request, httplib::Response& response);
    void answer_api(const EndpointRoute& route, const httplib::Request& request, httplib::Response& response);
    void answer_after_commit(const Fault& fault, const EndpointRoute& route, const httplib::Request& request,
                             httplib::Response& response);
    void drop(const httplib::Request& request, httplib::Response& response);
    void wait_out(const Fault& delay); // a delay fault's wait: its delay_ms, or until released
};

void SandboxServer::Impl::wait_out(const Fault& delay) {
    if (delay.until_released) state.held_replies.hold(std::chrono::milliseconds(delay.delay_ms));
    else sleep_ms(delay.delay_ms);
}

void SandboxServer::Impl::drop(const httplib::Request& request, httplib::Response& response) {
    t_dropped = true;
    response.set_header("Connection", "close");
    if (drop_connection(request)) {
        response.status = 500; // never reaches the client: the socket is already shut down
        return;
    }
    // Fallback if the socket cannot be found: promise a body, then end the connection without it.
    response.status = 200;
    response.set_content_provider(64, "application/json",
                                  [](std::size_t, std::size_t, httplib::DataSink&) { return false; });
}

void SandboxServer::Impl::answer_after_commit(const Fault& fault, const EndpointRoute& route,
                                              const httplib::Request& request, httplib::Response& response) {
    // The save is processed (and committed) before anything is sent: if the client or a proxy goes away
    // while this thread sleeps or replies, the order stays.
    const ApiReply reply = handle_endpoint(route.endpoint, request, state, "succeed");
    if (fault.kind == FaultKind::delay) {
        wait_out(fault);
        write_reply(response, reply);
        return;
    }
    write_fault_reply(response, fault, request.path);
}

void SandboxServer::Impl::answer_api(const EndpointRoute& route, const httplib::Request& request,
                                     httplib::Response& response) {
    const std::int64_t arrival_ms = state.clock.now_ms();
    sleep_ms(state.latency_ms.load());
    if (const auto refusal = refuse_user_agent(request, state)) {
        write_reply(response, *refusal); // before the fault plan: a refused request uses up no fault
        return;
    }
    const std::optional<Fault> fault = state.faults.take(
        endpoint_name(route.endpoint), [&request](const Fault& f) { return fault_applies(f, request); });
    if (fault && fault->other_order) { // a colleague's order, whatever happens to this one
        std::string unused;
        if (const auto other = parse_other_order(*fault->other_order, state.fixtures, unused))
            place_other_order(*other, arrival_ms, state);
    }
    if (fault && fault->commit) {
        answer_after_commit(*fault, route, request, response);
        return;
    }
    std::string order_status = "succeed";
    if (fault && !reshapes_reply(fault->kind)) {
        switch (fault->kind) {
        case FaultKind::http_status:
        case FaultKind::api_error:
        case FaultKind::malformed:
        case FaultKind::html:
        case FaultKind::rate_limited:
        case FaultKind::redirect:
        case FaultKind::refresh_refused:
            write_fault_reply(response, *fault, request.path); // nothing processed
            return;
        case FaultKind::drop: drop(request, response); return;
        case FaultKind::late_commit:
            schedule_late_commit(request, *fault, state);
            drop(request, response);
            return;
        case FaultKind::delay: wait_out(*fault); break;
        case FaultKind::order_status: order_status = fault->order_status; break;
        default: break; // truncated, commit_then_drop: carried out below, after processing
        }
    }
    const ApiReply reply = handle_endpoint(route.endpoint, request, state, order_status);
    if (fault && fault->kind == FaultKind::commit_then_drop) {
        drop(request, response);
        return;
    }
    if (fault && reshapes_reply(fault->kind)) {
        write_reshaped_reply(response, reply, *fault, connection_ports(request));
        return;
    }
    std::string body = to_text(reply.body);
    if (fault && fault->kind == FaultKind::truncated) {
        response.set_header("X-Sandbox-Fault", "truncated");
        body.resize(body.size() / 2); // Content-Length matches what is sent: only the JSON is broken
    }
    response.status = reply.status;
    response.set_content(body, kApiContentType);
}

void SandboxServer::Impl::dispatch(const httplib::Request& request, httplib::Response& response) {
    if (request.method == "OPTIONS" && options.cors) {
        response.status = 204;
        response.set_header("Access-Control-Max-Age", "600");
        return;
    }
    if (!options.serve_dir.empty() && request.method == "GET" && request.path == "/config.json") {
        // The page's optional settings file, when the served folder has none: show the sandbox hint.
        response.set_content("{\"sandbox\": true}\n", "application/json");
        return;
    }
    const std::string control_prefix = kControlPrefix;
    if (request.path.compare(0, control_prefix.size(), control_prefix) == 0) {
        const ControlReply reply = handle_control(request, state);
        response.status = reply.status;
        response.set_content(to_text(reply.body), "application/json");
        return;
    }
    answer_api_path(request, response);
    set_date_header(response, state.clock.now_ms()); // when the reply is ready, on the API's clock
}

void SandboxServer::Impl::answer_api_path(const httplib::Request& request, httplib::Response& response) {
    const auto route = find_endpoint(request.path);
    if (!route) {
        write_reply(response,
                    failure(404, codes::not_found, "No API endpoint at " + loggable_path(request.path)));
        return;
    }
    const std::string method = request.method == "HEAD" ? "GET" : request.method;
    if (method != route->method) {
        response.set_header("Allow", route->method);
        write_reply(response, failure(405, codes::method_not_allowed,
                                      std::string("Use ") + route->method + " for " + request.path));
        return;
    }
    answer_api(*route, request, response);
}

namespace {

// Debian's httplib compresses text replies on the fly, with brotli whenever the client accepts it
// (browsers do), at brotli's slowest setting: about 100 ms per 100 KB on an idle machine, seconds for
// a 10,000-user list. Neither the real API nor the shipped nginx (precompressed files) costs that,
// so the sandbox offers gzip only: it stands for a server, not for httplib's defaults.
void offer_gzip_only(httplib::Request& request) {
    auto it = request.headers.find("Accept-Encoding");
    if (it == request.headers.end()) return;
    it->second = it->second.find("gzip") != std::string::npos ? "gzip" : "identity";
}

} // namespace

void SandboxServer::Impl::configure() {
    server.new_task_queue = [] { return new httplib::ThreadPool(24); };
    server.set_keep_alive_timeout(2); // idle keep-alive connections delay stop() by up to this long
    if (options.one_request_per_connection) {
        server.set_keep_alive_max_count(1);
        // httplib's keep-alive timeout also bounds the wait for a connection's first request. nginx
        // with `keepalive_timeout 0` (which this mode stands for) still waits client_header_timeout
        // (60 s) for it: a browser opens sockets before it has a request for them, and a starved one
        // may write late. Closing those after 2 s made page loads fail (net::ERR_SOCKET_NOT_CONNECTED,
        // ERR_EMPTY_RESPONSE) where the deployed server serves them. No idle keep-alive phase exists
        // here, so this wait is the only one the timeout governs; main() bounds the stop it can delay.
        server.set_keep_alive_timeout(kFirstRequestWaitSeconds);
    }
    server.set_payload_max_length(8u << 20);
    // httplib's default also sets SO_REUSEPORT, which would let a second sandbox share a busy port
    // silently; SO_REUSEADDR alone still allows a quick restart on the same port.
    server.set_socket_options([](socket_t sock) {
        int yes = 1;
        setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    });

    server.set_pre_routing_handler([](const httplib::Request& request, httplib::Response&) {
        t_request_start = Clock::now();
        t_dropped = false;
        count_connection_request(request);
        offer_gzip_only(const_cast<httplib::Request&>(request)); // httplib's own object, not const
        return httplib::Server::HandlerResponse::Unhandled;
    });
    // One catch-all route per method: dispatch() does the routing, so it can answer 404 and 405 envelopes.
    const httplib::Server::Handler handler =
        [this](const httplib::Request& request, httplib::Response& response) { dispatch(request, response); };
    server.Get(".*", handler);
    server.Post(".*", handler);
    server.Put(".*", handler);
    server.Patch(".*", handler);
    server.Delete(".*", handler);
    server.Options(".*", handler);

    // Replies httplib produces itself (unparsable request, unknown method, body too large) get an envelope
    // too.
    server.set_error_handler(
        httplib::Server::HandlerWithResponse([this](const httplib::Request&, httplib::Response& response) {
            if (!response.body.empty() || response.has_header("X-Sandbox-Fault") || t_dropped)
                return httplib::Server::HandlerResponse::Unhandled;
            write_reply(response, failure(response.status,
                                          response.status == 404 ? codes::not_found : codes::bad_request,
                                          reason_phrase(response.status)));
            set_date_header(response, state.clock.now_ms());
            return httplib::Server::HandlerResponse::Handled;
        }));
    server.set_exception_handler([this](const httplib::Request&, httplib::Response& response,
                                        std::exception_ptr) {
        write_reply(response, failure(500, "internal_error", "The sandbox failed to handle this request"));
        set_date_header(response, state.clock.now_ms());
    });
    server.set_logger([this](const httplib::Request& request, const httplib::Response& response) {
        if (!options.log_requests) return;
        const long long ms =
            t_request_start == Clock::time_point{}
                ? -1
                : std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - t_request_start)
                      .count();
        const std::string status = t_dropped ? "dropped" : std::to_string(response.status);
        // Method, path and status only: never headers, query strings or bodies (secrets and tokens live
        // there).
        std::fprintf(stderr, "%s %s %s %lldms\n", loggable_path(request.method).c_str(),
                     loggable_path(request.path).c_str(), status.c_str(), ms);
        t_request_start = {};
        t_dropped = false;
    });

    if (options.cors)
        server.set_default_headers(
            {{"Access-Control-Allow-Origin", "*"},
             {"Access-Control-Allow-Headers", "Authorization, Content-Type, User-Agent"},
             {"Access-Control-Allow-Methods", "GET, POST, OPTIONS"}});
    if (!options.serve_dir.empty()) {
        if (!server.set_mount_point("/", options.serve_dir))
            throw std::runtime_error("sandbox: cannot serve files from " + options.serve_dir);
        server.set_file_extension_and_mimetype_mapping("wasm", "application/wasm");
        server.set_file_extension_and_mimetype_mapping("js", "text/javascript");
        server.set_file_extension_and_mimetype_mapping("html", "text/html");
        server.set_file_extension_and_mimetype_mapping("data", "application/octet-stream");
        server.set_file_extension_and_mimetype_mapping("bin", "application/octet-stream"); // baked atlases
    }
}

SandboxServer::SandboxServer(SandboxOptions options) : impl_(std::make_unique<Impl>()) {
    impl_->options = std::move(options);
}

SandboxServer::~SandboxServer() {
    stop();
}

int SandboxServer::start() {
    Impl& impl = *impl_;
    if (impl.started) throw std::runtime_error("sandbox: a server starts only once");
    impl.started = true;
    std::signal(SIGPIPE, SIG_IGN);

    const SandboxOptions& options = impl.options;
    impl.state.fixtures =
        load_fixtures(options.fixtures_dir.empty() ? default_fixtures_dir() : options.fixtures_dir,
                      options.generated_users);
    impl.state.latency_ms = options.latency_ms;
    impl.state.token_lifetime_s = options.token_lifetime_s;
    impl.state.required_user_agent = options.required_user_agent;
    impl.state.order_sort = options.order_sort;
    impl.state.order_time_unit = options.order_time_unit;
    impl.state.config_defaults = config_of(impl.state);
    impl.configure();

    if (options.port == 0) {
        impl.port = impl.server.bind_to_any_port(options.host);
    } else {
        impl.port = impl.server.bind_to_port(options.host, options.port) ? options.port : -1;
    }
    if (impl.port <= 0)
        throw std::runtime_error("sandbox: cannot listen on " + options.host + ":" +
                                 std::to_string(options.port));

    impl.thread = std::thread([&impl] { impl.server.listen_after_bind(); });
    // stop() only works once the accept loop runs.
    const auto deadline = Clock::now() + std::chrono::seconds(10);
    while (!impl.server.is_running() && Clock::now() < deadline)
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    if (!impl.server.is_running()) throw std::runtime_error("sandbox: the server thread did not start");
    return impl.port;
}

void SandboxServer::stop() {
    if (!impl_ || !impl_->thread.joinable()) return;
    impl_->server.stop();
    impl_->thread.join();
    impl_->state.late_commits.cancel_all(); // a stopped API commits nothing more
}

std::string SandboxServer::base_url() const {
    const std::string& host = impl_->options.host;
    const std::string shown = host.empty() || host == "0.0.0.0" ? "127.0.0.1" : host;
    return "http://" + shown + ":" + std::to_string(impl_->port);
}

} // namespace sandbox
