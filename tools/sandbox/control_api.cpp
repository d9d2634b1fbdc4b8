#include "tools/sandbox/control_api.h"

#include "tools/sandbox/other_orders.h"
#include "tools/sandbox/reply_envelope.h"
#include "tools/sandbox/runtime_config.h"
#include "tools/sandbox/server_clock.h"

#include <optional>
#include <string>

namespace sandbox {

namespace {

using nlohmann::json;

constexpr long long kMaxSeededOrders = 10000;
constexpr long long kMaxSeedAgeS = 1000000000; // about 31 years: createTime stays well after 1970

ControlReply error(int status, const std::string& message) {
    return {status, {{"error", message}}};
}

ControlReply orders(const SandboxState& state) {
    json out = json::array();
    // receivedAtMs: the real clock (a test's clock); createTimeMs: the API's (clockOffsetMs);
    // connectionRequest: which request of its TCP connection the order came in (1: the first).
    for (const auto& order : state.orders.posted())
        out.push_back({{"body", order.body},
                       {"result", order.result},
                       {"receivedAtMs", order.received_at_ms},
                       {"connectionRequest", order.connection_request},
                       {"createTimeMs", order.created_at_ms}});
    return {200, out};
}

// The request body as JSON, or nullopt with the 400 reply in `refusal`.
std::optional<json> body_json(const httplib::Request& request, ControlReply& refusal) {
    try {
        return json::parse(request.body);
    } catch (const json::exception& e) {
        refusal = error(400, std::string("the body is not JSON: ") + e.what());
        return std::nullopt;
    }
}

ControlReply add_faults(const httplib::Request& request, SandboxState& state) {
    ControlReply refusal;
    const auto spec = body_json(request, refusal);
    if (!spec) return refusal;
    // One fault object, or an array of them (all or nothing).
    const json list = spec->is_array() ? *spec : json::array({*spec});
    std::vector<Fault> faults;
    for (const auto& item : list) {
        std::string problem;
        auto fault = parse_fault(item, problem);
        if (!fault) return error(400, problem);
        if (fault->other_order && !parse_other_order(*fault->other_order, state.fixtures, problem))
            return error(400, problem);
        faults.push_back(*fault);
    }
    for (auto& fault : faults)
        state.faults.add(std::move(fault));
    return {200, {{"faults", state.faults.list()}}};
}

ControlReply set_config(const httplib::Request& request, SandboxState& state) {
    ControlReply refusal;
    const auto spec = body_json(request, refusal);
    if (!spec) return refusal;
    std::string problem;
    if (!apply_config(*spec, state, problem)) return error(400, problem);
    return {200, config_of(state)};
}

// {"count": 1..10000, "age_s": 0.. (default 0)}: earlier orders for the order list, not for the log.
ControlReply seed_orders(const httplib::Request& request, SandboxState& state) {
    ControlReply refusal;
    const auto spec = body_json(request, refusal);
    if (!spec) return refusal;
    if (!spec->is_object()) return error(400, "the body must be a JSON object");
    const json count = spec->value("count", json());
    if (!count.is_number_integer() || count.get<long long>() < 1 || count.get<long long>() > kMaxSeededOrders)
        return error(400, "count must be an integer from 1 to " + std::to_string(kMaxSeededOrders));
    const json age_s = spec->value("age_s", json(0));
    if (!age_s.is_number_integer() || age_s.get<long long>() < 0 || age_s.get<long long>() > kMaxSeedAgeS)
        return error(400, "age_s must be an integer from 0 to " + std::to_string(kMaxSeedAgeS));
    state.orders.seed(count.get<int>(), state.clock.now_ms() - age_s.get<std::int64_t>() * 1000,
                      state.fixtures);
    return {200, {{"seeded", count}, {"listed", state.orders.size()}}};
}

// One other operator's order or an array of them (all or nothing, other_orders.h), created relative to
// the API clock's now; answers what was stored.
ControlReply add_other_orders(const httplib::Request& request, SandboxState& state) {
    ControlReply refusal;
    const auto spec = body_json(request, refusal);
    if (!spec) return refusal;
    const json list = spec->is_array() ? *spec : json::array({*spec});
    std::vector<OtherOrder> others;
    for (const auto& item : list) {
        std::string problem;
        auto other = parse_other_order(item, state.fixtures, problem);
        if (!other) return error(400, problem);
        others.push_back(std::move(*other));
    }
    const std::int64_t now_ms = state.clock.now_ms();
    json placed = json::array();
    for (const auto& other : others)
        placed.push_back(other_order_entry(place_other_order(other, now_ms, state)));
    return {200, {{"placed", placed}, {"listed", state.orders.size()}}};
}

ControlReply other_orders(const SandboxState& state) {
    json out = json::array();
    for (const auto& order : state.orders.others())
        out.push_back(other_order_entry(order));
    return {200, out};
}

} // namespace

ControlReply handle_control(const httplib::Request& request, SandboxState& state) {
    const std::string name = request.path.substr(std::string(kControlPrefix).size());
    const std::string& method = request.method;
    const auto allow = [&](std::initializer_list<const char*> methods) {
        for (const char* m : methods)
            if (method == m) return true;
        return false;
    };
    if (name == "orders") {
        if (!allow({"GET"})) return error(405, "use GET");
        return orders(state);
    }
    if (name == "reset") {
        if (!allow({"POST"})) return error(405, "use POST");
        state.late_commits.cancel_all(); // first: none may land after the orders are gone
        state.held_replies.release_all();
        state.orders.clear();
        state.faults.clear();
        restore_config_defaults(state);
        return {200, {{"ok", true}}};
    }
    if (name == "faults") {
        if (method == "GET") return {200, {{"faults", state.faults.list()}}};
        if (method == "POST") return add_faults(request, state);
        if (method == "DELETE") {
            state.faults.clear();
            return {200, {{"faults", json::array()}}};
        }
        return error(405, "use GET, POST or DELETE");
    }
    if (name == "release") { // held replies (delay faults with until_released) go now
        if (!allow({"POST"})) return error(405, "use POST");
        return {200, {{"released", state.held_replies.release_all()}}};
    }
    if (name == "expire_tokens") {
        if (!allow({"POST"})) return error(405, "use POST");
        state.tokens.expire_all_access_tokens();
        return {200, {{"ok", true}}};
    }
    if (name == "config") {
        if (method == "GET") return {200, config_of(state)};
        if (method == "POST") return set_config(request, state);
        return error(405, "use GET or POST");
    }
    if (name == "seed_orders") {
        if (!allow({"POST"})) return error(405, "use POST");
        return seed_orders(request, state);
    }
    if (name == "other_orders") {
        if (method == "GET") return other_orders(state);
        if (method == "POST") return add_other_orders(request, state);
        return error(405, "use GET or POST");
    }
    if (name == "info") {
        if (!allow({"GET"})) return error(405, "use GET");
        json info = {
            {"clientId", kDemoClientId},
            {"clientSecret", kDemoClientSecret},
            {"orders", state.orders.posted_count()},
            {"users", state.fixtures.users.size()},
            {"requiredUserAgent", state.required_user_agent ? json(*state.required_user_agent) : json()}};
        info.update(config_of(state));
        return {200, info};
    }
    return error(404,
                 std::string("unknown control endpoint; the control endpoints are: ") + kControlEndpoints);
}

} // namespace sandbox
