// The batch's selection on the choosing screen: a checkbox on every row of the user table (and on
// "Renew for myself"), Select shown, Clear selection, the count, and Review batch once two or more
// are selected. The selection lives in ChooseFields (the UI), never in the flow.
#pragma once

#include "core/batch_run.h"
#include "ui/actions.h"
#include "ui/screens/choose_screen.h"

#include <vector>

namespace rd::ui {

// The selection checkbox of one row ("" = the partner itself), tracked as select:<partnerId> or
// select:myself.
void draw_select_checkbox(ChooseFields& fields, const std::string& partner_id);
// Select shown (every user row the current filter shows), Clear selection and the count.
void draw_selection_bar(ChooseFields& fields, const std::vector<SubordinateUser>& users,
                        const std::vector<std::size_t>& shown);
// Review batch beside Review order, with a line saying the plan and contact apply to all.
void draw_review_batch_button(const RenewalFlow& flow, const ChooseFields& fields, Actions& actions);
// The batch's targets: the partner itself first when selected, then the users in the list's order.
std::vector<BatchTarget> selected_targets(const RenewalFlow& flow, const ChooseFields& fields);

} // namespace rd::ui
