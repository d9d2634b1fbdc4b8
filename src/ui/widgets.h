// Small drawing helpers shared by the screens: named widget rectangles for the test hooks,
// error boxes, spinners, section headings.
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
// A button that shows as disabled and never returns true when `enabled` is false.
bool button(const char* label, bool enabled = true, float width = 0);

} // namespace rd::ui
