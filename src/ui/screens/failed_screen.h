// The screen after Confirm when the order was refused or never sent.
#pragma once

#include "ui/actions.h"

namespace rd::ui {

void draw_failed_screen(const RenewalFlow& flow, Actions& actions);

} // namespace rd::ui
