#include "decoders.h"

#include "text.h"

#include <set>

namespace rd {
namespace {

using nlohmann::json;

ApiError shape_error(std::string what) {
    return ApiError{
        .kind = ErrorKind::parse, .detail_message = std::move(what), .request_may_have_left = true};
}

// A member as text: strings as they are, numbers as their exact JSON text, anything else empty.
std::string text_of(const json& object, const char* name) {
    auto it = object.find(name);
    if (it == object.end() || it->is_null()) return {};
    if (it->is_string()) return it->get<std::string>();
    if (it->is_number() || it->is_boolean()) return json_text(*it);
    return {};
}

constexpr std::size_t skipped_excerpt_bytes = 300;

void report_skipped(const json& item, std::vector<std::string>* skipped) {
    if (skipped) skipped->push_back(utf8_prefix(json_text(item), skipped_excerpt_bytes));
}

std::int64_t integer_of(const json& object, const char* name, std::int64_t fallback) {
    auto it = object.find(name);
    if (it == object.end() || !it->is_number_integer()) return fallback;
    return it->get<std::int64_t>();
}

std::string first_text_of(const json& object, std::initializer_list<const char*> names) {
    for (const char* name : names)
        if (auto text = text_of(object, name); !text.empty()) return text;
    return {};
}

// Lists are typed Object<...> in the docs: accept an array, a paging wrapper, or a single object.
Result<std::vector<json>> items_of(const json& result, const char* what) {
    if (result.is_array()) return std::vector<json>(result.begin(), result.end());
    if (result.is_null()) return std::vector<json>{};
    if (result.is_object()) {
        for (const char* key : {"results", "list", "records", "items", "data"}) {
            auto it = result.find(key);
            if (it != result.end() && it->is_array()) return std::vector<json>(it->begin(), it->end());
        }
        return std::vector<json>{result};
    }
    return shape_error(std::string("The ") + what + " is neither a list nor an object.");
}

void collect_plans(const json& node, std::vector<Plan>& plans, std::set<Id64>& seen,
                   std::vector<std::string>& errors) {
    if (node.is_array()) {
        for (const auto& item : node)
            collect_plans(item, plans, seen, errors);
        return;
    }
    if (!node.is_object()) return;
    if (auto it = node.find("planId"); it != node.end()) {
        auto id = id_from_json(*it, "planId");
        if (!id) {
            errors.push_back(id.error().detail_message);
        } else if (seen.insert(id.value()).second) {
            plans.push_back(Plan{
                .plan_id = id.value(),
                .name = first_text_of(
                    node, {"planName", "name", "planTitle", "title", "displayName", "productName"}),
                .purchase_type = text_of(node, "purchaseType"),
                .billing_cycle = text_of(node, "billingCycle"),
                .price = first_text_of(node, {"price", "amount", "unitPrice"}),
                .currency = first_text_of(node, {"currencyCode", "currency"}),
            });
        }
    }
    for (const auto& [key, child] : node.items())
        collect_plans(child, plans, seen, errors);
}

} // namespace

Result<TokenGrant> decode_token(const json& result) {
    if (!result.is_object()) return shape_error("The token reply has no Token_Details object.");
    TokenGrant grant{
        .token = text_of(result, "token"),
        .token_head = text_of(result, "tokenHead"),
        .refresh_token = text_of(result, "refreshToken"),
    };
    if (grant.token.empty()) return shape_error("The token reply has no token.");
    std::string expires = text_of(result, "expiresIn");
    auto seconds = parse_id(expires);
    if (!seconds || seconds->value == 0 || seconds->value > 366u * 24 * 3600)
        return shape_error("The token reply's expiresIn is not a number of seconds: \"" + expires + "\"");
    grant.expires_in_s = static_cast<std::int64_t>(seconds->value);
    return grant;
}

Result<std::vector<SubordinateUser>>
DecodeSubordinateUsers::operator()(const json& result, std::vector<std::string>* skipped) const {
    auto items = items_of(result, "subordinate user list");
    if (!items) return items.error();
    std::vector<SubordinateUser> users;
    users.reserve(items.value().size());
    for (const auto& item : items.value()) {
        const bool has_id = item.is_object() && item.contains("partnerId");
        auto partner_id = has_id ? opaque_id_from_json(item["partnerId"]) : std::nullopt;
        if (!partner_id || partner_id->empty()) {
            report_skipped(item, skipped);
            continue;
        }
        users.push_back(SubordinateUser{
            .partner_id = *partner_id,
            .company = text_of(item, "company"),
            .email = text_of(item, "email"),
            .first_name = text_of(item, "firstName"),
            .last_name = text_of(item, "lastName"),
            .user_type = text_of(item, "userType"),
            .country = text_of(item, "country"),
            .city = text_of(item, "city"),
            .phone_number = text_of(item, "phoneNumber"),
        });
    }
    return users;
}

Result<PlanCatalog> decode_plan_catalog(const json& result) {
    PlanCatalog catalog;
    catalog.raw_json = json_text(result, 2);
    std::set<Id64> seen;
    std::vector<std::string> errors;
    collect_plans(result, catalog.plans, seen, errors);
    if (catalog.plans.empty() && !errors.empty())
        return shape_error("No usable plan id in the plan list: " + errors.front());
    return catalog;
}

Result<std::vector<BillingContact>>
DecodeBillingContacts::operator()(const json& result, std::vector<std::string>* skipped) const {
    auto items = items_of(result, "billing contact list");
    if (!items) return items.error();
    std::vector<BillingContact> contacts;
    for (const auto& item : items.value()) {
        static const json missing;
        const bool has_id = item.is_object() && item.contains("billingContactId");
        auto id = id_from_json(has_id ? item["billingContactId"] : missing, "billingContactId");
        if (!id) {
            report_skipped(item, skipped);
            continue;
        }
        contacts.push_back(BillingContact{
            .billing_contact_id = id.value(),
            .first_name = text_of(item, "firstName"),
            .last_name = text_of(item, "lastName"),
            .company = text_of(item, "company"),
            .email_address = text_of(item, "emailAddress"),
            .country = text_of(item, "country"),
            .city = text_of(item, "city"),
        });
    }
    return contacts;
}

OrderReceipt decode_order_receipt(const json& result) {
    OrderReceipt receipt{
        .instance_id = text_of(result, "instanceId"),
        .order_id = text_of(result, "orderId"),
        .order_no = text_of(result, "orderNo"),
        .order_status = text_of(result, "orderStatus"),
        .product_no = text_of(result, "productNo"),
        .transaction_no = text_of(result, "transactionNo"),
        .raw_json = json_text(result, 2),
    };
    return receipt;
}

Result<OrderPage> decode_order_page(const json& result) {
    auto items = items_of(result, "order list");
    if (!items) return items.error();
    OrderPage page;
    for (const auto& item : items.value()) {
        if (!item.is_object()) return shape_error("An order in the list is not an object.");
        OrderSummary order{
            .id = text_of(item, "id"),
            .order_no = text_of(item, "orderNo"),
            .order_status = text_of(item, "orderStatus"),
            .currency_code = text_of(item, "currencyCode"),
            .custom_reference_no = text_of(item, "customReferenceNo"),
        };
        order.create_time = integer_of(item, "createTime", 0);
        page.orders.push_back(std::move(order));
    }
    if (result.is_object()) {
        page.total = integer_of(result, "total", static_cast<std::int64_t>(page.orders.size()));
        page.page_no = integer_of(result, "pageNo", 1);
        page.total_page = integer_of(result, "totalPage", 1);
    }
    return page;
}

} // namespace rd
