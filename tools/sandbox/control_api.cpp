#include "control_api.h"

#include "envelope.h"
#include "runtime_config.h"

#include <string>

namespace sandbox {

namespace {

using nlohmann::json;

ControlReply error(int status, const std::string& message) {
    return {status, {{"error", message}}};
}

ControlReply orders(const SandboxState& state) {
    json out = json::array();
    for (const auto& order : state.orders.posted())
        out.push_back(
            {{"body", order.body}, {"result", order.result}, {"receivedAtMs", order.created_at_ms}});
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
    std::string problem;
    if (!apply_config(spec, state, problem)) return error(400, problem);
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
        json info = {
            {"clientId", kDemoClientId},
            {"clientSecret", kDemoClientSecret},
            {"orders", state.orders.posted_count()},
            {"users", state.fixtures.users.size()},
            {"requiredUserAgent", state.required_user_agent ? json(*state.required_user_agent) : json()}};
        info.update(config_of(state));
        return {200, info};
    }
    return error(
        404, "unknown control endpoint; see /__sandbox/info, orders, reset, faults, expire_tokens, config");
}

} // namespace sandbox
