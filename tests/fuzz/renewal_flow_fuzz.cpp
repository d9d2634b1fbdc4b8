// Structure-aware: RenewalFlow + ApiClient over a fake transport and clock, driven by a fuzzer-chosen
// sequence of steps: the person's actions (sign in, choose, review, confirm, confirm twice, back, sign
// out, renew another, reconcile, ...), replies to any pending request in any order (good, API errors,
// proxy pages, garbage, truncated, dropped, timed out, refused), answers held until the next frame,
// clock jumps and an app restart that keeps the journal. After every step the money invariants hold:
//   - an order POST leaves only from a confirm() that returned true (or from the token reply that
//     confirm() was waiting for), at most one per confirmation, with exactly the reviewed body, and
//     only once the in-flight journal holds the attempt;
//   - outcome_unknown never sends a second order by itself;
//   - "done" only right after a save reply that is a success envelope with a 2xx status;
//   - "failed" only when the save reply is not_sent/refused by order_outcome() (and by an independent
//     reading of the rules), or when the POST never left;
//   - the journal is kept, and no new order may start, until the order list has settled the outcome
//     (found, or ruled out by a reading late enough); secrets and tokens never reach it nor a request
//     other than the token request.
// Inputs are consumed with FuzzedDataProvider: integers from the end, strings from the front.
#include "core/api_client.h"
#include "core/api_paths.h"
#include "core/envelope.h"
#include "core/order_journal.h"
#include "core/order_outcome.h"
#include "core/renewal_flow.h"
#include "tests/fuzz/fuzz_support.h"
#include "tests/fuzz/fuzz_transport.h"

#include <fuzzer/FuzzedDataProvider.h>
#include <nlohmann/json.hpp>

#include <memory>

using namespace rd;
using nlohmann::json;

namespace {

constexpr const char* base_url = "http://sandbox.invalid";
constexpr const char* client_id = "demo-client-id";
constexpr const char* secret = "demo-client-secret-7f3a";
constexpr const char* save_path = paths::create_order;

enum Step : std::uint8_t {
    sign_in,
    sign_out,
    retry_lookup,
    choose_myself,
    choose_subordinate,
    choose_plan,
    type_plan_id,
    choose_contact,
    type_billing_id,
    review,
    set_po_number,
    back,
    confirm,
    double_confirm,
    reconcile,
    forget_journal,
    renew_another,
    answer,
    answer_later,
    poll,
    tick,
    advance_clock,
    restart,
    step_count
};

const char* const step_names[] = {
    "sign_in",        "sign_out",      "retry_lookup",   "choose_myself",   "choose_subordinate",
    "choose_plan",    "type_plan_id",  "choose_contact", "type_billing_id", "review",
    "set_po_number",  "back",          "confirm",        "double_confirm",  "reconcile",
    "forget_journal", "renew_another", "answer",         "answer_later",    "poll",
    "tick",           "advance_clock", "restart"};
static_assert(std::size(step_names) == step_count);

// RENEWDESK_FUZZ_TRACE=1 prints every step and the stage after it (to check what a seed reaches).
const bool trace = std::getenv("RENEWDESK_FUZZ_TRACE") != nullptr;

enum Reply : std::uint8_t {
    good,
    api_error,
    dropped,
    garbage,
    truncated,
    proxy_page,
    headers_only,
    reply_count
};

const int statuses[] = {200, 201, 204, 400, 401, 403, 404, 405, 408, 409,
                        422, 429, 500, 502, 503, 504, 301, 302, 307};
const char* const codes[] = {"parameter_validation_failed",
                             "unauthorized",
                             "token_expired",
                             "insufficient_balance",
                             "504",
                             "success",
                             "",
                             "internal_error"};

bool refusal_status(int status) {
    return status == 400 || status == 401 || status == 403 || status == 404 || status == 405 || status == 422;
}

// The outcome rules read independently of order_outcome.cpp: refused only for the API's error envelope
// (a JSON object whose code is a word other than "success") on one of the refusal statuses.
bool oracle_refused(const HttpResponse& r) {
    if (r.failure != TransportFailure::none || !refusal_status(r.status)) return false;
    const json doc = json::parse(fuzz::replace_invalid_utf8(r.body), nullptr, false);
    if (!doc.is_object()) return false;
    const auto code = doc.find("code");
    if (code == doc.end() || !code->is_string()) return false;
    const std::string& text = code->get_ref<const std::string&>();
    return !text.empty() && text != "success" && text.find_first_not_of("0123456789") != std::string::npos;
}

bool oracle_success(const HttpResponse& r) {
    if (r.failure != TransportFailure::none || r.status < 200 || r.status >= 300) return false;
    const json doc = json::parse(fuzz::replace_invalid_utf8(r.body), nullptr, false);
    return doc.is_object() && doc.contains("code") && doc["code"] == "success";
}

HttpResponse envelope(int status, const std::string& code, const json& result) {
    const json body = {{"code", code},
                       {"detailMessage", code == "success" ? "" : "refused"},
                       {"requestId", "0123456789abcdef0123456789abcdef"},
                       {"result", result},
                       {"status", status}};
    // A PO number with invalid UTF-8 is echoed in the order list the way a JSON server would write it.
    return HttpResponse{.status = status, .body = body.dump(-1, ' ', false, json::error_handler_t::replace)};
}

class Harness {
  public:
    explicit Harness(FuzzedDataProvider& in) : in_(in) { start(); }

    void run() {
        for (int steps = 0; steps < 300 && in_.remaining_bytes() > 0; ++steps) {
            before_ = flow_->stage();
            before_settled_ = flow_->outcome_settled();
            sent_before_ = transport_.sent.size();
            delivered_before_ = transport_.delivered.size();
            may_send_order_ = false;
            const auto step = static_cast<Step>(in_.ConsumeIntegralInRange<int>(0, step_count - 1));
            act(step);
            if (trace)
                std::fprintf(stderr, "%-18s -> %s, %zu pending, %zu order POSTs\n", step_names[step],
                             stage_name(flow_->stage()), transport_.pending.size(), count_saves());
            check(step);
        }
    }

  private:
    void start() {
        client_ = std::make_unique<ApiClient>(transport_, clock_, ApiClientOptions{});
        flow_ = std::make_unique<RenewalFlow>(*client_, &journal_);
    }

    // Text the person types or a server sends, chosen by the fuzzer: once it holds the secret itself
    // (libFuzzer learns it from the comparisons), finding it in a request proves nothing any more.
    std::string pick_string(std::size_t max) {
        std::string text = in_.ConsumeRandomLengthString(max);
        for (const char* marker : {secret, "access-tok-", "refresh-tok-"})
            if (text.find(marker) != std::string::npos) secret_typed_ = true;
        return text;
    }

    void act(Step step) {
        RenewalFlow& flow = *flow_;
        switch (step) {
        case sign_in: {
            switch (in_.ConsumeIntegralInRange<int>(0, 3)) {
            case 0: flow.sign_in(base_url, client_id, secret); break;
            case 1: flow.sign_in(std::string(base_url) + "/", client_id, secret); break;
            case 2: flow.sign_in(base_url, "other-client-id", secret); break;
            default: flow.sign_in(base_url, "", secret); break;
            }
            break;
        }
        case sign_out: flow.sign_out(); break;
        case retry_lookup:
            flow.retry_lookup(static_cast<LookupKind>(in_.ConsumeIntegralInRange<int>(0, 2)));
            break;
        case choose_myself: flow.choose_myself(); break;
        case choose_subordinate: {
            const auto& users = flow.users().value;
            const int index = in_.ConsumeIntegralInRange<int>(0, 3);
            flow.choose_subordinate(index < static_cast<int>(users.size()) ? users[index].partner_id
                                                                           : pick_string(24));
            break;
        }
        case choose_plan: {
            const auto& plans = flow.plans().value.plans;
            const int index = in_.ConsumeIntegralInRange<int>(0, 3);
            flow.choose_plan(index < static_cast<int>(plans.size())
                                 ? plans[index].plan_id
                                 : Id64{in_.ConsumeIntegral<std::uint64_t>()});
            break;
        }
        case type_plan_id: flow.type_plan_id(pick_string(24)); break;
        case choose_contact: {
            const auto& contacts = flow.contacts().value;
            const int index = in_.ConsumeIntegralInRange<int>(0, 3);
            flow.choose_billing_contact(index < static_cast<int>(contacts.size())
                                            ? contacts[index].billing_contact_id
                                            : Id64{in_.ConsumeIntegral<std::uint64_t>()});
            break;
        }
        case type_billing_id: flow.type_billing_id(pick_string(24)); break;
        case review: flow.review(); break;
        case set_po_number: flow.set_po_number(pick_string(24)); break;
        case back: flow.back_to_choosing(); break;
        case confirm: do_confirm(); break;
        case double_confirm:
            do_confirm();
            do_confirm(); // a second click in the same frame
            break;
        case reconcile: flow.reconcile(); break;
        case forget_journal: flow.forget_pending_journal(); break;
        case renew_another: flow.renew_another(); break;
        case answer:
        case answer_later: {
            if (transport_.pending.empty()) break;
            const auto index = in_.ConsumeIntegralInRange<std::size_t>(0, transport_.pending.size() - 1);
            HttpResponse response = make_reply(transport_.pending[index].request);
            if (step == answer) transport_.answer(index, std::move(response));
            else transport_.arrive(index, std::move(response)); // delivered at the next frame's poll
            break;
        }
        case poll: transport_.poll(); break;
        case tick: flow.tick(); break; // the frame's timers: a due second reading of the order list
        case advance_clock: {
            static const std::int64_t jumps[] = {1,      250,         5'000,       30'000,
                                                 61'000, 29 * 60'000, 31 * 60'000, 16LL * 86'400'000};
            clock_.now += jumps[in_.ConsumeIntegralInRange<int>(0, 7)];
            break;
        }
        case restart: // the app is closed and opened again: memory is gone, the journal stays
            flow_.reset();
            client_.reset();
            start();
            break;
        case step_count: break;
        }
    }

    void do_confirm() {
        const Stage stage = flow_->stage();
        const bool pending_journal = flow_->pending_journal().has_value();
        const std::string body = flow_->order_body();
        const std::size_t requests = transport_.sent.size();
        const std::size_t saves = count_saves();
        const bool handed_on = flow_->confirm();
        FUZZ_CHECK(!handed_on || (stage == Stage::reviewing && !pending_journal));
        if (!handed_on) {
            FUZZ_CHECK(transport_.sent.size() == requests); // nothing sent at all
            return;
        }
        ++confirms_;
        resolved_ = false;         // a new attempt: its outcome is not known yet
        saves_at_confirm_ = saves; // order POSTs before this confirmation
        confirmed_body_ = body;
        may_send_order_ = true;
        FUZZ_CHECK(flow_->stage() == Stage::submitting || flow_->stage() == Stage::failed);
        // Handed on: the POST left now, or it waits for the token request that will let it leave, or
        // (nothing sent yet) the order list is read first for an earlier attempt for this customer that
        // was ruled out within the hour and may have committed late (RenewalFlow::check_for_late_commit).
        if (flow_->stage() == Stage::submitting)
            FUZZ_CHECK(count_saves() == saves_at_confirm_ + 1 || transport_.awaiting("/oauth/token") ||
                       (count_saves() == saves_at_confirm_ && transport_.awaiting(paths::order_list)));
    }

    HttpResponse make_reply(const HttpRequest& request) {
        const std::string& url = request.url;
        const auto kind = static_cast<Reply>(in_.ConsumeIntegralInRange<int>(0, reply_count - 1));
        switch (kind) {
        case good: return good_reply(url);
        case api_error: {
            const int status = statuses[in_.ConsumeIntegralInRange<int>(0, std::size(statuses) - 1)];
            const char* code = codes[in_.ConsumeIntegralInRange<int>(0, std::size(codes) - 1)];
            return envelope(status, code, {{"field", "billingId"}, {"tag", "exists"}});
        }
        case dropped: {
            static const TransportFailure failures[] = {TransportFailure::could_not_send,
                                                        TransportFailure::timed_out,
                                                        TransportFailure::connection_lost};
            return HttpResponse{.failure = failures[in_.ConsumeIntegralInRange<int>(0, 2)],
                                .failure_text = "simulated"};
        }
        case garbage: {
            const int status = statuses[in_.ConsumeIntegralInRange<int>(0, std::size(statuses) - 1)];
            return HttpResponse{.status = status, .body = pick_string(512)};
        }
        case truncated: {
            HttpResponse response = good_reply(url);
            response.body.resize(in_.ConsumeIntegralInRange<std::size_t>(0, response.body.size()));
            return response;
        }
        case proxy_page: {
            const int status = statuses[in_.ConsumeIntegralInRange<int>(0, std::size(statuses) - 1)];
            return HttpResponse{.status = status,
                                .body = "<html><head><title>" + std::to_string(status) +
                                        " Bad Gateway</title></head></html>"};
        }
        case headers_only: {
            // The headers arrived, then the transport gave up on the body (too large, a redirect the
            // browser followed, the connection lost): transport.h's failure with a status.
            static const TransportFailure failures[] = {TransportFailure::connection_lost,
                                                        TransportFailure::timed_out,
                                                        TransportFailure::could_not_send};
            const int status = statuses[in_.ConsumeIntegralInRange<int>(0, std::size(statuses) - 1)];
            return HttpResponse{.failure = failures[in_.ConsumeIntegralInRange<int>(0, 2)],
                                .failure_text = "Location: http://elsewhere.invalid/\nRetry-After: 30",
                                .status = status};
        }
        case reply_count: break;
        }
        return good_reply(url);
    }

    HttpResponse good_reply(const std::string& url) {
        if (url.find("/oauth/token") != std::string::npos) {
            static const char* const lifetimes[] = {"1800", "60", "1", "7200"};
            ++tokens_issued_;
            return envelope(200, "success",
                            {{"expiresIn", lifetimes[in_.ConsumeIntegralInRange<int>(0, 3)]},
                             {"refreshToken", "refresh-tok-" + std::to_string(tokens_issued_)},
                             {"token", "access-tok-" + std::to_string(tokens_issued_)},
                             {"tokenHead", "Bearer "}});
        }
        if (url.find("/partner_list") != std::string::npos)
            return envelope(
                200, "success",
                json::array({{{"partnerId", "3076915454468767744"},
                              {"company", "Acme GmbH"},
                              {"email", "a@acme.example"}},
                             {{"partnerId", "reseller@example.com"}, {"company", "Ωmega 有限公司"}},
                             {{"company", "no id: skipped"}}}));
        if (url.find("/purchase_product_info") != std::string::npos)
            return envelope(200, "success",
                            {{"offeringId", "OFF-15"},
                             {"productId", 15},
                             {"planList", json::array({{{"planId", 3049036224189325312ULL},
                                                        {"planName", "Remote Management Account"},
                                                        {"purchaseType", "renew"},
                                                        {"price", "29.00"},
                                                        {"currencyCode", "USD"}},
                                                       {{"planId", "3049036224189325313"},
                                                        {"planName", "Remote Management Basic"}}})}});
        if (url.find("/billing_contact_list") != std::string::npos) {
            json contacts = json::array(
                {{{"billingContactId", "3197218168379846218"}, {"emailAddress", "billing@acme.example"}}});
            if (in_.ConsumeBool())
                contacts.push_back({{"billingContactId", 3197218168379846219ULL}, {"company", "Second"}});
            return envelope(200, "success", contacts);
        }
        if (url.find(save_path) != std::string::npos) {
            ++orders_placed_;
            return envelope(200, "success",
                            {{"instanceId", "1946688"},
                             {"orderId", "1780042"},
                             {"orderNo", "MK" + std::to_string(orders_placed_)},
                             {"orderStatus", in_.ConsumeBool() ? "succeed" : "pending"},
                             {"productNo", "3076913644890832896"},
                             {"transactionNo", "IH3400814132429889537"}});
        }
        if (url.find("/order/v1/page") != std::string::npos) {
            // Orders around the attempt, in seconds or milliseconds, with or without its PO number.
            json orders = json::array();
            const int count = in_.ConsumeIntegralInRange<int>(0, 3);
            const bool seconds = in_.ConsumeBool();
            for (int i = 0; i < count; ++i) {
                static const std::int64_t offsets[] = {-3'600'000, -31'000, -5'000, 0, 2'000, 60'000};
                std::int64_t at =
                    flow_->attempt().sent_at_ms + offsets[in_.ConsumeIntegralInRange<int>(0, 5)];
                orders.push_back(
                    {{"id", std::to_string(4400 + i)},
                     {"orderNo", "MK" + std::to_string(in_.ConsumeIntegralInRange<int>(0, 4))},
                     {"orderStatus", "pending"},
                     {"currencyCode", "USD"},
                     {"createTime", seconds ? at / 1000 : at},
                     {"customReferenceNo", in_.ConsumeBool() ? flow_->attempt().po_number : ""}});
            }
            const int total_pages = in_.ConsumeIntegralInRange<int>(1, 3);
            return envelope(200, "success",
                            {{"count", count},
                             {"pageNo", 1},
                             {"pageSize", 25},
                             {"total", count},
                             {"totalPage", total_pages},
                             {"results", orders}});
        }
        return envelope(404, "not_found", nullptr);
    }

    std::size_t count_saves() const {
        std::size_t n = 0;
        for (const HttpRequest& request : transport_.sent)
            n += request.url.find(save_path) != std::string::npos;
        return n;
    }

    static bool carries(const HttpRequest& request, const std::string& text) {
        if (request.url.find(text) != std::string::npos || request.body.find(text) != std::string::npos)
            return true;
        for (const auto& header : request.headers)
            if (header.value.find(text) != std::string::npos) return true;
        return false;
    }

    void check(Step step) {
        RenewalFlow& flow = *flow_;
        const Stage stage = flow.stage();

        // Requests sent during this step.
        const bool token_delivered = [&] {
            for (std::size_t i = delivered_before_; i < transport_.delivered.size(); ++i)
                if (transport_.delivered[i].url.find("/oauth/token") != std::string::npos) return true;
            return false;
        }();
        for (std::size_t i = sent_before_; i < transport_.sent.size(); ++i) {
            const HttpRequest& request = transport_.sent[i];
            const bool is_token = request.url.find("/oauth/token") != std::string::npos;
            if (!is_token && !secret_typed_) FUZZ_CHECK(!carries(request, secret));
            if (request.url.find(save_path) == std::string::npos) continue;
            // An order POST: only from a confirmation, or the token reply that confirmation waited for.
            FUZZ_CHECK(may_send_order_ || token_delivered);
            FUZZ_CHECK(request.method == "POST" && request.body == confirmed_body_);
            FUZZ_CHECK(count_saves() <= static_cast<std::size_t>(confirms_));
            FUZZ_CHECK(count_saves() - saves_at_confirm_ <= 1); // one per confirmation
            // The journal holds the attempt before the POST leaves.
            const auto stored = journal_.load();
            FUZZ_CHECK(stored.has_value());
            const auto entry = journal_from_json(*stored);
            FUZZ_CHECK(entry && entry->plan_id == flow.order().plan_id &&
                       entry->billing_id == flow.order().billing_id);
        }
        if (step != confirm && step != double_confirm && !token_delivered)
            FUZZ_CHECK(count_saves() == saves_seen_);
        saves_seen_ = count_saves();

        // Secrets never reach the journal.
        if (const auto stored = journal_.load()) {
            if (!secret_typed_) {
                FUZZ_CHECK(stored->find(secret) == std::string::npos);
                FUZZ_CHECK(stored->find("access-tok-") == std::string::npos &&
                           stored->find("refresh-tok-") == std::string::npos);
            }
        }

        // The save reply delivered in this step, if any.
        const HttpResponse* save_reply = nullptr;
        for (std::size_t i = delivered_before_; i < transport_.delivered.size(); ++i)
            if (transport_.delivered[i].url.find(save_path) != std::string::npos)
                save_reply = &transport_.delivered[i].response;

        if (stage == Stage::done && before_ != Stage::done) {
            FUZZ_CHECK(save_reply && oracle_success(*save_reply));
            FUZZ_CHECK(order_outcome(decode_envelope(*save_reply)) == OrderOutcome::placed);
            FUZZ_CHECK(!journal_.load().has_value()); // the outcome is known
        }
        if (stage == Stage::failed && before_ != Stage::failed) {
            if (save_reply) {
                const OrderOutcome outcome = order_outcome(decode_envelope(*save_reply));
                FUZZ_CHECK(outcome == OrderOutcome::not_sent || outcome == OrderOutcome::refused);
                FUZZ_CHECK(save_reply->failure == TransportFailure::could_not_send ||
                           oracle_refused(*save_reply));
            } else {
                FUZZ_CHECK(count_saves() == saves_at_confirm_); // the POST never left
            }
            FUZZ_CHECK(flow.failure() == OrderOutcome::not_sent || flow.failure() == OrderOutcome::refused);
        }
        if (stage == Stage::outcome_unknown && before_ == Stage::submitting && save_reply)
            FUZZ_CHECK(order_outcome(decode_envelope(*save_reply)) == OrderOutcome::unknown);
        if (save_reply && before_ == Stage::submitting) // every save reply settles the submission
            FUZZ_CHECK(stage == Stage::done || stage == Stage::failed || stage == Stage::outcome_unknown);

        // Unknown stays unknown (journal kept) until the order list has answered.
        if (before_ == Stage::outcome_unknown && stage == Stage::choosing) FUZZ_CHECK(before_settled_);
        if (stage == Stage::outcome_unknown) {
            if (flow.outcome_settled()) resolved_ = true;
            if (!resolved_) FUZZ_CHECK(journal_.load().has_value());
        }
    }

    FuzzedDataProvider& in_;
    fuzz::FuzzTransport transport_;
    test::FakeClock clock_;
    MemoryJournalStore journal_;
    std::unique_ptr<ApiClient> client_;
    std::unique_ptr<RenewalFlow> flow_;

    Stage before_ = Stage::signed_out;
    bool before_settled_ = false;
    std::size_t sent_before_ = 0, delivered_before_ = 0;
    bool may_send_order_ = false;
    bool secret_typed_ = false;
    bool resolved_ = false; // the order list has settled the current attempt (its journal may be gone)
    int confirms_ = 0;
    std::size_t saves_at_confirm_ = 0, saves_seen_ = 0;
    std::string confirmed_body_;
    int tokens_issued_ = 0, orders_placed_ = 0;
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    FuzzedDataProvider in(data, size);
    Harness harness(in);
    harness.run();
    return 0;
}
