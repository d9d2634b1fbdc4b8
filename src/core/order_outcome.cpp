#include "core/order_outcome.h"

namespace rd {
namespace {

// HTTP statuses on which an error envelope means the Partner Portal looked at the order and said no.
bool is_refusal_status(int status) {
    switch (status) {
    case 400:
    case 401:
    case 403:
    case 404:
    case 405:
    case 422: return true;
    default: return false;
    }
}

// The API's codes are words ("invalid_param"); a gateway's JSON carries a number ({"code":504}).
bool is_api_code(const std::string& code) {
    return !code.empty() && code.find_first_not_of("0123456789") != std::string::npos;
}

} // namespace

OrderOutcome order_outcome(const Result<ApiReply>& reply) {
    if (reply) return OrderOutcome::placed;
    const ApiError& error = reply.error();
    if (error.kind == ErrorKind::input || !error.request_may_have_left) return OrderOutcome::not_sent;
    // Only the API's own envelope counts as a refusal: a proxy's or web server's 4xx page does not
    // prove the order never reached the Partner Portal.
    const bool envelope = error.kind == ErrorKind::api || error.kind == ErrorKind::auth;
    if (envelope && is_api_code(error.code) && is_refusal_status(error.http_status))
        return OrderOutcome::refused;
    return OrderOutcome::unknown;
}

const char* order_outcome_name(OrderOutcome outcome) {
    switch (outcome) {
    case OrderOutcome::placed: return "placed";
    case OrderOutcome::not_sent: return "not_sent";
    case OrderOutcome::refused: return "refused";
    case OrderOutcome::unknown: return "unknown";
    }
    return "unknown";
}

} // namespace rd
