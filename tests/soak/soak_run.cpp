#include "soak_run.h"

#include "fault_menu.h"

#include "api_client.h"
#include "platform_transport.h"
#include "renewal_flow.h"
#include "sandbox_server.h"

#include <httplib.h>

#include <chrono>
#include <functional>
#include <random>
#include <thread>

namespace soak {
namespace {

using nlohmann::json;
using namespace rd;

constexpr std::uint64_t tutorial_billing_id = 3197218168379846218ULL;
// The client's timeouts sit below the menu's long delay, so "slower than the client" happens; the
// settle time sits above it, so a commit that comes after the client gave up is read by the second
// reading (the product's default is 30 s; the sandbox's longest hold is long_delay_ms).
constexpr int timeout_ms = long_delay_ms / 2;
constexpr int order_timeout_ms = long_delay_ms * 2 / 3;
constexpr int settle_ms = long_delay_ms + 400;
// A run draws at most three faults of at most two uses each, possibly all on one endpoint: a person
// who tries once more than that gets through.
constexpr int max_tries = 7;

const char* outcome_name(Outcome outcome) {
    switch (outcome) {
    case Outcome::done: return "done";
    case Outcome::failed: return "failed";
    case Outcome::unknown: return "unknown";
    }
    return "?";
}

} // namespace

struct Soak::Impl {
    sandbox::SandboxServer server{sandbox::SandboxOptions{.log_requests = false}};
    int port = server.start();
    SteadyClock clock;
    std::unique_ptr<Transport> transport = make_platform_transport();

    json control(const std::string& method, const std::string& path, const json& body = nullptr) {
        httplib::Client http("127.0.0.1", port);
        http.set_read_timeout(10, 0);
        httplib::Result reply =
            method == "GET" ? http.Get(path.c_str())
            : method == "DELETE"
                ? http.Delete(path.c_str())
                : http.Post(path.c_str(), body.is_null() ? "{}" : body.dump(), "application/json");
        if (!reply) throw std::runtime_error("sandbox control request failed: " + path);
        return reply->body.empty() ? json() : json::parse(reply->body, nullptr, false);
    }
};

Soak::Soak() : impl_(std::make_unique<Impl>()) {}
Soak::~Soak() = default;

RunResult Soak::run(std::uint64_t seed, int index) {
    Impl& s = *impl_;
    std::mt19937_64 rng(seed * 1'000'003ULL + static_cast<std::uint64_t>(index));
    RunResult result;
    auto note = [&](const std::string& text) { result.story += text + "; "; };

    s.control("POST", "/__sandbox/reset");
    for (const json& fault : draw_faults(rng)) {
        const json accepted = s.control("POST", "/__sandbox/faults", fault);
        if (!accepted.is_object() || !accepted.contains("faults"))
            throw std::runtime_error("the sandbox refused the fault " + fault.dump() + ": " +
                                     accepted.dump());
        note("fault " + fault.dump());
    }

    MemoryJournalStore journal;
    ApiClient client(*s.transport, s.clock,
                     ApiClientOptions{.base_url = s.server.base_url(),
                                      .timeout_ms = timeout_ms,
                                      .order_timeout_ms = order_timeout_ms});
    RenewalFlow flow(client, &journal);
    flow.set_settle_ms(settle_ms);
    auto pump_until = [&](const std::function<bool()>& done, int deadline_ms = 20000) {
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(deadline_ms);
        while (!done()) {
            if (std::chrono::steady_clock::now() > deadline) return false;
            s.transport->poll();
            flow.tick(); // as the app's frame does
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        }
        return true;
    };
    auto expire_tokens = [&] { s.control("POST", "/__sandbox/expire_tokens"); };
    auto sign_in = [&] { // as a person would: again after a refusal, the faults run out
        for (int attempt = 0; attempt < max_tries && flow.stage() == Stage::signed_out; ++attempt) {
            flow.sign_in(s.server.base_url(), "demo-client-id", "demo-client-secret");
            pump_until([&] { return flow.stage() != Stage::signing_in; });
        }
    };
    auto load_lists = [&] {
        for (int attempt = 0; attempt < max_tries; ++attempt) {
            pump_until([&] {
                return flow.users().status != LookupStatus::loading &&
                       flow.plans().status != LookupStatus::loading &&
                       flow.contacts().status != LookupStatus::loading;
            });
            bool all = true;
            for (LookupKind kind : {LookupKind::users, LookupKind::plans, LookupKind::contacts}) {
                // Failed, or entries that could not be read: the person presses that list's Retry.
                const bool failed =
                    (kind == LookupKind::users &&
                     (flow.users().status == LookupStatus::failed || !flow.users().skipped.empty())) ||
                    (kind == LookupKind::plans && flow.plans().status == LookupStatus::failed) ||
                    (kind == LookupKind::contacts &&
                     (flow.contacts().status == LookupStatus::failed || !flow.contacts().skipped.empty()));
                if (failed) flow.retry_lookup(kind), all = false;
            }
            if (all) return;
        }
    };

    const int expire_at =
        static_cast<int>(rng() % 4); // 0 never, 1 after sign-in, 2 after the lists, 3 before confirm
    sign_in();
    if (flow.stage() != Stage::choosing) {
        result.wrong = "could not sign in after " + std::to_string(max_tries) + " tries";
        return result;
    }
    if (expire_at == 1) expire_tokens(), note("tokens expired after sign-in");
    load_lists();
    if (expire_at == 2) expire_tokens(), note("tokens expired after the lists");

    const auto& users = flow.users().value;
    if (users.empty() || rng() % 3 == 0) {
        flow.choose_myself();
        note("for myself");
    } else {
        const std::string& partner = users[rng() % users.size()].partner_id;
        flow.choose_subordinate(partner);
        note("for " + partner);
    }
    flow.choose_billing_contact(Id64{tutorial_billing_id});
    flow.review();
    if (flow.stage() != Stage::reviewing) {
        result.wrong = "could not reach the review: " + flow.missing_choice().value_or("?");
        return result;
    }
    if (rng() % 2)
        flow.set_po_number("PO-" + std::to_string(seed) + "-" + std::to_string(index)), note("PO number");
    if (expire_at == 3) expire_tokens(), note("tokens expired before confirm");

    if (flow.confirm()) ++result.confirmations;
    int action = static_cast<int>(rng() % 6);
    const int polls_before_action = static_cast<int>(rng() % 40);
    const char* action_names[] = {"no action", "confirm again", "Enter and click",
                                  "back",      "renew another", "sign out"};
    note(std::string(action_names[action]) + " after " + std::to_string(polls_before_action) + " polls");
    for (int i = 0; i < polls_before_action && flow.stage() == Stage::submitting; ++i) {
        s.transport->poll();
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    if (flow.stage() != Stage::submitting) action = 0, note("the outcome came first");
    switch (action) {
    case 1: result.confirmations += flow.confirm() ? 1 : 0; break;
    case 2: result.confirmations += (flow.confirm() ? 1 : 0) + (flow.confirm() ? 1 : 0); break;
    case 3: flow.back_to_choosing(); break;
    case 4: flow.renew_another(); break;
    case 5:
        if (flow.stage() == Stage::submitting) { // leaving mid-order: the journal must bring it back
            flow.sign_out();
            sign_in();
        }
        break;
    default: break;
    }
    if (result.confirmations > 1) result.wrong = "a second confirm() was accepted for one review";
    pump_until([&] { return flow.stage() != Stage::submitting; });

    if (flow.stage() == Stage::outcome_unknown) {
        for (int attempt = 0; attempt < 4 && !flow.outcome_settled(); ++attempt) {
            pump_until(
                [&] {
                    return flow.outcome_settled() || flow.reconciliation().status == ReconcileStatus::error;
                },
                settle_ms + 20000);
            if (flow.reconciliation().status == ReconcileStatus::error) { // Check again, as a person would
                s.control("DELETE", "/__sandbox/faults");
                flow.reconcile();
            }
        }
    }

    const json log = s.control("GET", "/__sandbox/orders");
    result.orders_in_log = log.is_array() ? static_cast<int>(log.size()) : -1;
    result.duplicate_orders = std::max(0, result.orders_in_log - std::max(1, result.confirmations));
    const std::string logged_no = result.orders_in_log == 1 ? log[0]["result"].value("orderNo", "") : "";
    switch (flow.stage()) {
    case Stage::done:
        result.outcome = Outcome::done;
        if (result.orders_in_log != 1 || flow.receipt().order_no != logged_no)
            result.wrong = "done with receipt " + flow.receipt().order_no + " but the log holds " +
                           std::to_string(result.orders_in_log);
        break;
    case Stage::failed:
        result.outcome = Outcome::failed;
        if (result.orders_in_log != 0)
            result.wrong = "failed, but the log holds " + std::to_string(result.orders_in_log) + " order(s)";
        break;
    case Stage::outcome_unknown: {
        result.outcome = Outcome::unknown;
        const ReconcileResult& r = flow.reconciliation();
        if (!flow.outcome_settled()) result.wrong = "reconciliation never settled";
        else if (r.status == ReconcileStatus::found &&
                 (result.orders_in_log != 1 || r.match->order_no != logged_no))
            result.wrong = "reconciliation found " + r.match->order_no + " but the log holds " +
                           std::to_string(result.orders_in_log);
        else if (r.status == ReconcileStatus::none && result.orders_in_log != 0)
            result.wrong =
                "reconciliation found no order but the log holds " + std::to_string(result.orders_in_log);
        if (journal.load() && flow.outcome_settled()) result.wrong += " (journal not cleared)";
        break;
    }
    default: result.wrong = std::string("ended in stage ") + stage_name(flow.stage()); break;
    }
    note(std::string("outcome ") + outcome_name(result.outcome) + ", log " +
         std::to_string(result.orders_in_log));
    return result;
}

} // namespace soak
