// The real libcurl transport on loopback: the reply's Date header reaches HttpResponse::date exactly as
// sent, and a failure says "nothing reached the server" (could_not_send) only when it proves that: a
// server that read the request and then closed, reset or kept silent leaves the outcome unknown.
#include "platform/desktop/curl_failure.h"
#include "platform/platform_transport.h"
#include "tools/sandbox/sandbox_server.h"

#include <gtest/gtest.h>
#include <httplib.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <ctime>
#include <optional>
#include <string>
#include <thread>

using namespace rd;

namespace {

HttpResponse send_and_wait(Transport& transport, HttpRequest request, int deadline_ms = 20000) {
    std::optional<HttpResponse> response;
    transport.send(std::move(request), [&](HttpResponse r) { response = std::move(r); });
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(deadline_ms);
    while (!response && std::chrono::steady_clock::now() < deadline) {
        transport.poll();
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    if (!response) {
        ADD_FAILURE() << "no response within " << deadline_ms << " ms";
        return {};
    }
    return std::move(*response);
}

HttpRequest order_post(const std::string& url) {
    HttpRequest request;
    request.method = "POST";
    request.url = url;
    request.headers = {{"Content-Type", "application/json"}};
    request.body = R"({"orderType":"renew_plan"})";
    request.timeout_ms = 5000;
    return request;
}

// A listening socket on 127.0.0.1 that takes one connection, reads one whole request (headers and a
// Content-Length body) and then does what the test asks: close, reset, or hold the connection open
// without answering until it is destroyed.
class RawServer {
  public:
    enum class After { close, reset, hold };

    explicit RawServer(After after) {
        listener_ = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t length = sizeof address;
        if (::bind(listener_, reinterpret_cast<sockaddr*>(&address), length) != 0 ||
            ::listen(listener_, 4) != 0 ||
            ::getsockname(listener_, reinterpret_cast<sockaddr*>(&address), &length) != 0)
            throw std::runtime_error("RawServer: cannot listen on loopback");
        port_ = ntohs(address.sin_port);
        thread_ = std::thread([this, after] { serve(after); });
    }

    ~RawServer() {
        stop_ = true;
        ::shutdown(listener_, SHUT_RDWR); // wakes a blocked accept()
        thread_.join();
        ::close(listener_);
    }

    std::string url(const std::string& path) const {
        return "http://127.0.0.1:" + std::to_string(port_) + path;
    }
    // Everything the server read, once the test's response has arrived (the thread wrote it before).
    std::string received() const { return received_done_ ? received_ : std::string(); }

  private:
    void serve(After after) {
        const int connection = ::accept(listener_, nullptr, nullptr);
        if (connection < 0) return;
        char buffer[4096];
        while (!request_complete()) {
            const ssize_t n = ::recv(connection, buffer, sizeof buffer, 0);
            if (n <= 0) break;
            received_.append(buffer, static_cast<size_t>(n));
        }
        received_done_ = true;
        if (after == After::reset) {
            linger reset{1, 0}; // close() sends RST instead of FIN
            ::setsockopt(connection, SOL_SOCKET, SO_LINGER, &reset, sizeof reset);
        }
        while (after == After::hold && !stop_)
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        ::close(connection);
    }

    bool request_complete() const {
        const size_t end = received_.find("\r\n\r\n");
        if (end == std::string::npos) return false;
        const size_t at = received_.find("Content-Length: ");
        const size_t body = at == std::string::npos || at > end ? 0 : std::stoul(received_.substr(at + 16));
        return received_.size() >= end + 4 + body;
    }

    int listener_ = -1;
    int port_ = 0;
    std::thread thread_;
    std::atomic<bool> stop_{false};
    std::string received_;
    std::atomic<bool> received_done_{false};
};

std::int64_t now_ms() {
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

// "Sun, 06 Nov 1994 08:49:37 GMT" (IMF-fixdate) of the second that holds epoch_ms.
std::string imf_fixdate(std::int64_t epoch_ms) {
    const std::time_t seconds = static_cast<std::time_t>(epoch_ms / 1000);
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    static const char* const days[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static const char* const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    char text[40];
    std::snprintf(text, sizeof text, "%s, %02d %s %04d %02d:%02d:%02d GMT", days[utc.tm_wday], utc.tm_mday,
                  months[utc.tm_mon], utc.tm_year + 1900, utc.tm_hour, utc.tm_min, utc.tm_sec);
    return text;
}

// A loopback port nothing listens on: bound by us, then closed.
int closed_port() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    ::bind(fd, reinterpret_cast<sockaddr*>(&address), length);
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
    ::close(fd);
    return ntohs(address.sin_port);
}

} // namespace

TEST(CurlTransport, DateHeaderArrivesExactlyAsSent) {
    httplib::Server server;
    // A Date far from now: the transport must pass the server's clock on, not the computer's.
    server.Get("/ok", [](const httplib::Request&, httplib::Response& res) {
        res.set_header("Date", "Sun, 06 Nov 1994 08:49:37 GMT");
        res.set_content(R"({"errcode":0})", "application/json");
    });
    server.Get("/busy", [](const httplib::Request&, httplib::Response& res) {
        res.status = 429;
        res.set_header("Date", "Mon, 07 Nov 1994 09:00:01 GMT");
        res.set_header("Retry-After", "30");
        res.set_content("{}", "application/json");
    });
    server.Get("/none", [](const httplib::Request&, httplib::Response& res) {
        res.set_content("{}", "application/json"); // cpp-httplib adds no Date of its own
    });
    const int port = server.bind_to_any_port("127.0.0.1");
    std::thread thread([&] { server.listen_after_bind(); }); // bound and listening: connections queue
    const std::string base = "http://127.0.0.1:" + std::to_string(port);
    auto transport = make_platform_transport();

    const HttpResponse ok = send_and_wait(*transport, {.url = base + "/ok"});
    EXPECT_EQ(ok.failure, TransportFailure::none) << ok.failure_text;
    EXPECT_EQ(ok.status, 200);
    EXPECT_EQ(ok.date, "Sun, 06 Nov 1994 08:49:37 GMT");

    const HttpResponse busy = send_and_wait(*transport, {.url = base + "/busy"});
    EXPECT_EQ(busy.status, 429);
    EXPECT_EQ(busy.date, "Mon, 07 Nov 1994 09:00:01 GMT");
    EXPECT_EQ(busy.failure_text, "Retry-After: 30"); // the other header the core reads still comes

    const HttpResponse none = send_and_wait(*transport, {.url = base + "/none"});
    EXPECT_EQ(none.status, 200);
    EXPECT_EQ(none.date, "");

    transport.reset(); // closes its kept-alive connection, which the server would wait out
    server.stop();
    thread.join();
}

// The real sandbox with its clock 90 s behind this computer's: the Date of an API reply is the API's
// clock, and it reaches HttpResponse::date unchanged.
TEST(CurlTransport, SandboxDateIsTheApiClock) {
    sandbox::SandboxServer server{sandbox::SandboxOptions{}};
    const int port = server.start();
    httplib::Client control("127.0.0.1", port);
    auto configured = control.Post("/__sandbox/config", R"({"clockOffsetMs": -90000})", "application/json");
    ASSERT_TRUE(configured && configured->status == 200) << (configured ? configured->body : "no reply");
    auto transport = make_platform_transport();
    HttpRequest token;
    token.method = "POST";
    token.url = server.base_url() + "/auth/openapi/v1/oauth/token";
    token.headers = {{"User-Agent", "OpenAPI"}, {"Content-Type", "application/x-www-form-urlencoded"}};
    token.body = "grant_type=pp_credentials&client_id=demo-client-id&client_secret=demo-client-secret";
    const std::int64_t before = now_ms();
    const HttpResponse response = send_and_wait(*transport, std::move(token));
    const std::int64_t after = now_ms();
    ASSERT_EQ(response.failure, TransportFailure::none) << response.failure_text;
    EXPECT_EQ(response.status, 200);
    // Whole seconds: the reply's Date is one of the API clock's seconds while the request was out.
    bool on_api_clock = false;
    for (std::int64_t t = before - 90000 - 1000; t <= after - 90000 + 1000; t += 500)
        on_api_clock = on_api_clock || response.date == imf_fixdate(t);
    EXPECT_TRUE(on_api_clock) << "Date " << response.date << ", this computer " << imf_fixdate(after);
}

TEST(CurlTransport, ConnectRefusedIsCouldNotSend) {
    auto transport = make_platform_transport();
    const HttpResponse response =
        send_and_wait(*transport, order_post("http://127.0.0.1:" + std::to_string(closed_port()) + "/"));
    EXPECT_EQ(response.failure, TransportFailure::could_not_send) << response.failure_text;
    EXPECT_EQ(response.date, "");
}

TEST(CurlTransport, UnresolvableNameIsCouldNotSend) {
    auto transport = make_platform_transport();
    // .invalid never resolves (RFC 6761).
    const HttpResponse response = send_and_wait(*transport, order_post("http://renewdesk-test.invalid/"));
    EXPECT_EQ(response.failure, TransportFailure::could_not_send) << response.failure_text;
}

TEST(CurlTransport, ServerThatReadsTheRequestAndClosesIsConnectionLost) {
    RawServer server(RawServer::After::close);
    auto transport = make_platform_transport();
    const HttpResponse response = send_and_wait(*transport, order_post(server.url("/order")));
    EXPECT_EQ(response.failure, TransportFailure::connection_lost) << response.failure_text;
    // The server had the whole order: "nothing reached the server" would have been a lie.
    EXPECT_NE(server.received().find(R"({"orderType":"renew_plan"})"), std::string::npos);
}

TEST(CurlTransport, ServerThatReadsTheRequestAndResetsIsConnectionLost) {
    RawServer server(RawServer::After::reset);
    auto transport = make_platform_transport();
    const HttpResponse response = send_and_wait(*transport, order_post(server.url("/order")));
    EXPECT_EQ(response.failure, TransportFailure::connection_lost) << response.failure_text;
    EXPECT_NE(server.received().find("POST /order"), std::string::npos);
}

TEST(CurlTransport, ServerThatReadsTheRequestAndKeepsSilentIsTimedOut) {
    RawServer server(RawServer::After::hold);
    auto transport = make_platform_transport();
    HttpRequest request = order_post(server.url("/order"));
    request.timeout_ms = 400;
    const HttpResponse response = send_and_wait(*transport, std::move(request));
    EXPECT_EQ(response.failure, TransportFailure::timed_out) << response.failure_text;
    EXPECT_NE(server.received().find("POST /order"), std::string::npos);
}

// The rule for the codes a loopback server cannot easily provoke: could_not_send only where libcurl
// stopped before the first byte of the request could leave.
TEST(CurlFailure, NothingReachedTheServerOnlyWhenProven) {
    for (CURLcode code :
         {CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY, CURLE_COULDNT_CONNECT,
          CURLE_SSL_CONNECT_ERROR, CURLE_SSL_CACERT_BADFILE, CURLE_URL_MALFORMAT, CURLE_UNSUPPORTED_PROTOCOL})
        EXPECT_EQ(curl_failure(code), TransportFailure::could_not_send) << curl_easy_strerror(code);
    EXPECT_EQ(curl_failure(CURLE_PEER_FAILED_VERIFICATION), TransportFailure::untrusted_certificate);
    // After the request may have left, or part of it: outcome unknown.
    for (CURLcode code : {CURLE_SEND_ERROR, CURLE_RECV_ERROR, CURLE_GOT_NOTHING, CURLE_PARTIAL_FILE,
                          CURLE_WRITE_ERROR, CURLE_HTTP2, CURLE_HTTP2_STREAM, CURLE_OUT_OF_MEMORY,
                          CURLE_BAD_CONTENT_ENCODING, CURLE_WEIRD_SERVER_REPLY})
        EXPECT_EQ(curl_failure(code), TransportFailure::connection_lost) << curl_easy_strerror(code);
    EXPECT_EQ(curl_failure(CURLE_OPERATION_TIMEDOUT), TransportFailure::timed_out);
    EXPECT_EQ(curl_failure(CURLE_OK), TransportFailure::none);
}
