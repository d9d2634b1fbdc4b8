// The App's actions by domain (flow, platform); the batch's are in batch_app.cpp, the Orders' in
// orders_screen.cpp. Each returns whether the action was its own.
#include "core/text.h"
#include "ui/app_impl.h"
#include "ui/notices.h"
#include "ui/screens/receipt_screen.h"

#include <imgui.h>
#include <imgui_internal.h> // ImGuiInputTextState: wiped after the secret was handed over

namespace rd::ui {

// The secret goes to the flow; every copy the UI held is overwritten: the field's string and
// ImGui's own editing buffers (the active field's text, its initial text and its undo store).
void App::Impl::hand_secret_to_flow() {
    std::string secret = sign_in.client_secret;
    wipe_string(sign_in.client_secret);
    ImGuiInputTextState& editing = ImGui::GetCurrentContext()->InputTextState;
    wipe_bytes(editing.TextA.Data, static_cast<std::size_t>(editing.TextA.Capacity));
    wipe_bytes(editing.InitialTextA.Data, static_cast<std::size_t>(editing.InitialTextA.Capacity));
    wipe_bytes(reinterpret_cast<char*>(editing.TextW.Data), editing.TextW.Capacity * sizeof(ImWchar));
    wipe_bytes(reinterpret_cast<char*>(&editing.Stb), sizeof editing.Stb);
    editing.CurLenA = editing.CurLenW = 0;
    ImGui::ClearActiveID();
    flow.sign_in(sign_in.base_url, sign_in.client_id, std::move(secret));
}

// The flow's actions: sign-in and out, the choices, review, confirm, the outcome's follow-ups.
bool App::Impl::apply_flow(const Action& action) {
    switch (action.kind) {
    case ActionKind::sign_in:
        if (environment.remember) environment.remember(sign_in.base_url, sign_in.client_id);
        notice.clear();
        hand_secret_to_flow();
        return true;
    case ActionKind::sign_out:
        flow.sign_out();
        close_orders_view(orders_view);
        choose = ChooseFields{};
        batch = BatchFields{};
        review = ReviewFields{};
        notice.clear();
        return true;
    case ActionKind::retry_lookup: flow.retry_lookup(action.lookup); return true;
    case ActionKind::choose_myself: flow.choose_myself(); return true;
    case ActionKind::choose_user: flow.choose_subordinate(action.text); return true;
    case ActionKind::choose_plan: flow.choose_plan(action.id); return true;
    case ActionKind::type_plan_id: flow.type_plan_id(action.text); return true;
    case ActionKind::choose_contact: flow.choose_billing_contact(action.id); return true;
    case ActionKind::type_billing_id: flow.type_billing_id(action.text); return true;
    case ActionKind::review:
        flow.review();
        if (flow.stage() == Stage::reviewing) flow.set_po_number(review.po_number);
        return true;
    case ActionKind::set_po_number: flow.set_po_number(action.text); return true;
    case ActionKind::back_to_choosing: flow.back_to_choosing(); return true;
    case ActionKind::confirm: flow.confirm(); return true;
    case ActionKind::reconcile: flow.reconcile(); return true;
    case ActionKind::forget_journal: flow.forget_pending_journal(); return true;
    case ActionKind::renew_another:
        flow.renew_another();
        if (flow.stage() != Stage::choosing) return true;
        choose.typed_plan_id.clear();
        choose.typed_billing_id.clear();
        review.po_number.clear();
        notice.clear();
        return true;
    default: return false;
    }
}

// What the platform does for the App: clipboard, files, the licences, closing.
bool App::Impl::apply_app_action(const Action& action) {
    switch (action.kind) {
    case ActionKind::keep_open: close_asked = false; return true;
    case ActionKind::close_anyway: close_confirmed = true; return true;
    case ActionKind::open_licences:
        if (environment.open_licences) environment.open_licences();
        return true;
    case ActionKind::choose_language:
        if (const auto language = language_from_tag(action.text)) {
            set_language(*language);
            if (environment.remember_language) environment.remember_language(*language);
        }
        return true;
    case ActionKind::choose_theme:
        if (const auto theme = theme_from_code(action.text)) {
            chosen_theme = *theme;
            show_theme();
            if (environment.remember_theme) environment.remember_theme(*theme);
        }
        return true;
    case ActionKind::next_ui_scale:
        ui_scale = next_ui_scale(ui_scale);
        if (environment.remember_ui_scale) environment.remember_ui_scale(ui_scale);
        return true;
    case ActionKind::copy_text:
        if (environment.copy_to_clipboard) {
            environment.copy_to_clipboard(action.text);
            notice = tr(Text::copied_to_clipboard);
        }
        return true;
    case ActionKind::save_receipt:
        if (environment.save_file) {
            std::string name =
                "renewdesk-receipt-" +
                (flow.receipt().order_no.empty() ? std::string("order") : flow.receipt().order_no) + ".json";
            notice = saved_file_notice(environment.save_file(name, receipt_json(flow)));
        }
        return true;
    default: return false;
    }
}

} // namespace rd::ui
