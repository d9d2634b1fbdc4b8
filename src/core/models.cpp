#include "models.h"

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
