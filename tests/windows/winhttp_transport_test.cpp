// The WinHTTP transport (src/platform/windows/winhttp_transport.cpp) against the loopback server of
// tests/windows/loopback_server.py, run under Wine (or Windows) by winhttp_test_driver.py, which
// starts the server and afterwards checks what the server saw (how many times each request arrived,
// on which connection). This program checks what the transport delivered. It starts nothing itself.
//   winhttp_transport_test.exe HTTP_PORT CLOSED_PORT HTTPS_PORT
// Prints "ok NAME" or "FAIL NAME: why" per case; exits 1 when any failed.
#include "platform/desktop/finished_request_observer.h"
#include "platform/platform_transport.h"
#include "platform/windows/winhttp_failure.h"

#include <windows.h>

#include <chrono>
#include <cstdio>
#include <functional>
#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

using namespace rd;

namespace {

using Clock = std::chrono::steady_clock;

std::string base, closed_base, https_base;
int failures = 0;
std::string problem; // the current case's first failed check

void check(bool condition, const std::string& what) {
    if (!condition && problem.empty()) problem = what;
}

void run(const char* name, const std::function<void()>& test) {
    problem.clear();
    test();
    if (problem.empty()) {
        std::printf("ok %s\n", name);
    } else {
        std::printf("FAIL %s: %s\n", name, problem.c_str());
        ++failures;
    }
    std::fflush(stdout);
}

const char* failure_name(TransportFailure failure) {
    switch (failure) {
    case TransportFailure::none: return "none";
    case TransportFailure::could_not_send: return "could_not_send";
    case TransportFailure::untrusted_certificate: return "untrusted_certificate";
    case TransportFailure::timed_out: return "timed_out";
    case TransportFailure::connection_lost: return "connection_lost";
    }
    return "?";
}

void check_failure(const HttpResponse& response, TransportFailure expected) {
    check(response.failure == expected, std::string("failure ") + failure_name(response.failure) + " (" +
                                            response.failure_text + "), expected " + failure_name(expected));
}

// Polls as a frame loop does until the response arrives, checking that the handler runs on this
// thread, inside poll() and never inside send().
HttpResponse send_and_wait(Transport& transport, HttpRequest request, int deadline_ms = 20000) {
    std::optional<HttpResponse> response;
    bool in_send = true;
    const DWORD thread = GetCurrentThreadId();
    transport.send(std::move(request), [&](HttpResponse r) {
        check(!in_send, "the handler ran inside send()");
        check(GetCurrentThreadId() == thread, "the handler ran on another thread");
        response = std::move(r);
    });
    in_send = false;
    check(!transport.idle(), "idle() with a request in flight");
    const auto deadline = Clock::now() + std::chrono::milliseconds(deadline_ms);
    while (!response && Clock::now() < deadline) {
        transport.poll();
        Sleep(2);
    }
    check(response.has_value(), "no response within " + std::to_string(deadline_ms) + " ms");
    check(transport.idle(), "not idle() once the response was delivered");
    return response ? std::move(*response) : HttpResponse{};
}

void poll_for(Transport& transport, int ms) {
    const auto until = Clock::now() + std::chrono::milliseconds(ms);
    while (Clock::now() < until) {
        transport.poll();
        Sleep(2);
    }
}

const std::string echo_body = std::string("{\"note\":\"Gr\xC3\xBC\xC3\x9F"
                                          "e \xE4\xBD\xA0\xE5\xA5\xBD\"}\0 after a NUL",
                                          38);

HttpRequest post(const std::string& url, int timeout_ms = 5000) {
    return {.method = "POST",
            .url = url,
            .headers = {{"User-Agent", "OpenAPI"}, {"Content-Type", "application/json"}},
            .body = R"({"orderType":"renew_plan"})",
            .timeout_ms = timeout_ms};
}

// Every request the transport let go of, as it left it (finished_request_observer.h).
struct LeftRequests {
    std::vector<HttpRequest> all;
    LeftRequests() {
        set_finished_request_observer([this](const HttpRequest& request) { all.push_back(request); });
    }
    ~LeftRequests() { set_finished_request_observer({}); }
};

void check_wiped(const HttpRequest& request) {
    check(request.body.empty(), "the body was not wiped");
    for (const HttpHeader& header : request.headers)
        check(header.value.empty(), header.name + " was not wiped");
}

void get_with_date_and_body() {
    auto transport = make_platform_transport();
    const HttpResponse ok = send_and_wait(*transport, {.url = base + "/ok"});
    check_failure(ok, TransportFailure::none);
    check(ok.status == 200, "status " + std::to_string(ok.status));
    check(ok.body == "hello \xE4\xBD\xA0\xE5\xA5\xBD", "body '" + ok.body + "'");
    check(ok.date == "Sun, 06 Nov 1994 08:49:37 GMT", "date '" + ok.date + "'");
    check(ok.failure_text.empty(), "failure_text '" + ok.failure_text + "'");

    const HttpResponse busy = send_and_wait(*transport, {.url = base + "/busy"});
    check(busy.status == 429, "busy status " + std::to_string(busy.status));
    check(busy.failure_text == "Retry-After: 30", "busy failure_text '" + busy.failure_text + "'");
    check(busy.date == "Sun, 06 Nov 1994 08:49:37 GMT", "busy date '" + busy.date + "'");

    const HttpResponse none = send_and_wait(*transport, {.url = base + "/nodate"});
    check(none.status == 200 && none.date.empty(), "no Date: date '" + none.date + "'");
}

void post_arrives_intact_and_is_wiped() {
    LeftRequests left;
    auto transport = make_platform_transport();
    const HttpResponse response =
        send_and_wait(*transport, {.method = "POST",
                                   .url = base + "/echo",
                                   .headers = {{"User-Agent", "OpenAPI"},
                                               {"Content-Type", "application/json; charset=utf-8"},
                                               {"Authorization", "Bearer secret-token"},
                                               {"X-RenewDesk-Trace", "trace-42"}},
                                   .body = echo_body});
    check_failure(response, TransportFailure::none);
    check(response.status == 200 && response.body == "intact", "the server says: " + response.body);
    check(left.all.size() == 1, std::to_string(left.all.size()) + " requests left");
    if (left.all.size() == 1) check_wiped(left.all[0]);
}

void redirect_of_a_post_is_not_followed() {
    auto transport = make_platform_transport();
    const HttpResponse response = send_and_wait(*transport, post(base + "/redirect"));
    check_failure(response, TransportFailure::none);
    check(response.status == 302, "status " + std::to_string(response.status));
    check(response.failure_text == "Location: " + base + "/target",
          "failure_text '" + response.failure_text + "'");
}

void refused_is_could_not_send() {
    auto transport = make_platform_transport();
    const HttpResponse response = send_and_wait(*transport, post(closed_base + "/order"));
    check_failure(response, TransportFailure::could_not_send);
    check(response.failure_text.find("WinHTTP error 12029") != std::string::npos, response.failure_text);
}

void unresolvable_is_could_not_send() {
    auto transport = make_platform_transport();
    // .invalid never resolves (RFC 6761).
    const HttpResponse response = send_and_wait(*transport, post("http://renewdesk-test.invalid/order"));
    check_failure(response, TransportFailure::could_not_send);
}

void dropped_post_is_connection_lost() {
    auto transport = make_platform_transport();
    const HttpResponse response = send_and_wait(*transport, post(base + "/drop"));
    check_failure(response, TransportFailure::connection_lost);
    check(response.status == 0, "status " + std::to_string(response.status));
}

// A GET leaves a kept-alive connection; the POST after it is dropped by the server: it must not be
// sent again (the driver counts /drop-after-get).
void dropped_post_after_keep_alive_is_not_resent() {
    auto transport = make_platform_transport();
    const HttpResponse first = send_and_wait(*transport, {.url = base + "/ka"});
    check(first.status == 200, "the GET first: status " + std::to_string(first.status));
    const HttpResponse second = send_and_wait(*transport, {.url = base + "/ok"});
    check(second.status == 200, "the second GET: status " + std::to_string(second.status));
    const HttpResponse response = send_and_wait(*transport, post(base + "/drop-after-get"));
    check_failure(response, TransportFailure::connection_lost);
}

void slow_server_is_timed_out() {
    auto transport = make_platform_transport();
    const auto start = Clock::now();
    const HttpResponse response = send_and_wait(*transport, post(base + "/slow-post", 800));
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start).count();
    check_failure(response, TransportFailure::timed_out);
    check(ms >= 700 && ms < 2500, "answered after " + std::to_string(ms) + " ms");
}

void reply_at_the_cap_is_read() {
    auto transport = make_platform_transport();
    const HttpResponse response = send_and_wait(*transport, {.url = base + "/cap"});
    check_failure(response, TransportFailure::none);
    check(response.body.size() == (16u << 20), "body of " + std::to_string(response.body.size()) + " bytes");
}

void check_too_large(const HttpResponse& response) {
    check_failure(response, TransportFailure::connection_lost);
    check(response.status == 200, "status " + std::to_string(response.status));
    check(response.failure_text.find("too large") != std::string::npos, response.failure_text);
    check(response.body.empty(), "a body of " + std::to_string(response.body.size()) + " bytes");
}

void reply_over_the_cap_is_refused() {
    auto transport = make_platform_transport();
    check_too_large(send_and_wait(*transport, {.url = base + "/big"}));
    check_too_large(send_and_wait(*transport, {.url = base + "/big-stream"}));
}

void cancelled_handler_is_never_called() {
    LeftRequests left;
    auto transport = make_platform_transport();
    bool called = false;
    HttpRequest request = post(base + "/slow-cancel");
    request.headers.push_back({"Authorization", "Bearer secret-token"});
    const RequestHandle handle = transport->send(std::move(request), [&](HttpResponse) { called = true; });
    poll_for(*transport, 300); // on its way
    transport->cancel(handle);
    check(transport->idle(), "not idle() after the cancel");
    check(left.all.size() == 1, "the cancelled request was not let go of at once");
    if (left.all.size() == 1) check_wiped(left.all[0]);
    poll_for(*transport, 3500); // past the server's answer
    check(!called, "the handler of a cancelled request was called");
}

// A failure known at send() (a URL WinHTTP refuses) waits for poll(); cancelled before it, never comes.
void cancelled_before_poll_is_never_called() {
    auto transport = make_platform_transport();
    bool called = false;
    const RequestHandle handle =
        transport->send({.url = "ftp://127.0.0.1/x"}, [&](HttpResponse) { called = true; });
    check(!called, "the handler ran inside send()");
    check(!transport->idle(), "idle() with an undelivered response");
    transport->cancel(handle);
    check(transport->idle(), "not idle() after the cancel");
    poll_for(*transport, 50);
    check(!called, "the handler of a cancelled request was called");
    const HttpResponse refused = send_and_wait(*transport, {.url = "ftp://127.0.0.1/x"});
    check_failure(refused, TransportFailure::could_not_send);
}

void handlers_run_in_poll_on_the_calling_thread() {
    // Checked by send_and_wait in every case; here from a thread that is not the program's first.
    HANDLE thread = CreateThread(
        nullptr, 0,
        [](void*) -> DWORD {
            auto transport = make_platform_transport();
            const HttpResponse ok = send_and_wait(*transport, {.url = base + "/ok"});
            check(ok.status == 200, "status " + std::to_string(ok.status));
            return 0;
        },
        nullptr, 0, nullptr);
    WaitForSingleObject(thread, INFINITE);
    CloseHandle(thread);
}

bool under_wine() {
    return GetProcAddress(GetModuleHandleW(L"ntdll.dll"), "wine_get_version") != nullptr;
}

void untrusted_certificate() {
    auto transport = make_platform_transport();
    const HttpResponse response = send_and_wait(*transport, {.url = https_base + "/ok"});
    // Wine 8 reports a failed certificate check as a channel error (12157), with no SECURE_FAILURE
    // notification to tell it apart from a failed handshake: nothing was sent either way.
    if (under_wine() && response.failure_text.find("WinHTTP error 12157") != std::string::npos)
        return check_failure(response, TransportFailure::could_not_send);
    check_failure(response, TransportFailure::untrusted_certificate);
}

void destroyed_with_a_request_in_flight() {
    LeftRequests left;
    bool called = false;
    const auto start = Clock::now();
    {
        auto transport = make_platform_transport();
        transport->send(post(base + "/slow-destroy"), [&](HttpResponse) { called = true; });
        poll_for(*transport, 300);
    }
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start).count();
    check(ms < 1000, "the destructor took " + std::to_string(ms) + " ms");
    check(!called, "a handler ran after the transport went");
    check(left.all.size() == 1, std::to_string(left.all.size()) + " requests left");
    if (left.all.size() == 1) check_wiped(left.all[0]);
}

// The rule for errors a loopback server cannot easily provoke.
void failure_table() {
    for (DWORD error : std::initializer_list<DWORD>{
             ERROR_WINHTTP_NAME_NOT_RESOLVED, ERROR_WINHTTP_CANNOT_CONNECT, ERROR_WINHTTP_INVALID_URL,
             ERROR_WINHTTP_UNRECOGNIZED_SCHEME, ERROR_WINHTTP_AUTODETECTION_FAILED,
             ERROR_WINHTTP_BAD_AUTO_PROXY_SCRIPT})
        for (bool left : {false, true})
            check(winhttp_failure(error, left) == TransportFailure::could_not_send,
                  winhttp_error_text(error));
    for (DWORD error : std::initializer_list<DWORD>{
             ERROR_WINHTTP_SECURE_FAILURE, ERROR_WINHTTP_SECURE_INVALID_CA,
             ERROR_WINHTTP_SECURE_CERT_CN_INVALID, ERROR_WINHTTP_SECURE_CERT_DATE_INVALID,
             ERROR_WINHTTP_SECURE_INVALID_CERT, ERROR_WINHTTP_SECURE_CERT_REVOKED})
        check(winhttp_failure(error, false) == TransportFailure::untrusted_certificate,
              winhttp_error_text(error));
    check(winhttp_failure(ERROR_WINHTTP_SECURE_CHANNEL_ERROR, false) == TransportFailure::could_not_send,
          "a handshake failure before sending");
    check(winhttp_failure(ERROR_WINHTTP_SECURE_CHANNEL_ERROR, true) == TransportFailure::connection_lost,
          "a TLS failure once the request may have left");
    for (DWORD error :
         std::initializer_list<DWORD>{ERROR_WINHTTP_CONNECTION_ERROR, ERROR_WINHTTP_INVALID_SERVER_RESPONSE,
                                      ERROR_WINHTTP_CLIENT_AUTH_CERT_NEEDED, ERROR_WINHTTP_INTERNAL_ERROR,
                                      ERROR_WINHTTP_RESEND_REQUEST, DWORD{ERROR_NOT_ENOUGH_MEMORY}})
        for (bool left : {false, true})
            check(winhttp_failure(error, left) == TransportFailure::connection_lost,
                  winhttp_error_text(error));
    check(winhttp_failure(ERROR_WINHTTP_TIMEOUT, false) == TransportFailure::timed_out, "timeout");
    check(winhttp_error_text(ERROR_WINHTTP_NAME_NOT_RESOLVED) ==
              "The server name could not be resolved. (WinHTTP error 12007)",
          winhttp_error_text(ERROR_WINHTTP_NAME_NOT_RESOLVED));
}

} // namespace

int main(int argc, char** argv) {
    if (argc != 4) {
        std::fprintf(stderr, "usage: winhttp_transport_test HTTP_PORT CLOSED_PORT HTTPS_PORT\n");
        return 2;
    }
    base = std::string("http://127.0.0.1:") + argv[1];
    closed_base = std::string("http://127.0.0.1:") + argv[2];
    https_base = std::string("https://127.0.0.1:") + argv[3];
    run("failure_table", failure_table);
    run("get_with_date_and_body", get_with_date_and_body);
    run("post_arrives_intact_and_is_wiped", post_arrives_intact_and_is_wiped);
    run("redirect_of_a_post_is_not_followed", redirect_of_a_post_is_not_followed);
    run("refused_is_could_not_send", refused_is_could_not_send);
    run("unresolvable_is_could_not_send", unresolvable_is_could_not_send);
    run("dropped_post_is_connection_lost", dropped_post_is_connection_lost);
    run("dropped_post_after_keep_alive_is_not_resent", dropped_post_after_keep_alive_is_not_resent);
    run("slow_server_is_timed_out", slow_server_is_timed_out);
    run("reply_at_the_cap_is_read", reply_at_the_cap_is_read);
    run("reply_over_the_cap_is_refused", reply_over_the_cap_is_refused);
    run("cancelled_handler_is_never_called", cancelled_handler_is_never_called);
    run("cancelled_before_poll_is_never_called", cancelled_before_poll_is_never_called);
    run("handlers_run_in_poll_on_the_calling_thread", handlers_run_in_poll_on_the_calling_thread);
    run("untrusted_certificate", untrusted_certificate);
    run("destroyed_with_a_request_in_flight", destroyed_with_a_request_in_flight);
    std::printf("%d failed\n", failures);
    return failures ? 1 : 0;
}
