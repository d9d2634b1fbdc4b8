// Action: what the person asked for this frame. Screens only draw and return actions; App applies
// them to the RenewalFlow and the platform, so screens stay free of I/O.
#pragma once

#include "core/ids.h"
#include "core/renewal_flow.h"

#include <string>
#include <vector>

namespace rd::ui {

enum class ActionKind {
    sign_in,
    sign_out,
    retry_lookup,
    choose_myself,
    choose_user,
    choose_plan,
    type_plan_id,
    choose_contact,
    type_billing_id,
    review,
    set_po_number,
    back_to_choosing,
    confirm,
    reconcile,
    forget_journal,
    renew_another,
    copy_text,
    save_receipt,
    close_anyway,
    keep_open,
    // Batch renewal (applied by App::Impl::apply_batch, batch_app.cpp)
    review_batch,
    confirm_batch,
    leave_batch, // back to the choosing screen (from the batch review or the batch done screen)
    continue_batch,
    stop_batch,
    check_batch_row,
    retry_failed,
    earlier_orders_checked, // the batch review's "I have checked these orders" (text: "1" ticked, "" not)
    export_csv,
    // Orders (applied by apply_orders_action, orders_screen.cpp)
    open_orders,
    leave_orders, // Back: from the details to the list, or to where the person was
    refresh_orders,
    refresh_order_status, // text: the order's id
    refresh_pending_orders,
    open_order_details, // text: the order's id (or its order number), verbatim
    open_licences,      // the header's About line: AppEnvironment::open_licences
    // The top bar's switches (applied by App::Impl::apply_app_action)
    choose_language, // text: the language's code ("en", "zh")
    choose_theme,    // text: "light" or "dark"
    next_ui_scale,   // the next step (after 200 % back to 100 %); the shell applies it from the next frame
};

struct Action {
    ActionKind kind;
    std::string text; // user id, typed plan or contact id, PO number, text to copy
    Id64 id{};        // plan or contact id
    LookupKind lookup = LookupKind::users;
};

using Actions = std::vector<Action>;

} // namespace rd::ui
