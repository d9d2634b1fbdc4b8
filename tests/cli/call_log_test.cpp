// --verbose's call log (call_log.h) over a fake transport: one line per call with method, path,
// status or failure, requestId and duration; never a header, a body, a secret or a token.
#include "cli/call_log.h"

#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <vector>

using namespace rd::cli;

namespace {

// Queues requests; respond() hands a reply to a handler, as poll() would.
class FakeTransport final : public rd::Transport {
  public:
    rd::RequestHandle send(rd::HttpRequest request, rd::ResponseHandler on_done) override {
        sent.push_back(std::move(request));
        handlers[++last] = std::move(on_done);
        return last;
    }
    void poll() override {}
    void cancel(rd::RequestHandle handle) override {
        handlers.erase(handle);
        ++cancels;
    }
    bool idle() const override { return handlers.empty(); }
    void respond(rd::RequestHandle handle, rd::HttpResponse response) {
        auto handler = std::move(handlers.at(handle));
        handlers.erase(handle);
        handler(std::move(response));
    }

    std::vector<rd::HttpRequest> sent;
    std::map<rd::RequestHandle, rd::ResponseHandler> handlers;
    rd::RequestHandle last = 0;
    int cancels = 0;
};

struct Logged {
    FakeTransport* fake = nullptr;
    std::unique_ptr<CallLog> log;
    std::vector<std::string> lines;
    std::int64_t now = 1000;
};

std::unique_ptr<Logged> make_logged(bool timestamps = false) {
    auto logged = std::make_unique<Logged>();
    auto fake = std::make_unique<FakeTransport>();
    logged->fake = fake.get();
    Logged* raw = logged.get();
    logged->log = std::make_unique<CallLog>(
        std::move(fake),
        CallLogOptions{
            .timestamps = timestamps,
            .steady_ms = [raw] { return raw->now; },
            .epoch_ms = [] { return std::int64_t{1796613302118}; }, // 2026-12-07T03:15:02.118Z
            .write = [raw](const std::string& line) { raw->lines.push_back(line); },
        });
    return logged;
}

rd::HttpRequest token_request() {
    rd::HttpRequest request;
    request.method = "POST";
    request.url = "https://api.example.com/auth/openapi/v1/oauth/token";
    request.headers = {{"User-Agent", "OpenAPI"}, {"Content-Type", "application/json"}};
    request.body = R"({"username":"demo-client-id","password":"demo-client-secret"})";
    return request;
}

} // namespace

TEST(CallLog, OneLinePerCallWithMethodPathStatusRequestIdAndDuration) {
    auto logged = make_logged();
    std::optional<rd::HttpResponse> delivered;
    rd::HttpRequest request;
    request.url = "https://api.example.com/user/openapi/user/v1/client/partner_list";
    request.headers = {{"Authorization", "Bearer tok-abc123"}};
    const auto handle = logged->log->send(request, [&](rd::HttpResponse r) { delivered = std::move(r); });
    EXPECT_TRUE(logged->lines.empty());                                           // nothing until the reply
    EXPECT_EQ(logged->fake->sent.at(0).headers.at(0).value, "Bearer tok-abc123"); // passed on untouched
    logged->now += 37;
    logged->fake->respond(
        handle,
        {.status = 200, .body = R"({"code":"success","requestId":"9f2c-11ab","result":{"list":[]}})"});
    ASSERT_EQ(logged->lines.size(), 1u);
    EXPECT_EQ(
        logged->lines[0],
        "renewdesk-cli: api: GET /user/openapi/user/v1/client/partner_list 200 requestId 9f2c-11ab 37 ms\n");
    ASSERT_TRUE(delivered.has_value()); // the reply reaches the caller whole
    EXPECT_EQ(delivered->body, R"({"code":"success","requestId":"9f2c-11ab","result":{"list":[]}})");
}

TEST(CallLog, TheTokenCallShowsNeitherItsBodyNorTheTokensInItsReply) {
    auto logged = make_logged();
    const auto handle = logged->log->send(token_request(), [](rd::HttpResponse) {});
    logged->fake->respond(
        handle, {.status = 200,
                 .body = R"({"code":"success","requestId":"r-1","result":{"accessToken":"tok-abc123",)"
                         R"("refreshToken":"ref-xyz789","requestId":"tok-abc123"}})"});
    ASSERT_EQ(logged->lines.size(), 1u);
    const std::string& line = logged->lines[0];
    EXPECT_EQ(line, "renewdesk-cli: api: POST /auth/openapi/v1/oauth/token 200 requestId r-1 0 ms\n");
    for (const char* secret : {"demo-client-secret", "demo-client-id", "tok-abc123", "ref-xyz789", "Bearer"})
        EXPECT_EQ(line.find(secret), std::string::npos) << secret;
}

TEST(CallLog, TransportFailuresAndCancelledCallsAreLoggedToo) {
    auto logged = make_logged();
    rd::HttpRequest request;
    request.method = "POST";
    request.url = "https://api.example.com/order/openapi/order/v1/save";
    const auto first = logged->log->send(request, [](rd::HttpResponse) {});
    logged->now += 60000;
    logged->fake->respond(first, {.failure = rd::TransportFailure::timed_out,
                                  .failure_text = "Operation timed out after 60000 milliseconds"});
    const auto second = logged->log->send(request, [](rd::HttpResponse) { FAIL() << "cancelled"; });
    logged->log->cancel(second);
    ASSERT_EQ(logged->lines.size(), 2u);
    EXPECT_EQ(logged->lines[0],
              "renewdesk-cli: api: POST /order/openapi/order/v1/save timed out (Operation timed "
              "out after 60000 milliseconds) 60000 ms\n");
    EXPECT_EQ(logged->lines[1], "renewdesk-cli: api: POST /order/openapi/order/v1/save cancelled 0 ms\n");
    EXPECT_EQ(logged->fake->cancels, 1);
}

TEST(CallLog, ARefusalWithoutJsonHasNoRequestId) {
    auto logged = make_logged();
    const auto handle =
        logged->log->send({.url = "http://127.0.0.1:8080/pricing/x?productId=15"}, [](rd::HttpResponse) {});
    logged->fake->respond(handle, {.status = 502, .body = "<html>Bad Gateway</html>"});
    EXPECT_EQ(logged->lines.at(0), "renewdesk-cli: api: GET /pricing/x?productId=15 502 0 ms\n");
}

TEST(CallLog, NotOnATerminalEachLineStartsWithTheUtcTime) {
    auto logged = make_logged(/*timestamps=*/true);
    const auto handle = logged->log->send({.url = "https://h/a"}, [](rd::HttpResponse) {});
    logged->fake->respond(handle, {.status = 204});
    EXPECT_EQ(logged->lines.at(0), "2026-12-07T03:15:02.118Z renewdesk-cli: api: GET /a 204 0 ms\n");
    EXPECT_EQ(iso8601_utc(0), "1970-01-01T00:00:00.000Z");
}

TEST(CallLog, PathsLoseHostUserInfoFragmentAndSecretQueryValues) {
    EXPECT_EQ(loggable_path("https://user:pw@api.example.com:8443/a/b?pageNo=2&pageSize=25#frag"),
              "/a/b?pageNo=2&pageSize=25");
    EXPECT_EQ(loggable_path("https://h/x?access_token=abc&client_secret=s&pageNo=1&apiKey=k&flag"),
              "/x?access_token=***&client_secret=***&pageNo=1&apiKey=***&flag");
    EXPECT_EQ(loggable_path("https://h"), "/");
    EXPECT_EQ(loggable_path("https://h?Token=t"), "/?Token=***");
    EXPECT_EQ(loggable_path("https://h/a\x1b[2Jb"), "/a\xEF\xBF\xBD[2Jb"); // no escape reaches the terminal
}

TEST(CallLog, TheRequestIdIsOnlyTheTopLevelPlainOne) {
    EXPECT_EQ(find_request_id(R"({"requestId":"abc-1"})").value_or("?"), "abc-1");
    EXPECT_EQ(find_request_id(R"( { "code" : "x", "requestId" : "a.b:c_d" } )").value_or("?"), "a.b:c_d");
    EXPECT_EQ(find_request_id(R"({"result":{"requestId":"inner"},"requestId":"outer"})").value_or("?"),
              "outer");
    EXPECT_EQ(
        find_request_id(R"({"detailMessage":"\"requestId\":\"fake\"","requestId":"real"})").value_or("?"),
        "real");
    EXPECT_FALSE(find_request_id(R"({"result":{"requestId":"inner"}})").has_value());
    EXPECT_FALSE(find_request_id(R"({"requestId":12})").has_value());
    EXPECT_FALSE(find_request_id(R"({"requestId":"has space"})").has_value());
    EXPECT_FALSE(find_request_id(R"({"requestId":"\u001b[2J"})").has_value());
    EXPECT_FALSE(find_request_id(R"({"requestId":")").has_value());
    EXPECT_FALSE(find_request_id("").has_value());
    EXPECT_FALSE(find_request_id("not json").has_value());
    EXPECT_FALSE(find_request_id(R"(["requestId","x"])").has_value());
}

TEST(CallLog, VerboseOrRenewdeskLogDebugTurnsItOn) {
    std::string warning;
    EXPECT_TRUE(call_log_wanted(true, nullptr, &warning));
    EXPECT_FALSE(call_log_wanted(false, nullptr, &warning));
    EXPECT_FALSE(call_log_wanted(false, "", &warning));
    EXPECT_TRUE(call_log_wanted(false, "debug", &warning));
    EXPECT_TRUE(call_log_wanted(false, "DEBUG", &warning));
    EXPECT_TRUE(warning.empty());
    EXPECT_FALSE(call_log_wanted(false, "verbose", &warning));
    EXPECT_NE(warning.find("RENEWDESK_LOG=verbose"), std::string::npos) << warning;
}
