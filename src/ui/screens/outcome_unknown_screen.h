// The screen after Confirm when the outcome is unknown (the order may or may not exist).
#pragma once

#include "ui/actions.h"

#include <cstdint>
#include <optional>

namespace rd::ui {

void draw_outcome_unknown_screen(const RenewalFlow& flow, Actions& actions);
// An ambiguous check's orders, which nobody can prove to be the attempt's or explain: what to do, and
// the number, time and status of each (also the batch's unknown row).
void draw_unproven_orders(const ReconcileResult& result);
// A check of the order list that failed: the error, and when it is tried again (if it is).
void draw_check_failed(const ReconcileResult& result, std::optional<std::int64_t> recheck_at_ms);

} // namespace rd::ui
