// The table of a batch's rows and their outcomes so far, shared by the batch running and done screens.
#pragma once

#include "core/batch_run.h"

namespace rd::ui {

// Every row: #, target, outcome (in its colour; the reason on hover), order number, request id;
// `lines` high.
void draw_batch_rows(const BatchRun& run, float lines);

} // namespace rd::ui
