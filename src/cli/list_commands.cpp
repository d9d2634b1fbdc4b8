// The listing commands: users, plans, contacts, orders, order.
#include "core/api_paths.h"

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/json_output.h"
#include "cli/listing.h"
#include "cli/table.h"
#include "cli/terminal.h"
#include "core/case_fold.h"
#include "core/decoders.h"
#include "core/json_scan.h"
#include "core/order_details.h"
#include "core/order_reconciler.h"
#include "core/orders_book.h"
#include "core/renewal_flow.h"
#include "core/strict_json.h"
#include "ui/words/order_status_words.h"

#include <algorithm>
#include <cstdio>
#include <ctime>

namespace rd::cli {
namespace {

int listing_refused(const std::string& what, const ApiError& error) {
    report("could not read " + what, error);
    return exit_failed;
}

} // namespace

int run_users(Session& session) {
    if (const int code = session.sign_in()) return code;
    Progress progress;
    progress.show("reading the subordinate users...");
    auto users = session.fetch_users();
    progress.clear();
    if (!users) return listing_refused("the subordinate users", users.error());
    const auto found = search_users(users.value(), session.options().search);
    if (session.options().json) {
        print(users_json(found) + "\n");
        return exit_ok;
    }
    Table table{
        .columns = {
            {"PARTNER ID"}, {"COMPANY", true}, {"NAME", true}, {"EMAIL", true}, {"TYPE"}, {"COUNTRY", true}}};
    for (const SubordinateUser& u : found)
        table.rows.push_back({u.partner_id, u.company, display_name(u), u.email, u.user_type, u.country});
    print(render_table(table, output_width()));
    std::fprintf(stderr, "%zu of %zu subordinate users\n", found.size(), users.value().size());
    return exit_ok;
}

int run_plans(Session& session) {
    if (const int code = session.sign_in()) return code;
    auto catalog = session.fetch_plans();
    if (!catalog) return listing_refused("the plans", catalog.error());
    const auto& plans = catalog.value().plans;
    const auto preferred = preferred_plan_index(plans);
    if (session.options().json) {
        print(plans_json(plans, preferred) + "\n");
        return exit_ok;
    }
    Table table{
        .columns = {{" "}, {"PLAN ID"}, {"NAME", true}, {"TYPE"}, {"CYCLE"}, {"PRICE"}, {"CURRENCY"}}};
    for (std::size_t i = 0; i < plans.size(); ++i) {
        const Plan& p = plans[i];
        table.rows.push_back({preferred == i ? "*" : "", p.plan_id.to_string(), p.name, p.purchase_type,
                              p.billing_cycle, p.price, p.currency});
    }
    print(render_table(table, output_width()));
    if (preferred) std::fprintf(stderr, "* the plan renew uses unless --plan says otherwise\n");
    return exit_ok;
}

int run_contacts(Session& session) {
    if (const int code = session.sign_in()) return code;
    auto contacts = session.fetch_contacts();
    if (!contacts) return listing_refused("the billing contacts", contacts.error());
    if (session.options().json) {
        print(contacts_json(contacts.value()) + "\n");
        return exit_ok;
    }
    Table table{
        .columns = {{"BILLING ID"}, {"NAME", true}, {"COMPANY", true}, {"EMAIL", true}, {"COUNTRY", true}}};
    for (const BillingContact& c : contacts.value())
        table.rows.push_back(
            {c.billing_contact_id.to_string(), display_name(c), c.company, c.email_address, c.country});
    print(render_table(table, output_width()));
    return exit_ok;
}

int run_orders(Session& session) {
    if (const int code = session.sign_in()) return code;
    std::vector<OrderSummary> orders;
    Progress progress;
    if (const auto page = session.options().page) {
        progress.show("reading page " + std::to_string(*page) + " of the order list...");
        auto read = session.fetch_order_page(*page);
        progress.clear();
        if (!read) return listing_refused("the order list", read.error());
        orders = std::move(read.value().orders);
    } else {
        OrdersBook book(session.client());
        book.refresh();
        int shown_pages = -1;
        const bool answered = session.run_until(
            [&] { return book.status() == BookStatus::loaded || book.status() == BookStatus::error; },
            OrdersBook::max_pages * request_ceiling_ms,
            [&] {
                if (book.pages_read() != shown_pages) {
                    shown_pages = book.pages_read();
                    progress.show("reading the order list: " + std::to_string(shown_pages) + " pages read");
                }
            });
        progress.clear();
        if (!answered) return listing_refused("the order list", no_reply_in_time());
        if (book.status() == BookStatus::error)
            return listing_refused("the order list", book.error().value_or(ApiError{}));
        for (const BookOrder& order : book.orders())
            orders.push_back(order.summary);
        if (book.truncated())
            std::fprintf(stderr, "renewdesk-cli: only the newest %d orders are listed\n",
                         OrdersBook::max_pages * OrdersBook::page_size);
    }
    orders = newest_first(std::move(orders), session.options().status);
    if (session.options().json) {
        print(orders_json(orders) + "\n");
        return exit_ok;
    }
    Table table{
        .columns = {{"ID"}, {"ORDER NO"}, {"STATUS"}, {"CURRENCY"}, {"CREATED"}, {"REFERENCE", true}}};
    for (const OrderSummary& o : orders)
        table.rows.push_back({o.id, o.order_no, o.order_status, o.currency_code,
                              format_create_time(o.create_time), o.custom_reference_no});
    print(render_table(table, output_width()));
    std::fprintf(stderr, "%zu orders\n", orders.size());
    return exit_ok;
}

int run_order(Session& session) {
    if (const int code = session.sign_in()) return code;
    const std::string& id = session.options().order_id;
    auto response = session.get_response(paths::order_details(id));
    if (!response) return listing_refused("order " + id, response.error());
    auto reply = decode_envelope(response.value());
    if (!reply) return listing_refused("order " + id, reply.error());
    if (session.options().json) {
        // The result as received (made valid UTF-8 as the decoder read it), not re-encoded.
        std::string repaired;
        const std::string_view text = utf8_text(response.value().body, repaired);
        const auto raw = raw_member(text, "result");
        print(order_json(raw ? *raw : std::string_view("null")) + "\n");
        return exit_ok;
    }
    const OrderDetails details = decode_order_details(reply.value().result);
    std::string out;
    for (const DetailSectionRows& section : details.sections) {
        if (!section.present) continue;
        out += std::string(detail_section_member(section.section)) + "\n";
        Table table{.columns = {{"  "}, {""}, {"", true}}};
        for (const DetailRow& row : section.rows)
            table.rows.push_back({"", row.label, row.value});
        std::string rendered = render_table(table, output_width());
        out += rendered.substr(rendered.find('\n') + 1); // no title line
    }
    if (!details.unknown_raw.empty()) out += "other members\n  " + details.unknown_raw + "\n";
    if (!details.order_status.empty())
        out += "status: " + ui::order_status_words(details.order_status, ui::Language::en) + "\n";
    out += "requestId: " + reply.value().request_id + "\n";
    print(out);
    return exit_ok;
}

} // namespace rd::cli
