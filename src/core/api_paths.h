// The Partner Portal endpoints RenewDesk calls (partner-openapi.md §14), relative to the base URL.
#pragma once

#include <cstdint>
#include <string>

namespace rd::paths {

inline constexpr const char* token = "/auth/openapi/v1/oauth/token";
inline constexpr const char* subordinate_users = "/user/openapi/user/v1/client/partner_list";
inline constexpr const char* remote_management_plans =
    "/pricing/openapi/purchase/v1/purchase_product_info?productId=15";
inline constexpr const char* billing_contacts = "/user/openapi/user/v1/client/billing_contact_list";
inline constexpr const char* create_order = "/order/openapi/order/v1/save";
inline constexpr const char* order_list = "/order/openapi/order/v1/page";

inline constexpr const char* order_details_prefix = "/order/openapi/order/v1/get/";

// Get Order Details: the id (the list's id string or an order number) goes into the path verbatim;
// only a byte outside RFC 3986's unreserved set (never in a real id) is percent-encoded.
inline std::string order_details(const std::string& id) {
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string path = order_details_prefix;
    for (unsigned char c : id) {
        if ((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '-' ||
            c == '.' || c == '_' || c == '~') {
            path += static_cast<char>(c);
        } else {
            path += '%';
            path += hex[c >> 4];
            path += hex[c & 15];
        }
    }
    return path;
}

inline std::string order_page(std::int64_t page_no, int page_size) {
    return std::string(order_list) + "?pageNo=" + std::to_string(page_no) +
           "&pageSize=" + std::to_string(page_size);
}

} // namespace rd::paths
