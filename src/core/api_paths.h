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

inline std::string order_page(std::int64_t page_no, int page_size) {
    return std::string(order_list) + "?pageNo=" + std::to_string(page_no) +
           "&pageSize=" + std::to_string(page_size);
}

} // namespace rd::paths
