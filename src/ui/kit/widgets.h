// The kit: every widget the screens draw, each one call. A widget takes one id (WidgetId: the key it is
// tracked, mirrored and activated by, and the words it shows) and does the ImGui call, the tracking for
// the test hooks (track), the accessible mirror's record and the mirror's activation inside; screens
// never call track() or mirror:: themselves. Also: error boxes, spinners, headings, label/value rows.
#pragma once

#include "core/api_error.h"
#include "ui/app.h"
#include "ui/display_text.h"
#include "ui/status_icon.h"
#include "ui/words/catalog.h"

#include <imgui.h>

#include <map>
#include <string>
#include <vector>

namespace rd::ui {

// A widget's one id: `key` names it for the test hooks, the mirror and ImGui (English, the same in
// every language); `name` is what it shows in the current language.
struct WidgetId {
    std::string key;
    std::string name;
    WidgetId(Text text) : key(en(text)), name(tr(text)) {} // a catalog text: its English words are its key
    WidgetId(std::string key, std::string name) : key(std::move(key)), name(std::move(name)) {}
};

// Records the last drawn item's rectangle under `label` (read by tests through App::widget_rects).
void track(const std::string& label);
std::map<std::string, WidgetRect>& tracked_rects();
// At the start of a frame: the last frame's rectangles become the ones `still` is counted against,
// and the mirror starts describing the frame.
void begin_widgets_frame();
// At the end of a frame: the mirror's description ends, with the focus and the language.
void end_widgets_frame();
// The label of the tracked widget that has keyboard focus this frame (empty when none).
std::string& focused_label();

// A labelled widget's ImGui label: the current language's text shown, the English text as its ID
// ("<Chinese words>###Sign in"), so IDs and the test hooks' names stay English in every language.
std::string label(Text text);

void heading(const char* text);
// A heading led by a money state's shape (status_icon.h), its words in the tone's colour: never colour alone.
void status_heading(const char* text, StatusIcon icon, Tone tone);
void error_box(const ApiError& error);
void hint(const char* text, const std::string& key = {});
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
bool button(const WidgetId& id, bool enabled = true, float min_width = 0);
// A small button on the text's baseline (the top bar's switches), `width` wide (0: as its words);
// `toggled` shows it pressed (the language in use) and tells the mirror so.
bool bar_button(const WidgetId& id, float width = 0, bool toggled = false);
// A frameless button in the hint's colour on the text's baseline (the header's version); `toggled` tells
// the mirror it is pressed (what it opens is open).
bool quiet_button(const WidgetId& id, bool toggled);

struct FieldOptions {
    float width = 0;              // 0: ImGui's default; negative: up to the right edge less that much
    const char* placeholder = ""; // shown while empty, and the mirror's hint
    bool label_beside = true;     // false: no visible label (the placeholder or a row label says it)
    bool disabled = false;        // drawn disabled and the mirror's text not taken
    bool focus = false;           // the keyboard goes here this frame
    ImGuiInputTextFlags flags = 0;
    ImGuiInputTextCallback callback = nullptr;
    void* callback_data = nullptr;
    std::string mirror_name; // the mirror's name when not the id's (a field named by its placeholder)
    std::string enter;       // the button Enter presses (the mirror says so)
};
// A text field; true when its text changed (typed here or in the mirror), as InputText's return.
bool text_field(const WidgetId& id, std::string& text, const FieldOptions& options = {});
// A password field (the mirror learns only whether it holds text); true when Enter was pressed in it.
bool secret_field(const WidgetId& id, std::string& text, const FieldOptions& options = {});
// A checkbox (a press in the mirror ticks it too); true when it changed.
bool checkbox(const WidgetId& id, bool& checked, bool label_beside = true);
// A checkbox without a label in a table row, whose row carries it in the mirror (RowCheck); a press
// in the mirror ticks it too. True when it changed.
bool row_checkbox(const std::string& key, bool& checked);
// Radio buttons (a radio group's members): the group's legend is the id's name.
void begin_radio_group(const WidgetId& id);
void end_radio_group();
// A radio button and, beside it (or below on a narrow window), its details in the hint's colour;
// true when chosen (clicked, or pressed in the mirror).
bool radio(const WidgetId& id, bool selected, const std::string& details = {});
// A radio only the mirror shows (a combo's choices, whose list ImGui draws only while it is open).
bool mirror_only_radio(const WidgetId& id, bool selected);

// A table the mirror describes; its rows are table_row()s until end_mirrored_table().
void begin_mirrored_table(const WidgetId& id, std::vector<std::string> columns,
                          const std::string& check_name = {});
void end_mirrored_table();
struct RowCheck {
    std::string key; // the row's checkbox (ticking it for a batch); empty: none
    bool checked = false;
};
// A selectable row spanning the table's columns, showing `label` in the current cell; the mirror
// gets `cells` (the first is the row header). True when chosen (clicked, or pressed in the mirror).
enum class RowSpan { row, cell }; // what takes the click: the whole row, or only its first cell
bool table_row(const WidgetId& id, const std::string& label, std::vector<std::string> cells, bool selected,
               const RowCheck& check = {}, RowSpan span = RowSpan::row);
// A small button in a table row, tracked by the id's key; the mirror reaches the row, not the button.
bool row_button(const WidgetId& id);

// Names the last item drawn (a text, a group) for the test hooks, without a mirror record of its own
// (the kit's text widgets below take the key directly).
void name_item(const std::string& key);
// Static texts, each recorded for the mirror; `key` also names it for the test hooks.
void dimmed_text(const std::string& text, const std::string& key = {});
void plain_text(const std::string& text, const std::string& key = {});
void wrapped_text(const std::string& text, const std::string& key = {});
void bullet_text(const std::string& text);
void progress_bar(float fraction, const std::string& text, const std::string& key);
// A sub-section's title on a separator line (the mirror's level-3 heading).
void section_heading(const std::string& text);
// A dimmed label, then its value (wrapped) at `column`: label_value_row with a column of the screen's own.
void label_value_at(const std::string& label, const std::string& value, float column);
void alert_text(const std::string& text); // in the bad tone, announced when it appears
// Lines drawn as they are (not wrapped, the text's colour), announced together (the close question).
void alert_lines(std::initializer_list<const char*> lines);
// The outcome the mirror announces politely (not drawn: the screen shows it in its own way).
void announce(const std::string& text);
// The mirror's heading for a section drawn another way (the order details' sub-sections).
void mirror_heading(const std::string& text, int level);
void mirror_only_text(const std::string& text); // text the screen draws in pieces of its own
// Text the page's accessible mirror typed into the field tracked as `key` (its whole new text) replaces
// `text` (the old text wiped: it may be a secret). True when the text changed, as InputText's return.
// Call before the field is drawn.
bool mirror_text(const std::string& key, std::string& text);

// Wrapped text in a tone's colour (outcomes, warnings).
void toned_text(Tone tone, const std::string& text, const std::string& key = {});
// Where a Confirm sends orders, shown first and in colour: a sandbox or the real Partner Portal
// (the review and the batch review screens). Tracked as "Sending to".
void destination_row(const std::string& base_url, bool is_sandbox);

} // namespace rd::ui
