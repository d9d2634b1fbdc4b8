// The outcome rules of the order POST, written once. What the person is told, whether the journal
// is cleared and whether reconciliation runs all follow from this one function.
//
//   placed     the API answered its success envelope with a 2xx status
//   not_sent   the request provably never left: refused connection, unresolved name, TLS failure
//              before sending, no token could be obtained, a value the app itself refused
//   refused    the Partner Portal itself refused the order: its error envelope on HTTP
//              400, 401, 403, 404, 405 or 422
//   unknown    everything else once the request may have left: any 5xx (JSON or not), 408, 429,
//              a 2xx whose envelope is an error, a body that is not the envelope, a truncated body,
//              a timeout, a dropped connection
#pragma once

#include "core/envelope.h"

namespace rd {

enum class OrderOutcome { placed, not_sent, refused, unknown };

// `reply` is what ApiClient::post_json reported for the order (decode_envelope of the response,
// or the error that stopped the POST before it left).
OrderOutcome order_outcome(const Result<ApiReply>& reply);

const char* order_outcome_name(OrderOutcome outcome);

} // namespace rd
