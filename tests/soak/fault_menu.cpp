#include "fault_menu.h"

#include <array>

namespace soak {
namespace {

using nlohmann::json;

constexpr std::array endpoints = {"token", "partner_list", "purchase_product_info", "billing_contact_list",
                                  "save",  "page"};

// Every kind, in the variants worth telling apart. "commit" applies to save only and is dropped elsewhere.
const std::vector<json>& menu() {
    static const std::vector<json> specs = {
        {{"kind", "http_status"}, {"status", 500}},
        {{"kind", "http_status"}, {"status", 503}},
        {{"kind", "http_status"}, {"status", 404}},
        {{"kind", "http_status"},
         {"status", 504},
         {"content_type", "application/json"},
         {"body", R"({"code":504,"message":"Gateway Timeout"})"}},
        {{"kind", "http_status"},
         {"status", 504},
         {"content_type", "application/json"},
         {"body", R"({"code":504,"message":"Gateway Timeout"})"},
         {"commit", true}},
        {{"kind", "api_error"}, {"status", 400}, {"code", "invalid_param"}},
        {{"kind", "api_error"}, {"status", 401}, {"code", "token_expired"}},
        {{"kind", "api_error"}, {"status", 422}, {"code", "insufficient_balance"}},
        {{"kind", "api_error"}, {"status", 500}, {"code", "internal_error"}},
        {{"kind", "api_error"}, {"status", 500}, {"code", "internal_error"}, {"commit", true}},
        {{"kind", "api_error"}, {"status", 200}, {"code", "system_busy"}},
        {{"kind", "api_error"}, {"status", 200}, {"code", "system_busy"}, {"commit", true}},
        {{"kind", "api_error"}, {"status", 503}, {"code", "service_unavailable"}},
        {{"kind", "malformed"}},
        {{"kind", "malformed"}, {"commit", true}},
        {{"kind", "truncated"}},
        {{"kind", "html"}, {"status", 502}},
        {{"kind", "html"}, {"status", 502}, {"commit", true}},
        {{"kind", "delay"}, {"delay_ms", 100}},
        {{"kind", "delay"}, {"delay_ms", long_delay_ms}},
        {{"kind", "delay"}, {"delay_ms", long_delay_ms}, {"commit", true}},
        {{"kind", "drop"}},
        {{"kind", "commit_then_drop"}},
        {{"kind", "order_status"}, {"orderStatus", "pending"}},
        {{"kind", "order_status"}, {"orderStatus", "failed"}},
        {{"kind", "rate_limited"}, {"retry_after_s", 30}},
        {{"kind", "redirect"}, {"location", "http://other-host.invalid/moved"}},
        {{"kind", "refresh_refused"}},
        {{"kind", "trickle"}, {"delay_ms", 200}},
        {{"kind", "trickle"}, {"delay_ms", long_delay_ms}},
        {{"kind", "huge_body"}, {"bytes", 20'000'000}},
        {{"kind", "wrong_content_type"}},
        {{"kind", "reset_mid_body"}},
        {{"kind", "invalid_utf8"}},
        {{"kind", "duplicate_keys"}},
        {{"kind", "odd_numbers"}, {"number", "1e3"}},
        {{"kind", "odd_numbers"}, {"number", "-0"}},
        {{"kind", "odd_numbers"}, {"number", "18446744073709551616"}},
    };
    return specs;
}

bool save_only(const json& spec) {
    const std::string kind = spec["kind"];
    return spec.value("commit", false) || kind == "commit_then_drop" || kind == "order_status";
}

} // namespace

std::vector<json> draw_faults(std::mt19937_64& rng) {
    std::vector<json> faults;
    const int how_many = static_cast<int>(rng() % 4);
    for (int i = 0; i < how_many; ++i) {
        json spec = menu()[rng() % menu().size()];
        const char* endpoint = save_only(spec)                     ? "save"
                               : spec["kind"] == "refresh_refused" ? "token"
                                                                   : endpoints[rng() % endpoints.size()];
        spec["endpoint"] = endpoint;
        spec["count"] = 1 + static_cast<int>(rng() % 2);
        faults.push_back(std::move(spec));
    }
    return faults;
}

} // namespace soak
