#include "tests/soak/soak_run.h"

#include "tests/soak/fault_menu.h"

#include "core/api_client.h"
#include "core/renewal_flow.h"
#include "platform/platform_transport.h"
#include "tools/sandbox/sandbox_server.h"

#include <httplib.h>

#include <algorithm>
#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <random>
#include <thread>

namespace soak {
namespace {

using nlohmann::json;
using namespace rd;

constexpr std::uint64_t tutorial_billing_id = 3197218168379846218ULL;
constexpr const char* other_billing_id = "9223372036854775807"; // the fixtures' second billing contact
// The client's timeouts sit below the menu's long delay, so "slower than the client" happens; the
// settle time (fault_menu.h) sits above it, so a commit that comes after the client gave up is read by
// the second reading (the product's default is 30 s; the sandbox's longest hold is long_delay_ms).
constexpr int timeout_ms = long_delay_ms / 2;
constexpr int order_timeout_ms = long_delay_ms * 2 / 3;
// A run draws at most three faults of at most two uses each, possibly all on one endpoint: a person
// who tries once more than that gets through.
constexpr int max_tries = 7;
// The soak sees when an outcome became unknown and when a reading of the order list began from outside,
// one step of the loop at a time: this much leeway when it holds the two against the settle time.
constexpr std::int64_t timing_slack_ms = 20;

// What counts as wrong, per outcome. "Own" orders are the log's orders (GET /__sandbox/orders: only
// what RenewDesk posted) that carry this copy's reference; "foreign" orders are other operators' (GET
// /__sandbox/other_orders) and the other copy's.
//   done (placed)  wrong unless exactly one own order is in the log and the receipt names it; a receipt
//                  naming a foreign order is also a foreign order taken.
//   failed         wrong when any own order is in the log.
//   found          wrong unless exactly one own order is in the log and the check names it; naming a
//                  foreign order is also a foreign order taken (counted in both).
//   none           wrong when the last reading began before the settle time had passed since the outcome
//                  became unknown; wrong when an own order is in the log, unless every one of them was
//                  committed after that reading began: a late commit after the settle time, the
//                  documented limit of any settle time, counted apart ("late commits after settle").
//   ambiguous      the honest answer when something cannot be proven: never wrong while an unexplained
//                  order really existed in the window. Wrong only when it names no order, or one that is
//                  in neither the log nor the other operators' list, or one created before the window.
//   error          (after four readings, the faults cleared before each) never settled: wrong.
// found and none also clear the journal (wrong if they do not); ambiguous keeps it, by design.

const char* outcome_name(Outcome outcome) {
    switch (outcome) {
    case Outcome::done: return "done";
    case Outcome::failed: return "failed";
    case Outcome::unknown: return "unknown";
    }
    return "?";
}

// The real transport, with what is on its way: for a run that never settles (seen twice in thousands
// of runs: a check with one request in flight through a whole settle budget), which request that is
// and how long it has been out. It adds nothing to what is sent.
class WatchedTransport final : public Transport {
  public:
    explicit WatchedTransport(std::unique_ptr<Transport> real) : real_(std::move(real)) {}
    RequestHandle send(HttpRequest request, ResponseHandler on_done) override {
        auto handle = std::make_shared<RequestHandle>(0);
        const std::string what = request.method + " " + path_of(request.url) + " (timeout " +
                                 std::to_string(request.timeout_ms) + " ms)";
        *handle =
            real_->send(std::move(request), [this, handle, on_done = std::move(on_done)](HttpResponse r) {
                out_.erase(*handle);
                on_done(std::move(r));
            });
        out_[*handle] = {what, std::chrono::steady_clock::now()};
        return *handle;
    }
    void poll() override { real_->poll(); }
    void cancel(RequestHandle handle) override {
        out_.erase(handle);
        real_->cancel(handle);
    }
    bool idle() const override { return real_->idle(); }
    // "GET /order/...page?pageNo=1&pageSize=25 (timeout 300 ms) out 84012 ms; ...", transport idle or not.
    std::string describe() const {
        std::string text;
        const auto now = std::chrono::steady_clock::now();
        for (const auto& [handle, request] : out_)
            text += request.first + " out " +
                    std::to_string(
                        std::chrono::duration_cast<std::chrono::milliseconds>(now - request.second).count()) +
                    " ms; ";
        return text + (real_->idle() ? "the transport says idle" : "the transport has transfers");
    }

  private:
    static std::string path_of(const std::string& url) {
        const auto scheme = url.find("://");
        const auto slash = url.find('/', scheme == std::string::npos ? 0 : scheme + 3);
        return slash == std::string::npos ? url : url.substr(slash);
    }
    std::unique_ptr<Transport> real_;
    std::map<RequestHandle, std::pair<std::string, std::chrono::steady_clock::time_point>> out_;
};

// One copy of RenewDesk: its journal, client and flow, and what the soak saw of its timing.
struct Copy {
    Copy(Transport& transport_, const Clock& clock_, const std::string& base_url)
        : transport(transport_), clock(clock_),
          client(transport_, clock_,
                 ApiClientOptions{
                     .base_url = base_url, .timeout_ms = timeout_ms, .order_timeout_ms = order_timeout_ms}),
          flow(client, &journal) {
        flow.set_settle_ms(settle_ms);
    }

    // One iteration of the app's loop: the transport's replies, then the frame's tick (optional).
    void step(bool tick) {
        const std::int64_t before = clock.epoch_ms();
        const Stage stage = flow.stage();
        const bool checking = checking_now();
        transport.poll();
        saw(before, stage, checking);
        if (!tick) return;
        const std::int64_t before_tick = clock.epoch_ms();
        const bool checking_before_tick = checking_now();
        flow.tick();
        saw(before_tick, flow.stage(), checking_before_tick);
    }
    // Something the person does (sign in, Check again), timed like a step.
    void act(const std::function<void()>& action) {
        const std::int64_t before = clock.epoch_ms();
        const Stage stage = flow.stage();
        const bool checking = checking_now();
        action();
        saw(before, stage, checking);
    }
    bool checking_now() const { return flow.reconciliation().status == ReconcileStatus::checking; }
    // Lower bounds of when the outcome became unknown and when the latest reading began.
    void saw(std::int64_t before, Stage stage_before, bool checking_before) {
        if (flow.stage() == Stage::outcome_unknown && stage_before != Stage::outcome_unknown)
            unknown_seen_ms = before;
        if (checking_now() && !checking_before) reading_began_ms = before;
    }

    // What is on its way through this copy's transport (WatchedTransport::describe).
    std::string watched() const {
        const auto* watched = dynamic_cast<const WatchedTransport*>(&transport);
        return watched ? watched->describe() : std::string("(not watched)");
    }

    Transport& transport;
    const Clock& clock;
    MemoryJournalStore journal;
    ApiClient client;
    RenewalFlow flow;
    std::string reference; // the poNumber this copy's order carries
    int confirmations = 0;
    std::int64_t confirmed_at_ms = 0;
    std::int64_t unknown_seen_ms = 0;
    std::int64_t reading_began_ms = 0;
};

struct LoggedOrder {
    std::string order_no;
    std::string po_number;
    std::int64_t create_time_ms = 0; // the API's clock
};

struct Verdict {
    Outcome outcome = Outcome::failed;
    std::string reconciliation;
    int own = 0;
    int duplicates = 0;
    bool foreign_taken = false;
    bool late_commit_after_settle = false;
    std::string wrong;
};

// Holds what `copy` said against its own orders in the log and the foreign ones (orderNo -> createTime).
Verdict judge(Copy& copy, const std::vector<LoggedOrder>& own,
              const std::map<std::string, std::int64_t>& foreign, std::int64_t clock_offset_ms) {
    Verdict v;
    const RenewalFlow& flow = copy.flow;
    v.own = static_cast<int>(own.size());
    v.duplicates = std::max(0, v.own - std::max(1, copy.confirmations));
    const std::string own_no = own.size() == 1 ? own.front().order_no : "";
    const std::string holds = " but the log holds " + std::to_string(v.own) + " order(s) of this copy";
    switch (flow.stage()) {
    case Stage::done:
        v.outcome = Outcome::done;
        if (foreign.count(flow.receipt().order_no)) {
            v.foreign_taken = true;
            v.wrong = "done with receipt " + flow.receipt().order_no + ", another operator's order";
        } else if (v.own != 1 || flow.receipt().order_no != own_no) {
            v.wrong = "done with receipt " + flow.receipt().order_no + holds;
        }
        break;
    case Stage::failed:
        v.outcome = Outcome::failed;
        if (v.own != 0) v.wrong = "failed" + holds;
        break;
    case Stage::outcome_unknown: {
        v.outcome = Outcome::unknown;
        const ReconcileResult& r = flow.reconciliation();
        v.reconciliation = reconcile_status_name(r.status);
        if (!flow.outcome_settled()) {
            // What the check was doing, for a run that never settles (seen once, under heavy load).
            v.wrong = "reconciliation never settled (" + v.reconciliation + ": " +
                      std::to_string(r.pages_read) + " page(s) and " + std::to_string(r.details_read) +
                      " detail(s) read, " + std::to_string(copy.client.requests_in_flight()) +
                      " request(s) in flight, recheck " + (flow.recheck_at_ms() ? "due" : "none") +
                      (r.error ? ", last error: " + r.error->log_line() : std::string()) +
                      "; out: " + copy.watched() + ")";
            break;
        }
        if (r.status == ReconcileStatus::found) {
            const std::string& match = r.match ? r.match->order_no : std::string("(no order)");
            if (foreign.count(match)) {
                v.foreign_taken = true;
                v.wrong = "reconciliation found " + match + ", another operator's order (matched by " +
                          matched_by_name(r.matched_by) + ")" +
                          (v.own ? "; ours is " + own.front().order_no : "");
            } else if (v.own != 1 || match != own_no) {
                v.wrong = "reconciliation found " + match + holds;
            }
        } else if (r.status == ReconcileStatus::none) {
            const bool read_after_settling =
                copy.reading_began_ms >= copy.unknown_seen_ms + settle_ms - timing_slack_ms;
            const bool all_after_reading = std::all_of(own.begin(), own.end(), [&](const LoggedOrder& order) {
                return order.create_time_ms - clock_offset_ms > copy.reading_began_ms;
            });
            if (!read_after_settling)
                v.wrong = "no order believed from a reading begun " +
                          std::to_string(copy.reading_began_ms - copy.unknown_seen_ms) +
                          " ms after the outcome became unknown (settle time " + std::to_string(settle_ms) +
                          " ms)";
            else if (v.own != 0 && all_after_reading) v.late_commit_after_settle = true;
            else if (v.own != 0) v.wrong = "reconciliation found no order" + holds;
        } else if (r.status == ReconcileStatus::ambiguous) {
            if (r.unproven.empty()) v.wrong = "ambiguous, naming no order";
            for (const OrderSummary& order : r.unproven) {
                std::optional<std::int64_t> created;
                for (const LoggedOrder& mine : own)
                    if (mine.order_no == order.order_no) created = mine.create_time_ms;
                if (const auto it = foreign.find(order.order_no); it != foreign.end()) created = it->second;
                if (!created) v.wrong = "ambiguous, naming " + order.order_no + ", an order nobody placed";
                else if (*created < r.window_start_ms)
                    v.wrong = "ambiguous, naming " + order.order_no + ", created before the window";
            }
        }
        if ((r.status == ReconcileStatus::found || r.status == ReconcileStatus::none) && copy.journal.load())
            v.wrong += " (journal not cleared)";
        break;
    }
    default: v.wrong = std::string("ended in stage ") + stage_name(flow.stage()); break;
    }
    return v;
}

} // namespace

struct Soak::Impl {
    sandbox::SandboxServer server{sandbox::SandboxOptions{.log_requests = false}};
    int port = server.start();
    SteadyClock clock;
    std::unique_ptr<Transport> transport = std::make_unique<WatchedTransport>(make_platform_transport());

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
    json checked(const std::string& path, const json& body, const char* key) {
        const json accepted = control("POST", path, body);
        if (!accepted.is_object() || !accepted.contains(key))
            throw std::runtime_error("the sandbox refused " + path + " " + body.dump() + ": " +
                                     accepted.dump());
        return accepted;
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
    // Faults on the order POST are armed just before confirm(), when this run's customer is known (the
    // other operators' orders they carry name it); they touch nothing before.
    std::vector<json> save_faults;
    std::vector<json> faults = draw_faults(rng);
    const World world = draw_world(rng);
    s.checked("/__sandbox/config", config_of(world), "clockOffsetMs");
    note("world " + config_of(world).dump());

    Copy main(*s.transport, s.clock, s.server.base_url());
    std::unique_ptr<Transport> second_transport; // outlives `second`
    std::unique_ptr<Copy> second;
    if (world.second_copy) {
        second_transport = std::make_unique<WatchedTransport>(make_platform_transport());
        second = std::make_unique<Copy>(*second_transport, s.clock, s.server.base_url());
        result.second_copy = true;
    }
    std::vector<Copy*> copies = {&main};
    if (second) copies.push_back(second.get());

    auto pump_until = [&](const std::function<bool()>& done, int deadline_ms = 20000) {
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(deadline_ms);
        while (!done()) {
            if (std::chrono::steady_clock::now() > deadline) return false;
            for (Copy* copy : copies)
                copy->step(/*tick=*/true); // as the app's frame does
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        }
        return true;
    };
    auto expire_tokens = [&] { s.control("POST", "/__sandbox/expire_tokens"); };
    auto sign_in = [&](Copy& copy) { // as a person would: again after a refusal, the faults run out
        for (int attempt = 0; attempt < max_tries && copy.flow.stage() == Stage::signed_out; ++attempt) {
            copy.act([&] { copy.flow.sign_in(s.server.base_url(), "demo-client-id", "demo-client-secret"); });
            pump_until([&] { return copy.flow.stage() != Stage::signing_in; });
        }
    };
    auto load_lists = [&](Copy& copy) {
        RenewalFlow& flow = copy.flow;
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
    // An outcome unknown is checked until it settles; a check that errs is asked again, as a person
    // presses Check again, with the faults cleared.
    auto settle = [&](Copy& copy) {
        RenewalFlow& flow = copy.flow;
        if (flow.stage() != Stage::outcome_unknown) return;
        for (int attempt = 0; attempt < 4 && !flow.outcome_settled(); ++attempt) {
            pump_until(
                [&] {
                    return flow.outcome_settled() || flow.reconciliation().status == ReconcileStatus::error;
                },
                settle_ms + 20000);
            if (flow.reconciliation().status == ReconcileStatus::error) {
                s.control("DELETE", "/__sandbox/faults");
                copy.act([&] { flow.reconcile(); });
            }
        }
    };

    // The second copy (another RenewDesk in this process: its own client, transport and journal)
    // signs in before the faults are armed; from then on it shares the world with the first.
    if (second) {
        sign_in(*second);
        load_lists(*second);
        if (second->flow.stage() != Stage::choosing) {
            result.wrong = "the second copy could not sign in without faults";
            return result;
        }
        note("a second copy");
    }
    for (json& fault : faults) {
        if (fault["endpoint"] == "save") {
            save_faults.push_back(std::move(fault));
            continue;
        }
        s.checked("/__sandbox/faults", fault, "faults");
        note("fault " + fault.dump());
    }

    RenewalFlow& flow = main.flow;
    const int expire_at =
        static_cast<int>(rng() % 4); // 0 never, 1 after sign-in, 2 after the lists, 3 before confirm
    sign_in(main);
    if (flow.stage() != Stage::choosing) {
        result.wrong = "could not sign in after " + std::to_string(max_tries) + " tries";
        return result;
    }
    if (expire_at == 1) expire_tokens(), note("tokens expired after sign-in");
    load_lists(main);
    if (expire_at == 2) expire_tokens(), note("tokens expired after the lists");

    const auto& users = flow.users().value;
    std::string target; // "" = myself
    if (users.empty() || rng() % 3 == 0) {
        flow.choose_myself();
        note("for myself");
    } else {
        target = users[rng() % users.size()].partner_id;
        flow.choose_subordinate(target);
        note("for " + target);
    }
    // Another customer than `target`: myself or another subordinate user.
    auto another_customer = [&]() -> std::string {
        std::vector<std::string> choices;
        if (!target.empty()) choices.push_back("");
        for (const SubordinateUser& user : users)
            if (user.partner_id != target) choices.push_back(user.partner_id);
        return choices.empty() ? target : choices[rng() % choices.size()];
    };
    flow.choose_billing_contact(Id64{tutorial_billing_id});
    flow.review();
    if (flow.stage() != Stage::reviewing) {
        const char* missing[] = {"the target", "the plan", "the billing contact"};
        result.wrong = std::string("could not reach the review: missing ") +
                       (flow.missing_choice() ? missing[static_cast<int>(*flow.missing_choice())] : "?");
        return result;
    }
    if (rng() % 2)
        flow.set_po_number("PO-" + std::to_string(seed) + "-" + std::to_string(index)), note("PO number");
    main.reference = flow.order().po_number;
    if (second) { // for another customer, at the same time
        const std::string other = another_customer();
        if (other.empty()) second->flow.choose_myself();
        else second->flow.choose_subordinate(other);
        second->flow.choose_billing_contact(Id64{tutorial_billing_id});
        second->flow.review();
        if (rng() % 2)
            second->flow.set_po_number("PO-" + std::to_string(seed) + "-" + std::to_string(index) + "-B");
        second->reference = second->flow.order().po_number;
        note("the second copy orders for " + (other.empty() ? std::string("myself") : other) + " with " +
             second->reference);
    }
    if (expire_at == 3) expire_tokens(), note("tokens expired before confirm");

    // Other operators' orders: listed now (before ours), carried by our order POST's first fault (when it
    // arrives), or listed just after confirm() (at or after ours).
    std::vector<json> listed_before, listed_after;
    std::optional<json> carried;
    for (const ForeignOrder& order : world.foreign) {
        json spec = {
            {"partnerId", order.same_customer ? target : another_customer()},
            {"billingId", order.same_contact ? std::to_string(tutorial_billing_id) : other_billing_id},
            {"offsetMs", order.offset_ms},
            {"orderStatus", order.order_status}};
        if (!order.reference_text.empty()) spec["poNumber"] = order.reference_text;
        const char* how = !order.via_fault ? "listed before confirm"
                          : !carried       ? "carried by the order POST's first fault"
                                           : "listed just after confirm";
        note(describe(order) + ", " + how + " " + spec.dump());
        if (!order.via_fault) listed_before.push_back(std::move(spec));
        else if (!carried) carried = std::move(spec);
        else listed_after.push_back(std::move(spec));
    }
    if (!listed_before.empty()) s.checked("/__sandbox/other_orders", listed_before, "placed");
    if (carried) {
        if (save_faults.empty())
            save_faults.push_back({{"endpoint", "save"}, {"kind", "delay"}, {"delay_ms", 1}});
        save_faults.front()["other_order"] = *carried;
    }
    int late_commit_ms = 0; // the longest late commit armed
    for (const json& fault : save_faults) {
        s.checked("/__sandbox/faults", fault, "faults");
        note("fault " + fault.dump());
        if (fault["kind"] == "late_commit")
            late_commit_ms = std::max(late_commit_ms, fault["delay_ms"].get<int>());
    }

    for (Copy* copy : copies) {
        copy->confirmed_at_ms = s.clock.epoch_ms();
        copy->act([&] { copy->confirmations += copy->flow.confirm() ? 1 : 0; });
    }
    if (!listed_after.empty()) s.checked("/__sandbox/other_orders", listed_after, "placed");
    int action = static_cast<int>(rng() % 6);
    const int polls_before_action = static_cast<int>(rng() % 40);
    const char* action_names[] = {"no action", "confirm again", "Enter and click",
                                  "back",      "renew another", "sign out"};
    note(std::string(action_names[action]) + " after " + std::to_string(polls_before_action) + " polls");
    for (int i = 0; i < polls_before_action && flow.stage() == Stage::submitting; ++i) {
        main.step(/*tick=*/false);
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    if (flow.stage() != Stage::submitting) action = 0, note("the outcome came first");
    switch (action) {
    case 1: main.confirmations += flow.confirm() ? 1 : 0; break;
    case 2: main.confirmations += (flow.confirm() ? 1 : 0) + (flow.confirm() ? 1 : 0); break;
    case 3: flow.back_to_choosing(); break;
    case 4: flow.renew_another(); break;
    case 5:
        if (flow.stage() == Stage::submitting) { // leaving mid-order: the journal must bring it back
            main.act([&] { flow.sign_out(); });
            sign_in(main);
        }
        break;
    default: break;
    }
    if (main.confirmations > 1) result.wrong = "a second confirm() was accepted for one review";
    pump_until([&] {
        return std::none_of(copies.begin(), copies.end(),
                            [](const Copy* copy) { return copy->flow.stage() == Stage::submitting; });
    });
    for (Copy* copy : copies)
        settle(*copy);

    // A late commit lands by itself: wait for it, so that the log shows what the API ended up holding.
    if (late_commit_ms > 0) {
        const std::int64_t landed_by =
            std::max(main.confirmed_at_ms, second ? second->confirmed_at_ms : 0) + late_commit_ms + 300;
        while (s.clock.epoch_ms() < landed_by)
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }

    // The log: every order RenewDesk posted, told apart by the reference each carries.
    std::vector<LoggedOrder> own_main, own_second, stray;
    for (const json& entry : s.control("GET", "/__sandbox/orders")) {
        const json body = json::parse(entry.value("body", std::string()), nullptr, false);
        LoggedOrder order{.order_no = entry["result"].value("orderNo", ""),
                          .po_number = body.is_object() ? body.value("poNumber", "") : "",
                          .create_time_ms = entry.value("createTimeMs", std::int64_t{0})};
        if (order.po_number == main.reference) own_main.push_back(order);
        else if (second && order.po_number == second->reference) own_second.push_back(order);
        else stray.push_back(order);
    }
    std::map<std::string, std::int64_t> foreign; // other operators' orders (and then the other copy's)
    for (const json& entry : s.control("GET", "/__sandbox/other_orders")) {
        foreign[entry.value("orderNo", "")] = entry.value("createTimeMs", std::int64_t{0});
        ++result.foreign_orders;
    }
    result.orders_in_log = static_cast<int>(own_main.size());
    result.confirmations = main.confirmations;

    auto foreign_to = [&](const std::vector<LoggedOrder>& other_copy) {
        std::map<std::string, std::int64_t> out = foreign;
        for (const LoggedOrder& order : other_copy)
            out[order.order_no] = order.create_time_ms;
        return out;
    };
    const Verdict v = judge(main, own_main, foreign_to(own_second), world.clock_offset_ms);
    result.outcome = v.outcome;
    result.reconciliation = v.reconciliation;
    result.duplicate_orders = v.duplicates;
    result.foreign_order_taken = v.foreign_taken;
    result.late_commit_after_settle = v.late_commit_after_settle;
    if (!v.wrong.empty()) result.wrong += (result.wrong.empty() ? "" : "; ") + v.wrong;
    std::string said = std::string("outcome ") + outcome_name(v.outcome) +
                       (v.reconciliation.empty() ? "" : " (" + v.reconciliation + ")");
    if (second) {
        const Verdict w = judge(*second, own_second, foreign_to(own_main), world.clock_offset_ms);
        result.duplicate_orders += w.duplicates;
        result.foreign_order_taken = result.foreign_order_taken || w.foreign_taken;
        result.late_commit_after_settle = result.late_commit_after_settle || w.late_commit_after_settle;
        if (!w.wrong.empty())
            result.wrong += (result.wrong.empty() ? "" : "; ") + ("second copy: " + w.wrong);
        said += std::string(", second copy ") + outcome_name(w.outcome) +
                (w.reconciliation.empty() ? "" : " (" + w.reconciliation + ")");
    }
    if (!stray.empty())
        result.wrong += (result.wrong.empty() ? "" : "; ") + std::to_string(stray.size()) +
                        " order(s) in the log with a reference no copy sent (" + stray.front().po_number +
                        ")";
    if (result.late_commit_after_settle) note("a late commit after the settle time");
    note(said + ", log " + std::to_string(result.orders_in_log) +
         (second ? "+" + std::to_string(own_second.size()) : "") + ", other operators' orders " +
         std::to_string(result.foreign_orders));
    return result;
}

} // namespace soak
