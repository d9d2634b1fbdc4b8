// The in-flight order journal (inflight-order.json on the desktop, localStorage on the web): the bytes
// are the stored text. journal_from_json reads it; what it reads must survive journal_to_json exactly.
// Then the real reader, RenewalFlow, starts from a store holding the text and, when it holds an entry,
// signs in as that entry's account: the flow must resume it (reconcile, never re-send) with an order
// body that carries the entry's ids exactly.
#include "core/api_client.h"
#include "core/api_paths.h"
#include "core/order_journal.h"
#include "core/renewal_flow.h"
#include "tests/fuzz/fuzz_support.h"
#include "tests/fuzz/fuzz_transport.h"

#include <nlohmann/json.hpp>

using namespace rd;

namespace {

bool same(const JournalEntry& a, const JournalEntry& b) {
    return a.sent_at_ms == b.sent_at_ms && a.base_url == b.base_url && a.client_id == b.client_id &&
           a.target == b.target && a.target_name == b.target_name && a.plan_id == b.plan_id &&
           a.billing_id == b.billing_id && a.po_number == b.po_number;
}

HttpResponse token_reply() {
    return HttpResponse{
        .status = 200,
        .body = R"({"code":"success","requestId":"r","status":200,)"
                R"("result":{"expiresIn":"1800","refreshToken":"R","token":"T","tokenHead":"Bearer "}})"};
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text = fuzz::bytes(data, size);
    const std::optional<JournalEntry> entry = journal_from_json(text);
    if (entry) {
        FUZZ_CHECK(entry->sent_at_ms > 0);
        const std::string written = journal_to_json(*entry);
        const auto reread = journal_from_json(written);
        FUZZ_CHECK(reread && same(*reread, *entry));
    }

    MemoryJournalStore store;
    store.save(text);
    fuzz::FuzzTransport transport;
    test::FakeClock clock;
    ApiClient client(transport, clock, {});
    RenewalFlow flow(client, &store);
    FUZZ_CHECK(flow.pending_journal().has_value() == entry.has_value());
    FUZZ_CHECK(store.load().has_value() == entry.has_value()); // an unreadable journal is dropped
    if (!entry) return 0;
    FUZZ_CHECK(same(*flow.pending_journal(), *entry));
    if (entry->client_id.empty()) return 0; // nobody can sign in as that account

    flow.sign_in(entry->base_url, entry->client_id, "demo-client-secret");
    if (flow.stage() != Stage::signing_in) return 0;
    FUZZ_CHECK(transport.pending.size() == 1);
    transport.answer(0, token_reply());
    if (client.base_url() !=
        entry->base_url) { // a journal of another host (a trailing '/', say): not this one's
        FUZZ_CHECK(flow.stage() == Stage::choosing);
        return 0;
    }
    // Resumed: reconciling first, nothing sent but the order list.
    FUZZ_CHECK(flow.stage() == Stage::outcome_unknown);
    FUZZ_CHECK(transport.pending.size() == 1);
    FUZZ_CHECK(transport.pending[0].request.url.find(std::string(paths::order_list) + "?") !=
               std::string::npos);
    for (const HttpRequest& request : transport.sent)
        FUZZ_CHECK(request.url.find("/order/v1/save") == std::string::npos);
    FUZZ_CHECK(!flow.confirm());

    // The order body of the resumed attempt names exactly the journal's ids.
    const auto body = nlohmann::json::parse(flow.order_body(), nullptr, false);
    FUZZ_CHECK(body.is_object());
    FUZZ_CHECK(body["billingId"].get<std::uint64_t>() == entry->billing_id.value);
    FUZZ_CHECK(body["serviceList"][0]["serviceId"].get<std::uint64_t>() == entry->plan_id.value);
    FUZZ_CHECK(body.contains("partnerId") == !entry->target.empty());
    if (!entry->target.empty()) FUZZ_CHECK(body["partnerId"] == entry->target);
    if (!entry->po_number.empty()) FUZZ_CHECK(body["poNumber"] == entry->po_number);

    // The order list answers "nothing since the attempt": a resumed journal believes it only from a
    // reading a whole settle time after this check began (and the order's timeout after it was sent),
    // so never from this first reading, and the journal stays.
    transport.answer(0,
                     HttpResponse{.status = 200,
                                  .body = R"({"code":"success","requestId":"r","status":200,)"
                                          R"("result":{"total":0,"pageNo":1,"totalPage":1,"results":[]}})"});
    FUZZ_CHECK(flow.stage() == Stage::outcome_unknown);
    FUZZ_CHECK(flow.reconciliation().status == ReconcileStatus::none);
    FUZZ_CHECK(!flow.outcome_settled() && flow.recheck_at_ms());
    FUZZ_CHECK(*flow.recheck_at_ms() >= clock.epoch_ms() + RenewalFlow::default_settle_ms);
    FUZZ_CHECK(store.load().has_value());
    return 0;
}
