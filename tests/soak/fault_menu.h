// The soak's menu of faults: every kind the sandbox can inject, in the shapes that matter, for every
// endpoint a renewal touches; and the plural world around a run: the API's clock, whether the order list
// echoes references, how it shows createTime, and other operators' orders. A run draws a few of them
// from its own random generator.
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <random>
#include <string>
#include <vector>

namespace soak {

// The fault specs (POST /__sandbox/faults bodies) one run starts with: zero to three of them.
std::vector<nlohmann::json> draw_faults(std::mt19937_64& rng);

// How long the longest delay in the menu holds a reply, so the client's timeouts can be set below it.
inline constexpr int long_delay_ms = 600;
// The flow's settle time in the soak: above the longest delay, so a commit that comes after the client
// gave up is read by the second reading (the product's default is 30 s).
inline constexpr int settle_ms = long_delay_ms + 400;
// late_commit delays: six of the seven inside the settle time (the check must see them), one beyond
// it (the documented limit of any settle time: a "none" it contradicts is counted apart, not as wrong).
inline constexpr int late_commit_within_ms[] = {100, 250, 400, 600, 750, settle_ms - 150};
inline constexpr int late_commit_beyond_ms = settle_ms + 700;

// Another operator's order (a colleague in the Partner Portal, a script, another RenewDesk elsewhere).
struct ForeignOrder {
    // long_before: 10 min before ours (outside the check's window); just_before: 1.5 s before ours
    // (inside the window's margin); at: when our order arrives; after: 250 ms or 3 s after it.
    enum class When { long_before, just_before, at, after };
    enum class Reference { none, colleague_po, generated }; // generated: an "RD-..." of another attempt
    When when = When::at;
    // Placed by our order POST's first fault ("other_order", offset from its arrival), else by POST
    // /__sandbox/other_orders (offset from then): before confirm(), or just after it when a fault
    // already carries another one.
    bool via_fault = false;
    bool same_customer = false; // the customer this run orders for, else another one
    bool same_contact = true;   // the billing contact this run uses, else another one
    Reference reference = Reference::none;
    std::string reference_text; // the poNumber it carries ("" for none)
    std::string order_status = "succeed";
    std::int64_t offset_ms = 0; // createTime relative to when it is placed (see via_fault)
};

// The world one run happens in.
struct World {
    std::int64_t clock_offset_ms = 0; // the API's clock minus the real one
    bool echo_reference = true;       // the order list shows poNumber as customReferenceNo
    std::string order_time_unit = "ms";
    std::string order_sort = "newest";
    std::vector<ForeignOrder> foreign; // zero to two
    bool second_copy = false;          // a second RenewalFlow in this process orders for another customer too
};

World draw_world(std::mt19937_64& rng);
nlohmann::json config_of(const World& world); // the POST /__sandbox/config body
std::string describe(const ForeignOrder& order);

} // namespace soak
