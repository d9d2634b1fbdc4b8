// The screen after Confirm when the order was placed: the receipt.
#pragma once

#include "ui/actions.h"

#include <string>

namespace rd::ui {

void draw_receipt_screen(const RenewalFlow& flow, Actions& actions);
// The receipt as the text that "Copy receipt" puts on the clipboard.
std::string receipt_text(const OrderReceipt& receipt);
// The receipt as the JSON document that "Download receipt" saves.
std::string receipt_json(const RenewalFlow& flow);

} // namespace rd::ui
