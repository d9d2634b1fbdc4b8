// Small drawing helpers shared by the screens: named widget rectangles for the test hooks,
// error boxes, spinners, section headings, label/value rows.
#pragma once

#include "api_error.h"
#include "app.h"

#include <map>
#include <string>

namespace rd::ui {

// Records the last drawn item's rectangle under `label` (read by tests through App::widget_rects).
void track(const std::string& label);
std::map<std::string, WidgetRect>& tracked_rects();
// The label of the tracked widget that has keyboard focus this frame (empty when none).
std::string& focused_label();

void heading(const char* text);
void error_box(const ApiError& error);
void hint(const char* text);
// "Loading" with dots that move; needs frames while shown.
void spinner_text(const char* text);
// A dimmed label, then the cursor at the value column, so labelled values line up from screen to screen.
void row_label(const char* label);
// A label and its value (wrapped; "-" when empty) on one line. Not a table: a table's stretch column
// has no width in its first frame, which would wrap the value into a very tall first layout.
void label_value_row(const char* label, const std::string& value);
// A button that shows as disabled and never returns true when `enabled` is false.
bool button(const char* label, bool enabled = true, float width = 0);

} // namespace rd::ui
