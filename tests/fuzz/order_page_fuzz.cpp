// Query Order List (order/v1/page): decode_envelope then decode_order_page, and the reader of those
// pages, OrderReconciler, answered with the same reply for every page it asks for.
// Input: an optional "<status>\n" line, then the body (fuzz_support.h).
#include "core/api_client.h"
#include "core/api_paths.h"
#include "core/decoders.h"
#include "core/envelope.h"
#include "core/order_reconciler.h"
#include "tests/fuzz/fuzz_reply.h"
#include "tests/fuzz/fuzz_transport.h"

#include <algorithm>

using namespace rd;

namespace {

HttpResponse token_reply() {
    return HttpResponse{
        .status = 200,
        .body = R"({"code":"success","detailMessage":"","requestId":"r","status":200,)"
                R"("result":{"expiresIn":"1800","refreshToken":"R","token":"T","tokenHead":"Bearer "}})"};
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const HttpResponse response = fuzz::http_reply(data, size);
    const Result<ApiReply> reply = decode_envelope(response);
    if (reply) {
        if (const auto page = decode_order_page(reply.value().result))
            for (const OrderSummary& order : page.value().orders)
                (void)create_time_ms(order.create_time);
    }

    fuzz::FuzzTransport transport;
    test::FakeClock clock;
    ApiClient client(transport, clock, {.base_url = "http://sandbox.invalid"});
    client.sign_in("demo-client-id", "demo-client-secret", [](Result<Done>) {});
    transport.answer(0, token_reply());
    FUZZ_CHECK(client.signed_in());

    OrderReconciler reconciler(client);
    const ReconcileAttempt attempt{.sent_at_ms = 1'700'000'000'000,
                                   .window_start_ms = 1'700'000'000'000 - window_margin_ms,
                                   .reference = "RD-ABCDEFGH",
                                   .reference_unique = true,
                                   .target = "p-7",
                                   .billing_id = Id64{31},
                                   .known_order_nos = {"KNOWN-1"}};
    bool done = false;
    reconciler.start(attempt, [&] { done = true; });
    // Every request (list pages, then order details) gets the fuzzed reply.
    for (int answered = 0; answered < 16 && !transport.pending.empty();) {
        FUZZ_CHECK(transport.pending.size() == 1); // one request at a time
        if (transport.pending[0].request.url.find("/oauth/token") != std::string::npos) {
            transport.answer(0, token_reply()); // a 401 made the client refresh its token first
            continue;
        }
        const std::string& url = transport.pending[0].request.url;
        FUZZ_CHECK(url.find(std::string(paths::order_list) + "?pageNo=") != std::string::npos ||
                   url.find(paths::order_details_prefix) != std::string::npos);
        transport.answer(0, response);
        ++answered;
    }
    const ReconcileResult& result = reconciler.result();
    FUZZ_CHECK(done == (result.status != ReconcileStatus::checking));
    if (!done) {
        FUZZ_CHECK(transport.pending.size() == 1); // still reading: the next page or details were asked for
        return 0;
    }
    FUZZ_CHECK(transport.pending.empty());
    const auto& since = result.since_attempt;
    const auto by_time = [](const OrderSummary& a, const OrderSummary& b) {
        return create_time_ms(a.create_time) < create_time_ms(b.create_time);
    };
    FUZZ_CHECK(std::is_sorted(since.begin(), since.end(), by_time));
    for (const OrderSummary& order : since) {
        FUZZ_CHECK(create_time_ms(order.create_time) >= attempt.window_start_ms);
        FUZZ_CHECK(order.order_no != "KNOWN-1"); // never an order accounted for
    }
    switch (result.status) {
    case ReconcileStatus::found: // only ever by the attempt's own reference
        FUZZ_CHECK(result.match && result.matched_by == MatchedBy::reference);
        FUZZ_CHECK(result.match->custom_reference_no == attempt.reference &&
                   result.match->order_no != "KNOWN-1");
        break;
    case ReconcileStatus::none:
        FUZZ_CHECK(!result.match && result.unproven.empty());
        for (const OrderSummary& order : since)
            FUZZ_CHECK(order.custom_reference_no != attempt.reference);
        break;
    case ReconcileStatus::ambiguous: // orders nobody could explain: in the window, unreferenced, not known
        FUZZ_CHECK(!result.match && !result.unproven.empty());
        for (const OrderSummary& order : result.unproven) {
            FUZZ_CHECK(order.custom_reference_no.empty() && order.order_no != "KNOWN-1");
            FUZZ_CHECK(create_time_ms(order.create_time) >= attempt.window_start_ms);
        }
        break;
    case ReconcileStatus::error: FUZZ_CHECK(result.error.has_value() && !result.match); break;
    default: FUZZ_CHECK(false);
    }
    return 0;
}
