// The content column and the spacing grid.
//
// Text reads best at a limited line length, so on a wide display the main window is a centred column
// whose content is at most content_max_width wide; on a narrow one (a phone) it spans the display and
// its content the whole width less the padding. The window itself is the column (not a padded full
// width window) because screens place values at offsets from the window's left edge (SameLine(x)).
// Outside it the display is cleared in the window's own background colour, so no edge shows.
//
// Spacing: every padding and spacing of the style is a multiple of 4 px, so screens line up on one grid.
#pragma once

#include "ui/words/catalog.h"

struct ImGuiStyle;

namespace rd::ui {

inline constexpr float content_max_width = 760.0f;
// The screens that are mostly a table (the order list, an order's details, a batch's rows) take more
// of a wide display: an order number and a creation time fit whole at 1280 px.
inline constexpr float table_content_max_width = 1240.0f;

// How far the main window stands in from each side of a display `display_width` wide whose window
// padding is `padding`, for content at most `max_width` wide: 0 on a narrow display.
float column_margin(float display_width, float padding, float max_width = content_max_width);
// The width of the column's content on that display.
float column_width(float display_width, float padding);
// `fixed`, or less when the space left on the current line, less `beside` (a label to its right), is
// narrower: a field keeps its designed width on a wide display and still fits on a phone.
float fit_width(float fixed, float beside = 0);
// The width of an item's label to its right (text plus ImGui's inner spacing); 0 for none.
float label_beside(const char* label);
// The next item on the current line when `width` still fits there, else on a new line: buttons after a
// wrapped hint or beside other buttons stay whole on a phone instead of running off the column.
void same_line_if_fits(float width);
// The width widgets.h's button() gives `text` (at least `min_width`), for same_line_if_fits.
float button_width(Text text, float min_width = 0);
// Paddings, spacings and roundings on the 4 px grid; colours are the theme's (theme.h).
void apply_spacing(ImGuiStyle& style);

// A screen whose content scrolls above an action bar that stays at the window's bottom (Review order,
// Confirm order): the action is in reach on a short laptop window or a phone without scrolling to find
// it. The bar keeps the tallest height it was drawn at (its hint wraps to more lines on a narrow window
// as the words change): the content above never jumps under the pointer. Tab and the arrows go through
// the content as if it were not a child window.
//   begin_scrolling_content("choices", fields.bar_height); ...content...; end_scrolling_content();
//   const float top = ImGui::GetCursorPosY(); ...bar...; keep_action_bar_height(top, fields.bar_height);
void begin_scrolling_content(const char* id, float last_bar_height);
void end_scrolling_content();
void keep_action_bar_height(float bar_top, float& bar_height);

} // namespace rd::ui
