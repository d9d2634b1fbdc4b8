#include "models.h"

namespace rd {

std::string display_name(const SubordinateUser& user) {
    if (user.first_name.empty()) return user.last_name;
    if (user.last_name.empty()) return user.first_name;
    return user.first_name + " " + user.last_name;
}

std::string order_status_in_words(const std::string& status) {
    if (status == "succeed") return "Succeeded: the renewal is in effect";
    if (status == "pending") return "Pending: waiting for payment or review in the Partner Portal";
    if (status == "failed") return "Failed: the Partner Portal did not complete the order";
    if (status == "invalid") return "Invalid: the Partner Portal rejected the order";
    if (status == "cancelled") return "Cancelled";
    if (status == "refunded") return "Refunded";
    if (status.empty()) return "Not reported";
    return "Reported as \"" + status + "\"";
}

} // namespace rd
