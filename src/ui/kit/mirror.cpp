#include "ui/kit/mirror.h"

#include "core/json.h"
#include "core/text.h"
#include "ui/kit/ui_context.h"

#include <algorithm>

namespace rd::ui::mirror {

namespace {

Recorder& recorder() {
    return ui_context().mirror;
}

Node& add(Role role, const std::string& key, const std::string& name) {
    Recorder& r = recorder();
    // Inside an open group, everything recorded belongs to it (its radios and their descriptions).
    std::vector<Node>* into = r.group > 0 ? &r.building[r.group - 1].children : &r.building;
    Node& node = into->emplace_back();
    node.role = role;
    node.key = key;
    node.name = name;
    return node;
}

const char* role_code(Role role) {
    switch (role) {
    case Role::heading: return "heading";
    case Role::text: return "text";
    case Role::alert: return "alert";
    case Role::field: return "field";
    case Role::secret: return "secret";
    case Role::button: return "button";
    case Role::checkbox: return "checkbox";
    case Role::group: return "group";
    case Role::radio: return "radio";
    case Role::table: return "table";
    }
    return "text";
}

Json to_json(const Node& node) {
    Json out = {{"r", role_code(node.role)}, {"n", node.name}};
    if (!node.key.empty()) out["k"] = node.key;
    if (node.role == Role::heading) out["l"] = node.level;
    if (node.role == Role::field) out["v"] = node.value;
    if (!node.hint.empty()) out["h"] = node.hint;
    if (!node.enter.empty()) out["e"] = node.enter;
    if (node.disabled) out["d"] = true;
    if (node.checked) out["c"] = true;
    if (!node.children.empty()) {
        Json children = Json::array();
        for (const Node& child : node.children)
            children.push_back(to_json(child));
        out["ch"] = std::move(children);
    }
    if (node.role == Role::table) {
        out["cols"] = node.columns;
        Json rows = Json::array();
        for (const Row& row : node.rows) {
            Json item = {{"k", row.key}, {"cells", row.cells}, {"s", row.selected}};
            if (!row.choosable) item["ro"] = true;
            if (!row.check_key.empty()) {
                item["ck"] = row.check_key;
                item["c"] = row.checked;
            }
            rows.push_back(std::move(item));
        }
        out["rows"] = std::move(rows);
        if (!node.check_name.empty()) out["cn"] = node.check_name;
    }
    return out;
}

} // namespace

void begin_frame() {
    Recorder& r = recorder();
    r.building.clear();
    r.live_building.clear();
    r.focus_building.clear();
    r.group = 0;
    r.in_table = false;
}

void heading(const std::string& text, int level) {
    add(Role::heading, {}, text).level = level;
}

void text(const std::string& text) {
    if (!text.empty()) add(Role::text, {}, text);
}

void alert(const std::string& text) {
    add(Role::alert, {}, text);
}

void field(const std::string& key, const std::string& name, const std::string& value, const std::string& hint,
           bool disabled, const std::string& enter) {
    Node& node = add(Role::field, key, name);
    node.value = value;
    node.hint = hint;
    node.disabled = disabled;
    node.enter = enter;
}

void secret(const std::string& key, const std::string& name, bool filled, bool disabled,
            const std::string& enter) {
    Node& node = add(Role::secret, key, name);
    node.checked = filled;
    node.disabled = disabled;
    node.enter = enter;
}

void button(const std::string& key, const std::string& name, bool enabled, bool pressed) {
    Node& node = add(Role::button, key, name);
    node.disabled = !enabled;
    node.checked = pressed;
}

void checkbox(const std::string& key, const std::string& name, bool checked) {
    add(Role::checkbox, key, name).checked = checked;
}

void begin_group(const std::string& key, const std::string& legend) {
    Recorder& r = recorder();
    r.group = 0;
    add(Role::group, key, legend);
    r.group = r.building.size();
}

void radio(const std::string& key, const std::string& name, bool checked) {
    add(Role::radio, key, name).checked = checked;
}

void end_group() {
    recorder().group = 0;
}

void begin_table(const std::string& key, const std::string& caption, std::vector<std::string> columns,
                 const std::string& check_name) {
    Node& table = add(Role::table, key, caption);
    table.columns = std::move(columns);
    table.check_name = check_name;
    recorder().in_table = true;
}

void row(const std::string& key, std::vector<std::string> cells, bool selected, const std::string& check_key,
         bool checked) {
    Recorder& r = recorder();
    if (!r.in_table || r.building.empty() || r.building.back().role != Role::table) return;
    r.building.back().rows.push_back({.key = key,
                                      .cells = std::move(cells),
                                      .selected = selected,
                                      .check_key = check_key,
                                      .checked = checked});
}

void text_row(const std::string& key, std::vector<std::string> cells) {
    Recorder& r = recorder();
    if (!r.in_table || r.building.empty() || r.building.back().role != Role::table) return;
    r.building.back().rows.push_back({.key = key, .cells = std::move(cells), .choosable = false});
}

void end_table() {
    recorder().in_table = false;
}

void announce(const std::string& text) {
    recorder().live_building = text;
}

void focused(const std::string& key) {
    recorder().focus_building = key;
}

void language(const std::string& tag) {
    recorder().language = tag;
}

bool end_frame() {
    Recorder& r = recorder();
    for (Request& request : r.requests) // not consumed: its widget is gone
        wipe_string(request.text);
    r.requests.clear();
    r.ended.swap(r.building);
    r.live_ended = r.live_building;
    r.focus_ended = r.focus_building;
    Json doc = {
        {"focus", r.focus_ended}, {"live", r.live_ended}, {"lang", r.language}, {"nodes", Json::array()}};
    for (const Node& node : r.ended)
        doc["nodes"].push_back(to_json(node));
    std::string text = doc.dump(-1, ' ', false, Json::error_handler_t::replace);
    if (text == r.json) return false;
    r.json = std::move(text);
    ++r.version;
    return true;
}

const std::vector<Node>& nodes() {
    return recorder().ended;
}

const std::string& json() {
    return recorder().json;
}

std::uint64_t version() {
    return recorder().version;
}

void push_request(Request request) {
    recorder().requests.push_back(std::move(request));
}

bool has_requests() {
    return !recorder().requests.empty();
}

namespace {

// Removes the pending requests of `kind` for `key`; the last one's text, if any was found.
std::optional<std::string> take(RequestKind kind, const std::string& key) {
    auto& requests = recorder().requests;
    std::optional<std::string> found;
    for (auto it = requests.begin(); it != requests.end();) {
        if (it->kind != kind || it->key != key) {
            ++it;
            continue;
        }
        if (found) wipe_string(*found);
        found = std::move(it->text);
        it = requests.erase(it);
    }
    return found;
}

} // namespace

bool take_activate(const std::string& key) {
    return take(RequestKind::activate, key).has_value();
}

bool take_focus(const std::string& key) {
    return take(RequestKind::focus, key).has_value();
}

std::optional<std::string> take_text(const std::string& key) {
    return take(RequestKind::set_text, key);
}

} // namespace rd::ui::mirror
