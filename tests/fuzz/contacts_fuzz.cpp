// Query Billing Contact List: decode_envelope then decode_billing_contacts.
// Input: an optional "<status>\n" line, then the body (fuzz_support.h).
#include "core/decoders.h"
#include "core/envelope.h"
#include "tests/fuzz/fuzz_reply.h"

#include <nlohmann/json.hpp>

using namespace rd;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const Result<ApiReply> reply = decode_envelope(fuzz::http_reply(data, size));
    if (!reply) return 0;
    std::vector<std::string> skipped;
    const auto contacts = decode_billing_contacts(reply.value().result, &skipped);
    if (!contacts) {
        FUZZ_CHECK(skipped.empty());
        return 0;
    }
    for (const BillingContact& contact : contacts.value()) {
        // The id goes into the order as a JSON integer: it must come back exactly.
        const nlohmann::json written = contact.billing_contact_id.value;
        FUZZ_CHECK(nlohmann::json::parse(written.dump()).get<std::uint64_t>() ==
                   contact.billing_contact_id.value);
        FUZZ_CHECK(parse_id(contact.billing_contact_id.to_string()) == contact.billing_contact_id);
        FUZZ_CHECK(fuzz::valid_utf8(contact.email_address) && fuzz::valid_utf8(contact.company));
    }
    for (const std::string& entry : skipped) {
        FUZZ_CHECK(entry.size() <= 303);
        FUZZ_CHECK(fuzz::valid_utf8(entry));
    }
    return 0;
}
