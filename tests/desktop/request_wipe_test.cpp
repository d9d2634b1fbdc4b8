// The transports overwrite what a finished or cancelled request held (the token request's
// client_secret=..., the Authorization header) with wipe_request() from platform_transport.h.
// The helpers are tested first; then the real libcurl transport on loopback, through its test seam
// (finished_request_observer.h), which shows each request as the transport left it: these fail when
// the transport stops wiping what it holds.
#include "core/api_client.h"
#include "core/api_paths.h"
#include "core/clock.h"
#include "platform/desktop/finished_request_observer.h"
#include "platform/platform_transport.h"
#include "tools/sandbox/sandbox_server.h"

#include <gtest/gtest.h>
#include <httplib.h>

#include <array>
#include <atomic>
#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <thread>
#include <vector>

TEST(RequestWipe, WipeBytesZeroesEveryByte) {
    std::array<char, 32> buffer{};
    const std::string secret = "client_secret=demo-client-secret";
    std::copy(secret.begin(), secret.end(), buffer.begin());
    rd::wipe_bytes(buffer.data(), buffer.size());
    EXPECT_EQ(buffer, (std::array<char, 32>{}));
}

TEST(RequestWipe, WipeStringEmptiesAndGivesTheMemoryBack) {
    std::string body = "grant_type=pp_credentials&client_id=demo-client-id&client_secret=demo-client-secret";
    body.reserve(4096);
    rd::wipe_string(body);
    EXPECT_TRUE(body.empty());
    EXPECT_EQ(body.capacity(), std::string().capacity());

    std::string short_text = "s3cr3t"; // kept inside the string object itself
    rd::wipe_string(short_text);
    EXPECT_TRUE(short_text.empty());
}

TEST(RequestWipe, WipeRequestClearsBodyAndHeaderValuesOnly) {
    rd::HttpRequest request{
        .method = "POST",
        .url = "https://api.example/auth/openapi/v1/oauth/token",
        .headers = {{"Authorization", "Bearer eyJhbGciOi.token"}, {"User-Agent", "OpenAPI"}},
        .body = "grant_type=pp_credentials&client_secret=demo-client-secret",
        .timeout_ms = 1234};
    rd::wipe_request(request);
    EXPECT_TRUE(request.body.empty());
    ASSERT_EQ(request.headers.size(), 2u);
    EXPECT_EQ(request.headers[0].name, "Authorization");
    EXPECT_TRUE(request.headers[0].value.empty());
    EXPECT_TRUE(request.headers[1].value.empty());
    EXPECT_EQ(request.url, "https://api.example/auth/openapi/v1/oauth/token");
    EXPECT_EQ(request.timeout_ms, 1234);
}

namespace {

// Copies of every request the transport let go of, as it left them; the observer is removed again
// when this goes, so no other test sees it.
class LeftRequests {
  public:
    LeftRequests() {
        rd::set_finished_request_observer(
            [this](const rd::HttpRequest& request) { left_.push_back(request); });
    }
    ~LeftRequests() { rd::set_finished_request_observer({}); }
    LeftRequests(const LeftRequests&) = delete;
    LeftRequests& operator=(const LeftRequests&) = delete;

    const std::vector<rd::HttpRequest>& all() const { return left_; }
    // The one request to a URL ending in `path`, or null (a failure when there is none or several).
    const rd::HttpRequest* to(const std::string& path) const {
        const rd::HttpRequest* found = nullptr;
        int count = 0;
        for (const rd::HttpRequest& request : left_)
            if (request.url.size() >= path.size() &&
                request.url.compare(request.url.size() - path.size(), path.size(), path) == 0)
                found = &request, ++count;
        EXPECT_EQ(count, 1) << "requests to " << path;
        return count == 1 ? found : nullptr;
    }

  private:
    std::vector<rd::HttpRequest> left_;
};

// Nothing secret is left: the body and every header's value are empty (the names may stay). A failure
// says how much is left, never what: it would be a secret in the test log.
void expect_wiped(const rd::HttpRequest& request) {
    EXPECT_TRUE(request.body.empty())
        << request.url << ": the body keeps " << request.body.size() << " bytes";
    for (const rd::HttpHeader& header : request.headers)
        EXPECT_TRUE(header.value.empty())
            << request.url << ": " << header.name << " keeps " << header.value.size() << " bytes";
}

bool has_header(const rd::HttpRequest& request, const std::string& name) {
    for (const rd::HttpHeader& header : request.headers)
        if (header.name == name) return true;
    return false;
}

bool poll_until(rd::Transport& transport, const std::function<bool()>& done) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (!done()) {
        if (std::chrono::steady_clock::now() > deadline) return false;
        transport.poll();
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    return true;
}

// A loopback server whose /hold answers only once the test lets it: a request stays in flight.
class HoldingServer {
  public:
    HoldingServer() {
        server_.Post("/hold", [this](const httplib::Request&, httplib::Response& res) {
            arrived_ = true;
            while (!released_)
                std::this_thread::sleep_for(std::chrono::milliseconds(5));
            res.set_content("{}", "application/json");
        });
        port_ = server_.bind_to_any_port("127.0.0.1");
        thread_ = std::thread([this] { server_.listen_after_bind(); });
    }
    ~HoldingServer() {
        released_ = true;
        server_.stop();
        thread_.join();
    }
    bool arrived() const { return arrived_; }
    // A POST with a secret body and an Authorization header, as an order would be sent.
    rd::HttpRequest secret_post() const {
        return {.method = "POST",
                .url = "http://127.0.0.1:" + std::to_string(port_) + "/hold",
                .headers = {{"Authorization", "Bearer secret-token"}, {"Content-Type", "application/json"}},
                .body = R"({"secret":"client_secret=demo-client-secret"})",
                .timeout_ms = 20000};
    }

  private:
    httplib::Server server_;
    int port_ = 0;
    std::thread thread_;
    std::atomic<bool> arrived_{false};
    std::atomic<bool> released_{false};
};

} // namespace

// A real sign-in and lookup through the real transport to the sandbox: the token request (its body
// holds the Client Secret) and a GET carrying the bearer token are wiped once answered.
TEST(RequestWipe, TheCurlTransportWipesTheTokenRequestAndTheBearerOnceAnswered) {
    sandbox::SandboxOptions options;
    options.log_requests = false;
    sandbox::SandboxServer server(options);
    server.start();
    LeftRequests left;
    auto transport = rd::make_platform_transport();
    rd::SteadyClock clock;
    {
        rd::ApiClient client(*transport, clock, {.base_url = server.base_url()});
        std::optional<bool> signed_in;
        client.sign_in("demo-client-id", "demo-client-secret",
                       [&](rd::Result<rd::Done> result) { signed_in = static_cast<bool>(result); });
        ASSERT_TRUE(poll_until(*transport, [&] { return signed_in.has_value(); }));
        ASSERT_TRUE(*signed_in) << "the sandbox took the demo credentials";
        std::optional<bool> listed;
        client.get(rd::paths::billing_contacts,
                   [&](rd::Result<rd::ApiReply> reply) { listed = static_cast<bool>(reply); });
        ASSERT_TRUE(poll_until(*transport, [&] { return listed.has_value(); }));
        ASSERT_TRUE(*listed);
    }

    const rd::HttpRequest* token = left.to(rd::paths::token);
    ASSERT_NE(token, nullptr) << "the transport let go of the token request";
    EXPECT_EQ(token->method, "POST");
    expect_wiped(*token);
    const rd::HttpRequest* lookup = left.to(rd::paths::billing_contacts);
    ASSERT_NE(lookup, nullptr);
    EXPECT_TRUE(has_header(*lookup, "Authorization")) << "it was sent with the bearer token";
    expect_wiped(*lookup);
    transport.reset(); // closes the kept-alive connection the server would otherwise wait out
}

TEST(RequestWipe, TheCurlTransportWipesARequestCancelledInFlight) {
    HoldingServer server;
    LeftRequests left;
    auto transport = rd::make_platform_transport();
    bool answered = false;
    const rd::RequestHandle handle =
        transport->send(server.secret_post(), [&](rd::HttpResponse) { answered = true; });
    ASSERT_TRUE(poll_until(*transport, [&] { return server.arrived(); })) << "the request reached the server";
    EXPECT_TRUE(left.all().empty()) << "still held while in flight";
    transport->cancel(handle);
    ASSERT_EQ(left.all().size(), 1u);
    EXPECT_TRUE(has_header(left.all()[0], "Authorization"));
    expect_wiped(left.all()[0]);
    EXPECT_FALSE(answered);
}

TEST(RequestWipe, TheCurlTransportWipesWhatIsInFlightWhenItGoes) {
    HoldingServer server;
    LeftRequests left;
    auto transport = rd::make_platform_transport();
    transport->send(server.secret_post(), [](rd::HttpResponse) {});
    ASSERT_TRUE(poll_until(*transport, [&] { return server.arrived(); }));
    transport.reset();
    ASSERT_EQ(left.all().size(), 1u);
    expect_wiped(left.all()[0]);
}
