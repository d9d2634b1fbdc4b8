#include "tools/sandbox/fault_plan.h"

#include "tools/sandbox/endpoint_names.h"

#include <array>
#include <utility>

namespace sandbox {

namespace {

using nlohmann::json;

constexpr std::array<std::pair<FaultKind, const char*>, 20> kKinds = {{
    {FaultKind::http_status, "http_status"},
    {FaultKind::api_error, "api_error"},
    {FaultKind::malformed, "malformed"},
    {FaultKind::truncated, "truncated"},
    {FaultKind::html, "html"},
    {FaultKind::delay, "delay"},
    {FaultKind::drop, "drop"},
    {FaultKind::commit_then_drop, "commit_then_drop"},
    {FaultKind::late_commit, "late_commit"},
    {FaultKind::order_status, "order_status"},
    {FaultKind::rate_limited, "rate_limited"},
    {FaultKind::redirect, "redirect"},
    {FaultKind::refresh_refused, "refresh_refused"},
    {FaultKind::trickle, "trickle"},
    {FaultKind::huge_body, "huge_body"},
    {FaultKind::wrong_content_type, "wrong_content_type"},
    {FaultKind::reset_mid_body, "reset_mid_body"},
    {FaultKind::invalid_utf8, "invalid_utf8"},
    {FaultKind::duplicate_keys, "duplicate_keys"},
    {FaultKind::odd_numbers, "odd_numbers"},
}};

constexpr std::uint64_t kDefaultHugeBodyBytes = 50u << 20; // 50 MB
constexpr int kMaxHugeBodyBytes = 1 << 30;

// "http_status, api_error, ...": every kind, or those `include` accepts.
std::string kind_name_list(bool (*include)(FaultKind) = nullptr) {
    std::string out;
    for (const auto& [kind, name] : kKinds)
        if (!include || include(kind)) out += (out.empty() ? "" : ", ") + std::string(name);
    return out;
}

// Reads an optional integer member; false (with `error`) when present but not an integer in range.
bool read_int(const json& spec, const char* name, int& out, int min, int max, std::string& error) {
    if (!spec.contains(name)) return true;
    const auto& value = spec[name];
    if (!value.is_number_integer() || value.get<long long>() < min || value.get<long long>() > max) {
        error = std::string(name) + " must be an integer from " + std::to_string(min) + " to " +
                std::to_string(max);
        return false;
    }
    out = value.get<int>();
    return true;
}

bool read_bool(const json& spec, const char* name, bool& out, std::string& error) {
    if (!spec.contains(name)) return true;
    if (!spec[name].is_boolean()) {
        error = std::string(name) + " must be true or false";
        return false;
    }
    out = spec[name].get<bool>();
    return true;
}

bool read_string(const json& spec, const char* name, std::string& out, std::string& error) {
    if (!spec.contains(name)) return true;
    if (!spec[name].is_string()) {
        error = std::string(name) + " must be a string";
        return false;
    }
    out = spec[name].get<std::string>();
    return true;
}

// The kinds whose reply can follow a committed save; the others either send nothing of their own or
// (truncated, commit_then_drop, order_status and the reshaped replies) commit anyway.
bool can_follow_commit(FaultKind kind) {
    switch (kind) {
    case FaultKind::http_status:
    case FaultKind::api_error:
    case FaultKind::malformed:
    case FaultKind::html:
    case FaultKind::delay:
    case FaultKind::rate_limited:
    case FaultKind::redirect: return true;
    default: return false;
    }
}

bool has_control_character(const std::string& text) {
    for (char c : text)
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) return true;
    return false;
}

// A JSON number token, as the API's JSON could carry it ("1e3", "-0", "18446744073709551616").
bool is_json_number(const std::string& text) {
    const json value = json::parse(text, nullptr, /*allow_exceptions=*/false);
    return !value.is_discarded() && value.is_number();
}

// The members that only some faults may have: content_type, location, number, chunked and commit.
bool read_restricted_members(const json& spec, Fault& fault, std::string& error) {
    if (spec.contains("content_type")) {
        std::string type;
        if (!read_string(spec, "content_type", type, error)) return false;
        if (fault.kind != FaultKind::http_status && fault.kind != FaultKind::wrong_content_type) {
            error = "content_type applies to http_status and wrong_content_type faults only";
            return false;
        }
        if (type.empty() || has_control_character(type)) {
            error = "content_type must be a non-empty header value";
            return false;
        }
        fault.content_type = type;
    }
    if (fault.kind == FaultKind::wrong_content_type && !fault.content_type) fault.content_type = "text/html";
    if (spec.contains("location")) {
        if (!read_string(spec, "location", fault.location, error)) return false;
        if (fault.kind != FaultKind::redirect || fault.location.empty() ||
            has_control_character(fault.location)) {
            error = "location applies to redirect faults only and must be a non-empty header value";
            return false;
        }
    }
    if (spec.contains("number")) {
        if (!read_string(spec, "number", fault.number, error)) return false;
        if (fault.kind != FaultKind::odd_numbers || !is_json_number(fault.number)) {
            error = "number applies to odd_numbers faults only and must be a JSON number, e.g. \"1e3\"";
            return false;
        }
    }
    if (spec.contains("chunked")) {
        if (!read_bool(spec, "chunked", fault.chunked, error)) return false;
        if (fault.kind != FaultKind::huge_body) {
            error = "chunked applies to huge_body faults only";
            return false;
        }
    }
    if (fault.kind == FaultKind::refresh_refused && endpoint_named(fault.endpoint) != Endpoint::token) {
        error = "refresh_refused applies to the token endpoint only";
        return false;
    }
    if (fault.kind == FaultKind::redirect && (fault.status < 300 || fault.status > 399)) {
        error = "a redirect's status must be from 300 to 399";
        return false;
    }
    if (spec.contains("other_order")) {
        if (endpoint_named(fault.endpoint) != Endpoint::save || !spec["other_order"].is_object()) {
            error = "other_order applies to save faults only and must be a JSON object";
            return false;
        }
        fault.other_order = spec["other_order"];
    }
    if (fault.kind == FaultKind::late_commit && endpoint_named(fault.endpoint) != Endpoint::save) {
        error = "late_commit applies to the save endpoint only";
        return false;
    }
    if (!read_bool(spec, "commit", fault.commit, error)) return false;
    if (!read_bool(spec, "until_released", fault.until_released, error)) return false;
    if (fault.until_released && fault.kind != FaultKind::delay) {
        error = "until_released applies to delay faults only";
        return false;
    }
    if (fault.commit && endpoint_named(fault.endpoint) != Endpoint::save) {
        error = "commit applies to the save endpoint only (nothing else commits)";
        return false;
    }
    if (fault.commit && !can_follow_commit(fault.kind)) {
        error = "commit applies to kinds " + kind_name_list(can_follow_commit) +
                " only (the others commit anyway or reply nothing; for drop use commit_then_drop)";
        return false;
    }
    return true;
}

} // namespace

const char* kind_name(FaultKind kind) {
    for (const auto& [k, name] : kKinds)
        if (k == kind) return name;
    return "?";
}

std::optional<Fault> parse_fault(const json& spec, std::string& error) {
    if (!spec.is_object()) {
        error = "the fault must be a JSON object";
        return std::nullopt;
    }
    Fault fault;
    if (!spec.contains("endpoint") || !spec["endpoint"].is_string() ||
        !endpoint_named(spec["endpoint"].get<std::string>())) {
        error = "endpoint must be one of " + endpoint_name_list();
        return std::nullopt;
    }
    fault.endpoint = spec["endpoint"].get<std::string>();
    const std::string kind = spec.value("kind", json()).is_string() ? spec["kind"].get<std::string>() : "";
    bool known_kind = false;
    for (const auto& [k, name] : kKinds)
        if (kind == name) {
            fault.kind = k;
            known_kind = true;
        }
    if (!known_kind) {
        error = "kind must be one of " + kind_name_list();
        return std::nullopt;
    }
    if (!read_int(spec, "count", fault.count, -1, 1000000, error)) return std::nullopt;
    if (!read_int(spec, "nth", fault.nth, 1, 1000000, error)) return std::nullopt;
    if (fault.count == 0) {
        error = "count must be -1 (until cleared) or at least 1";
        return std::nullopt;
    }
    fault.code = "sandbox_injected_error";
    fault.detail_message = "Error injected by the sandbox fault plan";
    switch (fault.kind) {
    case FaultKind::http_status: fault.status = 503; break;
    case FaultKind::api_error: fault.status = 400; break;
    case FaultKind::html: fault.status = 502; break;
    case FaultKind::rate_limited:
        fault.status = 429;
        fault.code = "too_many_requests"; // invented, as every error code but two
        fault.detail_message = "Too many requests; slow down";
        break;
    case FaultKind::redirect: fault.status = 302; break;
    case FaultKind::refresh_refused:
        fault.status = 401;
        fault.code = "invalid_refresh_token";
        fault.detail_message = "The refresh token has expired";
        break;
    case FaultKind::trickle:
        fault.status = 200;
        fault.delay_ms = 2000;
        break;
    case FaultKind::late_commit:
        fault.status = 200;
        fault.delay_ms = 5000;
        break;
    default: fault.status = 200; break;
    }
    if (!read_int(spec, "status", fault.status, 100, 599, error)) return std::nullopt;
    if (!read_string(spec, "code", fault.code, error)) return std::nullopt;
    if (!read_string(spec, "detailMessage", fault.detail_message, error)) return std::nullopt;
    if (spec.contains("body")) {
        std::string body;
        if (!read_string(spec, "body", body, error)) return std::nullopt;
        fault.body = body;
    }
    if (!read_int(spec, "delay_ms", fault.delay_ms, 0, 600000, error)) return std::nullopt;
    if (!read_int(spec, "retry_after_s", fault.retry_after_s, -1, 86400, error)) return std::nullopt;
    int bytes = static_cast<int>(kDefaultHugeBodyBytes);
    if (!read_int(spec, "bytes", bytes, 1, kMaxHugeBodyBytes, error)) return std::nullopt;
    fault.bytes = static_cast<std::uint64_t>(bytes);
    fault.order_status = fault.kind == FaultKind::late_commit ? "succeed" : "pending";
    if (!read_string(spec, "orderStatus", fault.order_status, error)) return std::nullopt;
    if (!read_restricted_members(spec, fault, error)) return std::nullopt;
    return fault;
}

json to_json(const Fault& fault) {
    json out = {{"endpoint", fault.endpoint},
                {"kind", kind_name(fault.kind)},
                {"count", fault.count},
                {"commit", fault.commit}};
    if (fault.nth > 1) out["nth"] = fault.nth; // counts down as requests of its endpoint go by
    switch (fault.kind) {
    case FaultKind::http_status:
        out["status"] = fault.status;
        if (fault.body) out["body"] = *fault.body;
        if (fault.content_type) out["content_type"] = *fault.content_type;
        break;
    case FaultKind::api_error:
    case FaultKind::refresh_refused:
        out["status"] = fault.status;
        out["code"] = fault.code;
        out["detailMessage"] = fault.detail_message;
        break;
    case FaultKind::rate_limited:
        out["status"] = fault.status;
        out["code"] = fault.code;
        out["detailMessage"] = fault.detail_message;
        out["retry_after_s"] = fault.retry_after_s;
        break;
    case FaultKind::html: out["status"] = fault.status; break;
    case FaultKind::redirect:
        out["status"] = fault.status;
        if (!fault.location.empty()) out["location"] = fault.location;
        break;
    case FaultKind::delay:
        out["delay_ms"] = fault.delay_ms;
        out["until_released"] = fault.until_released;
        break;
    case FaultKind::trickle: out["delay_ms"] = fault.delay_ms; break;
    case FaultKind::huge_body:
        out["bytes"] = fault.bytes;
        out["chunked"] = fault.chunked;
        break;
    case FaultKind::wrong_content_type: out["content_type"] = fault.content_type.value_or(""); break;
    case FaultKind::odd_numbers: out["number"] = fault.number; break;
    case FaultKind::order_status: out["orderStatus"] = fault.order_status; break;
    case FaultKind::late_commit:
        out["delay_ms"] = fault.delay_ms;
        out["orderStatus"] = fault.order_status;
        break;
    default: break;
    }
    if (fault.other_order) out["other_order"] = *fault.other_order;
    return out;
}

} // namespace sandbox
