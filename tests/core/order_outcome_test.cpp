// The outcome rules of the order POST as one table: transport event x HTTP status x body shape.
// Each row goes through the real envelope decoder, then order_outcome(), as an order reply does.
#include "core/order_outcome.h"

#include "tests/core/fake_transport.h"

#include <gtest/gtest.h>

using namespace rd;
using namespace rd::test;

namespace {

const std::string success_envelope =
    R"({"code":"success","detailMessage":"","requestId":"r1","result":{"orderNo":"MK1"},"status":200})";
std::string error_envelope(int status, const char* code) {
    return std::string(R"({"code":")") + code +
           R"(","detailMessage":"no","requestId":"r2","result":null,"status":)" + std::to_string(status) +
           "}";
}
const std::string gateway_json = R"({"code":504,"message":"Gateway Timeout"})";
const std::string html_page = "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>";
const std::string truncated = success_envelope.substr(0, success_envelope.size() / 2);
const std::string plain_text = "upstream connect error or disconnect/reset before headers";
const std::string other_json = R"({"error":"busy"})";

struct Row {
    const char* name;
    HttpResponse response;
    OrderOutcome expected;
};

HttpResponse reply(int status, std::string body) {
    return raw(status, std::move(body));
}

HttpResponse before_reply(TransportFailure kind) {
    return failure(kind);
}

std::vector<Row> rows() {
    using O = OrderOutcome;
    return {
        // transport events
        {"refused connection (nothing sent)", before_reply(TransportFailure::could_not_send), O::not_sent},
        {"timeout", before_reply(TransportFailure::timed_out), O::unknown},
        {"connection dropped", before_reply(TransportFailure::connection_lost), O::unknown},
        // the success envelope
        {"200 success", reply(200, success_envelope), O::placed},
        {"201 success", reply(201, success_envelope), O::placed},
        {"500 with a success envelope", reply(500, success_envelope), O::unknown},
        {"400 with a success envelope", reply(400, success_envelope), O::unknown},
        // the Partner Portal's own refusals
        {"400 error envelope", reply(400, error_envelope(400, "invalid_param")), O::refused},
        {"401 error envelope", reply(401, error_envelope(401, "token_expired")), O::refused},
        {"403 error envelope", reply(403, error_envelope(403, "forbidden")), O::refused},
        {"404 error envelope", reply(404, error_envelope(404, "not_found")), O::refused},
        {"405 error envelope", reply(405, error_envelope(405, "method_not_allowed")), O::refused},
        {"422 error envelope", reply(422, error_envelope(422, "insufficient_balance")), O::refused},
        // error envelopes that do not prove a refusal
        {"200 error envelope (system_busy)", reply(200, error_envelope(200, "system_busy")), O::unknown},
        {"200 error envelope claiming 400", reply(200, error_envelope(400, "invalid_param")), O::unknown},
        {"202 error envelope", reply(202, error_envelope(202, "accepted_later")), O::unknown},
        {"408 error envelope", reply(408, error_envelope(408, "request_timeout")), O::unknown},
        {"409 error envelope", reply(409, error_envelope(409, "conflict")), O::unknown},
        {"429 error envelope", reply(429, error_envelope(429, "too_many_requests")), O::unknown},
        {"500 error envelope", reply(500, error_envelope(500, "internal_error")), O::unknown},
        {"502 error envelope", reply(502, error_envelope(502, "bad_gateway")), O::unknown},
        {"503 error envelope", reply(503, error_envelope(503, "service_unavailable")), O::unknown},
        {"504 error envelope", reply(504, error_envelope(504, "gateway_timeout")), O::unknown},
        // a gateway's JSON with a numeric code is not the API's envelope
        {"504 gateway JSON", reply(504, gateway_json), O::unknown},
        {"404 gateway JSON", reply(404, R"({"code":404,"message":"Not Found"})"), O::unknown},
        {"400 gateway JSON", reply(400, R"({"code":400,"message":"Bad Request"})"), O::unknown},
        {"200 gateway JSON", reply(200, gateway_json), O::unknown},
        // HTML pages (proxies, web servers)
        {"200 HTML", reply(200, html_page), O::unknown},
        {"400 HTML", reply(400, html_page), O::unknown},
        {"401 HTML", reply(401, html_page), O::unknown},
        {"403 HTML", reply(403, html_page), O::unknown},
        {"404 HTML", reply(404, html_page), O::unknown},
        {"413 HTML", reply(413, html_page), O::unknown},
        {"500 HTML", reply(500, html_page), O::unknown},
        {"502 HTML", reply(502, html_page), O::unknown},
        {"503 HTML", reply(503, html_page), O::unknown},
        {"504 HTML", reply(504, html_page), O::unknown},
        // truncated and empty bodies
        {"200 truncated envelope", reply(200, truncated), O::unknown},
        {"400 truncated envelope", reply(400, error_envelope(400, "invalid_param").substr(0, 20)),
         O::unknown},
        {"500 truncated envelope", reply(500, truncated), O::unknown},
        {"200 empty body", reply(200, ""), O::unknown},
        {"204 empty body", reply(204, ""), O::unknown},
        {"400 empty body", reply(400, ""), O::unknown},
        {"500 empty body", reply(500, ""), O::unknown},
        // other bodies
        {"200 plain text", reply(200, plain_text), O::unknown},
        {"503 plain text", reply(503, plain_text), O::unknown},
        {"200 JSON without code", reply(200, other_json), O::unknown},
        {"400 JSON without code", reply(400, other_json), O::unknown},
        {"200 JSON array", reply(200, "[1,2,3]"), O::unknown},
        {"200 JSON nested too deep", reply(200, std::string(100, '[') + std::string(100, ']')), O::unknown},
    };
}

} // namespace

TEST(OrderOutcomeTable, EveryRowHasItsOutcome) {
    const auto table = rows();
    ASSERT_GE(table.size(), 40u);
    for (const Row& row : table) {
        const OrderOutcome outcome = order_outcome(decode_envelope(row.response));
        EXPECT_EQ(order_outcome_name(outcome), std::string(order_outcome_name(row.expected))) << row.name;
    }
}

TEST(OrderOutcomeTable, ErrorsRaisedBeforeThePostLeftAreNotSent) {
    // What ApiClient::post_json reports when no token could be obtained: any kind, nothing left.
    for (ErrorKind kind :
         {ErrorKind::network, ErrorKind::http, ErrorKind::api, ErrorKind::auth, ErrorKind::parse}) {
        ApiError error{.kind = kind, .http_status = 500, .code = "internal_error"};
        error.request_may_have_left = false;
        EXPECT_EQ(order_outcome(Result<ApiReply>(error)), OrderOutcome::not_sent);
    }
    // A value the app itself refused never reaches the network.
    EXPECT_EQ(order_outcome(Result<ApiReply>(ApiError{.kind = ErrorKind::input})), OrderOutcome::not_sent);
}
