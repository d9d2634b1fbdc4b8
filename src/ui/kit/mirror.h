// The accessible mirror: a description of the screen as a screen reader needs it (headings, labelled
// fields, buttons, radio groups, the user table's visible rows, outcomes to announce), recorded by the
// widgets while they draw. ImGui draws pixels; the web page builds hidden DOM from this description
// (web/mirror.js) so the browser can expose the screen to assistive technology.
//
// The other way, the page's elements send requests (focus this, activate that, this field now holds
// this text) that the same widgets consume in the next frame, so a button pressed in the mirror takes
// exactly the path of a click: one request, at most one press.
//
// Per frame: begin_frame(); the widgets record and consume; end_frame() serialises, and the version
// changes only when the description did, so the page rebuilds nothing while nothing changes.
// Free of ImGui: the widgets in widgets.cpp call it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace rd::ui::mirror {

enum class Role : std::uint8_t {
    heading,  // name, level
    text,     // name: static text (hints, label: value rows)
    alert,    // name: an error, announced when it appears
    field,    // key, name, value (placeholder in `hint`), enter: the button Enter presses
    secret,   // key, name, checked: holds text (its text is never recorded), enter
    button,   // key, name, disabled, pressed (a toggle such as the current language)
    checkbox, // key, name, checked
    group,    // key, name (legend), children: radio
    radio,    // key, name, checked
    table,    // key, name (caption), columns, rows
};

struct Row {
    std::string key;                // activating the row header chooses this row
    std::vector<std::string> cells; // the first is the row header
    bool selected = false;
    std::string check_key; // a checkbox in the row (ticking it for a batch), named by the table's check_name
    bool checked = false;
    bool choosable = true; // false: the row is read, not chosen (its header is text, not a button)
};

struct Node {
    Role role = Role::text;
    std::string key; // the widget's tracked name; empty for static text
    std::string name;
    std::string value;
    std::string hint;
    std::string enter;
    int level = 2;
    bool disabled = false;
    bool checked = false;
    std::vector<Node> children;
    std::vector<std::string> columns;
    std::vector<Row> rows;
    std::string check_name; // tables: what a row's checkbox does
};

// ---- recording (the widgets, while they draw) ----
void begin_frame();
void heading(const std::string& text, int level = 2);
void text(const std::string& text);
void alert(const std::string& text);
void field(const std::string& key, const std::string& name, const std::string& value,
           const std::string& hint = {}, bool disabled = false, const std::string& enter = {});
void secret(const std::string& key, const std::string& name, bool filled, bool disabled = false,
            const std::string& enter = {});
void button(const std::string& key, const std::string& name, bool enabled = true, bool pressed = false);
void checkbox(const std::string& key, const std::string& name, bool checked);
void begin_group(const std::string& key, const std::string& legend); // radios until end_group()
void radio(const std::string& key, const std::string& name, bool checked);
void end_group();
void begin_table(const std::string& key, const std::string& caption, std::vector<std::string> columns,
                 const std::string& check_name = {});
void row(const std::string& key, std::vector<std::string> cells, bool selected,
         const std::string& check_key = {}, bool checked = false);
// A row that is read, not chosen (a batch's targets and outcomes).
void text_row(const std::string& key, std::vector<std::string> cells);
void end_table();
// The outcome to announce politely (an ARIA live region); the page speaks it when it changes.
void announce(const std::string& text);
// The widget ImGui's keyboard focus is on (its key), or empty.
void focused(const std::string& key);
// The language the screen is in (a BCP 47 tag: "en", "zh"): the page's <html lang>, so a reader speaks
// Chinese names in Chinese.
void language(const std::string& tag);

// Ends the frame's description; true when it differs from the last one ended.
bool end_frame();
const std::vector<Node>& nodes(); // the last ended frame's
// {"focus":key,"live":text,"lang":tag,"nodes":[...]}: what the page renders. UTF-8, invalid bytes replaced.
const std::string& json();
std::uint64_t version(); // changes whenever json() does

// ---- requests from the page's elements (consumed in the next frame) ----
enum class RequestKind : std::uint8_t { activate, focus, set_text };
struct Request {
    RequestKind kind = RequestKind::activate;
    std::string key;
    std::string text; // set_text: the field's whole new text
};
void push_request(Request request);
bool has_requests();
// True once if an activation of `key` is pending (all of them are consumed: one press per frame).
bool take_activate(const std::string& key);
bool take_focus(const std::string& key);
std::optional<std::string> take_text(const std::string& key); // the latest text for `key`
// Requests no widget consumed in the frame (the widget is gone) are dropped at end_frame().

} // namespace rd::ui::mirror
