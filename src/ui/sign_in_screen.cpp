#include "sign_in_screen.h"

#include "display_text.h"
#include "widgets.h"

#include <imgui.h>
#include <misc/cpp/imgui_stdlib.h>

namespace rd::ui {

void draw_pending_order_banner(const JournalEntry& entry, bool offer_forget, Actions& actions) {
    const std::string who =
        entry.target.empty()
            ? std::string("yourself")
            : (entry.target_name.empty() ? entry.target : entry.target_name) + " (" + entry.target + ")";
    ImGui::PushStyleColor(ImGuiCol_Text, tone_colour(Tone::pending));
    ImGui::PushTextWrapPos(0.0f);
    ImGui::Text("An order sent at %s for %s has an unknown outcome.",
                local_time_text(entry.sent_at_ms).c_str(), who.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    track("Pending order");
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextDisabled(
        "Sign in to %s with Client ID %s: RenewDesk then reads the order list to find out whether "
        "it was placed, before anything else. No new order can be sent until then.",
        url_host(entry.base_url).c_str(), entry.client_id.c_str());
    ImGui::PopTextWrapPos();
    if (offer_forget && button("I checked it in the Partner Portal: forget it", true, 0))
        actions.push_back({.kind = ActionKind::forget_journal});
}

void draw_sign_in_screen(const RenewalFlow& flow, SignInFields& fields, const SignInContext& context,
                         Actions& actions) {
    const bool waiting = flow.stage() == Stage::signing_in;
    heading("Sign in to the Yeastar Partner Portal API");
    hint("Use the Client ID and Client Secret shown under System > API in the Partner Portal. "
         "The secret stays in this window's memory only: it is never saved.");
    if (flow.pending_journal()) {
        ImGui::Spacing();
        draw_pending_order_banner(*flow.pending_journal(), false, actions);
    }
    ImGui::Spacing();

    const float field_width = 420.0f;
    ImGui::BeginDisabled(waiting);
    ImGui::SetNextItemWidth(field_width);
    if (ImGui::InputText("Base URL", &fields.base_url)) fields.plain_http_warning = false;
    track("Base URL");
    // Keyboard focus starts where typing is needed: the Client ID, or the secret when the id is remembered.
    const bool focus_first_field = fields.focus;
    fields.focus = false;
    ImGui::SetNextItemWidth(field_width);
    if (focus_first_field && fields.client_id.empty()) ImGui::SetKeyboardFocusHere();
    ImGui::InputText("Client ID", &fields.client_id);
    track("Client ID");
    ImGui::SetNextItemWidth(field_width);
    if (focus_first_field && !fields.client_id.empty()) ImGui::SetKeyboardFocusHere();
    bool enter = ImGui::InputText("Client Secret", &fields.client_secret,
                                  ImGuiInputTextFlags_Password | ImGuiInputTextFlags_EnterReturnsTrue);
    track("Client Secret");
    ImGui::EndDisabled();

    ImGui::Spacing();
    const bool ready = !waiting && !fields.client_id.empty() && !fields.client_secret.empty();
    const bool needs_warning = context.warn_plain_http && is_plain_http_off_this_computer(fields.base_url);
    if (button("Sign in", ready, 120.0f) || (enter && ready)) {
        if (needs_warning) fields.plain_http_warning = true;
        else actions.push_back({.kind = ActionKind::sign_in});
    }
    if (waiting) {
        ImGui::SameLine();
        spinner_text("Signing in");
    }
    if (fields.plain_http_warning && needs_warning && !waiting) {
        ImGui::Spacing();
        ImGui::PushStyleColor(ImGuiCol_Text, tone_colour(Tone::bad));
        ImGui::PushTextWrapPos(0.0f);
        ImGui::Text(
            "%s is not encrypted (http://) and is not on this computer: the Client Secret and the access "
            "token would cross the network in clear text. Use https:// if you can.",
            url_host(fields.base_url).c_str());
        ImGui::PopTextWrapPos();
        ImGui::PopStyleColor();
        if (button("Sign in anyway", ready, 160.0f)) {
            fields.plain_http_warning = false;
            actions.push_back({.kind = ActionKind::sign_in});
        }
        ImGui::SameLine();
        if (button("Cancel", true, 100.0f)) fields.plain_http_warning = false;
    }
    if (flow.error()) {
        ImGui::Spacing();
        error_box(*flow.error());
    }
    // The hint follows the Base URL in the field: only the known sandbox places no real orders.
    if (!context.sandbox_base_url.empty() && fields.base_url == context.sandbox_base_url) {
        ImGui::Spacing();
        hint("This Base URL is the RenewDesk sandbox, a local stand-in for the Partner Portal: sign in with "
             "Client ID demo-client-id and Client Secret demo-client-secret. No real orders are placed.");
    }
}

} // namespace rd::ui
