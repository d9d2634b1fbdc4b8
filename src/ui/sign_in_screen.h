// The sign-in screen: base URL, Client ID, Client Secret (masked, never stored), the banner of an
// order whose outcome an earlier session never learned, and the warning before credentials go to
// an unencrypted address off this computer.
#pragma once

#include "actions.h"

namespace rd::ui {

struct SignInFields {
    std::string base_url;
    std::string client_id;
    std::string client_secret;       // wiped as soon as it has been handed to the flow
    bool focus = true;               // put the keyboard in the first field to fill, next frame
    bool plain_http_warning = false; // "Sign in" was pressed for an http:// URL off this computer
};

struct SignInContext {
    std::string sandbox_base_url; // the known sandbox; the "no real orders" hint follows the field
    bool warn_plain_http = false;
};

void draw_sign_in_screen(const RenewalFlow& flow, SignInFields& fields, const SignInContext& context,
                         Actions& actions);

// The banner of an order of an earlier session whose outcome is unknown (also on the choose screen).
void draw_pending_order_banner(const JournalEntry& entry, bool offer_forget, Actions& actions);
// "An order is being sent by another RenewDesk (pid N, started ...)" (on the web: "in another tab"):
// while flow.busy_holder().
void draw_journal_holder(const RenewalFlow& flow);
// The same for the batch's journal (BatchRun::busy_holder()); nothing when none.
void draw_batch_holder(const std::optional<JournalHolder>& holder);

} // namespace rd::ui
