// The review screen: who, plan, billing contact, the exact JSON body, copy as curl, Confirm.
#pragma once

#include "actions.h"

namespace rd::ui {

void draw_review_screen(const RenewalFlow& flow, Actions& actions);

} // namespace rd::ui
