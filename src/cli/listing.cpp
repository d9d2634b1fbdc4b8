#include "cli/listing.h"

#include "core/case_fold.h"
#include "core/order_reconciler.h"

#include <algorithm>
#include <ctime>

namespace rd::cli {

std::vector<SubordinateUser> search_users(const std::vector<SubordinateUser>& users,
                                          const std::string& search) {
    if (search.empty()) return users;
    const std::string needle = fold_case(search);
    std::vector<SubordinateUser> found;
    for (const SubordinateUser& user : users) {
        // "First Last" holds each part too.
        for (const std::string& field : {user.partner_id, user.company, display_name(user), user.email}) {
            if (fold_case(field).find(needle) != std::string::npos) {
                found.push_back(user);
                break;
            }
        }
    }
    return found;
}

std::vector<OrderSummary> newest_first(std::vector<OrderSummary> orders, const std::string& status) {
    if (!status.empty())
        std::erase_if(orders, [&](const OrderSummary& order) { return order.order_status != status; });
    std::stable_sort(orders.begin(), orders.end(), [](const OrderSummary& a, const OrderSummary& b) {
        return create_time_ms(a.create_time) > create_time_ms(b.create_time);
    });
    return orders;
}

std::string format_create_time(std::int64_t create_time) {
    if (create_time <= 0) return "";
    const std::time_t seconds = static_cast<std::time_t>(create_time_ms(create_time) / 1000);
    std::tm utc{};
    if (!gmtime_r(&seconds, &utc)) return std::to_string(create_time);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%d %H:%M UTC", &utc);
    return text;
}

} // namespace rd::cli
