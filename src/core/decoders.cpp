#include "core/decoders.h"

#include "core/text.h"

#include <charconv>
#include <cstdint>
#include <optional>
#include <set>

namespace rd {
namespace {

ApiError shape_error(ErrorDetail detail) {
    return ApiError{.kind = ErrorKind::parse, .detail = std::move(detail), .request_may_have_left = true};
}

// A value as text: strings as they are, numbers as their exact JSON text, anything else empty.
std::string text_of(const Json& value) {
    if (value.is_string()) return value.get_ref<const std::string&>();
    if (value.is_number() || value.is_boolean()) return json_text(value);
    return {};
}

// A member as text, as text_of(value); a missing member is empty.
std::string text_of(const Json& object, const char* name) {
    auto it = object.find(name);
    return it == object.end() ? std::string() : text_of(*it);
}

constexpr std::size_t skipped_excerpt_bytes = 300;

void report_skipped(const Json& item, std::vector<std::string>* skipped) {
    if (skipped) skipped->push_back(utf8_prefix(json_text(item), skipped_excerpt_bytes));
}

std::int64_t integer_of(const Json& object, const char* name, std::int64_t fallback) {
    auto it = object.find(name);
    if (it == object.end() || !it->is_number_integer()) return fallback;
    return it->get<std::int64_t>();
}

std::string first_text_of(const Json& object, std::initializer_list<const char*> names) {
    for (const char* name : names)
        if (auto text = text_of(object, name); !text.empty()) return text;
    return {};
}

// Lists are typed Object<...> in the docs: accept an array, a paging wrapper, or a single object.
// The items are pointed at, never copied: a list of 10,000 users is a few MB of DOM.
// `not_list`: the detail when `result` is neither.
Result<std::vector<const Json*>> items_of(const Json& result, DetailKind not_list) {
    std::vector<const Json*> items;
    const Json* list = nullptr;
    if (result.is_array()) {
        list = &result;
    } else if (result.is_null()) {
        return items;
    } else if (result.is_object()) {
        for (const char* key : {"results", "list", "records", "items", "data"}) {
            auto it = result.find(key);
            if (it != result.end() && it->is_array()) {
                list = &*it;
                break;
            }
        }
        if (!list) return std::vector<const Json*>{&result};
    } else {
        return shape_error({.kind = not_list});
    }
    items.reserve(list->size());
    for (const auto& item : *list)
        items.push_back(&item);
    return items;
}

void collect_plans(const Json& node, std::vector<Plan>& plans, std::set<Id64>& seen,
                   std::vector<ErrorDetail>& errors) {
    if (node.is_array()) {
        for (const auto& item : node)
            collect_plans(item, plans, seen, errors);
        return;
    }
    if (!node.is_object()) return;
    if (auto it = node.find("planId"); it != node.end()) {
        auto id = id_from_json(*it, "planId");
        if (!id) {
            errors.push_back(id.error().detail);
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

// One User_Info, read in one walk over its members (Json keeps them in a vector: ten finds would be
// ten walks); nothing when it is not an object or has no usable partnerId.
std::optional<SubordinateUser> subordinate_user_of(const Json& item) {
    if (!item.is_object()) return std::nullopt;
    std::optional<std::string> partner_id;
    SubordinateUser user;
    for (const auto& [name, value] : item.get_ref<const Json::object_t&>()) {
        std::string* field = nullptr;
        switch (name.size()) { // by length first: then one or two compares
        case 4:
            if (name == "city") field = &user.city;
            break;
        case 5:
            if (name == "email") field = &user.email;
            break;
        case 7:
            if (name == "company") field = &user.company;
            else if (name == "country") field = &user.country;
            break;
        case 8:
            if (name == "lastName") field = &user.last_name;
            else if (name == "userType") field = &user.user_type;
            break;
        case 9:
            if (name == "partnerId") partner_id = opaque_id_from_json(value);
            else if (name == "firstName") field = &user.first_name;
            break;
        case 11:
            if (name == "phoneNumber") field = &user.phone_number;
            break;
        default: break;
        }
        if (field) *field = text_of(value);
    }
    if (!partner_id || partner_id->empty()) return std::nullopt;
    user.partner_id = std::move(*partner_id);
    return user;
}

} // namespace

Result<TokenGrant> decode_token(const Json& result) {
    if (!result.is_object()) return shape_error({.kind = DetailKind::token_reply_no_details});
    TokenGrant grant{
        .token = text_of(result, "token"),
        .token_head = text_of(result, "tokenHead"),
        .refresh_token = text_of(result, "refreshToken"),
    };
    if (grant.token.empty()) return shape_error({.kind = DetailKind::token_reply_missing_token});
    std::string expires = text_of(result, "expiresIn");
    auto seconds = parse_id(expires);
    if (!seconds || seconds->value == 0 || seconds->value > 366u * 24 * 3600)
        return shape_error({.kind = DetailKind::token_expiry_not_seconds, .value = expires});
    grant.expires_in_s = static_cast<std::int64_t>(seconds->value);
    return grant;
}

Result<std::vector<SubordinateUser>>
DecodeSubordinateUsers::operator()(const Json& result, std::vector<std::string>* skipped) const {
    auto items = items_of(result, DetailKind::users_not_list);
    if (!items) return items.error();
    std::vector<SubordinateUser> users;
    users.reserve(items.value().size());
    for (const Json* item : items.value()) {
        auto user = subordinate_user_of(*item);
        if (!user) {
            report_skipped(*item, skipped);
            continue;
        }
        users.push_back(std::move(*user));
    }
    return users;
}

Result<PlanCatalog> decode_plan_catalog(const Json& result) {
    PlanCatalog catalog;
    catalog.raw_json = json_text(result, 2);
    std::set<Id64> seen;
    std::vector<ErrorDetail> errors;
    collect_plans(result, catalog.plans, seen, errors);
    if (catalog.plans.empty() && !errors.empty()) {
        ErrorDetail first = errors.front(); // its member, problem and value
        first.kind = DetailKind::plan_list_no_usable_id;
        return shape_error(std::move(first));
    }
    return catalog;
}

Result<std::vector<BillingContact>>
DecodeBillingContacts::operator()(const Json& result, std::vector<std::string>* skipped) const {
    auto items = items_of(result, DetailKind::contacts_not_list);
    if (!items) return items.error();
    std::vector<BillingContact> contacts;
    contacts.reserve(items.value().size());
    for (const Json* entry : items.value()) {
        const Json& item = *entry;
        static const Json missing;
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

OrderReceipt decode_order_receipt(const Json& result) {
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

// createTime as epoch seconds or milliseconds, a JSON integer or a string of digits; anything else
// (or a time before 2000 or after 2200) leaves create_time 0 and keeps what came in
// create_time_unreadable.
static void read_create_time(const Json& item, OrderSummary& order) {
    auto it = item.find("createTime");
    if (it == item.end()) {
        order.create_time_unreadable = ""; // missing
        return;
    }
    std::optional<std::int64_t> value;
    if (it->is_number_integer()) {
        value = it->is_number_unsigned() && it->get<std::uint64_t>() > INT64_MAX
                    ? std::nullopt
                    : std::optional<std::int64_t>(it->get<std::int64_t>());
    } else if (it->is_string()) {
        const std::string& text = it->get_ref<const std::string&>();
        std::int64_t parsed = 0;
        auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), parsed);
        if (!text.empty() && error == std::errc() && end == text.data() + text.size()) value = parsed;
    }
    constexpr std::int64_t year_2000_ms = 946'684'800'000, year_2200_ms = 7'258'118'400'000;
    if (value) {
        const std::int64_t ms = create_time_ms(*value);
        if (ms < year_2000_ms || ms >= year_2200_ms) value.reset();
    }
    if (!value) {
        order.create_time_unreadable = json_text(*it);
        return;
    }
    order.create_time = *value;
}

Result<OrderPage> decode_order_page(const Json& result) {
    auto items = items_of(result, DetailKind::orders_not_list);
    if (!items) return items.error();
    OrderPage page;
    page.orders.reserve(items.value().size());
    for (const Json* entry : items.value()) {
        const Json& item = *entry;
        if (!item.is_object()) return shape_error({.kind = DetailKind::order_not_object});
        OrderSummary order{
            .id = text_of(item, "id"),
            .order_no = text_of(item, "orderNo"),
            .order_status = text_of(item, "orderStatus"),
            .currency_code = text_of(item, "currencyCode"),
            .custom_reference_no = text_of(item, "customReferenceNo"),
        };
        read_create_time(item, order);
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
