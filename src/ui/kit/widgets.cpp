#include "ui/kit/widgets.h"

#include "core/text.h"
#include "ui/api_text.h"
#include "ui/heading_font.h"
#include "ui/kit/mirror.h"
#include "ui/kit/table_widgets.h"
#include "ui/kit/ui_context.h"
#include "ui/layout.h"
#include "ui/theme.h"
#include "ui/words/error_words.h"

#include <imgui.h>
#include <imgui_internal.h> // the mirror moves ImGui's keyboard focus: SetFocusID, ScrollToItem
#include <misc/cpp/imgui_stdlib.h>

#include <algorithm>
#include <cstdio>

namespace rd::ui {

std::map<std::string, WidgetRect>& tracked_rects() {
    return ui_context().tracked.rects;
}

static std::map<std::string, WidgetRect>& previous_rects() {
    return ui_context().tracked.previous;
}

void begin_widgets_frame() {
    previous_rects().swap(tracked_rects());
    tracked_rects().clear();
    focused_label().clear();
    mirror::begin_frame();
}

void end_widgets_frame() {
    mirror::focused(focused_label());
    mirror::language(language_code(current_language()));
    mirror::end_frame();
}

std::string& focused_label() {
    return ui_context().tracked.focused;
}

// The page's mirror asked for the keyboard on the item just drawn: ImGui's focus (and its visible
// ring) moves there, without starting to edit, so typing stays in the mirror's own field.
// ImGui stops editing any field: the mirror's field holds the text now. ImGui's copy of the text it was
// editing must not be written back when the edit ends (its deactivation hook), or it would overwrite
// what the mirror typed.
void stop_imgui_editing() {
    ImGuiContext& context = *ImGui::GetCurrentContext();
    if (context.ActiveId == 0) return;
    ImGui::ClearActiveID();
    ImGuiInputTextDeactivatedState& ended = context.InputTextDeactivatedState; // may be the secret
    wipe_bytes(ended.TextA.Data, static_cast<std::size_t>(ended.TextA.Capacity));
    ended.TextA.resize(0);
    ended.ID = 0;
}

void take_mirror_focus(const std::string& label) {
    if (!mirror::take_focus(label)) return;
    ImGuiContext& context = *ImGui::GetCurrentContext();
    const ImGuiID id = context.LastItemData.ID;
    if (id == 0) return;
    stop_imgui_editing();
    ImGui::SetFocusID(id, context.CurrentWindow);
    context.NavDisableHighlight = false; // the ring shows, as after Tab
    context.NavDisableMouseHover = true;
    ImGui::ScrollToItem();
}

void track(const std::string& label) {
    take_mirror_focus(label);
    if (ImGui::IsItemFocused()) focused_label() = label;
    ImVec2 min = ImGui::GetItemRectMin();
    ImVec2 max = ImGui::GetItemRectMax();
    // Where the widget can be seen: across, the window's visible area (not a table column's: a row's
    // selectable spans every column; overlapping is enough, no window here scrolls sideways and a row
    // wider than a phone is clicked at its visible part); down, the current clip, which in a table
    // starts below its frozen header row (a row half under the header would take a click on the header).
    const ImGuiWindow* window = ImGui::GetCurrentWindow();
    const ImRect across = window->InnerClipRect;
    const ImRect down = window->ClipRect;
    WidgetRect& rect = tracked_rects()[label];
    rect = WidgetRect{.x = min.x,
                      .y = min.y,
                      .w = max.x - min.x,
                      .h = max.y - min.y,
                      .clip_x = across.Min.x,
                      .clip_y = down.Min.y,
                      .clip_w = across.GetWidth(),
                      .clip_h = down.GetHeight(),
                      .visible = min.y >= down.Min.y && max.y <= down.Max.y && min.x < across.Max.x &&
                                 max.x > across.Min.x};
    const auto before = previous_rects().find(label);
    if (before != previous_rects().end()) {
        const WidgetRect& b = before->second;
        const bool same =
            b.x == rect.x && b.y == rect.y && b.w == rect.w && b.h == rect.h && b.visible == rect.visible;
        rect.still = same ? std::min(b.still + 1, 2) : 0;
    }
}

std::string label(Text text) {
    return std::string(tr(text)) + "###" + en(text);
}

void heading(const char* text) {
    ImGui::Spacing();
    ImGui::PushStyleColor(ImGuiCol_Text, current_palette().heading);
    ImFont* font = heading_font_for(text); // null: a glyph only the body font draws (or fetches)
    if (font) ImGui::PushFont(font);
    ImGui::TextUnformatted(text);
    if (font) ImGui::PopFont();
    ImGui::PopStyleColor();
    ImGui::Separator();
    mirror::heading(text);
}

void status_heading(const char* text, StatusIcon icon, Tone tone) {
    ImGui::Spacing();
    ImFont* font = heading_font_for(text);
    if (font) ImGui::PushFont(font);
    status_icon(icon, tone, ImGui::GetTextLineHeight());
    ImGui::SameLine();
    ImGui::PushStyleColor(ImGuiCol_Text, tone_colour(tone));
    ImGui::TextUnformatted(text);
    ImGui::PopStyleColor();
    if (font) ImGui::PopFont();
    ImGui::Separator();
    mirror::heading(text);
}

void error_box(const ApiError& error) {
    ImGui::PushStyleColor(ImGuiCol_Text, current_palette().bad);
    ImGui::PushTextWrapPos(0.0f);
    const std::string words = error_words(error);
    ImGui::TextUnformatted(words.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    mirror::alert(words);
}

void hint(const char* text, const std::string& key) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(text);
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    if (!key.empty()) track(key);
    mirror::text(text);
}

void spinner_text(const char* text) {
    static const char* dots[] = {"", ".", "..", "..."};
    int phase = static_cast<int>(ImGui::GetTime() * 3.0) % 4;
    ImGui::Text("%s%s", text, dots[phase]);
    mirror::text(text); // without the moving dots: the mirror changes only when the words do
}

const std::vector<Text>& row_label_texts() {
    static const std::vector<Text> texts = {
        Text::sending_to,      Text::renew_for,    Text::plan,        Text::price_as_listed,
        Text::billing_contact, Text::term,         Text::po_number,   Text::order_no,
        Text::order_id,        Text::order_status, Text::instance_id, Text::transaction_no,
        Text::product_no,      Text::request_id,   Text::status,      Text::created,
    };
    return texts;
}

float row_label_column() {
    float widest = 0;
    for (Text text : row_label_texts())
        widest = std::max(widest, ImGui::CalcTextSize(tr(text)).x);
    return std::max(160.0f, ImGui::GetStyle().WindowPadding.x + widest + 2 * ImGui::GetStyle().ItemSpacing.x);
}

void row_label(Text label) {
    ImGui::TextDisabled("%s", tr(label));
    ImGui::SameLine(row_label_column());
}

void label_value_row(Text label, const std::string& value) {
    row_label(label);
    const std::string shown = value.empty() ? "-" : api_text(value);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(shown.c_str());
    ImGui::PopTextWrapPos();
    mirror::text(std::string(tr(label)) + ": " + shown);
}

namespace {

// The ImGui label of a widget: its words shown, its key as the ID.
std::string imgui_label(const WidgetId& id, bool shown = true) {
    return (shown ? id.name : std::string()) + "###" + id.key;
}

} // namespace

bool button(const WidgetId& id, bool enabled, float min_width) {
    const float fits = ImGui::CalcTextSize(id.name.c_str()).x + 2 * ImGui::GetStyle().FramePadding.x;
    ImGui::BeginDisabled(!enabled);
    bool pressed = ImGui::Button(imgui_label(id).c_str(), ImVec2(std::max(min_width, fits), 0));
    ImGui::EndDisabled();
    track(id.key);
    mirror::button(id.key, id.name, enabled);
    pressed = mirror::take_activate(id.key) || pressed; // a press in the mirror is a click
    return pressed && enabled;
}

bool bar_button(const WidgetId& id, float width, bool toggled) {
    if (toggled) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding,
                        ImVec2(ImGui::GetStyle().FramePadding.x, 0)); // as SmallButton
    const bool pressed =
        ImGui::ButtonEx(imgui_label(id).c_str(), ImVec2(width, 0), ImGuiButtonFlags_AlignTextBaseLine);
    ImGui::PopStyleVar();
    if (toggled) ImGui::PopStyleColor();
    track(id.key);
    mirror::button(id.key, id.name, true, toggled);
    return mirror::take_activate(id.key) || pressed;
}

bool quiet_button(const WidgetId& id, bool toggled) {
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(2, 0));
    ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0, 0, 0, 0));
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    const bool pressed =
        ImGui::ButtonEx(imgui_label(id).c_str(), ImVec2(0, 0), ImGuiButtonFlags_AlignTextBaseLine);
    ImGui::PopStyleColor(2);
    ImGui::PopStyleVar();
    track(id.key);
    mirror::button(id.key, id.name, true, toggled);
    return mirror::take_activate(id.key) || pressed;
}

namespace {

// The mirror's text for the field, taken before ImGui draws it (disabled: nothing taken).
bool take_mirror_text(const WidgetId& id, std::string& text, const FieldOptions& options) {
    return !options.disabled && mirror_text(id.key, text);
}

bool draw_input(const WidgetId& id, std::string& text, const FieldOptions& options,
                ImGuiInputTextFlags extra) {
    if (options.width != 0) ImGui::SetNextItemWidth(options.width);
    if (options.focus) ImGui::SetKeyboardFocusHere();
    const std::string shown = imgui_label(id, options.label_beside);
    if (options.placeholder && *options.placeholder)
        return ImGui::InputTextWithHint(shown.c_str(), options.placeholder, &text, options.flags | extra,
                                        options.callback, options.callback_data);
    return ImGui::InputText(shown.c_str(), &text, options.flags | extra, options.callback,
                            options.callback_data);
}

const std::string& mirror_name(const WidgetId& id, const FieldOptions& options) {
    return options.mirror_name.empty() ? id.name : options.mirror_name;
}

} // namespace

bool text_field(const WidgetId& id, std::string& text, const FieldOptions& options) {
    const bool typed = take_mirror_text(id, text, options);
    const bool edited = draw_input(id, text, options, 0);
    track(id.key);
    // A field named by its placeholder (a search box) does not repeat it as the mirror's hint.
    const std::string placeholder = options.placeholder ? options.placeholder : "";
    const std::string& name = mirror_name(id, options);
    mirror::field(id.key, name, text, placeholder == name ? std::string() : placeholder, options.disabled,
                  options.enter);
    return edited || typed;
}

bool secret_field(const WidgetId& id, std::string& text, const FieldOptions& options) {
    take_mirror_text(id, text, options);
    const bool enter =
        draw_input(id, text, options, ImGuiInputTextFlags_Password | ImGuiInputTextFlags_EnterReturnsTrue);
    track(id.key);
    // Never its text: the mirror's own password field holds what was typed there.
    mirror::secret(id.key, mirror_name(id, options), !text.empty(), options.disabled, options.enter);
    return enter;
}

bool checkbox(const WidgetId& id, bool& checked, bool label_beside) {
    bool changed = ImGui::Checkbox(imgui_label(id, label_beside).c_str(), &checked);
    track(id.key);
    if (mirror::take_activate(id.key)) {
        checked = !checked;
        changed = true;
    }
    mirror::checkbox(id.key, id.name, checked);
    return changed;
}

bool row_checkbox(const std::string& key, bool& checked) {
    bool changed = ImGui::Checkbox(("##" + key).c_str(), &checked);
    if (mirror::take_activate(key) && !changed) { // ticked in the mirror (the row's checkbox)
        checked = !checked;
        changed = true;
    }
    track(key);
    return changed;
}

void begin_radio_group(const WidgetId& id) {
    mirror::begin_group(id.key, id.name);
}

void end_radio_group() {
    mirror::end_group();
}

bool radio(const WidgetId& id, bool selected, const std::string& details) {
    const bool chosen =
        ImGui::RadioButton(imgui_label(id).c_str(), selected) || mirror::take_activate(id.key);
    track(id.key);
    if (!details.empty()) {
        same_line_if_fits(ImGui::CalcTextSize(details.c_str()).x); // else below the name, whole
        hint(details.c_str());
    }
    mirror::radio(id.key, details.empty() ? id.name : id.name + ", " + details, selected);
    return chosen;
}

void begin_mirrored_table(const WidgetId& id, std::vector<std::string> columns,
                          const std::string& check_name) {
    mirror::begin_table(id.key, id.name, std::move(columns), check_name);
}

void end_mirrored_table() {
    mirror::end_table();
}

bool table_row(const WidgetId& id, const std::string& label, std::vector<std::string> cells, bool selected,
               const RowCheck& check, RowSpan span) {
    const ImGuiSelectableFlags flags = span == RowSpan::row ? ImGuiSelectableFlags_SpanAllColumns : 0;
    const bool cut = cut_here(label.c_str(), true);
    const bool clicked = ImGui::Selectable(label.c_str(), selected, flags);
    whole_text_on_hover(cells.empty() ? label : cells.front(), cut);
    track(id.key);
    mirror::row(id.key, std::move(cells), selected, check.key, check.checked);
    return mirror::take_activate(id.key) || clicked;
}

bool row_button(const WidgetId& id) {
    const bool pressed = ImGui::SmallButton(imgui_label(id).c_str());
    track(id.key);
    return pressed;
}

bool mirror_only_radio(const WidgetId& id, bool selected) {
    mirror::radio(id.key, id.name, selected);
    return mirror::take_activate(id.key);
}

void name_item(const std::string& key) {
    track(key);
}

void dimmed_text(const std::string& text, const std::string& key) {
    ImGui::TextDisabled("%s", text.c_str());
    if (!key.empty()) track(key);
    mirror::text(text);
}

void plain_text(const std::string& text, const std::string& key) {
    ImGui::TextUnformatted(text.c_str());
    if (!key.empty()) track(key);
    mirror::text(text);
}

void bullet_text(const std::string& text) {
    ImGui::BulletText("%s", text.c_str());
    mirror::text(text);
}

void progress_bar(float fraction, const std::string& text, const std::string& key) {
    ImGui::ProgressBar(fraction, ImVec2(-1, 0), text.c_str());
    track(key);
    mirror::text(text);
}

void section_heading(const std::string& text) {
    ImGui::SeparatorText(text.c_str());
    mirror::heading(text, 3);
}

void label_value_at(const std::string& label, const std::string& value, float column) {
    ImGui::TextDisabled("%s", label.c_str());
    ImGui::SameLine(column);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(value.c_str());
    ImGui::PopTextWrapPos();
    mirror::text(label + ": " + value);
}

void wrapped_text(const std::string& text, const std::string& key) {
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(text.c_str());
    ImGui::PopTextWrapPos();
    if (!key.empty()) track(key);
    mirror::text(text);
}

void alert_text(const std::string& text) {
    ImGui::PushStyleColor(ImGuiCol_Text, tone_colour(Tone::bad));
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(text.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    mirror::alert(text);
}

void alert_lines(std::initializer_list<const char*> lines) {
    std::string all;
    for (const char* line : lines) {
        ImGui::TextUnformatted(line);
        all += (all.empty() ? "" : " ") + std::string(line);
    }
    mirror::alert(all);
}

void announce(const std::string& text) {
    mirror::announce(text);
}

void mirror_heading(const std::string& text, int level) {
    mirror::heading(text, level);
}

void mirror_only_text(const std::string& text) {
    mirror::text(text);
}

bool mirror_text(const std::string& key, std::string& text) {
    std::optional<std::string> typed = mirror::take_text(key);
    if (!typed) return false;
    stop_imgui_editing();
    if (*typed == text) return false;
    wipe_string(text); // the old text may be a secret
    text = std::move(*typed);
    return true;
}

void toned_text(Tone tone, const std::string& text, const std::string& key) {
    ImGui::PushStyleColor(ImGuiCol_Text, tone_colour(tone));
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(text.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    if (!key.empty()) track(key);
    mirror::text(text);
}

void destination_row(const std::string& base_url, bool is_sandbox) {
    const std::string host = url_host(base_url);
    const std::string where =
        format(is_sandbox ? Text::sending_to_sandbox_fmt : Text::sending_to_real_fmt, host.c_str());
    row_label(Text::sending_to);
    ImGui::PushStyleColor(ImGuiCol_Text, tone_colour(is_sandbox ? Tone::good : Tone::pending));
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(where.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    track(en(Text::sending_to));
    mirror::text(std::string(tr(Text::sending_to)) + ": " + where);
}

} // namespace rd::ui
