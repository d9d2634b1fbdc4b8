#include "core/models.h"

namespace rd {
namespace {

// "First Last", or the one part that is there: never a stray space.
std::string full_name(const std::string& first_name, const std::string& last_name) {
    if (first_name.empty()) return last_name;
    if (last_name.empty()) return first_name;
    return first_name + " " + last_name;
}

} // namespace

std::string display_name(const SubordinateUser& user) {
    return full_name(user.first_name, user.last_name);
}

std::string display_name(const BillingContact& contact) {
    return full_name(contact.first_name, contact.last_name);
}

OrderState order_state(const std::string& status) {
    if (status == "succeed") return OrderState::in_effect;
    if (status == "pending") return OrderState::awaiting_payment;
    if (status == "failed" || status == "invalid" || status == "cancelled" || status == "refunded")
        return OrderState::not_renewed;
    return OrderState::other;
}

std::int64_t create_time_ms(std::int64_t create_time) {
    // 1e11 ms is March 1973, 1e11 s is the year 5138: an order time below it is in seconds.
    // A negative time (before 1970: no real order) stays as it is; multiplied it could overflow.
    return create_time >= 0 && create_time < 100'000'000'000 ? create_time * 1000 : create_time;
}

} // namespace rd
