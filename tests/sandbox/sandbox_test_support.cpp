#include "tests/sandbox/sandbox_test_support.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <cerrno>
#include <fstream>
#include <regex>
#include <sstream>
#include <stdexcept>
#include <thread>

namespace sandbox_test {

const std::string& tutorial_order_body() {
    static const std::string body = [] {
        // The sandbox's own fixtures folder is compiled in; tests/fixtures is three levels up from it.
        const std::string path =
            std::string(RENEWDESK_SANDBOX_FIXTURES) + "/../../../tests/fixtures/tutorial_order_body.json";
        std::ifstream in(path, std::ios::binary);
        if (!in) throw std::runtime_error("missing fixture " + path);
        std::stringstream text;
        text << in.rdbuf();
        std::string out = text.str();
        while (!out.empty() && (out.back() == '\n' || out.back() == '\r'))
            out.pop_back();
        return out;
    }();
    return body;
}

void SandboxTest::restart(sandbox::SandboxOptions options, bool log_requests) {
    server_.reset();
    options.log_requests = log_requests;
    server_ = std::make_unique<sandbox::SandboxServer>(options);
    port_ = server_->start();
}

httplib::Client SandboxTest::client() const {
    httplib::Client client("127.0.0.1", port_);
    client.set_connection_timeout(5);
    client.set_read_timeout(10);
    return client;
}

httplib::Headers SandboxTest::api_headers(const std::string& access_token) {
    return {{"User-Agent", "OpenAPI"}, {"Authorization", "Bearer " + access_token}};
}

json SandboxTest::request_token_result() {
    auto result = client().Post("/auth/openapi/v1/oauth/token", {{"User-Agent", "OpenAPI"}},
                                httplib::Params{{"client_id", "demo-client-id"},
                                                {"client_secret", "demo-client-secret"},
                                                {"grant_type", "pp_credentials"}});
    expect_envelope(result, 200, "success");
    return parse_body(result)["result"];
}

std::string SandboxTest::access_token() {
    return request_token_result().value("token", "");
}

httplib::Result SandboxTest::get_api(const std::string& path_and_query,
                                     const std::string& access_token) const {
    return client().Get(path_and_query.c_str(), api_headers(access_token));
}

httplib::Result SandboxTest::post_order(const std::string& body, const std::string& access_token) const {
    return client().Post("/order/openapi/order/v1/save", api_headers(access_token), body, "application/json");
}

json SandboxTest::add_fault(const json& fault) {
    auto result = client().Post("/__sandbox/faults", fault.dump(), "application/json");
    EXPECT_TRUE(result);
    if (!result) return json();
    EXPECT_EQ(result->status, 200) << result->body;
    return parse_body(result);
}

json SandboxTest::orders_log() const {
    auto result = client().Get("/__sandbox/orders");
    EXPECT_TRUE(result);
    if (!result) return json();
    return parse_body(result);
}

json parse_body(const httplib::Result& result) {
    EXPECT_TRUE(result) << "transport error " << httplib::to_string(result.error());
    if (!result) return json();
    try {
        return json::parse(result->body);
    } catch (const json::exception& e) {
        ADD_FAILURE() << "body is not JSON: " << e.what() << "\n" << result->body;
        return json();
    }
}

void expect_envelope(const httplib::Result& result, int status, const std::string& code) {
    ASSERT_TRUE(result) << "transport error " << httplib::to_string(result.error());
    EXPECT_EQ(result->status, status) << result->body;
    EXPECT_EQ(result->get_header_value("Content-Type"), "application/json;charset=UTF-8");
    const json body = parse_body(result);
    ASSERT_TRUE(body.is_object()) << result->body;
    EXPECT_EQ(body.size(), 5u) << result->body;
    EXPECT_EQ(body.value("code", ""), code) << result->body;
    EXPECT_EQ(body.value("status", -1), status);
    ASSERT_TRUE(body["detailMessage"].is_string());
    if (code == "success") EXPECT_EQ(body["detailMessage"], "");
    else EXPECT_NE(body["detailMessage"], "");
    ASSERT_TRUE(body["requestId"].is_string());
    EXPECT_TRUE(std::regex_match(body["requestId"].get<std::string>(), std::regex("[0-9a-f]{32}")));
    EXPECT_TRUE(body.contains("result"));
}

std::string raw_exchange(int port, const std::string& request) {
    RawReply reply = raw_exchange_ending(port, request);
    return reply.end == RawReply::End::failed ? "<connect/send failed>" : reply.bytes;
}

RawReply raw_exchange_ending(int port, const std::string& request,
                             std::chrono::milliseconds quiet_after_connect) {
    RawReply reply;
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) return reply;
    timeval timeout{5, 0};
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    const bool connected = connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
    if (connected) std::this_thread::sleep_for(quiet_after_connect);
    if (connected &&
        send(fd, request.data(), request.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(request.size())) {
        char buffer[4096];
        ssize_t n;
        while ((n = recv(fd, buffer, sizeof buffer, 0)) > 0)
            reply.bytes.append(buffer, static_cast<size_t>(n));
        reply.end = n == 0                                    ? RawReply::End::closed
                    : errno == ECONNRESET                     ? RawReply::End::reset
                    : errno == EAGAIN || errno == EWOULDBLOCK ? RawReply::End::timed_out
                                                              : RawReply::End::failed;
    }
    close(fd);
    return reply;
}

std::string raw_get(const std::string& path, const std::string& access_token) {
    return "GET " + path + " HTTP/1.1\r\nHost: localhost\r\nUser-Agent: OpenAPI\r\nAuthorization: Bearer " +
           access_token + "\r\nConnection: close\r\n\r\n";
}

} // namespace sandbox_test
