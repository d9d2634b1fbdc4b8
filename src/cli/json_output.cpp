#include "cli/json_output.h"

#include "core/batch_journal.h"
#include "core/json.h"

namespace rd::cli {
namespace {

std::string dump(const Json& doc) {
    return doc.dump(-1, ' ', /*ensure_ascii=*/false, Json::error_handler_t::replace);
}

// `doc` (an object) with `"name": raw` appended, raw being JSON text used as is.
std::string with_raw_member(const Json& doc, const std::string& name, std::string_view raw) {
    std::string text = dump(doc);
    text.pop_back(); // the closing brace
    if (text.size() > 1) text += ',';
    text += dump(Json(name)) + ':';
    text.append(raw);
    text += '}';
    return text;
}

// Skips one JSON value starting at `at` (after white space) in valid JSON text; returns its end.
std::size_t skip_value(std::string_view text, std::size_t at) {
    int depth = 0;
    bool in_string = false;
    for (; at < text.size(); ++at) {
        const char c = text[at];
        if (in_string) {
            if (c == '\\') ++at;
            else if (c == '"') {
                in_string = false;
                if (depth == 0) return at + 1;
            }
            continue;
        }
        if (c == '"') in_string = true;
        else if (c == '{' || c == '[') ++depth;
        else if (c == '}' || c == ']') {
            if (--depth == 0) return at + 1;
            if (depth < 0) return at;
        } else if (depth == 0 && (c == ',' || c == ' ' || c == '\n' || c == '\r' || c == '\t')) return at;
    }
    return at;
}

std::size_t skip_space(std::string_view text, std::size_t at) {
    while (at < text.size() && (text[at] == ' ' || text[at] == '\n' || text[at] == '\r' || text[at] == '\t'))
        ++at;
    return at;
}

} // namespace

std::string users_json(const std::vector<SubordinateUser>& users) {
    Json list = Json::array();
    for (const SubordinateUser& u : users)
        list.push_back({{"partnerId", u.partner_id},
                        {"company", u.company},
                        {"email", u.email},
                        {"firstName", u.first_name},
                        {"lastName", u.last_name},
                        {"userType", u.user_type},
                        {"country", u.country},
                        {"city", u.city},
                        {"phoneNumber", u.phone_number}});
    return dump({{"users", list}});
}

std::string plans_json(const std::vector<Plan>& plans, std::optional<std::size_t> preferred) {
    Json list = Json::array();
    for (std::size_t i = 0; i < plans.size(); ++i) {
        const Plan& p = plans[i];
        list.push_back({{"planId", p.plan_id.to_string()},
                        {"name", p.name},
                        {"purchaseType", p.purchase_type},
                        {"billingCycle", p.billing_cycle},
                        {"price", p.price},
                        {"currency", p.currency},
                        {"preferred", preferred == i}});
    }
    return dump({{"plans", list}});
}

std::string contacts_json(const std::vector<BillingContact>& contacts) {
    Json list = Json::array();
    for (const BillingContact& c : contacts)
        list.push_back({{"billingContactId", c.billing_contact_id.to_string()},
                        {"firstName", c.first_name},
                        {"lastName", c.last_name},
                        {"company", c.company},
                        {"emailAddress", c.email_address},
                        {"country", c.country},
                        {"city", c.city}});
    return dump({{"contacts", list}});
}

std::string orders_json(const std::vector<OrderSummary>& orders) {
    Json list = Json::array();
    for (const OrderSummary& o : orders)
        list.push_back({{"id", o.id},
                        {"orderNo", o.order_no},
                        {"orderStatus", o.order_status},
                        {"currencyCode", o.currency_code},
                        {"createTime", o.create_time},
                        {"customReferenceNo", o.custom_reference_no}});
    return dump({{"orders", list}, {"total", orders.size()}});
}

std::string order_json(std::string_view result_text) {
    return with_raw_member(Json::object(), "order", result_text);
}

std::string renew_json(const RenewOutput& output) {
    const Json doc = {{"outcome", output.outcome},
                      {"orderNo", output.order_no},
                      {"orderId", output.order_id},
                      {"orderStatus", output.order_status},
                      {"requestId", output.request_id}};
    if (output.body.empty()) return with_raw_member(doc, "body", "null");
    return with_raw_member(doc, "body", output.body);
}

std::string batch_json(const std::vector<BatchRow>& rows, const std::string& result_csv) {
    Json list = Json::array();
    for (const BatchRow& row : rows)
        list.push_back({{"partnerId", row.target.partner_id},
                        {"company", row.target.company},
                        {"status", batch_row_status_name(row.status)},
                        {"orderNo", row.order_no},
                        {"orderStatus", row.order_status},
                        {"requestId", row.request_id}});
    return dump({{"rows", list}, {"resultCsv", result_csv}});
}

std::optional<std::string_view> raw_member(std::string_view text, std::string_view name) {
    std::size_t at = skip_space(text, 0);
    if (at >= text.size() || text[at] != '{') return std::nullopt;
    ++at;
    while (true) {
        at = skip_space(text, at);
        if (at >= text.size() || text[at] != '"') return std::nullopt;
        const std::size_t key_end = skip_value(text, at);
        // Member names of the envelope are plain ASCII: compare the text between the quotes.
        const std::string_view key = text.substr(at + 1, key_end - at - 2);
        at = skip_space(text, key_end);
        if (at >= text.size() || text[at] != ':') return std::nullopt;
        at = skip_space(text, at + 1);
        const std::size_t value_end = skip_value(text, at);
        if (key == name) return text.substr(at, value_end - at);
        at = skip_space(text, value_end);
        if (at >= text.size() || text[at] != ',') return std::nullopt;
        ++at;
    }
}

} // namespace rd::cli
