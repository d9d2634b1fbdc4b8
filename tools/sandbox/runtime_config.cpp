#include "runtime_config.h"

#include <optional>

namespace sandbox {

namespace {

using nlohmann::json;

// A named setting's value: absent -> nullopt without error; present but not one of the names -> error.
template <typename Value>
std::optional<Value> read_named(const json& spec, const char* member,
                                std::optional<Value> (*named)(const std::string&), const char* choices,
                                std::string& error) {
    if (!spec.contains(member)) return std::nullopt;
    const json& value = spec[member];
    const auto parsed = value.is_string() ? named(value.get<std::string>()) : std::nullopt;
    if (!parsed) error = std::string(member) + " must be " + choices;
    return parsed;
}

} // namespace

json config_of(const SandboxState& state) {
    return {{"latency_ms", state.latency_ms.load()},
            {"token_lifetime_s", state.token_lifetime_s.load()},
            {"orderSort", name_of(state.order_sort.load())},
            {"orderTimeUnit", name_of(state.order_time_unit.load())}};
}

bool apply_config(const json& spec, SandboxState& state, std::string& error) {
    if (!spec.is_object()) {
        error = "the body must be a JSON object";
        return false;
    }
    for (const char* name : {"latency_ms", "token_lifetime_s"})
        if (spec.contains(name) && (!spec[name].is_number_integer() || spec[name].get<long long>() < 0 ||
                                    spec[name].get<long long>() > 100000000)) {
            error = std::string(name) + " must be a non-negative integer";
            return false;
        }
    const auto sort = read_named(spec, "orderSort", order_sort_named, "\"newest\" or \"oldest\"", error);
    if (!error.empty()) return false;
    const auto unit = read_named(spec, "orderTimeUnit", time_unit_named, "\"ms\" or \"s\"", error);
    if (!error.empty()) return false;

    if (spec.contains("latency_ms")) state.latency_ms = spec["latency_ms"].get<int>();
    if (spec.contains("token_lifetime_s")) state.token_lifetime_s = spec["token_lifetime_s"].get<int>();
    if (sort) state.order_sort = *sort;
    if (unit) state.order_time_unit = *unit;
    return true;
}

} // namespace sandbox
