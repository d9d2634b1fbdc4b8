#include "tools/sandbox/runtime_config.h"

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

constexpr long long kMaxClockOffsetMs = 10LL * 366 * 24 * 3600 * 1000; // about ten years either way

} // namespace

json config_of(const SandboxState& state) {
    return {{"latency_ms", state.latency_ms.load()},
            {"token_lifetime_s", state.token_lifetime_s.load()},
            {"orderSort", name_of(state.order_sort.load())},
            {"orderTimeUnit", name_of(state.order_time_unit.load())},
            {"clockOffsetMs", state.clock.offset_ms()},
            {"echoReference", state.echo_reference.load()}};
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
    const std::string units = std::string("one of ") + time_unit_choices();
    const auto unit = read_named(spec, "orderTimeUnit", time_unit_named, units.c_str(), error);
    if (!error.empty()) return false;
    if (spec.contains("clockOffsetMs") && (!spec["clockOffsetMs"].is_number_integer() ||
                                           spec["clockOffsetMs"].get<long long>() < -kMaxClockOffsetMs ||
                                           spec["clockOffsetMs"].get<long long>() > kMaxClockOffsetMs)) {
        error = "clockOffsetMs must be an integer from " + std::to_string(-kMaxClockOffsetMs) + " to " +
                std::to_string(kMaxClockOffsetMs);
        return false;
    }
    if (spec.contains("echoReference") && !spec["echoReference"].is_boolean()) {
        error = "echoReference must be true or false";
        return false;
    }

    if (spec.contains("latency_ms")) state.latency_ms = spec["latency_ms"].get<int>();
    if (spec.contains("token_lifetime_s")) state.token_lifetime_s = spec["token_lifetime_s"].get<int>();
    if (sort) state.order_sort = *sort;
    if (unit) state.order_time_unit = *unit;
    if (spec.contains("clockOffsetMs")) state.clock.set_offset_ms(spec["clockOffsetMs"].get<std::int64_t>());
    if (spec.contains("echoReference")) state.echo_reference = spec["echoReference"].get<bool>();
    return true;
}

void restore_config_defaults(SandboxState& state) {
    std::string ignored;
    apply_config(state.config_defaults, state, ignored);
}

} // namespace sandbox
