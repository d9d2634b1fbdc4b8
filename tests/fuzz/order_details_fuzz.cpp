// Get Order Details (order/v1/get/{id}). The core has no decoder of its own for this reply and never
// requests it; what would read such a body today is decode_envelope and the order-list decoder (a
// details `result` is one object, which decode_order_page takes as a one-order page). So this target
// feeds details-shaped bodies (seeds from the API document §11 and the sandbox's answers) to those two.
// Input: an optional "<status>\n" line, then the body (fuzz_support.h).
#include "core/decoders.h"
#include "core/envelope.h"
#include "core/order_reconciler.h"
#include "tests/fuzz/fuzz_reply.h"
#include "ui/words/order_status_words.h"

using namespace rd;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const Result<ApiReply> reply = decode_envelope(fuzz::http_reply(data, size));
    if (!reply) return 0;
    const Json& result = reply.value().result;
    for (const Json* part :
         {&result, result.is_object() && result.contains("orderInformation") ? &result["orderInformation"]
                                                                             : &result}) {
        const auto page = decode_order_page(*part);
        if (!page) continue;
        for (const OrderSummary& order : page.value().orders) {
            FUZZ_CHECK(fuzz::valid_utf8(order.order_no) && fuzz::valid_utf8(order.id));
            (void)create_time_ms(order.create_time);
            (void)ui::order_status_words(order.order_status, ui::Language::zh);
        }
    }
    return 0;
}
