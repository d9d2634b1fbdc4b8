#include "core/partner_api.h"

#include "core/api_paths.h"
#include "core/decoders.h"

#include <utility>

namespace rd {
namespace {

// A decoder's failure carries the reply's requestId unless the decoder named one itself.
template <class T> Result<T> with_request_id(Result<T> decoded, const ApiReply& reply) {
    if (decoded || !decoded.error().request_id.empty()) return decoded;
    ApiError error = decoded.error();
    error.request_id = reply.request_id;
    return error;
}

} // namespace

void fetch_subordinate_users(ApiClient& client,
                             std::function<void(Result<SubordinateUsersReply>, SkippedEntries)> on_done) {
    client.get_response(
        paths::subordinate_users, [on_done = std::move(on_done)](Result<HttpResponse> response) {
            if (!response) return on_done(response.error(), {});
            SkippedEntries skipped;
            Result<SubordinateUsersReply> reply = decode_subordinate_users_reply(response.value(), &skipped);
            on_done(std::move(reply), std::move(skipped));
        });
}

void fetch_plans(ApiClient& client, std::function<void(Result<PlanCatalog>)> on_done) {
    client.get(paths::remote_management_plans, [on_done = std::move(on_done)](Result<ApiReply> reply) {
        if (!reply) return on_done(reply.error());
        on_done(with_request_id(decode_plan_catalog(reply.value().result), reply.value()));
    });
}

void fetch_billing_contacts(
    ApiClient& client, std::function<void(Result<std::vector<BillingContact>>, SkippedEntries)> on_done) {
    client.get(paths::billing_contacts, [on_done = std::move(on_done)](Result<ApiReply> reply) {
        if (!reply) return on_done(reply.error(), {});
        SkippedEntries skipped;
        auto contacts =
            with_request_id(decode_billing_contacts(reply.value().result, &skipped), reply.value());
        on_done(std::move(contacts), std::move(skipped));
    });
}

void fetch_order_page(ApiClient& client, std::int64_t page_no, int page_size,
                      std::function<void(Result<OrderPage>)> on_page) {
    client.get(paths::order_page(page_no, page_size), [on_page = std::move(on_page)](Result<ApiReply> reply) {
        if (!reply) return on_page(reply.error());
        on_page(with_request_id(decode_order_page(reply.value().result), reply.value()));
    });
}

void fetch_order_details(ApiClient& client, const std::string& id,
                         std::function<void(Result<OrderDetails>)> on_done) {
    client.get(paths::order_details(id), [on_done = std::move(on_done)](Result<ApiReply> reply) {
        if (!reply) return on_done(reply.error());
        on_done(decode_order_details(reply.value().result)); // tolerant: it never fails
    });
}

} // namespace rd
