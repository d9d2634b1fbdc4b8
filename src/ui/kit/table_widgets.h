// The kit's tables, each part one call: begin_table sets a table up (its columns, resizable, a header
// row that stays while the rows scroll, and the accessible mirror's table), cells are drawn by
// cell_text and its kin, and a cell too narrow for its text shows the whole text on hover (the mirror's
// row always has it whole: table_row's cells). Screens never call ImGui's table functions themselves.
#pragma once

#include "ui/display_text.h"
#include "ui/kit/widgets.h"

#include <optional>
#include <string>
#include <vector>

namespace rd::ui {

struct TableColumn {
    std::string name;          // the header's words (current language); empty: none, and not in the mirror
    float weight = 1.0f;       // its share of the width (columns can be resized)
    float fixed_width = 0;     // > 0: this wide, not resized or sorted (a row number, a checkbox)
    bool default_sort = false; // a sortable table starts sorted by this column
};

struct TableSetup {
    float height = 0;       // the rows scroll inside this height
    bool sortable = false;  // the headers sort (read the person's choice with table_sort)
    std::string check_name; // the mirror: what a row's checkbox does (none: no checkboxes)
};

// True when the table is shown: draw its rows, then end_table().
bool begin_table(const WidgetId& id, const std::vector<TableColumn>& columns, const TableSetup& setup);
void end_table();
// The sort the person chose in a sortable table's headers: `column` counts the named columns only
// (a fixed column before them is skipped); read every frame, so a screen's fields made anew follow
// the table. True when the person changed it this frame.
bool table_sort(int& column, bool& descending);

void next_row();  // a new row (then a cell call for each column)
void next_cell(); // the next column, for a cell drawn another way (a checkbox, a button, a row)
// The next column's text (in a tone's colour, or dimmed): when cut by the column's width, hovering
// it shows the whole text.
void cell_text(const std::string& text);
void toned_cell_text(Tone tone, const std::string& text);
void dimmed_cell_text(const std::string& text);
// One more line in the current cell, in a tone's colour (none: dimmed), wrapped at the cell's edge
// (the mirror's row carries it: put it in text_row's or table_row's cells).
void cell_note(const std::string& text, std::optional<Tone> tone = std::nullopt);
// A row the mirror reads but cannot choose (its cells drawn with cell_text): the first cell heads it.
void text_row(const std::string& key, std::vector<std::string> cells);
// After a cell's last item: this row stays drawn (and scrolled to) while the person's choice is on it.
void scroll_to_this_row();

// Whether `text` is wider than what is left of the current cell or line; an ImGui label (`is_label`)
// counts only its shown part, the text before a "##".
bool cut_here(const char* text, bool is_label = false);
// The whole `text` in a tooltip while the item just drawn is hovered, when `cut` (it had less room than
// the text needs). No hover delay: a page drawn on demand draws no frame while the mouse rests.
void whole_text_on_hover(const std::string& text, bool cut);

} // namespace rd::ui
