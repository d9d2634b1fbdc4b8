// Order details (Get Order Details): the four documented sections as label/value rows, and every
// other member as received.
#pragma once

#include "core/orders_book.h"
#include "ui/actions.h"

namespace rd::ui {

void draw_order_details_screen(const OrdersBook& book, Actions& actions);

} // namespace rd::ui
