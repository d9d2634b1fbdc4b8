// The Create-an-Order reply: decode_envelope, order_outcome (what the flow decides from it) and, when it
// was placed, decode_order_receipt (which never fails once the API said success).
// Input: an optional "<status>\n" line, then the body (fuzz_support.h).
#include "core/decoders.h"
#include "core/envelope.h"
#include "core/order_outcome.h"
#include "tests/fuzz/fuzz_reply.h"
#include "ui/words/error_words.h"
#include "ui/words/order_status_words.h"

using namespace rd;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const HttpResponse response = fuzz::http_reply(data, size);
    const Result<ApiReply> reply = decode_envelope(response);
    const OrderOutcome outcome = order_outcome(reply);
    FUZZ_CHECK(outcome != OrderOutcome::not_sent); // a reply arrived: the request had left
    if (outcome == OrderOutcome::refused) {
        // Only the API's own error envelope on one of its refusal statuses.
        static constexpr int refusals[] = {400, 401, 403, 404, 405, 422};
        bool listed = false;
        for (int status : refusals)
            listed = listed || response.status == status;
        FUZZ_CHECK(listed);
        FUZZ_CHECK(!reply.error().code.empty() && reply.error().code != "success");
    }
    if (outcome != OrderOutcome::placed) {
        (void)ui::error_words(reply.error(), ui::Language::zh);
        return 0;
    }
    FUZZ_CHECK(response.status >= 200 && response.status < 300);
    const OrderReceipt receipt = decode_order_receipt(reply.value().result);
    FUZZ_CHECK(fuzz::valid_utf8(receipt.raw_json)); // copied and saved as it is
    FUZZ_CHECK(fuzz::valid_utf8(receipt.order_no) && fuzz::valid_utf8(receipt.order_status));
    (void)ui::order_status_words(receipt.order_status, ui::Language::en);
    return 0;
}
