// The API objects RenewDesk uses, one struct per documented object (partner-openapi.md §4-§10).
// Members the docs type as String stay strings; ids that go back into an order are Id64.
#pragma once

#include "core/ids.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace rd {

// Token_Details (§4.1). expiresIn arrives as a string of seconds.
struct TokenGrant {
    std::string token;
    std::string token_head; // prefix for the Authorization header, e.g. "Bearer "
    std::string refresh_token;
    std::int64_t expires_in_s = 0;
};

// User_Info (§5). partnerId is opaque: it may be digits or an email address.
struct SubordinateUser {
    std::string partner_id;
    std::string company;
    std::string email;
    std::string first_name;
    std::string last_name;
    std::string user_type;
    std::string country;
    std::string city;
    std::string phone_number;
};

// A plan entry found in purchase_product_info (§7): any object with a `planId` member.
struct Plan {
    Id64 plan_id;
    std::string name;          // from the likeliest name member; may be empty
    std::string purchase_type; // e.g. "renew", "purchase", "trial", when present
    std::string billing_cycle;
    std::string price; // as sent (string or number text)
    std::string currency;
};

struct PlanCatalog {
    std::vector<Plan> plans;
    std::string raw_json; // the whole `result`, pretty-printed, for the person to inspect
};

// Contact_Info (§8). billingContactId is a string in the list and a Long in the order.
struct BillingContact {
    Id64 billing_contact_id;
    std::string first_name;
    std::string last_name;
    std::string company;
    std::string email_address; // the invoice goes here
    std::string country;
    std::string city;
};

// The renewal order of the tutorial (§9): everything but these three values is fixed.
struct RenewalOrder {
    std::optional<std::string> partner_id; // absent when renewing for the partner itself
    Id64 billing_id;
    Id64 plan_id;
    std::string po_number; // sent as poNumber only when not empty
};

// The result of Create an Order, as in the tutorial's sample response: six strings.
struct OrderReceipt {
    std::string instance_id;
    std::string order_id;
    std::string order_no;
    std::string order_status;
    std::string product_no;
    std::string transaction_no;
    std::string request_id; // the envelope's requestId
    std::string raw_json;   // the whole `result`, for copy / download
};

// Order_Info (§10).
struct OrderSummary {
    std::string id;
    std::string order_no;
    std::string order_status;
    std::string currency_code;
    std::int64_t create_time = 0; // epoch; unit not documented (ms in the sandbox)
    std::string custom_reference_no;
    // Set when createTime was missing or unreadable (a date text, a fraction, out of range): the raw
    // member as JSON ("" when absent). Such an order cannot be placed in time.
    std::optional<std::string> create_time_unreadable;
};

struct OrderPage {
    std::vector<OrderSummary> orders;
    std::int64_t total = 0;
    std::int64_t page_no = 0;
    std::int64_t total_page = 0;
};

// createTime in milliseconds whether the API sent seconds or milliseconds.
std::int64_t create_time_ms(std::int64_t create_time);

// "First Last", or the one part that is there ("" when both are empty): never a stray space.
std::string display_name(const SubordinateUser& user);
std::string display_name(const BillingContact& contact);

// The one table every front end follows for an order that exists (a receipt, an order found after an
// unknown outcome, an Orders row, a batch row, the CLI's exit code):
//   succeed -> in_effect; pending -> awaiting_payment (placed, not paid yet);
//   failed, invalid, cancelled, refunded -> not_renewed (an order exists but nothing was renewed);
//   anything else (or none) -> other (placed, with a status RenewDesk does not know: check it).
enum class OrderState { in_effect, awaiting_payment, not_renewed, other };
OrderState order_state(const std::string& status);

} // namespace rd
