// The review screen: who, plan, billing contact, the exact JSON body, copy as curl, Confirm.
#pragma once

#include "actions.h"

namespace rd::ui {

// `focus_back`: put the keyboard on Back (never on Confirm: a stray Enter must not place an order).
void draw_review_screen(const RenewalFlow& flow, bool focus_back, Actions& actions);

} // namespace rd::ui
