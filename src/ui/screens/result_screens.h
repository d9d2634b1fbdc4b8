// The screens after Confirm: receipt (done), failed, and outcome unknown.
#pragma once

#include "ui/actions.h"

namespace rd::ui {

void draw_receipt_screen(const RenewalFlow& flow, Actions& actions);
void draw_failed_screen(const RenewalFlow& flow, Actions& actions);
void draw_outcome_unknown_screen(const RenewalFlow& flow, Actions& actions);
// An ambiguous check's orders, which nobody can prove to be the attempt's or explain: what to do, and
// the number, time and status of each (also the batch's unknown row).
void draw_unproven_orders(const ReconcileResult& result);

// The receipt as the text that "Copy receipt" puts on the clipboard.
std::string receipt_text(const OrderReceipt& receipt);
// The receipt as the JSON document that "Download receipt" saves.
std::string receipt_json(const RenewalFlow& flow);

} // namespace rd::ui
