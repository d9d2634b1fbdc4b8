// The sign-in screen: base URL, Client ID, Client Secret (masked, never stored), the banner of an
// order whose outcome an earlier session never learned, and the warning before credentials go to
// an unencrypted address off this computer.
#pragma once

#include "core/batch_run.h"
#include "ui/actions.h"

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
// Another copy's batch, as this copy follows it (BatchRun::busy_holder(), watched_rows(),
// finished_elsewhere()): copied each frame for the screens that say so.
struct BatchElsewhere {
    std::optional<JournalHolder> holder; // it holds the batch journal
    std::optional<BatchCounts> watched;  // its rows so far
    std::optional<BatchCounts> finished; // it let go: its last record's rows
    bool finished_in_full = false;       // every row of that record has its outcome
    static BatchElsewhere of(const BatchRun& batch);
};
// The same for the batch's journal, with its progress, and once it let go its outcome; nothing when none.
void draw_batch_holder(const BatchElsewhere& elsewhere);

} // namespace rd::ui
