// Query Subordinate User List: decode_envelope then decode_subordinate_users.
// Input: an optional "<status>\n" line, then the body (fuzz_support.h).
#include "decoders.h"
#include "envelope.h"
#include "fuzz_reply.h"

using namespace rd;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const Result<ApiReply> reply = decode_envelope(fuzz::http_reply(data, size));
    if (!reply) return 0;
    std::vector<std::string> skipped;
    const auto users = decode_subordinate_users(reply.value().result, &skipped);
    if (!users) {
        FUZZ_CHECK(skipped.empty());
        return 0;
    }
    for (const SubordinateUser& user : users.value()) {
        FUZZ_CHECK(!user.partner_id.empty()); // what goes into the order is never empty
        // Strings came through nlohmann's parser (which validates UTF-8) or its number text.
        FUZZ_CHECK(fuzz::valid_utf8(user.partner_id) && fuzz::valid_utf8(user.company));
    }
    for (const std::string& entry : skipped) {
        FUZZ_CHECK(entry.size() <= 303);     // about 300 bytes, "..." after a cut
        FUZZ_CHECK(fuzz::valid_utf8(entry)); // shown on screen as it is
    }
    const auto again = decode_subordinate_users(reply.value().result);
    FUZZ_CHECK(again && again.value().size() == users.value().size());
    return 0;
}
