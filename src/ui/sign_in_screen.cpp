#include "sign_in_screen.h"

#include "widgets.h"

#include <imgui.h>
#include <misc/cpp/imgui_stdlib.h>

namespace rd::ui {

void draw_sign_in_screen(const RenewalFlow& flow, SignInFields& fields, bool sandbox_hint, Actions& actions) {
    const bool waiting = flow.stage() == Stage::signing_in;
    heading("Sign in to the Yeastar Partner Portal API");
    hint("Use the Client ID and Client Secret shown under System > API in the Partner Portal. "
         "The secret stays in this window's memory only: it is never saved.");
    ImGui::Spacing();

    const float field_width = 420.0f;
    ImGui::BeginDisabled(waiting);
    ImGui::SetNextItemWidth(field_width);
    ImGui::InputText("Base URL", &fields.base_url);
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
    bool ready = !waiting && !fields.client_id.empty() && !fields.client_secret.empty();
    if (button("Sign in", ready, 120.0f) || (enter && ready)) {
        actions.push_back({.kind = ActionKind::sign_in});
    }
    if (waiting) {
        ImGui::SameLine();
        spinner_text("Signing in");
    }
    if (flow.error()) {
        ImGui::Spacing();
        error_box(*flow.error());
    }
    if (sandbox_hint) {
        ImGui::Spacing();
        hint("This page is served by the RenewDesk sandbox, a local stand-in for the Partner Portal: "
             "sign in with Client ID demo-client-id and Client Secret demo-client-secret. No real orders are placed.");
    }
}

} // namespace rd::ui
