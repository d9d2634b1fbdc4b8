// The review screen: where the order goes, who, plan, billing contact, an optional PO number, the
// exact JSON body, copy as curl, Confirm.
#pragma once

#include "core/deployment_facts.h"
#include "ui/actions.h"

#include <optional>

namespace rd::ui {

struct ReviewFields {
    std::string po_number;
    bool focus_back = false; // put the keyboard on Back (never on Confirm: a stray Enter must not order)
    std::string base_url;    // where Confirm sends the order (set by the app each frame)
    bool sending_to_sandbox = false; // ... and whether that is the known sandbox
    float action_bar_height = 0;     // Back / Copy as curl / Confirm, as tall as last drawn (0: not yet)
    // What the page learned about the server toward the browser (set by the app each frame; none on
    // the desktop): a server that keeps connections open gets a warning above Confirm.
    std::optional<DeploymentFacts> deployment;
};

void draw_review_screen(const RenewalFlow& flow, ReviewFields& fields, Actions& actions);

// Who the order renews: "Yourself (...)" or "Subordinate user <id> - <company>, <email>" (the
// review screen and the receipt).
std::string order_target_text(const RenewalFlow& flow);

} // namespace rd::ui
