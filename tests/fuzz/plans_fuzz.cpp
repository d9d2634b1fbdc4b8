// Query Available Plans for product 15 (purchase_product_info): decode_envelope, decode_plan_catalog,
// then preferred_plan_index, as the flow does after loading it.
// Input: an optional "<status>\n" line, then the body (fuzz_support.h).
#include "core/decoders.h"
#include "core/envelope.h"
#include "core/renewal_flow.h"
#include "tests/fuzz/fuzz_reply.h"

#include <set>

using namespace rd;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const Result<ApiReply> reply = decode_envelope(fuzz::http_reply(data, size));
    if (!reply) return 0;
    const auto catalog = decode_plan_catalog(reply.value().result);
    if (!catalog) return 0;
    const auto& plans = catalog.value().plans;
    std::set<Id64> ids;
    for (const Plan& plan : plans) {
        FUZZ_CHECK(ids.insert(plan.plan_id).second); // each plan once
        FUZZ_CHECK(fuzz::valid_utf8(plan.name) && fuzz::valid_utf8(plan.price));
    }
    FUZZ_CHECK(fuzz::valid_utf8(catalog.value().raw_json)); // shown as it is on the review screen
    if (const auto preferred = preferred_plan_index(plans)) FUZZ_CHECK(*preferred < plans.size());
    return 0;
}
