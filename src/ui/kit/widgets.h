// Small drawing helpers shared by the screens: named widget rectangles for the test hooks,
// error boxes, spinners, section headings, label/value rows.
#pragma once

#include "api_error.h"
#include "app.h"
#include "catalog.h"
#include "display_text.h"
#include "status_icon.h"

#include <map>
#include <string>
#include <vector>

namespace rd::ui {

// Records the last drawn item's rectangle under `label` (read by tests through App::widget_rects).
void track(const std::string& label);
std::map<std::string, WidgetRect>& tracked_rects();
// At the start of a frame: the last frame's rectangles become the ones `still` is counted against.
void begin_tracking_frame();
// The label of the tracked widget that has keyboard focus this frame (empty when none).
std::string& focused_label();

// A catalog text with its arguments (the entry is a printf format).
std::string format(Text text, ...);
// A labelled widget's ImGui label: the current language's text shown, the English text as its ID
// ("<Chinese words>###Sign in"), so IDs and the test hooks' names stay English in every language.
std::string label(Text text);

void heading(const char* text);
// A heading led by a money state's shape (status_icon.h), its words in the tone's colour: never colour alone.
void status_heading(const char* text, StatusIcon icon, Tone tone);
void error_box(const ApiError& error);
void hint(const char* text);
// "Loading" with dots that move; needs frames while shown.
void spinner_text(const char* text);
// A dimmed label, then the cursor at the value column, so labelled values line up from screen to screen.
void row_label(Text label);
// The value column's x: the widest row label of the current language plus a gap, at least 160 px.
float row_label_column();
// Every text row_label is used with (tests check each fits its column in both languages).
const std::vector<Text>& row_label_texts();
// A label and its value (wrapped; "-" when empty; drawn through api_text) on one line. Not a table: a table's
// stretch column has no width in its first frame, which would wrap the value into a very tall first layout.
void label_value_row(Text label, const std::string& value);
// A button that shows as disabled and never returns true when `enabled` is false; tracked by its
// English text. At least `min_width` wide, and wide enough for its text in every language.
bool button(Text text, bool enabled = true, float min_width = 0);
// Text the page's accessible mirror typed into the field tracked as `key` (its whole new text) replaces
// `text` (the old text wiped: it may be a secret). True when the text changed, as InputText's return.
// Call before the field is drawn.
bool mirror_text(const std::string& key, std::string& text);

// Wrapped text in a tone's colour (outcomes, warnings).
void toned_text(Tone tone, const std::string& text);
// Where a Confirm sends orders, shown first and in colour: a sandbox or the real Partner Portal
// (the review and the batch review screens). Tracked as "Sending to".
void destination_row(const std::string& base_url, bool is_sandbox);

} // namespace rd::ui
