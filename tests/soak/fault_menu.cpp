#include "tests/soak/fault_menu.h"

#include "core/order_reference.h"

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
        {{"kind", "late_commit"}, {"delay_ms", late_commit_within_ms[0]}},
        {{"kind", "late_commit"}, {"delay_ms", late_commit_within_ms[1]}},
        {{"kind", "late_commit"}, {"delay_ms", late_commit_within_ms[2]}},
        {{"kind", "late_commit"}, {"delay_ms", late_commit_within_ms[3]}},
        {{"kind", "late_commit"}, {"delay_ms", late_commit_within_ms[4]}},
        {{"kind", "late_commit"}, {"delay_ms", late_commit_within_ms[5]}},
        {{"kind", "late_commit"}, {"delay_ms", late_commit_beyond_ms}},
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
    return spec.value("commit", false) || kind == "commit_then_drop" || kind == "order_status" ||
           kind == "late_commit";
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

World draw_world(std::mt19937_64& rng) {
    World world;
    static constexpr std::int64_t clock_offsets_ms[] = {0, 0, 90'000, -90'000, 600'000, -600'000};
    world.clock_offset_ms = clock_offsets_ms[rng() % std::size(clock_offsets_ms)];
    world.echo_reference = rng() % 4 != 0;
    static constexpr const char* time_units[] = {"ms", "ms", "s", "s_string", "ms_string"};
    world.order_time_unit = time_units[rng() % std::size(time_units)];
    world.order_sort = rng() % 2 ? "newest" : "oldest";
    // Half the runs have company: one or two other operators' orders.
    const int foreign = rng() % 2 ? 1 + static_cast<int>(rng() % 2) : 0;
    for (int i = 0; i < foreign; ++i) {
        ForeignOrder order;
        order.when = static_cast<ForeignOrder::When>(rng() % 4);
        order.same_customer = rng() % 2;
        order.same_contact = rng() % 4 != 0;
        order.reference = static_cast<ForeignOrder::Reference>(rng() % 3);
        if (order.reference == ForeignOrder::Reference::colleague_po)
            order.reference_text = "PO-COLLEAGUE-" + std::to_string(rng() % 10000);
        if (order.reference == ForeignOrder::Reference::generated)
            order.reference_text = rd::new_order_reference([&] { return static_cast<unsigned>(rng()); });
        order.order_status = rng() % 5 == 0 ? "pending" : "succeed";
        switch (order.when) {
        case ForeignOrder::When::long_before: order.offset_ms = -600'000; break;
        case ForeignOrder::When::just_before:
            order.offset_ms = -1'500;
            order.via_fault = rng() % 2;
            break;
        case ForeignOrder::When::at: order.via_fault = true; break;
        case ForeignOrder::When::after:
            order.offset_ms = rng() % 2 ? 250 : 3'000;
            order.via_fault = true;
            break;
        }
        world.foreign.push_back(std::move(order));
    }
    world.second_copy = rng() % 8 == 0;
    return world;
}

json config_of(const World& world) {
    return {{"clockOffsetMs", world.clock_offset_ms},
            {"echoReference", world.echo_reference},
            {"orderTimeUnit", world.order_time_unit},
            {"orderSort", world.order_sort}};
}

std::string describe(const ForeignOrder& order) {
    static constexpr const char* whens[] = {"long before", "just before", "at", "after"};
    static constexpr const char* references[] = {"no reference", "a colleague's PO", "another attempt's"};
    return std::string("another operator's order ") + whens[static_cast<int>(order.when)] + " ours (" +
           std::to_string(order.offset_ms) + " ms) for " +
           (order.same_customer ? "the same customer" : "another customer") + ", " +
           (order.same_contact ? "the same" : "another") + " contact, " +
           references[static_cast<int>(order.reference)] +
           (order.reference_text.empty() ? "" : " " + order.reference_text) + ", " + order.order_status;
}

} // namespace soak
