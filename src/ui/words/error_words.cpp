#include "ui/words/error_words.h"

#include <string>

namespace rd::ui {
namespace {

Text kind_sentence(const ApiError& error) {
    switch (error.kind) {
    case ErrorKind::network:
        if (error.untrusted_certificate) return Text::error_untrusted_certificate;
        if (error.timed_out) return Text::error_timed_out;
        return error.request_may_have_left ? Text::error_connection_lost : Text::error_unreachable;
    case ErrorKind::http: return Text::error_http;
    case ErrorKind::api: return Text::error_api;
    case ErrorKind::auth: return Text::error_auth;
    case ErrorKind::parse: return Text::error_parse;
    case ErrorKind::input: return Text::error_input;
    }
    return Text::error_parse;
}

// "in 30 seconds", "in 3 minutes", "after <date>", "later", "now": from Retry-After.
std::string retry_time(const ErrorDetail& busy, Language language) {
    if (!busy.value.empty()) return format_in(language, Text::retry_after_fmt, busy.value.c_str());
    if (busy.number < 0) return tr_in(language, Text::retry_later);
    if (busy.number == 0) return tr_in(language, Text::retry_now);
    if (busy.number == 1) return tr_in(language, Text::retry_in_one_second);
    if (busy.number < 120)
        return format_in(language, Text::retry_in_seconds_fmt, std::to_string(busy.number).c_str());
    return format_in(language, Text::retry_in_minutes_fmt, std::to_string((busy.number + 59) / 60).c_str());
}

// An id from the API that could not be read: "planId is negative: -1".
std::string id_words(const ErrorDetail& detail, Language language) {
    const char* field = detail.subject.c_str();
    const char* value = detail.value.c_str();
    switch (detail.id_problem) {
    case IdProblem::minus_zero: return format_in(language, Text::error_id_minus_zero_fmt, field);
    case IdProblem::negative: return format_in(language, Text::error_id_negative_fmt, field, value);
    case IdProblem::not_decimal: return format_in(language, Text::error_id_not_decimal_fmt, field, value);
    case IdProblem::not_exact: return format_in(language, Text::error_id_not_exact_fmt, field);
    case IdProblem::wrong_type: return format_in(language, Text::error_id_wrong_type_fmt, field, value);
    case IdProblem::none:
    case IdProblem::missing:
    case IdProblem::empty:
    case IdProblem::not_digits: break;
    }
    return format_in(language, Text::error_id_missing_fmt, field);
}

Text typed_id_sentence(const ErrorDetail& detail) {
    const bool empty = detail.id_problem == IdProblem::empty;
    if (detail.typed_id == TypedId::billing_contact)
        return empty ? Text::error_billing_id_empty : Text::error_billing_id_not_digits;
    return empty ? Text::error_plan_id_empty : Text::error_plan_id_not_digits;
}

// The details that are one catalog sentence without arguments.
Text plain_sentence(DetailKind kind) {
    switch (kind) {
    case DetailKind::reply_empty: return Text::error_reply_empty;
    case DetailKind::reply_not_json: return Text::error_reply_not_json;
    case DetailKind::not_envelope: return Text::error_reply_not_envelope;
    case DetailKind::success_with_http_error: return Text::error_success_with_http_error;
    case DetailKind::nested_too_deeply: return Text::error_nested_too_deeply;
    case DetailKind::token_reply_no_details: return Text::error_token_no_details;
    case DetailKind::token_reply_missing_token: return Text::error_token_no_token;
    case DetailKind::users_not_list: return Text::error_users_not_list;
    case DetailKind::contacts_not_list: return Text::error_contacts_not_list;
    case DetailKind::orders_not_list: return Text::error_orders_not_list;
    case DetailKind::order_not_object: return Text::error_order_not_object;
    case DetailKind::not_signed_in: return Text::error_not_signed_in;
    case DetailKind::enter_client_id: return Text::error_enter_client_id;
    case DetailKind::enter_client_secret: return Text::error_enter_client_secret;
    case DetailKind::no_reply_in_time: return Text::error_no_reply_in_time;
    case DetailKind::earlier_order_unresolved: return Text::error_earlier_order_unresolved;
    case DetailKind::late_check_unreadable: return Text::error_late_check_unreadable;
    case DetailKind::journal_unwritable: return Text::error_journal_unwritable;
    case DetailKind::batch_journal_unwritable: return Text::error_batch_journal_unwritable;
    case DetailKind::batch_late_check_unreadable: return Text::error_batch_late_check_unreadable;
    default: return Text::count;
    }
}

// Sentences joined the language's way (a space in English, nothing in Chinese).
void append_sentence(std::string& text, const std::string& sentence, Language language) {
    if (sentence.empty()) return;
    text += text.empty() ? sentence : format_in(language, Text::next_sentence_fmt, sentence.c_str());
}

} // namespace

std::string detail_words(const ErrorDetail& detail, Language language) {
    if (const Text plain = plain_sentence(detail.kind); plain != Text::count) return tr_in(language, plain);
    const char* subject = detail.subject.c_str();
    const char* value = detail.value.c_str();
    switch (detail.kind) {
    case DetailKind::member_twice: return format_in(language, Text::error_member_twice_fmt, subject);
    case DetailKind::busy:
        return format_in(language, Text::error_busy_fmt, retry_time(detail, language).c_str());
    case DetailKind::unavailable:
        return format_in(language, Text::error_unavailable_fmt, retry_time(detail, language).c_str());
    case DetailKind::redirected:
        return detail.subject.empty() ? tr_in(language, Text::error_redirected)
                                      : format_in(language, Text::error_redirected_to_fmt, subject);
    case DetailKind::token_expiry_not_seconds:
        return format_in(language, Text::error_token_expiry_fmt, value);
    case DetailKind::id_unreadable: return id_words(detail, language);
    case DetailKind::plan_list_no_usable_id:
        return format_in(language, Text::error_no_usable_plan_id_fmt, id_words(detail, language).c_str());
    case DetailKind::order_time_unreadable:
        return detail.value.empty() ? format_in(language, Text::error_order_time_missing_fmt, subject)
                                    : format_in(language, Text::error_order_time_fmt, subject, value);
    case DetailKind::order_list_too_long:
        return format_in(language, Text::error_order_list_too_long_fmt,
                         std::to_string(detail.number).c_str());
    case DetailKind::typed_id_invalid: return tr_in(language, typed_id_sentence(detail));
    case DetailKind::journal_busy:
        return format_in(language, Text::error_journal_busy_fmt, std::to_string(detail.number).c_str());
    case DetailKind::batch_late_orders_unproven:
        return format_in(language, Text::error_batch_late_unproven_fmt, value);
    default: return {};
    }
}

std::string error_detail_words(const ApiError& error, Language language) {
    std::string text = detail_words(error.detail, language);
    if (!error.api_text.empty())
        append_sentence(text, format_in(language, Text::error_server_says_fmt, error.api_text.c_str()),
                        language);
    if (!error.transport_text.empty())
        append_sentence(text, format_in(language, Text::error_detail_fmt, error.transport_text.c_str()),
                        language);
    return text;
}

std::string error_words(const ApiError& error, Language language) {
    std::string text = tr_in(language, kind_sentence(error));
    append_sentence(text, error_detail_words(error, language), language);
    if (!error.code.empty()) text += format_in(language, Text::error_code_fmt, error.code.c_str());
    if (error.http_status != 0) text += format_in(language, Text::error_http_status_fmt, error.http_status);
    if (!error.excerpt.empty())
        text += format_in(language, Text::error_reply_began_fmt, error.excerpt.c_str());
    if (!error.request_id.empty())
        text += format_in(language, Text::error_request_id_fmt, error.request_id.c_str());
    return text;
}

const char* missing_choice_words(MissingChoice missing, Language language) {
    switch (missing) {
    case MissingChoice::target: return tr_in(language, Text::choose_target_first);
    case MissingChoice::plan: return tr_in(language, Text::choose_plan_first);
    case MissingChoice::contact: return tr_in(language, Text::choose_contact_first);
    }
    return tr_in(language, Text::choose_target_first);
}

} // namespace rd::ui
