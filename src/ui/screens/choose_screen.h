// The choosing screen: who (myself or a subordinate user), which plan, which billing contact.
// Each list shows its own loading, empty and error state, with a retry of its own.
#pragma once

#include "ui/actions.h"
#include "ui/screens/sign_in_screen.h"
#include "ui/user_filter.h"

#include <optional>
#include <set>
#include <string>

namespace rd::ui {

struct ChooseFields {
    std::string search;
    std::string typed_plan_id;
    std::string typed_billing_id;
    bool show_raw_plans = false;
    bool focus_search = false;     // put the keyboard in the search box next frame
    bool scroll_to_choice = false; // the choice moved by keyboard: scroll the table to it
    UserColumn sort_column = UserColumn::company;
    bool sort_descending = false;
    UserFilter filter;
    std::set<std::string> selected; // the batch: partner ids ("" = the partner itself)
    float action_bar_height = 0;    // the bar under the choices, as tall as last drawn (0: not yet)
    BatchElsewhere batch_elsewhere; // another copy's batch: its hold, progress, outcome (each frame)
};

void draw_choose_screen(const RenewalFlow& flow, ChooseFields& fields, Actions& actions);

} // namespace rd::ui
