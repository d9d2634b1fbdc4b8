// The API endpoints the sandbox answers, each with the name the fault plan uses for it ("save", "page",
// ...). This is the one list of those names: routes, fault specs and their error messages read it.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <utility>

namespace sandbox {

enum class Endpoint {
    token,
    partner_list,
    product_list,
    purchase_product_info,
    billing_contact_list,
    save,
    page,
    get
};

inline constexpr std::array<std::pair<Endpoint, const char*>, 8> kEndpointNames = {{
    {Endpoint::token, "token"},
    {Endpoint::partner_list, "partner_list"},
    {Endpoint::product_list, "product_list"},
    {Endpoint::purchase_product_info, "purchase_product_info"},
    {Endpoint::billing_contact_list, "billing_contact_list"},
    {Endpoint::save, "save"},
    {Endpoint::page, "page"},
    {Endpoint::get, "get"},
}};

const char* endpoint_name(Endpoint endpoint);
std::optional<Endpoint> endpoint_named(const std::string& name);
// "token, partner_list, ..., get", for messages.
std::string endpoint_name_list();

} // namespace sandbox
