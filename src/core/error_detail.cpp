#include "core/error_detail.h"

namespace rd {

const char* detail_kind_name(DetailKind kind) {
    switch (kind) {
    case DetailKind::none: return "none";
    case DetailKind::reply_empty: return "reply_empty";
    case DetailKind::reply_not_json: return "reply_not_json";
    case DetailKind::not_envelope: return "not_envelope";
    case DetailKind::success_with_http_error: return "success_with_http_error";
    case DetailKind::member_twice: return "member_twice";
    case DetailKind::nested_too_deeply: return "nested_too_deeply";
    case DetailKind::busy: return "busy";
    case DetailKind::unavailable: return "unavailable";
    case DetailKind::redirected: return "redirected";
    case DetailKind::token_reply_no_details: return "token_reply_no_details";
    case DetailKind::token_reply_missing_token: return "token_reply_missing_token";
    case DetailKind::token_expiry_not_seconds: return "token_expiry_not_seconds";
    case DetailKind::users_not_list: return "users_not_list";
    case DetailKind::contacts_not_list: return "contacts_not_list";
    case DetailKind::orders_not_list: return "orders_not_list";
    case DetailKind::order_not_object: return "order_not_object";
    case DetailKind::id_unreadable: return "id_unreadable";
    case DetailKind::plan_list_no_usable_id: return "plan_list_no_usable_id";
    case DetailKind::order_time_unreadable: return "order_time_unreadable";
    case DetailKind::order_list_too_long: return "order_list_too_long";
    case DetailKind::not_signed_in: return "not_signed_in";
    case DetailKind::enter_client_id: return "enter_client_id";
    case DetailKind::enter_client_secret: return "enter_client_secret";
    case DetailKind::typed_id_invalid: return "typed_id_invalid";
    case DetailKind::no_reply_in_time: return "no_reply_in_time";
    case DetailKind::journal_busy: return "journal_busy";
    case DetailKind::earlier_order_unresolved: return "earlier_order_unresolved";
    case DetailKind::late_check_unreadable: return "late_check_unreadable";
    case DetailKind::journal_unwritable: return "journal_unwritable";
    case DetailKind::batch_journal_unwritable: return "batch_journal_unwritable";
    case DetailKind::batch_late_check_unreadable: return "batch_late_check_unreadable";
    case DetailKind::batch_late_orders_unproven: return "batch_late_orders_unproven";
    case DetailKind::count: break;
    }
    return "unknown";
}

} // namespace rd
