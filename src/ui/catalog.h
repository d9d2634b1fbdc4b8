// The UI's words: one catalog per language (catalog_en.cpp, catalog_zh.cpp), each one array of every
// string in the order of `Text`. Screens never hold a sentence of their own: they call tr(Text).
// Strings with arguments are printf formats; both languages have the same specifiers in the same order.
// Every Chinese character the UI can show is in catalog_zh.cpp (a build step slices the CJK font by it).
#pragma once

#include <optional>
#include <string_view>

namespace rd::ui {

enum class Language { en, zh };

enum class Text : unsigned short {
    // Top bar, notice line, closing
    language_name, // in its own language: "English", and Chinese in Chinese
    app_tagline,
    sign_out,
    dismiss,
    close_title,
    close_outcome_not_known,
    close_finds_out_later,
    keep_open,
    close_anyway,
    copied_to_clipboard,
    saved_to_fmt,
    downloaded_fmt,
    could_not_save_fmt,
    settings_unreadable_fmt,
    settings_not_moved_fmt,
    settings_moved_not_rewritten_fmt,
    settings_replaced_fmt,
    // Sign-in
    yourself,
    pending_order_fmt,
    pending_order_sign_in_fmt,
    forget_pending_order,
    sign_in_heading,
    sign_in_hint,
    base_url,
    client_id,
    client_secret,
    sign_in,
    signing_in,
    plain_http_warning_fmt,
    sign_in_anyway,
    cancel,
    sandbox_hint,
    // Choosing
    loading,
    skipped_one,
    skipped_many_fmt,
    show_raw_text,
    users_heading,
    search_users_hint,
    retry_users,
    no_users,
    column_yeastar_id,
    column_company,
    column_email,
    column_name,
    renew_for_myself,
    your_own_account,
    no_user_matches_fmt,
    user_count_fmt,
    plans_heading,
    retry_plans,
    no_plans,
    unnamed_plan,
    plan_id_fmt,
    no_plan_named_remote_management,
    type_plan_id,
    plan_id_example,
    show_raw_plans,
    contacts_heading,
    retry_contacts,
    no_contacts,
    unnamed_contact,
    invoice_to_fmt,
    no_email,
    type_billing_id,
    billing_id_example,
    review_order,
    choose_target_first,
    choose_plan_first,
    choose_contact_first,
    // Reviewing
    yourself_own_account,
    subordinate_user_fmt,
    sending_to,
    sending_to_sandbox_fmt,
    sending_to_real_fmt,
    review_heading,
    review_hint,
    renew_for,
    plan,
    plan_named_fmt,
    plan_typed_fmt,
    price_as_listed,
    billing_contact,
    contact_named_fmt,
    contact_unnamed_fmt,
    contact_typed_fmt,
    term,
    term_one_year,
    po_number,
    po_number_example,
    po_number_explained,
    exact_body_fmt,
    back,
    copy_as_curl,
    confirm_order,
    placing_order,
    // Receipt and order statuses (money words)
    order_no,
    order_id,
    order_status,
    instance_id,
    transaction_no,
    product_no,
    request_id,
    status,
    created,
    heading_placed_and_paid,
    heading_payment_pending,
    heading_recorded_failed,
    heading_recorded_invalid,
    heading_recorded_cancelled,
    heading_recorded_refunded,
    heading_status_not_reported,
    heading_status_other_fmt,
    status_succeed,
    status_pending,
    status_failed,
    status_invalid,
    status_cancelled,
    status_refunded,
    status_not_reported,
    status_other_fmt,
    copy_receipt,
    download_receipt,
    renew_another,
    // Failed, outcome unknown, reconciliation
    failed_heading,
    failed_refused,
    failed_not_sent_fmt,
    failed_fix_hint,
    back_to_choices,
    unknown_heading,
    unknown_explained_fmt,
    start_new_renewal,
    once_order_list_answered,
    looking_for_order,
    found_order_placed,
    po_number_matches_fmt,
    several_orders_found,
    no_order_yet_fmt,
    no_order_safe_fmt,
    order_list_read_at_fmt,
    could_not_check_orders,
    check_again,
    // Errors (from ApiError's kind and fields)
    error_untrusted_certificate,
    error_timed_out,
    error_connection_lost,
    error_unreachable,
    error_http,
    error_api,
    error_auth,
    error_parse,
    error_input,
    next_sentence_fmt, // a sentence after another: " %s" in English, "%s" in Chinese
    error_server_says_fmt,
    error_detail_fmt,
    error_code_fmt,
    error_http_status_fmt,
    error_reply_began_fmt,
    error_request_id_fmt,
    error_busy_fmt,
    error_unavailable_fmt,
    retry_later,
    retry_now,
    retry_in_seconds_fmt,
    retry_in_minutes_fmt,
    retry_after_fmt,
    error_reply_empty,
    error_reply_not_json,
    error_reply_not_envelope,
    error_success_with_http_error,
    error_not_signed_in,
    error_enter_client_id,
    error_enter_client_secret,
    error_id_empty,
    error_id_digits_only,
    error_redirected,
    // Text the UI cannot draw yet (scripts that need shaping)
    // One per rd::ShapingScript, in its order, then the rest.
    script_arabic,
    script_hebrew,
    script_syriac,
    script_thaana,
    script_devanagari,
    script_bengali,
    script_gurmukhi,
    script_gujarati,
    script_oriya,
    script_tamil,
    script_telugu,
    script_kannada,
    script_malayalam,
    script_sinhala,
    script_thai,
    script_lao,
    script_tibetan,
    script_myanmar,
    script_khmer,
    script_other,
    shaping_notice,
    count
};

// The current language's text (a format where the name ends in _fmt).
const char* tr(Text text);
// A given language's text, e.g. each language's own name on the switch buttons.
const char* tr_in(Language language, Text text);
// The English text: the ImGui ID and the test hooks' name of a labelled widget.
const char* en(Text text);

Language current_language();
void set_language(Language language);
const char* language_code(Language language); // "en", "zh"

// A BCP 47 tag or a POSIX locale name: "zh", "zh-CN", "zh_CN.UTF-8", "zh-Hans-SG", and also
// "zh-TW", "zh-HK", "zh-Hant" (the UI is Simplified only, and a reader of Traditional Chinese reads
// it far better than English) -> zh; "en-US", "C", "POSIX" and every other language -> en; an empty
// tag -> nothing (ask the next source).
std::optional<Language> language_from_tag(std::string_view tag);
// The desktop's locale: the first set of LC_ALL, LC_MESSAGES, LANG (null or empty: unset), as POSIX
// says; nothing when none is set.
std::optional<Language> language_from_locale(const char* lc_all, const char* lc_messages, const char* lang);

} // namespace rd::ui
