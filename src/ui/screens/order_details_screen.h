// Order details (Get Order Details): the four documented sections as label/value rows, and every
// other member as received.
#pragma once

#include "actions.h"
#include "orders_book.h"

namespace rd::ui {

void draw_order_details_screen(const OrdersBook& book, Actions& actions);

} // namespace rd::ui
