#include "control_api.h"

#include "envelope.h"

#include <string>

namespace sandbox {

namespace {

using nlohmann::json;

ControlReply error(int status, const std::string& message) {
    return {status, {{"error", message}}};
}

json config_of(const SandboxState& state) {
    return {{"latency_ms", state.latency_ms.load()}, {"token_lifetime_s", state.token_lifetime_s.load()}};
}

ControlReply orders(const SandboxState& state) {
    json out = json::array();
    for (const auto& order : state.orders.all())
        out.push_back(
            {{"body", order.body}, {"result", order.result}, {"receivedAtMs", order.received_at_ms}});
    return {200, out};
}

ControlReply add_faults(const httplib::Request& request, SandboxState& state) {
    json spec;
    try {
        spec = json::parse(request.body);
    } catch (const json::exception& e) {
        return error(400, std::string("the body is not JSON: ") + e.what());
    }
    // One fault object, or an array of them (all or nothing).
    const json list = spec.is_array() ? spec : json::array({spec});
    std::vector<Fault> faults;
    for (const auto& item : list) {
        std::string problem;
        auto fault = parse_fault(item, problem);
        if (!fault) return error(400, problem);
        faults.push_back(*fault);
    }
    for (auto& fault : faults)
        state.faults.add(std::move(fault));
    return {200, {{"faults", state.faults.list()}}};
}

ControlReply set_config(const httplib::Request& request, SandboxState& state) {
    json spec;
    try {
        spec = json::parse(request.body);
    } catch (const json::exception& e) {
        return error(400, std::string("the body is not JSON: ") + e.what());
    }
    if (!spec.is_object()) return error(400, "the body must be a JSON object");
    for (const char* name : {"latency_ms", "token_lifetime_s"})
        if (spec.contains(name) && (!spec[name].is_number_integer() || spec[name].get<long long>() < 0 ||
                                    spec[name].get<long long>() > 100000000))
            return error(400, std::string(name) + " must be a non-negative integer");
    if (spec.contains("latency_ms")) state.latency_ms = spec["latency_ms"].get<int>();
    if (spec.contains("token_lifetime_s")) state.token_lifetime_s = spec["token_lifetime_s"].get<int>();
    return {200, config_of(state)};
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
        state.orders.clear();
        state.faults.clear();
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
    if (name == "info") {
        if (!allow({"GET"})) return error(405, "use GET");
        json info = {{"clientId", kDemoClientId},
                     {"clientSecret", kDemoClientSecret},
                     {"orders", state.orders.size()},
                     {"users", state.fixtures.users.size()}};
        info.update(config_of(state));
        return {200, info};
    }
    return error(
        404, "unknown control endpoint; see /__sandbox/info, orders, reset, faults, expire_tokens, config");
}

} // namespace sandbox
