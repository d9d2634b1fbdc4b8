// ErrorDetail: what exactly went wrong, as a fact with typed arguments. The core never words it:
// the UI and the CLI do (src/ui/words/error_words.h), in the person's language. Text that came from
// outside (the API's detailMessage, a gateway's message, the transport's own words) is not a detail:
// ApiError carries it beside the detail, untouched.
#pragma once

#include <cstdint>
#include <string>

namespace rd {

// Why an id could not be read. The first five are the API's JSON; the last two are typed by a person.
enum class IdProblem : unsigned char {
    none,
    missing,     // the member is absent or null
    minus_zero,  // -0: no id, though it compares equal to 0
    negative,    // value: the JSON text
    not_decimal, // a string that is not 64-bit decimal digits; value: the JSON text
    not_exact,   // a fraction, an exponent or more than 64 bits
    wrong_type,  // value: the JSON text
    empty,       // typed: nothing but spaces
    not_digits,  // typed: not digits only, or past 64 bits
};

// Which typed id a person entered.
enum class TypedId : unsigned char { plan, billing_contact };

// Each kind names the fields it uses; the others stay empty.
enum class DetailKind : unsigned char {
    none, // nothing beyond ApiError's kind (and its api_text or transport_text, when there is one)
    // A reply that is not the API's JSON
    reply_empty,
    reply_not_json,
    not_envelope,
    success_with_http_error,
    member_twice,      // subject: the member named twice (at most 60 bytes)
    nested_too_deeply, // deeper than strict_json's limit
    // The server says "not now" (429 busy, 503 unavailable): number = seconds from Retry-After, or
    // -1; value = Retry-After when it is an HTTP date (at most 40 bytes); neither: "later"
    busy,
    unavailable,
    redirected, // subject: the Location (at most 200 bytes, may be empty); never followed
    // The token reply
    token_reply_no_details,
    token_reply_missing_token,
    token_expiry_not_seconds, // value: expiresIn as received
    // Lists that are neither a list nor an object
    users_not_list,
    contacts_not_list,
    orders_not_list,
    order_not_object,       // an entry of the order list
    id_unreadable,          // subject: the member ("planId"), id_problem, value
    plan_list_no_usable_id, // the first plan's id problem: subject, id_problem, value
    order_time_unreadable,  // subject: the order number; value: createTime as received ("" missing)
    order_list_too_long,    // number: how many orders were looked through at most
    // The person's input and the session
    not_signed_in,
    enter_client_id,
    enter_client_secret,
    typed_id_invalid, // typed_id, id_problem (empty or not_digits)
    no_reply_in_time, // the CLI stopped waiting for an answer
    // An order that was not sent (the flow)
    journal_busy,             // number: the pid of the copy of RenewDesk that holds the journal
    earlier_order_unresolved, // an earlier order for another account or host has an unknown outcome
    late_check_unreadable,    // the order list could not be read to check an earlier attempt
    journal_unwritable,       // the in-flight journal could not be written
    // A batch row that was not sent
    batch_journal_unwritable,
    batch_late_check_unreadable,
    batch_late_orders_unproven, // value: the order numbers, ", " between them
    count                       // not a kind: the number of kinds, for tests that walk them all
};

struct ErrorDetail {
    DetailKind kind = DetailKind::none;
    std::string subject;      // what it is about: a JSON member, an order number, a Location URL
    std::string value;        // the offending value as received, a Retry-After date, order numbers
    std::int64_t number = -1; // seconds, a pid, a count; -1 when none
    IdProblem id_problem = IdProblem::none;
    TypedId typed_id = TypedId::plan;

    bool operator==(const ErrorDetail&) const = default;
};

// The kind's name for logs and test hooks ("reply_not_json"); never shown as a sentence.
const char* detail_kind_name(DetailKind kind);

} // namespace rd
