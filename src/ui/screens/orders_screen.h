// The Orders screen and the order details it opens: shown over the renewal flow (which they never
// touch) until Back. OrdersView holds the screens' model and fields; the screens return actions that
// apply_orders_action applies, as App does for the flow's screens.
#pragma once

#include "core/json.h"
#include "core/orders_book.h"
#include "ui/actions.h"

namespace rd::ui {

enum class OrdersPage { none, orders, details };

struct OrdersView {
    explicit OrdersView(ApiClient& client) : book(client) {}
    OrdersBook book;
    OrdersPage page = OrdersPage::none;
    bool details_from_list = false; // Back from the details returns to the list, else to the flow
    OrdersFilter filter;
};

// The Orders list (the details: order_details_screen.h).
void draw_orders_screen(OrdersView& view, Actions& actions);
// The ActionKinds of the orders screens; false for any other kind.
bool apply_orders_action(OrdersView& view, const Action& action);
void close_orders_view(OrdersView& view); // sign-out: hidden and forgotten

// The test hooks' facts: list status, count, requests in flight, changed statuses, the details shown.
Json orders_state(const OrdersView& view);

} // namespace rd::ui
