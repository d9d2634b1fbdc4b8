#include "tools/sandbox/api_endpoints.h"

#include "tools/sandbox/connection_requests.h"
#include "tools/sandbox/form_fields.h"
#include "tools/sandbox/json_ids.h"
#include "tools/sandbox/order_info_view.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>

namespace sandbox {

namespace {

using nlohmann::json;

constexpr std::uint64_t kMaxPageSize = 1000; // invented: the real maximum is not documented
constexpr const char* kGetOrderPrefix = "/order/openapi/order/v1/get/";

constexpr std::array<std::pair<const char*, EndpointRoute>, 7> kExactRoutes = {{
    {"/auth/openapi/v1/oauth/token", {Endpoint::token, "POST"}},
    {"/user/openapi/user/v1/client/partner_list", {Endpoint::partner_list, "GET"}},
    {"/pricing/openapi/purchase/v1/product_list", {Endpoint::product_list, "GET"}},
    {"/pricing/openapi/purchase/v1/purchase_product_info", {Endpoint::purchase_product_info, "GET"}},
    {"/user/openapi/user/v1/client/billing_contact_list", {Endpoint::billing_contact_list, "GET"}},
    {"/order/openapi/order/v1/save", {Endpoint::save, "POST"}},
    {"/order/openapi/order/v1/page", {Endpoint::page, "GET"}},
}};

std::optional<ApiReply> check_user_agent(const httplib::Request& request) {
    if (request.get_header_value("User-Agent").empty())
        return validation_failure("User-Agent", "required", "The User-Agent header is required");
    return std::nullopt;
}

std::optional<ApiReply> check_access_token(const httplib::Request& request, const SandboxState& state) {
    const std::string header = request.get_header_value("Authorization");
    std::string scheme = header.substr(0, std::min<std::size_t>(header.size(), 7));
    std::transform(scheme.begin(), scheme.end(), scheme.begin(),
                   [](unsigned char c) { return std::tolower(c); });
    if (scheme != "bearer " || header.size() == 7)
        return failure(401, codes::unauthorized,
                       "Missing or malformed Authorization header (expected: Bearer <token>)");
    switch (state.tokens.check_access(header.substr(7))) {
    case TokenStore::Check::valid: return std::nullopt;
    case TokenStore::Check::expired:
        return failure(401, codes::token_expired,
                       "The access token has expired; refresh it or request a new one");
    case TokenStore::Check::unknown: break;
    }
    return failure(401, codes::unauthorized, "The access token is not valid");
}

// A positive integer query parameter: absent -> fallback; present but not an integer in [1, max] -> error.
std::optional<ApiReply> read_positive(const httplib::Request& request, const char* name,
                                      std::uint64_t fallback, std::uint64_t max, std::uint64_t& out) {
    out = fallback;
    if (!request.has_param(name)) return std::nullopt;
    const std::string text = request.get_param_value(name);
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), out);
    if (!is_digit_string(text) || error != std::errc() || end != text.data() + text.size())
        return validation_failure(name, "type", std::string(name) + " must be a positive integer");
    if (out < 1) return validation_failure(name, "min", std::string(name) + " must be at least 1");
    if (out > max)
        return validation_failure(name, "max", std::string(name) + " must be at most " + std::to_string(max));
    return std::nullopt;
}

ApiReply token(const httplib::Request& request, SandboxState& state) {
    const std::string type = media_type(request.get_header_value("Content-Type"));
    if (type != "application/x-www-form-urlencoded" && type != "multipart/form-data")
        return validation_failure(
            "Content-Type", "oneof",
            "Content-Type must be application/x-www-form-urlencoded or multipart/form-data");
    const auto fields = form_fields(request);
    const auto field = [&](const char* name) -> const std::string* {
        const auto found = fields.find(name);
        return found == fields.end() || found->second.empty() ? nullptr : &found->second;
    };
    const std::string* grant = field("grant_type");
    if (!grant) return validation_failure("grant_type", "required", "grant_type is required");

    std::optional<TokenStore::Issued> issued;
    if (*grant == "pp_credentials") {
        const std::string* id = field("client_id");
        const std::string* secret = field("client_secret");
        if (!id) return validation_failure("client_id", "required", "client_id is required");
        if (!secret) return validation_failure("client_secret", "required", "client_secret is required");
        if (*id != kDemoClientId || *secret != kDemoClientSecret)
            return failure(401, codes::invalid_client, "The Client ID or Client Secret is wrong");
        issued = state.tokens.issue(*id, state.token_lifetime_s.load());
    } else if (*grant == "refresh_token") {
        const std::string* refresh = field("refresh_token");
        if (!refresh) return validation_failure("refresh_token", "required", "refresh_token is required");
        issued = state.tokens.refresh(*refresh, state.token_lifetime_s.load());
        if (!issued)
            return failure(401, codes::invalid_refresh_token,
                           "The refresh token is not valid (unknown, expired, or already used)");
    } else {
        return validation_failure("grant_type", "oneof",
                                  "grant_type must be pp_credentials or refresh_token");
    }
    return success({{"expiresIn", std::to_string(issued->lifetime_s)},
                    {"refreshToken", issued->refresh_token},
                    {"token", issued->access_token},
                    {"tokenHead", "Bearer "}});
}

ApiReply purchase_product_info(const httplib::Request& request, const SandboxState& state) {
    if (!request.has_param("productId"))
        return validation_failure("productId", "required", "productId is required");
    std::uint64_t product_id = 0;
    if (auto error = read_positive(request, "productId", 0, 2147483647, product_id)) return *error;
    const std::string key = std::to_string(product_id);
    const auto found = state.fixtures.product_details.find(key);
    if (found != state.fixtures.product_details.end()) return success(*found);
    // Any other product: nothing the partner may buy (documented choice of the sandbox).
    std::string name;
    for (const auto& product : state.fixtures.products)
        if (integer_digits(product.value("productId", json())) == key) name = product.value("name", "");
    return success({{"offeringId", ""},
                    {"productId", product_id},
                    {"productName", name},
                    {"planList", json::array()},
                    {"serviceList", json::array()}});
}

// The order a save body asks for, or the refusal.
std::variant<ValidatedOrder, ApiReply> checked_order(const httplib::Request& request,
                                                     const SandboxState& state) {
    if (media_type(request.get_header_value("Content-Type")) != "application/json")
        return validation_failure("Content-Type", "eq", "Content-Type must be application/json");
    json body;
    try {
        body = json::parse(request.body);
    } catch (const json::exception& e) {
        return validation_failure("body", "json",
                                  std::string("The request body is not valid JSON: ") + e.what());
    }
    const auto checked = validate_renewal_order(body, state.fixtures);
    if (const auto* error = std::get_if<ValidationError>(&checked))
        return validation_failure(error->field, error->tag, error->message);
    return std::get<ValidatedOrder>(checked);
}

ApiReply save(const httplib::Request& request, SandboxState& state, const std::string& order_status) {
    auto checked = checked_order(request, state);
    if (const auto* refusal = std::get_if<ApiReply>(&checked)) return *refusal;
    const StoredOrder stored =
        state.orders.commit(request.body, std::get<ValidatedOrder>(checked), state.fixtures, order_status,
                            state.clock.now_ms(), real_now_ms(), connection_request());
    return success(stored.result);
}

OrderInfoView order_info_view(const SandboxState& state) {
    return {state.order_time_unit.load(), state.echo_reference.load()};
}

ApiReply page(const httplib::Request& request, const SandboxState& state) {
    std::uint64_t page_no = 1, page_size = 25;
    if (auto error = read_positive(request, "pageNo", 1, 1000000000, page_no)) return *error;
    if (auto error = read_positive(request, "pageSize", 25, kMaxPageSize, page_size)) return *error;
    const OrderStore::Page page =
        state.orders.page(state.order_sort.load(), (page_no - 1) * page_size, page_size);
    const OrderInfoView view = order_info_view(state);
    json results = json::array();
    for (const auto& order : page.orders)
        results.push_back(presented_order_info(order, view));
    return success({{"count", page.total},
                    {"pageNo", page_no},
                    {"pageSize", page_size},
                    {"results", results},
                    {"total", page.total},
                    {"totalPage", (page.total + page_size - 1) / page_size}});
}

ApiReply get_order(const httplib::Request& request, const SandboxState& state) {
    const std::string id = request.path.substr(std::string(kGetOrderPrefix).size());
    const auto order = state.orders.find(id);
    if (!order) return failure(404, codes::not_found, "No order has the id or order number " + id);
    json details = order->details;
    details["orderInformation"] = presented_order_info(*order, order_info_view(state));
    return success(details);
}

} // namespace

std::optional<ApiReply> refuse_user_agent(const httplib::Request& request, const SandboxState& state) {
    const auto& required = state.required_user_agent;
    if (!required || (request.get_header_value_count("User-Agent") == 1 &&
                      request.get_header_value("User-Agent") == *required))
        return std::nullopt;
    return failure(400, codes::invalid_user_agent, "User-Agent must be \"" + *required + "\"", nullptr);
}

std::variant<ValidatedOrder, ApiReply> check_save(const httplib::Request& request,
                                                  const SandboxState& state) {
    if (auto error = check_user_agent(request)) return *error;
    if (auto error = check_access_token(request, state)) return *error;
    return checked_order(request, state);
}

std::optional<EndpointRoute> find_endpoint(const std::string& path) {
    for (const auto& [route_path, route] : kExactRoutes)
        if (path == route_path) return route;
    const std::string prefix = kGetOrderPrefix;
    if (path.size() > prefix.size() && path.compare(0, prefix.size(), prefix) == 0 &&
        path.find('/', prefix.size()) == std::string::npos)
        return EndpointRoute{Endpoint::get, "GET"};
    return std::nullopt;
}

ApiReply handle_endpoint(Endpoint endpoint, const httplib::Request& request, SandboxState& state,
                         const std::string& order_status) {
    if (auto error = check_user_agent(request)) return *error;
    if (endpoint == Endpoint::token) return token(request, state);
    if (auto error = check_access_token(request, state)) return *error;
    switch (endpoint) {
    case Endpoint::partner_list: return success(state.fixtures.users);
    case Endpoint::product_list: return success(state.fixtures.products);
    case Endpoint::purchase_product_info: return purchase_product_info(request, state);
    case Endpoint::billing_contact_list: return success(state.fixtures.billing_contacts);
    case Endpoint::save: return save(request, state, order_status);
    case Endpoint::page: return page(request, state);
    case Endpoint::get: return get_order(request, state);
    case Endpoint::token: break;
    }
    return failure(500, "internal_error", "unhandled endpoint");
}

} // namespace sandbox
