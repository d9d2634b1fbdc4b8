// Money states never by colour alone: each has words (the headings and status texts) and a shape,
// drawn as vectors so no font needs the glyph: a tick (placed and paid), a clock (pending), a cross
// (failed, refused), a question mark in a ring (outcome unknown: the next step is said beside it).
#pragma once

#include "ui/display_text.h"

#include <string>

namespace rd::ui {

enum class StatusIcon { placed, pending, failed, unknown, neutral };

// The shape for an order status as the API words it ("succeed", "pending", "failed", ...).
StatusIcon icon_for_order_status(const std::string& order_status);

// Draws the shape at the cursor as an item `size` square, in the tone's colour; the caller goes on
// with SameLine() for the words.
void status_icon(StatusIcon icon, Tone tone, float size);

} // namespace rd::ui
